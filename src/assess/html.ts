import type { Lang } from '../constants.js';
import { escapeHtml } from '../text/escape.js';
import { groupDigits } from '../text/numbers.js';
import { htmlLang, renderTemplate } from '../text/template.js';
import type { AssessReport, BankTable } from './check.js';
import { boundText, corpusMet, corpusScope, lineName, percentText, rateMet, rateScope, sourceLine } from './format.js';
import { ASSESS_REPORT_WORDS, assessWord as W, bankName, basisText, findingMessage } from './messages.js';
import { ASSESS_RULES } from './rules.js';

const number = groupDigits;

// Chart geometry, in SVG user units (pixels at 100 %).
const WIDTH = 820;
const LABEL_X = 14;
const BAR_X = 330;
const BAR_WIDTH = 330;
const ROW = 17;
const BAR_HEIGHT = 11;
const GROUP_GAP = 20;
const TOP = 30;
/** Counts far above the largest minimum would flatten every other bar: the axis stops at this multiple. */
const AXIS_OVER_MIN = 2.5;

/** Cuts a risk's name to fit beside its bar. */
function shortLabel(text: string, lang: Lang): string {
  const max = lang === 'zh' ? 22 : 46;
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** The coverage chart of one bank: a bar per risk (or topic), a marker at its minimum. */
function chartView(bank: BankTable, lang: Lang) {
  const largestMin = Math.max(...bank.lines.map((l) => l.min ?? 0));
  const largestCount = Math.max(...bank.lines.map((l) => l.count));
  const axis = Math.max(1, Math.min(largestCount, largestMin * AXIS_OVER_MIN), largestMin) * 1.05;
  const x = (value: number) => Math.round((Math.min(value, axis) / axis) * BAR_WIDTH * 10) / 10;
  const groups: { y: number; name: string }[] = [];
  const bars = [];
  let y = TOP;
  let group = '';
  // Risks outside the bank's scope take room only when the bank holds some of them.
  for (const line of bank.lines.filter((l) => l.min !== null || l.count > 0)) {
    const lineGroup = bank.bank === 'should-answer' ? '' : line.key.slice(0, 3);
    if (lineGroup !== group) {
      group = lineGroup;
      const g = ASSESS_RULES.groups.find((x) => x.code === lineGroup)!;
      y += groups.length > 0 ? GROUP_GAP - ROW + 6 : 0;
      groups.push({ y: y + 10, name: `${g.code} ${g[lang]}` });
      y += 16;
    }
    const cls = line.min === null ? 'out' : line.shortfall > 0 ? 'short' : 'met';
    const label = lineName(bank, line.key, lang);
    const valueText = line.min === null ? `${number(line.count)} · ${W('outOfScope', lang)}` : `${number(line.count)} / ${number(line.min)}${line.shortfall > 0 ? ` (−${number(line.shortfall)})` : ''}`;
    bars.push({
      label: shortLabel(label, lang),
      tooltip: `${label}: ${valueText}`,
      labelX: LABEL_X,
      textY: y + BAR_HEIGHT - 1,
      barX: BAR_X,
      y,
      barHeight: BAR_HEIGHT,
      trackWidth: BAR_WIDTH,
      barWidth: x(line.count),
      cls,
      hasMin: line.min !== null,
      minX: BAR_X + x(line.min ?? 0),
      minTop: y - 2,
      minBottom: y + BAR_HEIGHT + 2,
      valueX: BAR_X + BAR_WIDTH + 8,
      value: valueText,
    });
    y += ROW;
  }
  if (bank.bank === 'should-answer') groups.length = 0;
  return {
    title: W(bank.bank === 'should-answer' ? 'chartTitleTopics' : 'chartTitle', lang, { bank: bankName(bank.bank, lang) }),
    width: WIDTH,
    height: y + 6,
    legendX: BAR_X,
    legendTextX: BAR_X + 16,
    legendMinX: BAR_X + 90,
    legendMinTextX: BAR_X + 96,
    groups,
    bars,
  };
}

/** The view of an assess report that templates/assess.html lays out. */
function assessView(report: AssessReport) {
  const { lang } = report;
  const met = (ok: boolean | null) => (ok === null ? '' : ok ? 'met-yes' : 'met-no');
  const labels = Object.fromEntries(ASSESS_REPORT_WORDS.map((k) => [k, W(k, lang)]));
  return {
    lang: htmlLang(lang),
    label: labels,
    summary: W('summary', lang, report.summary),
    summaryClass: report.summary.blocking + report.summary.major > 0 ? 'blocking' : 'clean',
    tool: report.tool.version,
    banks: report.banks.map((b) => {
      const scope = b.lines.filter((l) => l.min !== null);
      const short = scope.filter((l) => l.shortfall > 0).length;
      return {
        name: bankName(b.bank, lang),
        provided: b.provided,
        total: number(b.total),
        minTotal: number(b.minTotal),
        linesMet: `${scope.length - short}/${scope.length}`,
        metClass: met(short === 0 && b.total >= b.minTotal),
        basis: basisText(b.basis, lang),
      };
    }),
    charts: report.banks.filter((b) => b.provided).map((b) => chartView(b, lang)),
    findings: report.findings.map((f) => ({
      severity: f.severity,
      severityLabel: W(f.severity, lang),
      code: f.code,
      message: findingMessage(f, lang),
      where: f.where,
      basis: f.basis ? basisText(f.basis, lang) : '',
    })),
    hasEvaluation: report.evaluation.provided,
    evaluation: report.evaluation.lines.map((l) => {
      const m = rateMet(l);
      return {
        scope: rateScope(l, lang), draws: number(l.draws), minDraws: number(l.minDraws), drawsClass: met(m.draws),
        rate: l.rate === null ? '—' : percentText(l.rate), rateClass: met(m.rate), bound: boundText(l.direction, l.bound, lang), basis: basisText(l.basis, lang),
      };
    }),
    hasCorpus: report.corpus.provided,
    corpus: report.corpus.lines.map((l) => {
      const m = corpusMet(l);
      return {
        scope: corpusScope(l, lang), samples: number(l.samples), minSamples: l.minSamples === null ? '—' : number(l.minSamples), samplesClass: met(m.samples),
        rate: percentText(l.rate), rateClass: met(m.rate), bound: boundText(l.direction, l.bound, lang), basis: basisText(l.basis, lang),
      };
    }),
    sources: report.sources.map((s) => sourceLine(s, lang)),
  };
}

/** The HTML view: one self-contained page with a coverage chart per bank, printable on A4. */
export function formatAssessHtml(report: AssessReport): string {
  return renderTemplate('assess.html', assessView(report), escapeHtml);
}
