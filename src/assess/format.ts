// Report views of `filing-check assess`: text for terminals (summary first, --detail for the
// 31-row tables), JSON, Markdown, JUnit and GitHub annotations. HTML and XLSX have their own modules.
import type { Lang, Severity } from '../constants.js';
import { isAtOrAbove } from '../core/report.js';
import { escapeAnnotation } from '../format/github.js';
import { escapeXml } from '../format/junit.js';
import { visible } from '../text/visible.js';
import { mdCell, mdTable as mdRows, mdText } from '../text/escape.js';
import { groupDigits } from '../text/numbers.js';
import { displayWidth, padDisplay } from '../text/width.js';
import type { AssessFinding, AssessReport, BankTable, CorpusLine, CoverageLine, RateLine } from './check.js';
import { assessWord as W, bankName, basisText, findingMessage, methodName, riskName, topicName } from './messages.js';

export const ASSESS_FORMATS = ['text', 'json', 'md', 'html', 'xlsx', 'junit', 'github', 'sarif'] as const;
export type AssessFormat = (typeof ASSESS_FORMATS)[number];
/** File name endings for --out-dir (assessment.<ext>). */
export const ASSESS_EXTENSIONS: Record<AssessFormat, string> = { text: 'txt', json: 'json', md: 'md', html: 'html', xlsx: 'xlsx', junit: 'xml', github: 'github.txt', sarif: 'sarif' };

const number = groupDigits;
/** A rate as a percentage with one decimal, rounded down so 94.96 % never shows as 95.0 %. */
export const percentText = (rate: number) => `${(Math.floor(rate * 1000 + 1e-9) / 10).toFixed(1)}%`;

/** A line's key (risk code or topic) as shown in tables. */
export function lineName(bank: BankTable, key: string, lang: Lang): string {
  return bank.bank === 'should-answer' ? topicName(key, lang) : riskName(key, lang);
}

/** The scope of a rate line: "生成内容测试题库（人工）". */
export function rateScope(line: RateLine, lang: Lang): string {
  const bank = bankName(line.bank, lang);
  if (!line.method) return bank;
  return lang === 'zh' ? `${bank}（${methodName(line.method, lang)}）` : `${bank} (${methodName(line.method, lang)})`;
}

/** "不低于 90.0%" / "at least 90.0%". */
export function boundText(direction: 'min' | 'max', bound: number, lang: Lang): string {
  return `${W(direction === 'min' ? 'atLeast' : 'atMost', lang)} ${percentText(bound)}`;
}

/** "生成内容测试题库：3,000/9,300 题有评估结果（32.2%）". */
export function coverageText(line: CoverageLine, lang: Lang): string {
  return W('coverage', lang, { bank: bankName(line.bank, lang), evaluated: number(line.evaluated), questions: number(line.questions), share: percentText(line.evaluated / line.questions) });
}

/** Whether a rate line meets its draws and its bound. */
export function rateMet(line: RateLine): { draws: boolean; rate: boolean | null } {
  return {
    draws: line.draws >= line.minDraws,
    rate: line.rate === null ? null : line.direction === 'min' ? line.rate >= line.bound : line.rate <= line.bound,
  };
}

/** Whether a corpus line meets its sample size and its bound. */
export function corpusMet(line: CorpusLine): { samples: boolean | null; rate: boolean } {
  return {
    samples: line.minSamples === null ? (line.method === 'source' ? true : null) : line.samples >= line.minSamples,
    rate: line.direction === 'min' ? line.rate >= line.bound : line.rate <= line.bound,
  };
}

/** The corpus line's name: "人工抽检" / "来源「某论坛」". */
export function corpusScope(line: CorpusLine, lang: Lang): string {
  if (line.method === 'source') return lang === 'zh' ? `${methodName('source', lang)}「${line.source}」` : `${methodName('source', lang)} “${line.source}”`;
  return lang === 'zh' ? `${methodName(line.method, lang)}抽检` : `${methodName(line.method, lang)} sampling`;
}

const ok = (met: boolean | null, lang: Lang) => (met === null ? '—' : met ? '✓' : lang === 'zh' ? '✗ 未达到' : '✗ short');

/** Aligns rows of cells into columns by display width (CJK counts double). */
function columns(rows: string[][], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : padDisplay(cell, widths[i]!))).join('  ').trimEnd());
}

function kindWord(kind: string, lang: Lang): string {
  return W(kind === 'keywords' ? 'kindKeywords' : kind === 'bank' ? 'kindBank' : kind === 'results' ? 'kindResults' : 'kindCorpus', lang);
}

/** A file read, as the views list it: "题库.csv [sheet]: 生成内容测试题库, 2,100 行". */
export function sourceLine(s: AssessReport['sources'][number], lang: Lang): string {
  const what = s.bank ? bankName(s.bank, lang) : kindWord(s.kind, lang);
  return `${s.file}${s.sheet !== null ? ` [${s.sheet}]` : ''}: ${what}, ${number(s.rows)} ${W('rows', lang)}`;
}

/** The bank overview rows: total against minimum, and how many risks or topics are short. */
function bankOverview(report: AssessReport, lang: Lang): string[][] {
  return report.banks.map((b) => {
    if (!b.provided) return [bankName(b.bank, lang), '—', number(b.minTotal), W('notProvided', lang)];
    const short = b.lines.filter((l) => l.shortfall > 0).length;
    const scope = b.lines.filter((l) => l.min !== null).length;
    const lines = lang === 'zh'
      ? `${b.bank === 'should-answer' ? '话题' : '风险'}达标 ${scope - short}/${scope}`
      : `${b.bank === 'should-answer' ? 'topics' : 'risks'} met ${scope - short}/${scope}`;
    return [bankName(b.bank, lang), number(b.total), number(b.minTotal), `${ok(b.total >= b.minTotal, lang)}  ${lines}`];
  });
}

function findingRow(f: AssessFinding, lang: Lang): string[] {
  return [W(f.severity, lang), f.code, findingMessage(f, lang), f.basis ? basisText(f.basis, lang) : ''];
}

function formatText(report: AssessReport, lang: Lang, detail: boolean): string {
  const out: string[] = [W('title', lang), ''];
  out.push(...columns([[W('bank', lang), W('count', lang), W('min', lang), ''], ...bankOverview(report, lang)], ''));
  if (report.evaluation.provided) {
    out.push('', `${W('evaluation', lang)}:`);
    out.push(...columns([
      [W('bank', lang), W('draws', lang), W('rate', lang), W('bound', lang), ''],
      ...report.evaluation.lines.map((l) => {
        const met = rateMet(l);
        return [rateScope(l, lang), `${number(l.draws)}/${number(l.minDraws)}`, l.rate === null ? '—' : percentText(l.rate), boundText(l.direction, l.bound, lang), ok(met.draws && met.rate !== false, lang)];
      }),
    ]));
    out.push(...report.evaluation.coverage.map((c) => `  ${coverageText(c, lang)}`));
  }
  if (report.corpus.provided) {
    out.push('', `${W('corpus', lang)}:`);
    out.push(...columns([
      [W('method', lang), W('samples', lang), W('rate', lang), W('bound', lang), ''],
      ...report.corpus.lines.map((l) => {
        const met = corpusMet(l);
        const samples = l.minSamples === null ? number(l.samples) : `${number(l.samples)}/${number(l.minSamples)}`;
        return [corpusScope(l, lang), samples, percentText(l.rate), boundText(l.direction, l.bound, lang), ok(met.samples !== false && met.rate, lang)];
      }),
    ]));
  }
  out.push('', `${W('findings', lang)}:`);
  if (report.findings.length === 0) out.push(`  ${W('noFindings', lang)}`);
  for (const f of report.findings) {
    out.push(`  ${padDisplay(W(f.severity, lang), 4)}  ${f.code}  ${findingMessage(f, lang)}`);
    const where = f.where.length ? `  ${W('where', lang)}: ${f.where.join(', ')}` : '';
    if (f.basis || where) out.push(`        ${f.basis ? `${W('basis', lang)}: ${basisText(f.basis, lang)}` : ''}${where}`.trimEnd());
  }
  if (detail) {
    for (const b of report.banks.filter((x) => x.provided)) {
      out.push('', `${bankName(b.bank, lang)} (${basisText(b.basis, lang)}):`);
      const head = [b.bank === 'should-answer' ? W('topic', lang) : W('risk', lang), W('count', lang), W('min', lang), W('shortfall', lang)];
      const rows = b.lines.map((l) => [lineName(b, l.key, lang), number(l.count), l.min === null ? W('outOfScope', lang) : number(l.min), l.shortfall > 0 ? number(l.shortfall) : '']);
      rows.push([W('total', lang), number(b.total), number(b.minTotal), b.total < b.minTotal ? number(b.minTotal - b.total) : '']);
      if (b.unassigned > 0) rows.push([W('unassigned', lang), number(b.unassigned), '', '']);
      out.push(...columns([head, ...rows]));
    }
  }
  out.push('', `${W('sources', lang)}:`, ...report.sources.map((s) => `  ${sourceLine(s, lang)}`));
  out.push('', W('summary', lang, report.summary));
  if (!detail && report.banks.some((b) => b.provided)) out.push(W('detailHint', lang));
  return `${out.join('\n')}\n`;
}

/** The JSON view: the report model with each finding's message worded in the report's language. */
function formatJson(report: AssessReport): string {
  const json = { ...report, findings: report.findings.map((f) => ({ ...f, message: findingMessage(f, report.lang) })) };
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** A Markdown table of plain texts (escaped here), then a blank line. */
function mdTable(rows: string[][]): string[] {
  const [head, ...body] = rows;
  return [...mdRows(head!.map(mdCell), body.map((r) => r.map(mdCell))), ''];
}

function formatMarkdown(report: AssessReport, lang: Lang): string {
  const out = [`# ${W('title', lang)}`, '', W('summary', lang, report.summary), ''];
  out.push(...mdTable([[W('bank', lang), W('count', lang), W('min', lang), ''], ...bankOverview(report, lang)]));
  out.push(`## ${W('findings', lang)}`, '');
  if (report.findings.length === 0) out.push(W('noFindings', lang), '');
  else out.push(...mdTable([[W('severity', lang), 'code', W('message', lang), W('basis', lang)], ...report.findings.map((f) => findingRow(f, lang))]));
  if (report.evaluation.provided) {
    out.push(`## ${W('evaluation', lang)}`, '');
    out.push(...mdTable([
      [W('bank', lang), W('draws', lang), W('min', lang), W('rate', lang), W('bound', lang), W('basis', lang)],
      ...report.evaluation.lines.map((l) => [rateScope(l, lang), number(l.draws), number(l.minDraws), l.rate === null ? '—' : percentText(l.rate), boundText(l.direction, l.bound, lang), basisText(l.basis, lang)]),
    ]));
    if (report.evaluation.coverage.length > 0) out.push(...report.evaluation.coverage.map((c) => `- ${mdText(coverageText(c, lang))}`), '');
  }
  if (report.corpus.provided) {
    out.push(`## ${W('corpus', lang)}`, '');
    out.push(...mdTable([
      [W('method', lang), W('samples', lang), W('min', lang), W('rate', lang), W('bound', lang), W('basis', lang)],
      ...report.corpus.lines.map((l) => [corpusScope(l, lang), number(l.samples), l.minSamples === null ? '—' : number(l.minSamples), percentText(l.rate), boundText(l.direction, l.bound, lang), basisText(l.basis, lang)]),
    ]));
  }
  for (const b of report.banks.filter((x) => x.provided)) {
    out.push(`## ${bankName(b.bank, lang)}`, '', `${W('basis', lang)}: ${mdText(basisText(b.basis, lang))}`, '');
    const rows = b.lines.map((l) => [lineName(b, l.key, lang), number(l.count), l.min === null ? W('outOfScope', lang) : number(l.min), l.shortfall > 0 ? number(l.shortfall) : '']);
    rows.push([W('total', lang), number(b.total), number(b.minTotal), b.total < b.minTotal ? number(b.minTotal - b.total) : '']);
    out.push(...mdTable([[b.bank === 'should-answer' ? W('topic', lang) : W('risk', lang), W('count', lang), W('min', lang), W('shortfall', lang)], ...rows]));
  }
  out.push(`## ${W('sources', lang)}`, '', ...report.sources.map((s) => `- ${mdText(sourceLine(s, lang))}`), '');
  return `${out.join('\n')}`;
}


/** The first file a finding names (for annotations), or the first file read. */
function findingFile(f: AssessFinding, report: AssessReport): string | undefined {
  const first = f.where[0]?.split(' = ')[0];
  return first ? first.replace(/(\[[^\]]*\])?:\d+$/, '') : report.sources[0]?.file;
}

/** JUnit XML: one suite per bank (and for the evaluation and corpus), one failing case per finding. */
function formatJunit(report: AssessReport, lang: Lang, failOn: Severity | 'none'): string {
  const groups = new Map<string, AssessFinding[]>();
  for (const f of report.findings) {
    const key = String(f.args.bank ?? (f.code.startsWith('CORPUS') || f.code === 'SOURCE_OVER_LIMIT' ? 'corpus' : 'other'));
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const suites = [...groups].map(([key, findings]) => {
    const name = key === 'corpus' ? W('corpus', lang) : key === 'other' ? W('findings', lang) : bankName(key, lang);
    const cases = findings.map((f) => {
      const message = findingMessage(f, lang);
      const head = `    <testcase name="${escapeXml(`${f.code}: ${message}`)}" classname="filing-check.assess.${escapeXml(key)}" time="0">`;
      const body = [f.basis ? `${W('basis', lang)}: ${basisText(f.basis, lang)}` : '', f.where.length ? `${W('where', lang)}: ${f.where.join(', ')}` : ''].filter(Boolean).join('\n');
      if (!isAtOrAbove(f.severity, failOn)) return `${head}\n      <system-out>${escapeXml(`${W(f.severity, lang)}: ${message}\n${body}`)}</system-out>\n    </testcase>`;
      return `${head}\n      <failure message="${escapeXml(message)}" type="${f.severity}">${escapeXml(body)}</failure>\n    </testcase>`;
    });
    const failures = findings.filter((f) => isAtOrAbove(f.severity, failOn)).length;
    return `  <testsuite name="${escapeXml(name)}" tests="${findings.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = report.findings.filter((f) => isAtOrAbove(f.severity, failOn)).length;
  const passed = report.summary.checks - report.findings.length;
  const passing = `  <testsuite name="${escapeXml(W('title', lang))}" tests="1" failures="0" errors="0" skipped="0" time="0">\n    <testcase name="${escapeXml(W('summary', lang, report.summary))}" classname="filing-check.assess" time="0"><system-out>${passed}</system-out></testcase>\n  </testsuite>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="filing-check assess" tests="${report.findings.length + 1}" failures="${failures}" errors="0" time="0">\n${[...suites, passing].join('\n')}\n</testsuites>\n`;
}

/** GitHub Actions annotations (error at or above --fail-on, warning below) and a Markdown step summary. */
function formatGithub(report: AssessReport, lang: Lang, failOn: Severity | 'none'): { annotations: string; summary: string } {
  const lines = report.findings.map((f) => {
    const kind = isAtOrAbove(f.severity, failOn) ? 'error' : 'warning';
    const file = findingFile(f, report);
    const props = [file ? `file=${escapeAnnotation(file, true)}` : '', `title=${escapeAnnotation(`${W(f.severity, lang)} · ${f.code}`, true)}`].filter(Boolean).join(',');
    const message = [findingMessage(f, lang), f.basis ? `${W('basis', lang)}: ${basisText(f.basis, lang)}` : ''].filter(Boolean).join('\n');
    return `::${kind} ${props}::${escapeAnnotation(message, false)}`;
  });
  lines.push(`::notice title=${escapeAnnotation(W('title', lang), true)}::${escapeAnnotation(W('summary', lang, report.summary), false)}`);
  return { annotations: `${lines.join('\n')}\n`, summary: formatMarkdown(report, lang) };
}

/**
 * Renders an assess report in one format; HTML and XLSX load their own modules when asked for. Text
 * formats show control characters from the files (a question, a file name) as visible escapes.
 */
export async function renderAssessReport(report: AssessReport, format: AssessFormat, options: { detail: boolean; failOn: Severity | 'none' }): Promise<{ content: string | Uint8Array; stepSummary?: string }> {
  const rendered = await renderView(report, format, options);
  return {
    content: typeof rendered.content === 'string' ? visible(rendered.content) : rendered.content,
    ...(rendered.stepSummary !== undefined ? { stepSummary: visible(rendered.stepSummary) } : {}),
  };
}

async function renderView(report: AssessReport, format: AssessFormat, options: { detail: boolean; failOn: Severity | 'none' }): Promise<{ content: string | Uint8Array; stepSummary?: string }> {
  const { lang } = report;
  switch (format) {
    case 'text':
      return { content: formatText(report, lang, options.detail) };
    case 'json':
      return { content: formatJson(report) };
    case 'md':
      return { content: formatMarkdown(report, lang) };
    case 'html':
      return { content: (await import('./html.js')).formatAssessHtml(report) };
    case 'xlsx':
      return { content: await (await import('./xlsx.js')).formatAssessXlsx(report) };
    case 'junit':
      return { content: formatJunit(report, lang, options.failOn) };
    case 'github': {
      const { annotations, summary } = formatGithub(report, lang, options.failOn);
      return { content: annotations, stepSummary: summary };
    }
    case 'sarif':
      return { content: (await import('./sarif.js')).formatAssessSarif(report) };
  }
}
