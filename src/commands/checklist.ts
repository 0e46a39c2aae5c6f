import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Option, type Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { genericAnswers, parseTypeOption, type GenericRole } from '../checklist/generic.js';
import { buildChecklist, type Checklist } from '../checklist/model.js';
import { encodeExportRecord, exportRecord } from '../checklist/export-record.js';
import type { Answers } from '../answers/schema.js';
import { checklistCsv, checklistHtml, checklistMarkdown } from '../checklist/render.js';
import { diagnose } from '../core/report.js';
import { ERROR_MESSAGES, ExitCode, inputError, type ErrorWords } from '../errors.js';
import { LAYOUT } from '../checklist/layout.js';
import type { ImportConflict, Prefer } from '../checklist/import.js';
import { withFileLock, writeFileAtomic, type Io } from '../io.js';
import { decodeDataBytes } from '../data/data-text.js';
import { mapStrings, visible, xmlSafe } from '../text/visible.js';
import { word } from '../messages/catalogue.js';
import { t } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import {
  asOfDate, assessedMaterialsFor, emit, formatOption, pipedAnswers, rulesFor, rulesOption, VERSION, type CommandContext, type CommonOptions,
} from './shared.js';
import { langOption } from '../lang.js';
import { readAnswersSource } from '../data/source.js';

export const CHECKLIST_FORMATS = ['md', 'html', 'docx', 'xlsx', 'csv'] as const;
type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

interface ChecklistOptions extends CommonOptions {
  format: ChecklistFormat;
  type?: string;
  role?: GenericRole;
  import?: string;
  into?: string;
  dryRun?: boolean;
  prefer?: Prefer;
}

/**
 * Renders a checklist; Word and Excel are loaded only when asked for, to keep start-up fast. The
 * formats a client fills in carry the values at export, so that the import can tell what changed.
 */
async function renderChecklist(checklist: Checklist, answers: Answers, rules: Rules, format: ChecklistFormat): Promise<string | Uint8Array> {
  const record = (shown: Checklist) => encodeExportRecord(exportRecord(shown.items, answers, rules, shown.lang));
  switch (format) {
    case 'md':
      return checklistMarkdown(checklist);
    case 'html':
      return checklistHtml(checklist);
    case 'csv':
      return checklistCsv(checklist, record(checklist));
    // Word and Excel files do not open with characters XML forbids; the text formats are made visible
    // by emit. The record holds the cells as the file shows them.
    case 'docx': {
      const shown = mapStrings(checklist, xmlSafe);
      return (await import('../checklist/docx.js')).checklistDocx(shown, record(shown));
    }
    case 'xlsx': {
      const shown = mapStrings(checklist, xmlSafe);
      return (await import('../checklist/xlsx.js')).checklistXlsx(shown, record(shown));
    }
  }
}

/** The case's checklist, or a generic one for --type/--role built by running the real core on typical answers; with the answers it was made from. */
async function checklistFor(file: string | undefined, options: ChecklistOptions, rules: Rules, io: Io): Promise<{ checklist: Checklist; answers: Answers }> {
  const asOf = asOfDate(options.asOf, io);
  const { lang } = options;
  if (options.type !== undefined) {
    const type = parseTypeOption(options.type, rules);
    const role = options.role ?? 'provider';
    const typeName = rules.types.find((d) => d.code === type)!.title[lang];
    const shown = t(lang, 'checklist.generic.source', { type, role: t(lang, `role.${role}`) });
    const answers = await parseAnswers(JSON.stringify(genericAnswers(type, role, rules, lang)), shown, rules);
    const report = diagnose({ answers, rules, lang, source: shown, asOf, toolVersion: VERSION });
    return { checklist: buildChecklist(report, rules, t(lang, 'checklist.generic.label', { type, typeName, role: t(lang, `role.${role}`) })), answers };
  }
  const source = file !== undefined ? await readAnswersSource(file, io) : await pipedAnswers(io, 'checklist');
  const answers = await parseAnswers(source.text, source.shown, rules);
  const assessedMaterials = await assessedMaterialsFor(answers, source.shown, io, lang);
  return { checklist: buildChecklist(diagnose({ answers, rules, lang, source: source.shown, asOf, toolVersion: VERSION, assessedMaterials }), rules, null), answers };
}

/**
 * Reads a filled-in checklist back into the answers file: only the fields that differ are spliced
 * in, the result must pass the real answers parser and read back as exactly the planned change,
 * then it replaces the file atomically (replacing it is the point, so no --force).
 */
async function importChecklist(options: ChecklistOptions, rules: Rules, context: CommandContext): Promise<void> {
  // Held from reading the answers to writing them: a second import waits, then reads this one's
  // result, and what its client changed is weighed against that.
  const { io } = context;
  if (!options.dryRun) return withFileLock(resolve(io.cwd, options.into!), options.into!, () => importUnlocked(options, rules, context));
  return importUnlocked(options, rules, context);
}

/** One conflict in the run's language: the checklist, the row (序号, key, material), the column and the three values. */
function conflictLine(conflict: ImportConflict, options: ChecklistOptions, rules: Rules): string {
  const { lang } = options;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const shown = (value: string) => (value === '' ? L('checklist.import.empty') : conflict.column === 'status' ? L(`status.${value}`) : value);
  const materialId = conflict.key.split('/')[1]!;
  const title = rules.materials.find((m) => m.id === materialId)?.title[lang] ?? materialId;
  const header = LAYOUT.sheet.columns.find((c) => c.id === conflict.column)!.header;
  return L('checklist.import.conflict', {
    file: options.import!,
    place: L('checklist.import.place', { number: conflict.row.cells.number?.trim() || '—', key: conflict.key, title }),
    column: L(header),
    exported: shown(conflict.exported),
    checklist: shown(conflict.checklist),
    answers: options.into!,
    now: shown(conflict.answers),
  });
}

/** The import itself, once the answers file is locked (a dry run writes nothing and takes no lock). */
async function importUnlocked(options: ChecklistOptions, rules: Rules, { io, result }: CommandContext): Promise<void> {
  const into = options.into!;
  const file = options.import!;
  const source = await readAnswersSource(into, io);
  const answers = await parseAnswers(source.text, source.shown, rules);
  // exceljs and the yaml document are large; only an import (exceljs also an xlsx export) pays for them.
  const [{ planImport, readChecklistRows }, { editYamlText }] = await Promise.all([import('../checklist/import.js'), import('../checklist/yaml-edit.js')]);
  const sheet = await readChecklistRows(resolve(io.cwd, file), file);
  const L = (key: string, args?: Record<string, string | number>) => t(options.lang, key, args);
  const warn = (text: string) => io.stderr(`filing-check: ${visible(text)}\n`);
  const worded = (words: ErrorWords) => word(ERROR_MESSAGES, options.lang, words.key, words.args);
  for (const note of sheet.notes) warn(worded(note));
  // Values at export that no longer read back cannot tell the client's edits from the export: only
  // an explicit --prefer checklist imports such a checklist, the old way.
  if (sheet.record === 'damaged' && options.prefer !== 'checklist') throw inputError('error.import.damaged-record', { file });
  const record = sheet.record === 'damaged' ? null : sheet.record;
  const { changes, edits, conflicts, unrecorded } = planImport(sheet.rows, answers, rules, record, options.prefer);
  // Said once the cells have read (a sheet with bad cells goes back to the client first).
  if (record === null) warn(L(sheet.record === 'damaged' ? 'checklist.import.damagedOldWay' : 'checklist.import.noRecord', { file, answers: into }));
  for (const row of unrecorded) {
    const place = row.where('key');
    warn(L('checklist.import.notRecorded', { place: worded({ key: place.key, args: place.args ?? {} }) }));
  }
  if (conflicts.length > 0) {
    const lines = conflicts.map((conflict) => conflictLine(conflict, options, rules));
    // A conflict never passes silently: without --prefer the import stops and writes nothing.
    if (options.prefer === undefined) {
      for (const line of [L('checklist.import.conflicts', { file, answers: into, count: conflicts.length }), ...lines]) warn(line);
      result.code = ExitCode.Invalid;
      return;
    }
    for (const line of [L(`checklist.import.preferred.${options.prefer}`, { file, answers: into, count: conflicts.length }), ...lines]) warn(line);
  }
  if (changes.length === 0) {
    io.stdout(visible(`${L('checklist.import.none', { file: into })}\n`));
    return;
  }
  const text = editYamlText(source.text, edits);
  // Read back as the next run will read it, bytes first: what does not decode as text is never written.
  const updated = await parseAnswers(decodeDataBytes(Buffer.from(text), into), into, rules);
  const expected = structuredClone(answers);
  for (const { path, field, value } of edits) {
    const owner = path.length === 2 ? expected : path[0] === 'services' ? expected.services[path[1] as number]! : expected.algorithms[path[1] as number]!;
    const materials = owner.materials as Record<string, Record<string, unknown>>;
    const entry = (materials[path[path.length - 1] as string] ??= { status: 'missing' });
    if (value === undefined) delete entry[field];
    else entry[field] = value;
  }
  // The splice must have written exactly the plan; anything else is a bug, and the file stays as it was.
  // Compared as data: the parser returns an entry's fields in schema order, the plan in the order it set them.
  if (!isDeepStrictEqual(updated, expected)) throw new Error(`${into}: the edited answers do not read back as the planned change; nothing was written`);
  for (const c of changes) io.stdout(visible(`${L('checklist.import.change', { key: c.key, field: c.field, from: c.from ?? '—', to: c.to ?? '—' })}\n`));
  if (options.dryRun) {
    io.stdout(visible(`${L('checklist.import.dryRun', { file: into, count: changes.length })}\n`));
    return;
  }
  await writeFileAtomic(resolve(io.cwd, into), text, { force: true, shown: into });
  io.stdout(visible(`${L('checklist.import.written', { file: into, count: changes.length })}\n`));
}

/** `filing-check checklist [FILE|-]`, `checklist --type CODE [--role ROLE]`, `checklist --import FILE --into ANSWERS`. */
export function registerChecklist(program: Command, context: CommandContext): void {
  const { io, lang } = context;
  program
    .command('checklist')
    .argument('[file]')
    .addOption(formatOption(CHECKLIST_FORMATS, 'md'))
    .addOption(langOption(lang))
    .option('-o, --out <file>')
    .option('--force')
    .option('--type <code>')
    .addOption(new Option('--role <role>').choices(['provider', 'technical-supporter']))
    .option('--import <checklist>')
    .option('--into <answers>')
    .option('--dry-run')
    .addOption(new Option('--prefer <side>').choices(['checklist', 'answers']))
    .addOption(rulesOption())
    .option('--as-of <date>')
    .action(async (file: string | undefined, options: ChecklistOptions) => {
      if (options.import !== undefined || options.into !== undefined || options.dryRun || options.prefer !== undefined) {
        if (options.import === undefined || options.into === undefined) throw inputError('error.checklist.import-needs-into');
        if (file !== undefined || options.type !== undefined) throw inputError('error.checklist.import-with-answers');
        if (options.into === '-') throw inputError('error.checklist.into-stdin');
        await importChecklist(options, await rulesFor(options, io), context);
        return;
      }
      if (options.role !== undefined && options.type === undefined) throw inputError('error.checklist.role-without-type');
      if (options.type !== undefined && file !== undefined) throw inputError('error.checklist.type-with-answers');
      if ((options.format === 'docx' || options.format === 'xlsx') && !options.out) throw inputError('error.checklist.binary-needs-out', { format: options.format });
      const rules = await rulesFor(options, io);
      const { checklist, answers } = await checklistFor(file, options, rules, io);
      await emit(await renderChecklist(checklist, answers, rules, options.format), options, io);
    });
}
