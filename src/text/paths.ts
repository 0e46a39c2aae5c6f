/**
 * Paths as documents for a client show them: the consultant's own folders stay out. Both work on
 * either slash, since a report made on Windows may be rendered elsewhere.
 */

/** The answers file by its base name (`/home/me/clients/a/filing.yaml` → `filing.yaml`). */
export function sourceName(source: string): string {
  const parts = source.split(/[\\/]/).filter((part) => part !== '');
  return parts[parts.length - 1] ?? source;
}

/**
 * A material file as the user wrote it, relative to the answers file; an absolute path or one
 * that climbs out of the answers file's folder (`../..`) shows only its base name.
 */
export function materialPath(file: string): string {
  const absolute = /^([\\/]|[A-Za-z]:[\\/]|~)/.test(file);
  const climbs = file.split(/[\\/]/).includes('..');
  return absolute || climbs ? sourceName(file) : file;
}
