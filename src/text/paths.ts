import { LANGS, t, type Lang, type MessageArg } from '../messages/messages.js';

/**
 * Paths as documents for a client show them: the consultant's own folders stay out. Both work on
 * either slash, since a report made on Windows may be rendered elsewhere. The answers file's folder
 * is the case folder: a material file inside it is shown as the user wrote it, one outside it (an
 * absolute path, or one that climbs out with `..`) by its base name and a note that it lies outside.
 */

/** The last part of a path (`/home/me/clients/a/filing.yaml` → `filing.yaml`); the answers file is named so. */
export function sourceName(source: string): string {
  const parts = source.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? source;
}

/** Whether a material file, as written in the answers file, lies outside the answers file's folder. */
function outsideCaseFolder(file: string): boolean {
  return /^([\\/]|[A-Za-z]:|~)/.test(file) || file.split(/[\\/]/).includes('..');
}

/** A material file as a message argument: the path as written, or the base name worded as outside the case folder. */
export function materialFileArg(file: string): MessageArg {
  return outsideCaseFolder(file) ? { key: 'path.outsideCase', args: { name: sourceName(file) } } : file;
}

/** A material file as a document for a client shows it, in the document's language. */
export function materialPath(file: string, lang: Lang): string {
  return outsideCaseFolder(file) ? t(lang, 'path.outsideCase', { name: sourceName(file) }) : file;
}

/** Whether a checklist's file cell still shows the answers file's path (in either language), so importing it changes nothing. */
export function showsMaterialPath(cell: string, file: string): boolean {
  return LANGS.some((lang) => materialPath(file, lang) === cell);
}
