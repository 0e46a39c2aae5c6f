type Row = (string | number)[];
type PerKey = (key: string) => number;

export interface BankSet {
  keywords: Row[];
  generation: Row[];
  refuse: Row[];
  answer: Row[];
  results: Row[];
  corpus: Row[];
}

export interface BankSetOptions {
  keywordsPerRisk?: PerKey;
  generationPerRisk?: PerKey;
  refusePerRisk?: PerKey;
  answerPerTopic?: PerKey;
  results?: Record<'manual' | 'keyword' | 'classifier' | 'refuse' | 'answer', [number, number]>;
  corpus?: Row[];
}

export const RISKS: Record<string, number>;
export const TOPICS: string[];
export const SHORTFALLS: string[];
export function keywordRows(perRisk: PerKey): Row[];
export function bankSet(options?: BankSetOptions): BankSet;
export function shortfallSet(): BankSet;
export function csvText(rows: Row[]): string;
export function utf16le(text: string): Buffer;
export function workbook(sheets: [string, Row[]][]): Promise<Buffer>;
