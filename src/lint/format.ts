// Report views of `filing-check lint`: text for terminals (the caller adds colour), JSON per the
// contract (section 5) and Markdown for tickets and client mail.
import { displayWidth, padDisplay } from '../text/width.js';
import type { FailOn, Severity } from '../constants.js';
import type { TypeCode } from '../answers/vocabulary.js';
import { compareFindings, SEVERITY_RANK, type LintFinding, type LintKind, type TypeSource } from './lint.js';
import { formatLintFinding, lintWord, type Lang } from './messages.js';
import { t } from '../messages/messages.js';

/** The lint results of several drafts, as the lint command reports them. */
export interface LintReport {
  files: {
    file: string;
    kind: LintKind | null;
    /** The filing type the type-specific checks used, and where it came from (null: none known). */
    type?: TypeCode | null;
    typeSource?: TypeSource | null;
    findings: LintFinding[];
  }[];
}

export type LintFormat = 'text' | 'json' | 'md';

interface Row {
  finding: LintFinding;
  message: string;
  hint: string;
}


/**
 * 1 when a finding is at or above `failOn`, else 0. The default, major, is the lint contract: a
 * blocking or major finding means the draft would likely be returned.
 */
export function lintExitCode(report: LintReport, failOn: FailOn = 'major'): 0 | 1 {
  if (failOn === 'none') return 0;
  return report.files.some((f) => f.findings.some((x) => SEVERITY_RANK[x.severity] <= SEVERITY_RANK[failOn])) ? 1 : 0;
}

function rows(findings: readonly LintFinding[], lang: Lang): Row[] {
  return [...findings].sort(compareFindings).map((finding) => ({ finding, ...formatLintFinding(finding, lang) }));
}

function summary(report: LintReport): Record<Severity | 'files', number> {
  const count = (severity: Severity) => report.files.reduce((n, f) => n + f.findings.filter((x) => x.severity === severity).length, 0);
  return { files: report.files.length, blocking: count('blocking'), major: count('major'), minor: count('minor') };
}

function kindLabel(kind: LintKind | null, lang: Lang): string {
  return lintWord(lang, `report.${kind ?? 'unknown'}`);
}

// Quoted draft text must not break the one-finding-per-line layout.
const oneLine = (text: string) => text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');

function formatText(report: LintReport, lang: Lang): string {
  const files = report.files.map((f) => ({ ...f, rows: rows(f.findings, lang) }));
  const location = (file: string, row: Row) => (row.finding.line === null ? file : `${file}:${row.finding.line}`);
  const all = files.flatMap((f) => f.rows.map((row) => ({ loc: location(f.file, row), row })));
  const widths = {
    loc: Math.max(0, ...all.map((x) => displayWidth(x.loc))),
    severity: Math.max(0, ...all.map((x) => displayWidth(t(lang, `severity.${x.row.finding.severity}`)))),
    code: Math.max(0, ...all.map((x) => x.row.finding.code.length)),
  };
  const indent = ' '.repeat(2 + widths.loc + 2 + widths.severity + 2 + widths.code + 2);
  const out: string[] = [];
  for (const f of files) {
    out.push(oneLine(lintWord(lang, 'report.fileHeading', { file: f.file, kind: kindLabel(f.kind, lang) })));
    if (f.rows.length === 0) out.push(`  ${lintWord(lang, 'report.noFindings')}`);
    for (const row of f.rows) {
      const { severity, code } = row.finding;
      out.push(`  ${padDisplay(location(f.file, row), widths.loc)}  ${padDisplay(t(lang, `severity.${severity}`), widths.severity)}  ${padDisplay(code, widths.code)}  ${oneLine(row.message)}`);
      if (row.hint) out.push(indent + oneLine(lintWord(lang, 'report.hintLine', { hint: row.hint })));
    }
    out.push('');
  }
  out.push(lintWord(lang, 'report.summary', summary(report)));
  return `${out.join('\n')}\n`;
}

function formatJson(report: LintReport, lang: Lang): string {
  const json = {
    files: report.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      type: f.type ?? null,
      typeSource: f.typeSource ?? null,
      findings: rows(f.findings, lang).map(({ finding, message, hint }) => ({
        code: finding.code,
        severity: finding.severity,
        message,
        line: finding.line,
        hint,
        args: finding.args,
      })),
    })),
    summary: summary(report),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Makes text safe inside a Markdown table cell: no cell break, no line break, no raw HTML. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n|\r/g, '<br>');
}

function formatMarkdown(report: LintReport, lang: Lang): string {
  const headers = (['line', 'severity', 'code', 'message', 'hint'] as const).map((w) => lintWord(lang, `report.${w}`));
  const out = [`# ${lintWord(lang, 'report.title')}`, ''];
  for (const f of report.files) {
    out.push(`## ${cell(lintWord(lang, 'report.fileHeading', { file: f.file, kind: kindLabel(f.kind, lang) }))}`, '');
    const fileRows = rows(f.findings, lang);
    if (fileRows.length === 0) {
      out.push(lintWord(lang, 'report.noFindings'), '');
      continue;
    }
    out.push(`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- |').join('')}`);
    for (const { finding, message, hint } of fileRows) {
      const cells = [finding.line === null ? '—' : String(finding.line), t(lang, `severity.${finding.severity}`), finding.code, message, hint];
      out.push(`| ${cells.map(cell).join(' | ')} |`);
    }
    out.push('');
  }
  out.push(lintWord(lang, 'report.summary', summary(report)));
  return `${out.join('\n')}\n`;
}

/** Renders a lint report as text, JSON (contract section 5, plus hint and args) or Markdown. */
export function formatLintReport(report: LintReport, format: LintFormat, lang: Lang): string {
  switch (format) {
    case 'text':
      return formatText(report, lang);
    case 'json':
      return formatJson(report, lang);
    case 'md':
      return formatMarkdown(report, lang);
  }
}
