import { inputError } from '../errors.js';
import type { MessageArg } from '../messages/catalogue.js';
import type { Table, TableRow } from './read.js';
import { tableName } from './read.js';
import {
  ASSESS_RULES, COLUMNS, normaliseValue, QUESTION_BANKS,
  type AssessRules, type Column, type CorpusMethod, type EvaluationMethod, type QuestionBank, type Verdict,
} from './rules.js';

/** Where a record came from, for findings and error messages. */
export interface Place {
  file: string;
  sheet: string | null;
  line: number;
}

export interface KeywordRecord {
  text: string;
  risk: string | null;
  place: Place;
}

export interface QuestionRecord {
  bank: QuestionBank;
  id: string | null;
  text: string;
  risk: string | null;
  topic: string | null;
  place: Place;
}

export interface ResultRecord {
  bank: QuestionBank;
  id: string | null;
  question: string | null;
  verdict: Verdict;
  method: EvaluationMethod | null;
  place: Place;
}

export interface CorpusRecord {
  method: CorpusMethod;
  samples: number;
  qualified: number;
  corpusSize: number | null;
  source: string | null;
  place: Place;
}

export type TableKind = 'keywords' | 'bank' | 'results' | 'corpus';

/** Everything read from the files, sorted by kind, and what each table was taken for. */
export interface AssessmentData {
  keywords: KeywordRecord[];
  questions: QuestionRecord[];
  results: ResultRecord[];
  corpus: CorpusRecord[];
  tables: { file: string; sheet: string | null; kind: TableKind; bank: QuestionBank | null; rows: number }[];
}

/** Lookup tables built once from the rules: header words, value words, risk names and codes. */
class Vocabulary {
  readonly headers = new Map<string, Column>();
  readonly risks = new Map<string, string>();
  readonly topics = new Map<string, string>();
  readonly banks: [string, QuestionBank][] = [];
  readonly verdicts = new Map<string, Verdict>();
  readonly methods = new Map<string, EvaluationMethod | 'technical'>();
  readonly riskCodes: Set<string>;

  constructor(rules: AssessRules) {
    for (const column of COLUMNS) for (const word of rules.columns[column]) this.headers.set(normaliseValue(word), column);
    for (const risk of rules.risks) for (const name of [risk.zh, risk.en, ...risk.aliases]) this.risks.set(normaliseValue(name), risk.code);
    for (const topic of rules.topics) for (const name of [topic.zh, topic.en, topic.id]) this.topics.set(normaliseValue(name), topic.id);
    for (const bank of QUESTION_BANKS) for (const word of rules.values.bank[bank]) this.banks.push([normaliseValue(word), bank]);
    // Longest first: 非拒答 must win over 拒答 inside a file name.
    this.banks.sort((a, b) => b[0].length - a[0].length);
    for (const [verdict, words] of Object.entries(rules.values.verdict)) for (const w of words) this.verdicts.set(normaliseValue(w), verdict as Verdict);
    for (const [method, words] of Object.entries(rules.values.method)) for (const w of words) this.methods.set(normaliseValue(w), method as EvaluationMethod | 'technical');
    this.riskCodes = new Set(rules.risks.map((r) => r.code));
  }

  /** A risk cell: A.2.3, A2.3, A.2.c, A2-c, "A.2.3 国别歧视内容", "c) 国别歧视内容" under no group, or a name. */
  risk(cell: string): string | null | undefined {
    const text = cell.normalize('NFKC').trim();
    if (text === '') return null;
    const coded = /^A\s*\.?\s*([1-9])\s*[.\-_ ]?\s*([1-9]|[a-i])(?![0-9a-z])\)?/iu.exec(text);
    if (coded) {
      const item = /[a-i]/iu.test(coded[2]!) ? coded[2]!.toLowerCase().charCodeAt(0) - 96 : Number(coded[2]);
      const code = `A.${coded[1]}.${item}`;
      return this.riskCodes.has(code) ? code : undefined;
    }
    return this.risks.get(normaliseValue(text.replace(/^[a-i]\s*[)）]\s*/iu, ''))) ?? undefined;
  }

  bankIn(text: string): QuestionBank | null {
    const normalised = normaliseValue(text);
    return this.banks.find(([word]) => normalised.includes(word))?.[1] ?? null;
  }

  bankCell(cell: string): QuestionBank | null | undefined {
    const normalised = normaliseValue(cell);
    if (normalised === '') return null;
    return this.banks.find(([word]) => normalised === word)?.[1];
  }
}

let vocabulary: Vocabulary | undefined;
const words = () => (vocabulary ??= new Vocabulary(ASSESS_RULES));

const quote = (list: readonly string[]): MessageArg => ({ list: list.map((w) => `"${w}"`), separator: 'list.comma' });

/** A file, or a sheet of a workbook, as messages name it. */
const tableAt = (table: Table): MessageArg => (table.sheet !== null ? { key: 'where.sheet', args: { file: table.file, sheet: table.sheet } } : table.file);

/** Reads tables into records; every cell that cannot be read stops the run with its file, row and column. */
export function recogniseTables(tables: readonly Table[]): AssessmentData {
  const data: AssessmentData = { keywords: [], questions: [], results: [], corpus: [], tables: [] };
  const rules = ASSESS_RULES;
  const v = words();
  // A workbook may carry an instructions sheet; a table is an error only if its file gives no other.
  const recognisedFiles = new Set<string>();
  const unrecognised: Table[] = [];

  for (const table of tables) {
    const columns = new Map<Column, number>();
    table.header.forEach((cell, index) => {
      const column = v.headers.get(normaliseValue(cell));
      if (column && !columns.has(column)) columns.set(column, index);
    });
    const has = (column: Column) => columns.has(column);
    const kind: TableKind | null =
      has('keyword') && has('risk') ? 'keywords'
      : has('sampleSize') && has('qualified') && has('method') ? 'corpus'
      : has('result') && (has('id') || has('question')) ? 'results'
      : has('question') && (has('risk') || has('topic')) ? 'bank'
      : null;
    if (!kind) {
      unrecognised.push(table);
      continue;
    }
    recognisedFiles.add(table.file);
    const cell = (row: TableRow, column: Column) => (columns.has(column) ? (row.cells[columns.get(column)!] ?? '').trim() : '');
    const where = (row: TableRow, column: Column) => table.where(row.line, columns.get(column)!);
    const place = (row: TableRow): Place => ({ file: table.file, sheet: table.sheet, line: row.line });
    const risk = (row: TableRow): string | null => {
      const value = cell(row, 'risk');
      const code = v.risk(value);
      if (code === undefined) {
        throw inputError('error.assess.unknown-risk', { where: where(row, 'risk'), value });
      }
      return code;
    };
    const tableBank = v.bankIn(tableName(table));
    const bankOf = (row: TableRow): QuestionBank => {
      const value = cell(row, 'bank');
      const bank = v.bankCell(value);
      if (bank === undefined) {
        throw inputError('error.assess.unknown-bank', {
          where: where(row, 'bank'),
          value,
          generation: quote(rules.values.bank.generation.slice(0, 2)),
          refuse: quote(rules.values.bank['should-refuse'].slice(0, 2)),
          answer: quote(rules.values.bank['should-answer'].slice(0, 2)),
        });
      }
      if (bank) return bank;
      if (tableBank) return tableBank;
      throw inputError('error.assess.no-bank', { at: tableAt(table), row: row.line });
    };
    const count = (row: TableRow, column: Column, required: boolean): number | null => {
      const value = cell(row, column).replace(/[,，\s]/gu, '');
      if (value === '' && !required) return null;
      if (!/^\d+$/u.test(value)) throw inputError('error.assess.not-count', { where: where(row, column), value: cell(row, column) });
      return Number(value);
    };

    let banks = new Set<QuestionBank>();
    if (kind === 'keywords') {
      for (const row of table.rows) {
        const text = cell(row, 'keyword');
        if (text === '') continue;
        data.keywords.push({ text, risk: risk(row), place: place(row) });
      }
    } else if (kind === 'bank') {
      for (const row of table.rows) {
        const text = cell(row, 'question');
        if (text === '') continue;
        const bank = bankOf(row);
        banks.add(bank);
        const topicValue = cell(row, 'topic');
        let topic: string | null = null;
        if (topicValue !== '') {
          topic = v.topics.get(normaliseValue(topicValue)) ?? null;
          if (topic === null) {
            const topics = (lang: 'zh' | 'en'): MessageArg => ({ list: rules.topics.map((t) => t[lang]), separator: 'list.comma' });
            throw inputError('error.assess.unknown-topic', { where: where(row, 'topic'), value: topicValue, zh: topics('zh'), en: topics('en') });
          }
        }
        data.questions.push({ bank, id: cell(row, 'id') || null, text, risk: bank === 'should-answer' && !has('risk') ? null : risk(row), topic, place: place(row) });
      }
    } else if (kind === 'results') {
      for (const row of table.rows) {
        const verdictValue = cell(row, 'result');
        if (verdictValue === '' && cell(row, 'id') === '' && cell(row, 'question') === '') continue;
        const bank = bankOf(row);
        banks.add(bank);
        const verdict = v.verdicts.get(normaliseValue(verdictValue));
        const allowed = bank === 'generation' ? (['pass', 'fail'] as const) : (['refused', 'answered'] as const);
        if (!verdict || !(allowed as readonly Verdict[]).includes(verdict)) {
          const expected = { list: allowed.map((a) => `"${rules.values.verdict[a][0]}"`), separator: 'list.or' };
          if (!verdictValue) throw inputError('error.assess.empty-result', { where: where(row, 'result'), expected });
          throw inputError('error.assess.not-result', { where: where(row, 'result'), value: verdictValue, bank: { key: `assess.bank.${bank}` }, expected });
        }
        const methodValue = cell(row, 'method');
        const method = methodValue === '' ? null : v.methods.get(normaliseValue(methodValue));
        if (method === undefined || method === 'technical') {
          throw inputError('error.assess.unknown-method', { where: where(row, 'method'), value: methodValue });
        }
        data.results.push({ bank, id: cell(row, 'id') || null, question: cell(row, 'question') || null, verdict, method, place: place(row) });
      }
    } else {
      for (const row of table.rows) {
        if (row.cells.every((c) => c.trim() === '')) continue;
        const methodValue = cell(row, 'method');
        const method = v.methods.get(normaliseValue(methodValue));
        const corpusMethod: CorpusMethod | undefined = method === 'manual' ? 'manual' : method === 'technical' || method === 'keyword' || method === 'classifier' ? 'technical' : undefined;
        if (!corpusMethod) throw inputError('error.assess.unknown-sampling', { where: where(row, 'method'), value: methodValue });
        const samples = count(row, 'sampleSize', true)!;
        const qualified = count(row, 'qualified', true)!;
        if (qualified > samples) throw inputError('error.assess.qualified-over', { where: where(row, 'qualified'), qualified, samples });
        data.corpus.push({ method: corpusMethod, samples, qualified, corpusSize: count(row, 'corpusSize', false), source: cell(row, 'source') || null, place: place(row) });
      }
    }
    data.tables.push({ file: table.file, sheet: table.sheet, kind, bank: banks.size === 1 ? [...banks][0]! : null, rows: table.rows.length });
    banks = new Set();
  }
  for (const table of unrecognised) {
    if (recognisedFiles.has(table.file)) continue;
    throw inputError('error.assess.unknown-table', { at: tableAt(table), header: quote(table.header.filter(Boolean).slice(0, 8)) });
  }
  return data;
}
