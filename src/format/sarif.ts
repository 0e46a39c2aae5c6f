// SARIF 2.1.0, the format GitHub code scanning, GitLab and most CI dashboards ingest: one rule per
// material, warning code or lint finding (title, why, legal basis, severity) and one result per
// finding, placed at the line of the answers file or draft where it belongs.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FindingOwner, LocateFinding } from '../answers/locations.js';
import type { Lang, WarningSeverity } from '../constants.js';
import type { Report, ReportBasis, ReportItem } from '../core/report-schema.js';
import { basisView } from '../core/items.js';
import { t } from '../messages/messages.js';
import type { Rules } from '../rules/model.js';
import { articleLabel, basisLine } from '../text/article.js';
import { itemKey, ownerName, reportNames } from '../core/groups.js';
import { mdText } from '../text/escape.js';

/** The schema a SARIF file names: the OASIS 2.1.0 schema with its errata. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF's level for each severity: a blocking finding is an error, a major one a warning, a minor or info one a note. */
export const SARIF_LEVELS: Record<WarningSeverity, 'error' | 'warning' | 'note'> = { blocking: 'error', major: 'warning', minor: 'note', info: 'note' };

/** What a SARIF rule says: what is checked, why it matters, on what legal basis, how severe. */
export interface SarifRule {
  id: string;
  title: string;
  /** Why the finding matters (a material's summary, a lint finding's reason); null when the title says it all. */
  why: string | null;
  basis: readonly ReportBasis[];
  /** The rule's own severity; null when each finding has its own (a lint section's absence is blocking or major by section). */
  severity: WarningSeverity | null;
  /** Properties shown beside the rule: its tags, whether its basis is law or practice, its pack. */
  properties: Record<string, string | string[]>;
}

/** One finding, in the file the user named (undefined when it was read from standard input). */
export interface SarifResult {
  ruleId: string;
  severity: WarningSeverity;
  message: string;
  file: string | undefined;
  /** Line and column from 1; a finding without a line sits on the file as a whole. */
  line?: number;
  column?: number;
  /** What the finding is about (an algorithm id, "entity", a draft's section): a stable key across runs. */
  scope: string;
}

/** The whole SARIF log of one run: the tool, its rules, its results. */
export interface SarifRun {
  version: string;
  lang: Lang;
  rules: readonly SarifRule[];
  results: readonly SarifResult[];
  /**
   * What was analysed, as code scanning's category (automationDetails): the answers file, or lint.
   * Code scanning refuses an upload with two runs of one tool in one category, so several answers
   * files, each its own SARIF file, upload together only when each names its own.
   */
  category: string;
  /** Run-level facts a dashboard may show (readiness, counts). */
  properties?: Record<string, unknown>;
}

/**
 * A file path as a SARIF URI: relative paths stay relative (code scanning resolves them against the
 * repository), each segment percent-encoded since a URI cannot hold Chinese file names or spaces;
 * absolute paths become file:// URLs.
 */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment))).join('/');
}

/** The rule's help: why it matters, then each legal basis with its link, as text and as Markdown. */
function help(rule: SarifRule, lang: Lang): { text: string; markdown: string } {
  const heading = t(lang, 'ui.basis');
  const practice = rule.properties.confidence !== 'practice' ? '' : lang === 'zh' ? `（${t(lang, 'confidence.practice')}）` : ` (${t(lang, 'confidence.practice')})`;
  const why = rule.why ?? rule.title;
  if (rule.basis.length === 0) return { text: why, markdown: mdText(why) };
  const instrument = (b: ReportBasis) => (lang === 'zh' ? `《${b.instrument}》${b.article}` : `${b.instrument}, ${articleLabel(b.article, lang)}`);
  const note = (b: ReportBasis) => (b.note ? (lang === 'zh' ? `（${b.note}）` : ` (${b.note})`) : '');
  return {
    text: [`${why}\n\n${heading}${practice}: ${basisLine(rule.basis, lang)}`, ...rule.basis.filter((b) => b.url).map((b) => b.url)].join('\n'),
    // A standard cited by clause has no link.
    markdown: `${mdText(why)}\n\n**${mdText(heading)}**${mdText(practice)}\n\n${rule.basis.map((b) => `- ${b.url ? `[${mdText(instrument(b))}](${encodeURI(b.url)})` : mdText(instrument(b))}${mdText(note(b))}`).join('\n')}`,
  };
}

/** Serialises one run as a SARIF 2.1.0 log (indented JSON, one trailing newline). */
export function sarifLog(run: SarifRun): string {
  const index = new Map(run.rules.map((rule, i) => [rule.id, i]));
  const rules = run.rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.title },
    ...(rule.why ? { fullDescription: { text: rule.why } } : {}),
    ...(rule.basis[0]?.url ? { helpUri: encodeURI(rule.basis[0].url) } : {}),
    help: help(rule, run.lang),
    ...(rule.severity ? { defaultConfiguration: { level: SARIF_LEVELS[rule.severity] } } : {}),
    properties: { ...(rule.severity ? { severity: rule.severity } : {}), ...rule.properties },
  }));
  const results = run.results.map((result) => {
    const ruleIndex = index.get(result.ruleId);
    const region = result.line === undefined ? undefined : { startLine: result.line, ...(result.column === undefined ? {} : { startColumn: result.column }) };
    return {
      ruleId: result.ruleId,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: SARIF_LEVELS[result.severity],
      message: { text: result.message },
      locations: [
        {
          ...(result.file === undefined ? {} : { physicalLocation: { artifactLocation: { uri: artifactUri(result.file) }, ...(region ? { region } : {}) } }),
          logicalLocations: [{ name: result.scope }],
        },
      ],
      // Lines move as files are edited; what a finding is about does not, so alerts match across runs.
      partialFingerprints: { 'filingCheckScope/v1': `${result.ruleId}:${result.scope}` },
      properties: { severity: result.severity },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'filing-check', version: run.version, semanticVersion: run.version, rules } },
        // A trailing slash: the id is a category alone, without a run id.
        automationDetails: { id: `${run.category}/` },
        language: run.lang === 'zh' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        results,
        ...(run.properties ? { properties: run.properties } : {}),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** What the report's SARIF view needs besides the report: the packs' texts and the answers file's lines. */
export interface SarifSources {
  /** Loaded with guidance: a material's summary is its rule's "why". */
  rules: Rules;
  /** Undefined when the answers came from standard input or cannot be read again. */
  locate?: LocateFinding;
}

/**
 * The diagnosis as SARIF: a rule for every material the case requires and every warning code of the
 * packs; a result for every gap (missing or draft) and every warning, at the algorithm or material
 * of the answers file where it belongs.
 */
export function formatSarif(report: Report, { rules, locate }: SarifSources): string {
  const { lang } = report;
  const file = report.source.startsWith('<') ? undefined : report.source;
  const materials = new Map(rules.materials.map((m) => [m.id, m]));
  const names = reportNames(report);
  const scopeName = (item: Pick<ReportItem, 'algorithm' | 'service'>) => ownerName(item, (key) => t(lang, key), names);

  const sarifRules = new Map<string, SarifRule>();
  for (const item of [...report.items, ...report.duties]) {
    if (sarifRules.has(item.id)) continue;
    const material = materials.get(item.id);
    sarifRules.set(item.id, {
      id: item.id,
      title: item.title,
      why: material?.summary?.[lang] ?? null,
      basis: item.basis,
      severity: item.severity,
      properties: { tags: ['filing-check', 'material', item.level], confidence: item.confidence, pack: item.pack },
    });
  }
  for (const warning of rules.warnings) {
    sarifRules.set(warning.id, {
      id: warning.id,
      title: warning.title[lang],
      why: null,
      basis: basisView(warning.basis, lang),
      severity: warning.severity,
      properties: { tags: ['filing-check', 'warning'], pack: warning.pack },
    });
  }
  // Codes the packs do not define (the 主要用途 checks word their own): the report's words are the rule.
  for (const warning of report.warnings) {
    if (!sarifRules.has(warning.code)) sarifRules.set(warning.code, { id: warning.code, title: warning.code, why: null, basis: [], severity: warning.severity, properties: { tags: ['filing-check', 'warning'] } });
  }

  const at = (owner: FindingOwner, material?: string) => {
    const position = locate?.(owner, material);
    return position ? { line: position.line, column: position.column } : {};
  };
  const results: SarifResult[] = [];
  for (const item of [...report.items, ...report.duties].filter((i) => i.gap)) {
    const tracking = [
      `${t(lang, 'ui.status')}: ${t(lang, `status.${item.status}`)}`,
      item.owner && `${t(lang, 'ui.owner')}: ${item.owner}`,
      item.due && `${t(lang, 'ui.due')}: ${item.due}`,
      item.reason && `${t(lang, 'ui.note')}: ${item.reason}`,
    ].filter(Boolean);
    results.push({
      ruleId: item.id,
      severity: item.severity,
      message: `${scopeName(item)}: ${item.title} (${itemKey(item)})\n${tracking.join('\n')}`,
      file,
      ...at(item, item.id),
      scope: item.algorithm ?? item.service ?? 'entity',
    });
  }
  for (const warning of report.warnings) {
    results.push({ ruleId: warning.code, severity: warning.severity, message: warning.message, file, ...at({ algorithm: warning.algorithm }), scope: warning.algorithm ?? 'entity' });
  }
  const { summary } = report;
  return sarifLog({
    version: report.tool.version,
    lang,
    category: `filing-check/diagnose${file === undefined ? '' : `/${file.replace(/\\/g, '/')}`}`,
    rules: [...sarifRules.values()],
    results,
    properties: {
      entity: report.entity.name,
      asOf: report.asOf,
      rules: report.rules.version,
      readiness: summary.readiness,
      gaps: { blocking: summary.blocking, major: summary.major, minor: summary.minor },
    },
  });
}
