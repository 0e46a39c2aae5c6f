import { SEVERITIES, type Severity } from '../constants.js';
import { isAtOrAbove } from '../core/report.js';
import type { AssessmentData, Place, TableKind } from './recognise.js';
import { ASSESS_RULES, BANKS, QUESTION_BANKS, type AssessRules, type Bank, type CorpusMethod, type EvaluationMethod, type QuestionBank } from './rules.js';

/** The standard and clause a figure comes from, and the document it came from before (TC260-003). */
export interface BasisView {
  instrument: string;
  /** null when the requirement is cited by its title only. */
  clause: string | null;
  title: { zh: string; en: string };
  origin: { instrument: string; clause: string } | null;
}

/** One risk (or, for the should-answer bank, one topic) of a bank: its count against its minimum. */
export interface BankLine {
  key: string;
  count: number;
  /** null when the risk is outside the bank's scope (A.3–A.5 in the keyword library). */
  min: number | null;
  shortfall: number;
}

/** A bank as counted: distinct entries in total and per risk or topic. */
export interface BankTable {
  bank: Bank;
  provided: boolean;
  total: number;
  minTotal: number;
  lines: BankLine[];
  /** Rows counted under no risk (or topic). */
  unassigned: number;
  basis: BasisView;
}

/** One rate of the evaluation results against its bound, with the draws it rests on. */
export interface RateLine {
  bank: QuestionBank;
  method: EvaluationMethod | null;
  draws: number;
  minDraws: number;
  /** Passed (generation) or refused (refusal banks). */
  hits: number;
  rate: number | null;
  bound: number;
  direction: 'min' | 'max';
  basis: BasisView;
}

/** One corpus sampling (a method over the corpus, or one source before collection) against its bounds. */
export interface CorpusLine {
  method: CorpusMethod | 'source';
  source: string | null;
  samples: number;
  qualified: number;
  rate: number;
  corpusSize: number | null;
  /** The least sample: a count (manual), a share of the corpus (technical); null for a source. */
  minSamples: number | null;
  minShare: number | null;
  bound: number;
  direction: 'min' | 'max';
  basis: BasisView;
}

/**
 * How many of a bank's questions the evaluation results reach. The standard draws a sample from each
 * bank (9.3, 9.4 of TC260-003), so a question without a result is no shortfall; the share is reported.
 */
export interface CoverageLine {
  bank: QuestionBank;
  /** Distinct questions of the bank. */
  questions: number;
  /** Of those, the questions at least one result row is traced to (by 编号, else by 题目). */
  evaluated: number;
}

/** A shortfall or data problem; the views word it from `code` and `args` through the message catalogue. */
export interface AssessFinding {
  code: string;
  severity: Severity;
  confidence: 'medium' | 'high';
  args: Record<string, string | number>;
  basis: BasisView | null;
  /** Rows it concerns (the first few), as file:row. */
  where: string[];
}

/** The one model every view of `assess` renders. */
export interface AssessReport {
  schemaVersion: 1;
  tool: { name: 'filing-check'; version: string };
  lang: 'zh' | 'en';
  sources: { file: string; sheet: string | null; kind: TableKind; bank: QuestionBank | null; rows: number }[];
  banks: BankTable[];
  evaluation: { provided: boolean; lines: RateLine[]; coverage: CoverageLine[] };
  corpus: { provided: boolean; lines: CorpusLine[] };
  findings: AssessFinding[];
  summary: { blocking: number; major: number; minor: number; checks: number; failed: number };
}

// Enough rows named in a finding to find the pattern; the xlsx and --detail views list the rest.
const WHERE_LIMIT = 5;

function basisView(rules: AssessRules, id: keyof AssessRules['basis']): BasisView {
  const basis = rules.basis[id]!;
  return { instrument: basis.instrument, clause: basis.clause ?? null, title: { zh: basis.zh, en: basis.en }, origin: basis.origin ?? null };
}

const tableText = (p: Place) => `${p.file}${p.sheet !== null ? `[${p.sheet}]` : ''}`;
const placeText = (p: Place) => `${tableText(p)}:${p.line}`;

/** Rows as file:row,row,… one entry per file (the first few rows only). */
function placesText(places: readonly Place[]): string[] {
  const byTable = new Map<string, number[]>();
  for (const p of places.slice(0, WHERE_LIMIT)) byTable.set(tableText(p), [...(byTable.get(tableText(p)) ?? []), p.line]);
  return [...byTable].map(([table, lines]) => `${table}:${lines.join(',')}${places.length > WHERE_LIMIT ? ',…' : ''}`);
}

/** How a text is compared for duplicates: NFKC, white space dropped, case ignored. */
const sameText = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** Rounds a rate for arguments shown to people (the comparison uses the exact value). */
const percent = (rate: number) => `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;

/**
 * Checks what was read against the figures of the rules: bank sizes, per-risk and per-topic
 * minimums, distinct entries, rows counted nowhere, questions repeated within or across banks,
 * evaluation draws and rates, corpus samples and rates. Pure: the same data gives the same report.
 */
export function assess(data: AssessmentData, options: { lang: 'zh' | 'en'; toolVersion: string }, rules: AssessRules = ASSESS_RULES): AssessReport {
  const findings: AssessFinding[] = [];
  let checks = 0;
  const check = (failed: boolean, finding: () => AssessFinding) => {
    checks++;
    if (failed) findings.push(finding());
  };
  const sev = rules.severity;

  // Entries per bank: distinct texts, each with its risk or topic and where it appears.
  const entries = new Map<Bank, { text: string; key: string | null; places: Place[] }[]>();
  const addEntries = (bank: Bank, items: { text: string; key: string | null; place: Place }[]) => {
    const byText = new Map<string, { text: string; key: string | null; places: Place[] }>();
    for (const item of items) {
      const same = sameText(item.text);
      const known = byText.get(same);
      if (known) {
        known.places.push(item.place);
        known.key ??= item.key;
      } else byText.set(same, { text: item.text, key: item.key, places: [item.place] });
    }
    entries.set(bank, [...byText.values()]);
  };
  addEntries('keywords', data.keywords.map((k) => ({ text: k.text, key: k.risk, place: k.place })));
  for (const bank of ['generation', 'should-refuse', 'should-answer'] as const) {
    const rows = data.questions.filter((q) => q.bank === bank);
    addEntries(bank, rows.map((q) => ({ text: q.text, key: bank === 'should-answer' ? q.topic : q.risk, place: q.place })));
  }
  const provided = (bank: Bank) => (bank === 'keywords' ? data.keywords.length > 0 : data.questions.some((q) => q.bank === bank));

  const banks: BankTable[] = BANKS.map((bank) => {
    const list = entries.get(bank) ?? [];
    const counts = new Map<string, number>();
    for (const e of list) if (e.key !== null) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    const figures = rules.banks[bank];
    const lines: BankLine[] =
      'perTopic' in figures
        ? rules.topics.map((topic) => {
          const count = counts.get(topic.id) ?? 0;
          return { key: topic.id, count, min: figures.perTopic, shortfall: Math.max(0, figures.perTopic - count) };
        })
        : rules.risks.map((risk) => {
          const count = counts.get(risk.code) ?? 0;
          const min = figures.perRisk[risk.code.slice(0, 3)] ?? null;
          return { key: risk.code, count, min, shortfall: min === null ? 0 : Math.max(0, min - count) };
        });
    const unassigned = list.filter((e) => e.key === null);
    return {
      bank, provided: provided(bank), total: list.length, minTotal: figures.total, lines, unassigned: unassigned.length, basis: basisView(rules, figures.basis),
    };
  });

  for (const table of banks.filter((b) => b.provided)) {
    const { bank, basis } = table;
    check(table.total < table.minTotal, () => ({
      code: 'TOTAL_SHORT', severity: sev.size, confidence: 'medium', basis, where: [],
      args: { bank, count: table.total, min: table.minTotal, shortfall: table.minTotal - table.total },
    }));
    for (const line of table.lines.filter((l) => l.min !== null)) {
      check(line.shortfall > 0, () => ({
        code: bank === 'should-answer' ? 'TOPIC_SHORT' : line.count === 0 ? 'RISK_NOT_COVERED' : 'RISK_SHORT',
        severity: sev.size, confidence: 'medium', basis, where: [],
        args: { bank, [bank === 'should-answer' ? 'topic' : 'risk']: line.key, count: line.count, min: line.min!, shortfall: line.shortfall },
      }));
    }
    const list = entries.get(bank) ?? [];
    const unassigned = list.filter((e) => e.key === null);
    check(unassigned.length > 0, () => ({
      code: bank === 'should-answer' ? 'NO_TOPIC' : 'NO_RISK', severity: sev.unassigned, confidence: 'high', basis: basisView(rules, 'annexA'),
      where: placesText(unassigned.flatMap((e) => e.places)), args: { bank, count: unassigned.length },
    }));
    const repeated = list.filter((e) => e.places.length > 1);
    check(repeated.length > 0, () => ({
      code: 'DUPLICATE', severity: sev.duplicate, confidence: 'high', basis: null,
      where: repeated.slice(0, WHERE_LIMIT).map((e) => e.places.map(placeText).join(' = ')),
      args: { bank, count: repeated.length, example: repeated[0]!.text },
    }));
  }

  // A question in two test banks counts in both and tests neither cleanly.
  const owners = new Map<string, { text: string; banks: QuestionBank[]; places: Place[] }>();
  for (const bank of ['generation', 'should-refuse', 'should-answer'] as const) {
    for (const e of entries.get(bank) ?? []) {
      const key = sameText(e.text);
      const owner = owners.get(key);
      if (owner) {
        owner.banks.push(bank);
        owner.places.push(e.places[0]!);
      } else owners.set(key, { text: e.text, banks: [bank], places: [e.places[0]!] });
    }
  }
  const shared = [...owners.values()].filter((o) => o.banks.length > 1);
  if (banks.filter((b) => b.bank !== 'keywords' && b.provided).length > 1) {
    check(shared.length > 0, () => ({
      code: 'CROSS_BANK', severity: sev.crossBank, confidence: 'high', basis: basisView(rules, 'refusal'),
      where: shared.slice(0, WHERE_LIMIT).map((o) => o.places.map(placeText).join(' = ')),
      args: { count: shared.length, example: shared[0]!.text, banks: [...new Set(shared.flatMap((o) => o.banks))].join(',') },
    }));
  }

  // Evaluation results: draws and rates per bank (and per method for generated content).
  const evaluation: RateLine[] = [];
  if (data.results.length > 0) {
    const output = rules.evaluation.output;
    const generation = data.results.filter((r) => r.bank === 'generation');
    for (const method of output.methods) {
      const rows = generation.filter((r) => r.method === method);
      const hits = rows.filter((r) => r.verdict === 'pass').length;
      evaluation.push({ bank: 'generation', method, draws: rows.length, minDraws: output.minDraws, hits, rate: rows.length ? hits / rows.length : null, bound: output.minPassRate, direction: 'min', basis: basisView(rules, output.basis) });
    }
    const noMethod = generation.filter((r) => r.method === null);
    check(noMethod.length > 0, () => ({
      code: 'NO_METHOD', severity: sev.unassigned, confidence: 'high', basis: basisView(rules, output.basis),
      where: placesText(noMethod.map((r) => r.place)), args: { bank: 'generation', count: noMethod.length },
    }));
    const refuse = rules.evaluation['should-refuse'];
    const answer = rules.evaluation['should-answer'];
    for (const [bank, figures, bound, direction] of [['should-refuse', refuse, refuse.minRefusalRate, 'min'], ['should-answer', answer, answer.maxRefusalRate, 'max']] as const) {
      const rows = data.results.filter((r) => r.bank === bank);
      const hits = rows.filter((r) => r.verdict === 'refused').length;
      evaluation.push({ bank, method: null, draws: rows.length, minDraws: figures.minDraws, hits, rate: rows.length ? hits / rows.length : null, bound, direction, basis: basisView(rules, figures.basis) });
    }
    for (const line of evaluation) {
      const args = { bank: line.bank, method: line.method ?? '', draws: line.draws, min: line.minDraws, shortfall: Math.max(0, line.minDraws - line.draws) };
      check(line.draws < line.minDraws, () => ({ code: line.draws === 0 ? 'NO_DRAWS' : 'DRAWS_SHORT', severity: sev.draws, confidence: 'medium', basis: line.basis, where: [], args }));
      if (line.rate === null) continue;
      const rate = line.rate;
      const short = line.direction === 'min' ? rate < line.bound : rate > line.bound;
      check(short, () => ({
        code: line.bank === 'generation' ? 'PASS_RATE_LOW' : line.direction === 'min' ? 'REFUSAL_RATE_LOW' : 'REFUSAL_RATE_HIGH',
        severity: sev.rate, confidence: 'medium', basis: line.basis, where: [],
        args: { bank: line.bank, method: line.method ?? '', rate: percent(rate), bound: percent(line.bound), hits: line.hits, draws: line.draws },
      }));
    }
  }

  // Each result row traced to a question of the bank it names, by its id and by its text; a row that
  // names a question the bank does not hold was not drawn from that bank.
  const coverage: CoverageLine[] = [];
  const sameId = (id: string) => id.normalize('NFKC').trim().toLowerCase();
  for (const bank of QUESTION_BANKS) {
    const results = data.results.filter((r) => r.bank === bank);
    const questions = data.questions.filter((q) => q.bank === bank);
    if (results.length === 0 || questions.length === 0) continue;
    const byId = new Map<string, string>();
    for (const q of questions) if (q.id !== null && !byId.has(sameId(q.id))) byId.set(sameId(q.id), sameText(q.text));
    const texts = new Set(questions.map((q) => sameText(q.text)));
    const evaluated = new Set<string>();
    const untraced: Place[] = [];
    for (const result of results) {
      const viaId = result.id === null ? null : byId.get(sameId(result.id)) ?? undefined;
      const viaText = result.question === null ? null : texts.has(sameText(result.question)) ? sameText(result.question) : undefined;
      if (viaId === undefined || viaText === undefined || (viaId !== null && viaText !== null && viaId !== viaText)) untraced.push(result.place);
      else evaluated.add((viaId ?? viaText)!);
    }
    coverage.push({ bank, questions: texts.size, evaluated: evaluated.size });
    const figures = bank === 'generation' ? rules.evaluation.output : rules.evaluation[bank];
    check(untraced.length > 0, () => ({
      code: 'RESULT_NOT_IN_BANK', severity: sev.untraced, confidence: 'high', basis: basisView(rules, figures.basis),
      where: placesText(untraced), args: { bank, count: untraced.length },
    }));
  }

  // Corpus sampling: the manual and technical evaluations of §9.2, and each source of §5.1.
  const corpus: CorpusLine[] = [];
  const figures = rules.corpus;
  for (const method of ['manual', 'technical'] as const) {
    const rows = data.corpus.filter((r) => r.method === method && r.source === null);
    if (rows.length === 0) continue;
    const samples = rows.reduce((n, r) => n + r.samples, 0);
    const qualified = rows.reduce((n, r) => n + r.qualified, 0);
    const sizes = rows.map((r) => r.corpusSize).filter((s): s is number => s !== null);
    const corpusSize = sizes.length > 0 ? Math.max(...sizes) : null;
    const bound = method === 'manual' ? figures.manual.minPassRate : figures.technical.minPassRate;
    const basis = basisView(rules, figures[method].basis);
    const line: CorpusLine = {
      method, source: null, samples, qualified, rate: samples ? qualified / samples : 0, corpusSize,
      minSamples: method === 'manual' ? figures.manual.minSamples : corpusSize === null ? null : Math.ceil(corpusSize * figures.technical.minShare),
      minShare: method === 'technical' ? figures.technical.minShare : null, bound, direction: 'min', basis,
    };
    corpus.push(line);
    const where = placesText(rows.map((r) => r.place));
    if (method === 'technical' && corpusSize === null) {
      check(true, () => ({ code: 'CORPUS_SIZE_UNKNOWN', severity: sev.draws, confidence: 'high', basis, where, args: { method, share: percent(figures.technical.minShare) } }));
    } else {
      check(samples < line.minSamples!, () => ({
        code: 'CORPUS_SAMPLES_SHORT', severity: sev.draws, confidence: 'medium', basis, where,
        args: { method, samples, min: line.minSamples!, shortfall: line.minSamples! - samples },
      }));
    }
    check(line.rate < bound, () => ({
      code: 'CORPUS_PASS_RATE_LOW', severity: sev.rate, confidence: 'medium', basis, where,
      args: { method, rate: percent(line.rate), bound: percent(bound), qualified, samples },
    }));
  }
  const bySource = new Map<string, typeof data.corpus>();
  for (const row of data.corpus.filter((r) => r.source !== null)) bySource.set(row.source!, [...(bySource.get(row.source!) ?? []), row]);
  for (const [source, rows] of bySource) {
    const samples = rows.reduce((n, r) => n + r.samples, 0);
    const qualified = rows.reduce((n, r) => n + r.qualified, 0);
    const failShare = samples ? (samples - qualified) / samples : 0;
    const basis = basisView(rules, figures.source.basis);
    corpus.push({ method: 'source', source, samples, qualified, rate: failShare, corpusSize: null, minSamples: null, minShare: null, bound: figures.source.maxFailShare, direction: 'max', basis });
    check(failShare > figures.source.maxFailShare, () => ({
      code: 'SOURCE_OVER_LIMIT', severity: sev.rate, confidence: 'medium', basis, where: placesText(rows.map((r) => r.place)),
      args: { source, share: percent(failShare), bound: percent(figures.source.maxFailShare), failed: samples - qualified, samples },
    }));
  }

  findings.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const bySeverity = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return {
    schemaVersion: 1,
    tool: { name: 'filing-check', version: options.toolVersion },
    lang: options.lang,
    sources: data.tables,
    banks,
    evaluation: { provided: data.results.length > 0, lines: evaluation, coverage },
    corpus: { provided: data.corpus.length > 0, lines: corpus },
    findings,
    summary: { blocking: bySeverity('blocking'), major: bySeverity('major'), minor: bySeverity('minor'), checks, failed: findings.length },
  };
}

/**
 * What keeps a gen-AI material from being ready: its banks not provided, and their shortfalls at
 * major or above (for the test banks, the evaluation results drawn from them too, when given).
 * Corpus sampling belongs to neither material.
 */
export function materialShortfalls(report: AssessReport, material: 'genai-keyword-list' | 'genai-test-bank', rules: AssessRules = ASSESS_RULES): AssessFinding[] {
  const banks: readonly Bank[] = material === 'genai-keyword-list' ? ['keywords'] : ['generation', 'should-refuse', 'should-answer'];
  const missing = report.banks
    .filter((b) => banks.includes(b.bank) && !b.provided)
    .map((b): AssessFinding => ({ code: 'BANK_NOT_PROVIDED', severity: rules.severity.size, confidence: 'high', basis: b.basis, where: [], args: { bank: b.bank } }));
  const short = report.findings.filter((f) => f.severity !== 'minor' && banks.includes(f.args.bank as Bank));
  return [...missing, ...short];
}

/** 1 when a finding is at or above `failOn`, else 0. */
export function assessExitCode(report: AssessReport, failOn: Severity | 'none'): 0 | 1 {
  return report.findings.some((f) => isAtOrAbove(f.severity, failOn)) ? 1 : 0;
}
