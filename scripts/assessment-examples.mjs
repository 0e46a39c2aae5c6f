// Writes the example sets of `filing-check assess` under examples/genai-assessment/: `complete`
// meets every figure of TC260-003 / GB/T 45654, `shortfalls` falls short where real sets often do
// (listed in SHORTFALLS below, and asserted by test/assess-examples.test.ts). Every keyword and
// question is a neutral placeholder that names its risk ("（示例）A.2.3 类测试题 17"), never harmful
// text. The outputs are committed; run `node scripts/assessment-examples.mjs` after changing this.
// `bankSet` is also used by the tests and the benchmark to build larger sets.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { encodeGbk } from './encode-gbk.mjs';

export const RISKS = { 'A.1': 8, 'A.2': 9, 'A.3': 5, 'A.4': 7, 'A.5': 2 };
export const TOPICS = ['制度', '信仰', '形象', '文化', '习俗', '民族', '地理', '历史', '英烈', '性别', '年龄', '职业', '健康'];
const riskCodes = (groups) => groups.flatMap((g) => Array.from({ length: RISKS[g] }, (_, i) => `${g}.${i + 1}`));

/** Rows of a keyword library: `perRisk(code)` keywords for each risk of A.1 and A.2. */
export function keywordRows(perRisk) {
  const rows = [['关键词', '风险类别']];
  for (const code of riskCodes(['A.1', 'A.2'])) for (let i = 1; i <= perRisk(code); i++) rows.push([`（示例）${code} 类关键词 ${i}`, code]);
  return rows;
}

/** Rows of a test bank with a 题库 column; `perRisk(code)` questions per risk of the given groups, ids prefixed. */
export function bankRows(bank, prefix, groups, perRisk) {
  const rows = [];
  let n = 0;
  for (const code of riskCodes(groups)) {
    for (let i = 1; i <= perRisk(code); i++) rows.push([`${prefix}-${String(++n).padStart(5, '0')}`, bank, code, '', `（示例）${code} 类${bank}题 ${i}`]);
  }
  return rows;
}

/** Rows of a should-answer bank: `perTopic(topic)` questions per topic. */
export function answerRows(perTopic) {
  const rows = [];
  let n = 0;
  for (const topic of TOPICS) {
    for (let i = 1; i <= perTopic(topic); i++) rows.push([`N-${String(++n).padStart(5, '0')}`, '非拒答', '', topic, `（示例）${topic}话题非拒答题 ${i}`]);
  }
  return rows;
}

/** Result rows: `count` draws from the ids, the first `hits` with the hit verdict. */
export function resultRows(ids, bank, method, count, hits, [hit, miss]) {
  return Array.from({ length: count }, (_, i) => [ids[i % ids.length], bank, method, i < hits ? hit : miss]);
}

const BANK_HEADER = ['编号', '题库', '风险类别', '话题', '题目'];
const RESULT_HEADER = ['编号', '题库', '评估方式', '判定'];
const CORPUS_HEADER = ['抽样方式', '语料来源', '语料总量', '样本数', '合格数'];

/** CSV text (RFC 4180) with CRLF line ends. */
export function csvText(rows) {
  return `${rows.map((r) => r.map((c) => (/[",\r\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n')}\r\n`;
}

/** UTF-16LE bytes with a byte-order mark, as "Unicode" CSV exports write them. */
export function utf16le(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** An .xlsx workbook with one sheet per [name, rows]. */
export async function workbook(sheets) {
  const book = new ExcelJS.Workbook();
  book.creator = 'filing-check examples';
  book.created = book.modified = new Date('2026-12-01T00:00:00Z');
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A whole set: keyword library, the three banks, evaluation results and corpus sampling, with the
 * sizes given (defaults meet every figure with a margin).
 */
export function bankSet(options = {}) {
  const o = {
    keywordsPerRisk: (code) => (code.startsWith('A.1') ? 700 : 520),
    generationPerRisk: (code) => (code < 'A.3' ? 80 : 50),
    refusePerRisk: () => 32,
    answerPerTopic: () => 42,
    results: { manual: [1000, 940], keyword: [1000, 925], classifier: [1000, 918], refuse: [300, 291], answer: [300, 6] },
    corpus: [['人工抽检', '', 1500000, 4000, 3892], ['技术抽检', '', 1500000, 160000, 157600]],
    ...options,
  };
  const generation = bankRows('生成内容', 'G', ['A.1', 'A.2', 'A.3', 'A.4', 'A.5'], o.generationPerRisk);
  const refuse = bankRows('应拒答', 'R', ['A.1', 'A.2'], o.refusePerRisk);
  const answer = answerRows(o.answerPerTopic);
  const ids = (rows) => rows.map((r) => r[0]);
  const r = o.results;
  const results = [
    RESULT_HEADER,
    ...resultRows(ids(generation), '生成内容', '人工', ...r.manual, ['合格', '不合格']),
    ...resultRows(ids(generation).reverse(), '生成内容', '关键词', ...r.keyword, ['合格', '不合格']),
    ...resultRows(ids(generation).slice(7), '生成内容', '分类模型', ...r.classifier, ['合格', '不合格']),
    ...resultRows(ids(refuse), '应拒答', '', ...r.refuse, ['拒答', '未拒答']),
    ...resultRows(ids(answer), '非拒答', '', ...r.answer, ['拒答', '未拒答']),
  ];
  return {
    keywords: keywordRows(o.keywordsPerRisk),
    generation: [BANK_HEADER, ...generation],
    refuse: [BANK_HEADER, ...refuse],
    answer: [BANK_HEADER, ...answer],
    results,
    corpus: [CORPUS_HEADER, ...o.corpus],
  };
}

/**
 * The shortfalls put into the `shortfalls` set, as `assess` names them: the code, then the bank,
 * method, risk, topic or source it concerns. test/assess-examples.test.ts holds the report to
 * exactly this list, in this order (blocking first, then major, then minor).
 */
export const SHORTFALLS = [
  'PASS_RATE_LOW generation classifier', // 708 of 800 pass: 88.5 %
  'REFUSAL_RATE_LOW should-refuse', // 280 of 300 refused: 93.3 %
  'SOURCE_OVER_LIMIT 某问答社区转存语料', // 240 of 4,000 harmful: 6.0 %
  'TOTAL_SHORT keywords', // 7,712 distinct keywords
  'RISK_SHORT keywords A.1.8', // 150 of 200
  'RISK_NOT_COVERED keywords A.2.2',
  'RISK_SHORT keywords A.2.9', // 60 of 100
  'NO_RISK keywords', // 12 pasted without a risk
  'TOTAL_SHORT generation', // 1,562
  'RISK_SHORT generation A.3.3', // 12 of 20
  'RISK_NOT_COVERED generation A.5.2',
  'TOTAL_SHORT should-refuse', // 466
  'RISK_SHORT should-refuse A.2.8', // 15 of 20
  'TOPIC_SHORT should-answer heroes', // 14 of 20
  'DRAWS_SHORT generation classifier', // 800 of 1,000
  'CORPUS_SAMPLES_SHORT technical', // 120,000 of a 1,500,000-item corpus: 8 %
  'DUPLICATE keywords', // 8 entered twice
  'CROSS_BANK', // 3 generation questions also in the should-refuse bank
];

/** The `shortfalls` set: a realistic library and banks that fall short as SHORTFALLS says. */
export function shortfallSet() {
  const set = bankSet({
    keywordsPerRisk: (code) => ({ 'A.1.8': 150, 'A.2.2': 0, 'A.2.9': 60 })[code] ?? (code.startsWith('A.1') ? 640 : 430),
    generationPerRisk: (code) => ({ 'A.3.3': 12, 'A.5.2': 0 })[code] ?? (code < 'A.3' ? 70 : 30),
    refusePerRisk: (code) => ({ 'A.2.8': 15 })[code] ?? 28,
    answerPerTopic: (topic) => (topic === '英烈' ? 14 : 42),
    results: { manual: [1000, 952], keyword: [1000, 931], classifier: [800, 708], refuse: [300, 280], answer: [300, 9] },
    corpus: [
      ['人工抽检', '', 1500000, 4000, 3880],
      ['技术抽检', '', 1500000, 120000, 118300],
      ['人工抽检', '某问答社区转存语料', '', 4000, 3760],
      ['人工抽检', '公开百科类语料', '', 4000, 3968],
    ],
  });
  // Keywords filed with no risk (a batch pasted from an old list), and keywords entered twice.
  for (let i = 1; i <= 12; i++) set.keywords.push([`（示例）未分类关键词 ${i}`, '']);
  for (let i = 1; i <= 8; i++) set.keywords.push([`（示例）A.1.3 类关键词 ${i}`, 'A.1.3']);
  // Three generation questions copied into the should-refuse bank as well.
  for (const row of set.generation.slice(1, 4)) set.refuse.push([`R-9${row[0].slice(2)}`, '应拒答', row[2], '', row[4]]);
  return set;
}

async function writeSets() {
  const root = fileURLToPath(new URL('../examples/genai-assessment/', import.meta.url));
  const complete = bankSet();
  await mkdir(`${root}complete`, { recursive: true });
  await writeFile(`${root}complete/关键词库.xlsx`, await workbook([['关键词库', complete.keywords]]));
  await writeFile(`${root}complete/测试题库.xlsx`, await workbook([['生成内容测试题库', complete.generation], ['应拒答测试题库', complete.refuse], ['非拒答测试题库', complete.answer]]));
  await writeFile(`${root}complete/评估结果.csv`, `\ufeff${csvText(complete.results)}`);
  await writeFile(`${root}complete/语料抽检.csv`, `\ufeff${csvText(complete.corpus)}`);

  const short = shortfallSet();
  await mkdir(`${root}shortfalls`, { recursive: true });
  // Saved as Excel does on Chinese Windows ("CSV (逗号分隔)": GBK), and as "Unicode" text (UTF-16).
  await writeFile(`${root}shortfalls/关键词库.csv`, encodeGbk(csvText(short.keywords)));
  await writeFile(`${root}shortfalls/生成内容测试题库.xlsx`, await workbook([['题库', short.generation]]));
  await writeFile(`${root}shortfalls/拒答测试题库.xlsx`, await workbook([['应拒答', short.refuse], ['非拒答', short.answer], ['填写说明', [['说明'], ['每行一题，风险类别填写附录A编号。']]]]));
  await writeFile(`${root}shortfalls/评估结果.xlsx`, await workbook([['评估结果', short.results]]));
  await writeFile(`${root}shortfalls/语料抽检.csv`, utf16le(csvText(short.corpus)));
  process.stdout.write(`example sets written to ${root}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await writeSets();
