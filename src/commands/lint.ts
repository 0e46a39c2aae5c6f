import { statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { parseAnswers } from '../answers/read.js';
import { TYPE_CODES, type TypeCode } from '../answers/vocabulary.js';
import { inputError } from '../errors.js';
import { answersForDraft, checkConsistency } from '../lint/consistency.js';
import { formatLintReport, lintExitCode, type LintFormat, type LintReport } from '../lint/format.js';
import { compareFindings, lintDraft, type LintKind } from '../lint/lint.js';
import { DraftReadError, readDraft, type Draft } from '../lint/read-draft.js';
import type { Rules } from '../rules/model.js';
import { emit, FAIL_ON, formatOption, rulesFor, rulesOption, VERSION, type CommandContext, type CommonOptions, type FailOn } from './shared.js';
import { langOption } from '../lang.js';
import { readAnswersSource } from '../data/source.js';

interface LintOptions extends CommonOptions {
  kind?: LintKind;
  type?: TypeCode;
  answers?: string;
  failOn: FailOn;
}

/** Reads every draft, turning a read failure into the one-line exit-2 message. */
async function readDrafts(files: readonly string[], cwd: string): Promise<Draft[]> {
  return Promise.all(
    files.map(async (file) => {
      refuseUnreadable(resolve(cwd, file), file);
      let draft: Draft;
      try {
        draft = { ...(await readDraft(resolve(cwd, file))), file };
      } catch (error) {
        if (error instanceof DraftReadError) throw inputError('error.lint.draft', { file, reason: error.words });
        throw error;
      }
      const length = draft.lines.reduce((sum, line) => sum + line.length, 0);
      if (length > MAX_DRAFT_CHARACTERS) throw inputError('error.lint.too-long', { file, length, max: MAX_DRAFT_CHARACTERS });
      return draft;
    }),
  );
}

// A 自评估报告 runs to tens of thousands of characters; a million is far past any draft, and what
// the lint reads within bounded time and memory.
const MAX_DRAFT_CHARACTERS = 1_000_000;
// Text drafts by bytes before reading (a million Chinese characters are 3 MB in UTF-8); Word files
// may carry pictures, and their text is held to the character limit once extracted.
const MAX_TEXT_DRAFT_BYTES = 4 * 1024 * 1024;
const MAX_WORD_DRAFT_BYTES = 64 * 1024 * 1024;

/** Refuses, before reading, a folder (saying how to pass its files), a device or FIFO, and a file too large to be a draft. */
function refuseUnreadable(path: string, file: string): void {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return;
  if (info.isDirectory()) throw inputError('error.lint.directory', { file, md: join(file, '*.md'), docx: join(file, '*.docx') });
  if (!info.isFile()) throw inputError('error.file.not-regular', { file, expected: { key: 'expected.draft' } });
  const limit = extname(file).toLowerCase() === '.docx' ? MAX_WORD_DRAFT_BYTES : MAX_TEXT_DRAFT_BYTES;
  if (info.size > limit) throw inputError('error.file.too-large', { file, mib: limit / 1024 / 1024, expected: { key: 'expected.draft' } });
}

/** `filing-check lint FILE...`: drafts of 拟公示内容 and 自评估报告 checked where reviewers return them. */
export function registerLint(program: Command, { io, result, lang }: CommandContext): void {
  program
    .command('lint')
    .argument('<files...>')
    .addOption(new Option('--kind <kind>').choices(['disclosure', 'self-assessment']))
    .addOption(new Option('--type <code>').choices(TYPE_CODES))
    .option('--answers <file>')
    .addOption(formatOption(['text', 'json', 'md', 'sarif']))
    .addOption(langOption(lang))
    .option('-o, --out <file>')
    .option('--force')
    .addOption(new Option('--fail-on <level>').choices(FAIL_ON).default('major'))
    .addOption(rulesOption())
    // The common options of every reporting command; lint's views carry no colour to switch off.
    .option('--no-color')
    .action(async (files: string[], options: LintOptions) => {
      const drafts = await readDrafts(files, io.cwd);
      let expected: Parameters<typeof checkConsistency>[1];
      let rules: Rules | undefined;
      if (options.answers) {
        rules = await rulesFor(options, io);
        const source = await readAnswersSource(options.answers, io);
        expected = { answers: await parseAnswers(source.text, source.shown, rules), source: source.shown, types: rules.types };
      }
      const consistency = checkConsistency(drafts, expected);
      const report: LintReport = {
        files: drafts.map((draft, i) => {
          const fromAnswers = expected ? answersForDraft(draft.lines, expected.answers, expected.types) : undefined;
          const given = options.type ? { type: options.type, typeSource: 'option' as const } : fromAnswers ? { type: fromAnswers.type, typeSource: 'answers' as const } : {};
          const generates = fromAnswers ? { modalities: fromAnswers.modalities } : {};
          const linted = lintDraft(draft.lines, { ...(options.kind ? { kind: options.kind } : {}), ...given, ...generates });
          const findings = [...linted.findings, ...(consistency[i]?.findings ?? [])].sort(compareFindings);
          // Shown as the user wrote it: an absolute path stays absolute, not ../../ from the working folder.
          return { file: draft.file, kind: linted.kind, type: linted.type, typeSource: linted.typeSource, findings };
        }),
      };
      if (options.format === 'sarif') {
        // The packs declare the instruments each finding's basis cites.
        const { formatLintSarif } = await import('../lint/sarif.js');
        await emit(formatLintSarif(report, options.lang, rules ?? (await rulesFor(options, io)), VERSION), options, io);
      } else {
        await emit(formatLintReport(report, options.format as LintFormat, options.lang), options, io);
      }
      result.code = lintExitCode(report, options.failOn);
    });
}
