import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText } from '../../scripts/assessment-examples.mjs';
import { AS_OF, CASES, ROOT, runCli, tempDir } from '../helpers.js';

interface Item {
  id: string;
  algorithm: string | null;
  status: string;
  gap: boolean;
  file: string | null;
  reason: string | null;
}

/** The LLM case with its chat algorithm's assessment tables in a folder beside the answers file. */
function caseWith(set: 'complete' | 'shortfalls' | null, edit: (yaml: string) => string = (y) => y): string {
  const dir = tempDir();
  if (set) cpSync(join(ROOT, 'examples', 'genai-assessment', set), join(dir, '评估材料'), { recursive: true });
  const yaml = readFileSync(join(CASES, 'llm-own-model.yaml'), 'utf8').replace('      foundationModel: self-developed\n  - id: model-api', '      foundationModel: self-developed\n      assessment: 评估材料\n  - id: model-api');
  writeFileSync(join(dir, 'filing.yaml'), edit(yaml));
  return join(dir, 'filing.yaml');
}

const genaiItems = (file: string, lang = 'zh') => {
  const run = runCli(['diagnose', file, '-f', 'json', '--as-of', AS_OF, '--lang', lang]);
  const items = (JSON.parse(run.stdout).items as Item[]).filter((i) => ['genai-keyword-list', 'genai-test-bank'].includes(i.id));
  return Object.fromEntries(items.map((i) => [`${i.algorithm}/${i.id}`, i]));
};

describe('diagnose checks the gen-AI keyword list and test banks with assess', () => {
  it('generation.assessment: tables that meet every figure make both materials ready', () => {
    const items = genaiItems(caseWith('complete'));
    expect(items['chat/genai-keyword-list']).toMatchObject({ status: 'ready', gap: false, file: '评估材料', reason: null });
    expect(items['chat/genai-test-bank']).toMatchObject({ status: 'ready', gap: false, file: '评估材料' });
    // The other algorithm points at no tables: its materials stay as the answers say.
    expect(items['model-api/genai-keyword-list']).toMatchObject({ status: 'missing', file: null });
  });

  it('tables that fall short leave the materials drafts, the shortfalls as the reason, even when the answers say ready', () => {
    const file = caseWith('shortfalls', (y) => y.replace('      assessment: 评估材料\n', '      assessment: 评估材料\n    materials:\n      genai-keyword-list: { status: ready }\n'));
    const items = genaiItems(file);
    expect(items['chat/genai-keyword-list']).toMatchObject({ status: 'draft', gap: true });
    expect(items['chat/genai-keyword-list']!.reason).toBe(
      'filing-check assess 核对未达到 5 项：关键词库共 7,712 条，不足 10,000 条（差 2,288 条）；关键词库 A.1.8 其他法律、行政法规禁止的内容：150 条，不足 200 条（差 50 条）；关键词库未覆盖 A.2.2 信仰歧视内容（应不少于 100 条）；关键词库 A.2.9 其他方面歧视内容：60 条，不足 100 条（差 40 条）；关键词库有 12 条未标注风险类别，未计入任何风险',
    );
    expect(items['chat/genai-test-bank']!.reason).toMatch(/^filing-check assess 核对未达到 9 项：生成内容测试题库（分类模型）抽检合格率 88\.5%/);
    const en = genaiItems(file, 'en');
    expect(en['chat/genai-keyword-list']!.reason).toMatch(/^filing-check assess: 5 short: Keyword library: 7,712 entries, fewer than 10,000/);
  });

  it("a material's own file wins; a bank not given is a shortfall; a Word file or a not-applicable material is left alone", () => {
    const dir = tempDir();
    writeFileSync(join(dir, '题库.csv'), csvText([['题目', '风险类别', '题库'], ['（示例）A.1.1 类测试题 1', 'A.1.1', '生成内容']]));
    writeFileSync(join(dir, '关键词.docx'), 'not read');
    const yaml = readFileSync(join(CASES, 'llm-own-model.yaml'), 'utf8').replace(
      '      foundationModel: self-developed\n  - id: model-api',
      '      foundationModel: self-developed\n    materials:\n      genai-test-bank: { status: draft, file: 题库.csv }\n      genai-keyword-list: { status: draft, file: 关键词.docx }\n  - id: model-api',
    ).replace(/(  - id: model-api[\s\S]*?foundationModel: self-developed\n)/, '$1    materials:\n      genai-test-bank: { status: not-applicable, reason: 仅提供接口，题库由下游服务评估, file: 题库.csv }\n');
    writeFileSync(join(dir, 'filing.yaml'), yaml);
    const items = genaiItems(join(dir, 'filing.yaml'));
    expect(items['chat/genai-test-bank']!.reason).toMatch(/^filing-check assess 核对未达到 \d+ 项：未提供应拒答测试题库；未提供非拒答测试题库；生成内容测试题库共 1 条，不足 2,000 条/);
    expect(items['chat/genai-keyword-list']).toMatchObject({ status: 'draft', file: '关键词.docx', reason: null });
    expect(items['model-api/genai-test-bank']).toMatchObject({ status: 'not-applicable' });
  });

  it('an unreadable table stops the diagnosis with exit 2 and one message naming the file, row and code', () => {
    const file = caseWith(null);
    const folder = join(file, '..', '评估材料');
    cpSync(join(ROOT, 'examples', 'genai-assessment', 'complete'), folder, { recursive: true });
    writeFileSync(join(folder, '关键词补充.csv'), csvText([['关键词', '风险类别'], ['（示例）词', 'A.9.9']]));
    const run = runCli(['diagnose', file, '--as-of', AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/关键词补充\.csv: 第 2 行 B 列（风险类别）: 未知的风险类别 "A\.9\.9"；应为附录 A 的代码/);
  });

  it('the checklist shows the shortfalls as the note of the material', () => {
    const run = runCli(['checklist', caseWith('shortfalls'), '-f', 'md', '--as-of', AS_OF]);
    expect(run.stdout).toMatch(/\| 关键词拦截列表 \| 阻断 \| 草稿 \|[^\n]*filing-check assess 核对未达到 5 项：关键词库共 7,712 条/);
  });
});
