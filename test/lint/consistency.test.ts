import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersSchema, type Answers } from '../../src/answers/schema.js';
import { answersForDraft, checkConsistency, expectedTypes } from '../../src/lint/consistency.js';
import { loadRules } from '../../src/rules/load.js';
import type { TypeDefinition } from '../../src/rules/schema.js';
import { statedType, typeMentions } from '../../src/lint/mentions.js';
import { readDraft } from '../../src/lint/read-draft.js';

const path = (name: string) => new URL(`../fixtures/drafts/${name}`, import.meta.url).pathname;
const answers = (): Answers => AnswersSchema.parse(parse(readFileSync(path('filing.yaml'), 'utf8')));
let types: readonly TypeDefinition[] = [];
beforeAll(async () => {
  types = (await loadRules([], new URL('../..', import.meta.url).pathname)).types;
});
const expected = (a: Answers = answers()) => ({ answers: a, source: 'filing.yaml', types });
const doc = async (name: string) => ({ file: name, lines: (await readDraft(path(name))).lines });
const one = (lines: string[], a: Answers = answers()) => checkConsistency([{ file: 'draft.md', lines }], expected(a))[0]?.findings;

const SOUND = ['disclosure-sound.md', 'self-assessment-sound.md', 'disclosure-genai.docx', 'disclosure-genai-gbk.txt', 'dispatch-workers.md',
  'disclosure-no-opt-out.md', 'disclosure-brochure-utf16.txt', 'disclosure-missing-section.md', 'self-assessment-flawed.md', 'disclosure-template-crlf.md'];

describe('checkConsistency against the answers file', () => {
  it('finds nothing in drafts that name the subject, algorithms, types and products as filed', async () => {
    const docs = await Promise.all(SOUND.map(doc));
    expect(checkConsistency(docs, expected())).toEqual(SOUND.map((file) => ({ file, findings: [] })));
  });

  it('disclosure-names-differ.md: wrong company, algorithm, type and product, each with both values', async () => {
    const [result] = checkConsistency([await doc('disclosure-names-differ.md')], expected());
    expect(result?.findings).toEqual([
      { code: 'NAME_MISMATCH', severity: 'major', line: 3, args: { field: 'entity', found: '杭州云栖优选科技有限公司', expected: '杭州云栖优选网络科技有限公司', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'entity' } },
      {
        code: 'NAME_MISMATCH', severity: 'major', line: 5,
        args: { field: 'algorithm', found: '云栖优选智能推荐算法', expected: '云栖优选个性化推荐算法、云栖妙笔AI写作生成算法、云栖优选即时配送调度算法', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'algorithm' },
      },
      { code: 'TYPE_NAME_MISMATCH', severity: 'major', line: 7, args: { found: '排序精选类', expected: '个性化推送类', sourceKind: 'answers', source: 'filing.yaml' } },
      { code: 'NAME_MISMATCH', severity: 'major', line: 19, args: { field: 'product', found: '云栖优选极速版APP', expected: '云栖优选、云栖妙笔', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'product' } },
    ]);
    // Not reported: 阿里云计算有限公司 (a supplier), 《中华人民共和国个人信息保护法》 (a law),
    // 云栖妙笔AI写作生成算法 (the subject's other algorithm), 不属于生成合成类 (a negation).
  });

  it('lets a company name sit inside longer text, and other companies appear where the subject is not named', () => {
    expect(one(['本服务条款由杭州云栖优选网络科技有限公司负责解释。', '杭州云栖优选网络科技有限公司及其关联公司浙江云栖物流有限公司共同提供配送服务。'])).toEqual([]);
  });

  it('reports a company written almost like the subject, and any other company in a subject field', () => {
    expect(one(['本算法由杭州云栖优选电子商务有限公司运营。', '编制单位：上海示例信息技术有限公司'])).toEqual([
      { code: 'NAME_MISMATCH', severity: 'major', line: 1, args: { field: 'entity', found: '杭州云栖优选电子商务有限公司', expected: '杭州云栖优选网络科技有限公司', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'entity' } },
      { code: 'NAME_MISMATCH', severity: 'major', line: 2, args: { field: 'entity', found: '上海示例信息技术有限公司', expected: '杭州云栖优选网络科技有限公司', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'entity' } },
    ]);
  });

  it('reads product names in 《》 but not law or document titles', () => {
    expect(one(['用户可在《云栖优选》APP中关闭个性化推荐，详见《云栖优选用户服务协议》和《互联网信息服务算法推荐管理规定》。'])).toEqual([]);
    expect(one(['本算法也用于《云栖优选极速版》。'])).toEqual([
      { code: 'NAME_MISMATCH', severity: 'major', line: 1, args: { field: 'product', found: '云栖优选极速版', expected: '云栖优选、云栖妙笔', sourceKind: 'answers', source: 'filing.yaml', fieldRule: 'product' } },
    ]);
  });

  it('reads a generic phrase or prose around a name as no name', () => {
    expect(one(['本算法是一种个性化推荐算法，与云栖优选个性化推荐算法的召回算法配合使用。', '云栖优选的推荐算法按兴趣排序。'])).toEqual([]);
  });

  it('compares the type with declaredType (code or name), else the primary type of does', () => {
    const a = answers();
    const feed = a.algorithms[0];
    if (!feed) throw new Error('fixture has the feed algorithm');
    const lines = ['云栖优选个性化推荐算法拟公示内容', '算法类型：个性化推送类'];
    expect(one(lines, a)).toEqual([]);
    feed.declaredType = '03';
    expect(one(lines, a)).toEqual([
      { code: 'TYPE_NAME_MISMATCH', severity: 'major', line: 2, args: { found: '个性化推送类', expected: '排序精选类', sourceKind: 'answers', source: 'filing.yaml' } },
    ]);
    feed.declaredType = '检索过滤类';
    expect(one(['云栖优选个性化推荐算法拟公示内容', '算法类型：信息检索类'], a)).toEqual([]);
    expect(one(['云栖优选个性化推荐算法拟公示内容', '算法类型：内容过滤类'], a)).toEqual([]);
  });

  it('takes the ticked box of a type checkbox row, and ignores negated type names', () => {
    expect(one(['云栖优选个性化推荐算法拟公示内容', '算法类型：☑个性化推送类 □排序精选类 □调度决策类', '本算法不属于生成合成类。'])).toEqual([]);
    expect(one(['云栖优选个性化推荐算法拟公示内容', '算法类型：□个性化推送类 ☑排序精选类 □调度决策类'])).toEqual([
      { code: 'TYPE_NAME_MISMATCH', severity: 'major', line: 2, args: { found: '排序精选类', expected: '个性化推送类', sourceKind: 'answers', source: 'filing.yaml' } },
    ]);
  });

  it('ignores names on lines that still hold template text (TEMPLATE_TEXT reports those)', () => {
    expect(one(['算法名称：【请填写算法名称】', '主体名称：XXX有限公司'])).toEqual([]);
  });
});

describe('checkConsistency between drafts, without answers', () => {
  it('holds every draft to the subject most drafts name', async () => {
    const docs = await Promise.all(['disclosure-sound.md', 'self-assessment-sound.md', 'disclosure-names-differ.md'].map(doc));
    expect(checkConsistency(docs)).toEqual([
      { file: 'disclosure-sound.md', findings: [] },
      { file: 'self-assessment-sound.md', findings: [] },
      {
        file: 'disclosure-names-differ.md',
        findings: [
          {
            code: 'NAME_MISMATCH', severity: 'major', line: 3,
            args: { field: 'entity', found: '杭州云栖优选科技有限公司', expected: '杭州云栖优选网络科技有限公司', sourceKind: 'draft', source: 'disclosure-sound.md', fieldRule: 'entity' },
          },
        ],
      },
    ]);
  });

  it('holds drafts about the same algorithm to one type, and leaves different algorithms alone', async () => {
    const sound = await doc('disclosure-sound.md');
    const ranking = { file: 'self-assessment.md', lines: ['云栖优选个性化推荐算法 算法安全自评估报告', '算法类型：排序精选类'] };
    const other = { file: 'dispatch.md', lines: ['云栖优选即时配送调度算法拟公示内容', '算法类型：调度决策类'] };
    const third = { file: 'again.md', lines: ['云栖优选个性化推荐算法拟公示内容', '算法类型：个性化推送类'] };
    expect(checkConsistency([sound, ranking, other, third]).map((r) => r.findings)).toEqual([
      [],
      [{ code: 'TYPE_NAME_MISMATCH', severity: 'major', line: 2, args: { found: '排序精选类', expected: '个性化推送类', sourceKind: 'draft', source: 'disclosure-sound.md' } }],
      [],
      [],
    ]);
  });
});

describe('types', () => {
  it('reads declaredType as a code or a Chinese name', () => {
    expect(expectedTypes({ does: ['personalize'], declaredType: '03' }, types)).toEqual(['03']);
    expect(expectedTypes({ does: ['rank'], declaredType: '个性化推送类' }, types)).toEqual(['02']);
    expect(expectedTypes({ does: ['rank'], declaredType: '个性化推送' }, types)).toEqual(['02']);
    expect(expectedTypes({ does: ['search'], declaredType: '检索过滤类' }, types)).toEqual(['04', '05']);
    expect(expectedTypes({ does: ['search'], declaredType: undefined }, types)).toEqual(['04']);
  });

  it('picks the type of the algorithm a draft describes', async () => {
    const a = answers();
    expect(answersForDraft((await doc('disclosure-sound.md')).lines, a, types)?.type).toBe('02');
    expect(answersForDraft((await doc('disclosure-genai.docx')).lines, a, types)?.type).toBe('01');
    expect(answersForDraft((await doc('dispatch-workers.md')).lines, a, types)?.type).toBe('06');
    // Misnamed as 云栖优选智能推荐算法: the closest filed name, not the sibling it mentions in passing.
    expect(answersForDraft((await doc('disclosure-names-differ.md')).lines, a, types)?.type).toBe('02');
    expect(answersForDraft(['算法拟公示内容'], a, types)).toBeUndefined();
    expect(answersForDraft(['算法拟公示内容'], { ...a, algorithms: a.algorithms.slice(1, 2) }, types)?.type).toBe('01');
  });

  it('states a type only when the draft’s type names agree', () => {
    expect(statedType(['算法类型：个性化推送类', '本算法属于个性化推送类算法'])).toBe('02');
    expect(statedType(['算法类型：检索过滤类'])).toBeNull();
    expect(statedType(['算法类型：检索过滤类', '即信息检索类'])).toBe('04');
    expect(statedType(['算法类型：个性化推送类', '算法类型：排序精选类'])).toBeNull();
    expect(typeMentions(['本算法并非“生成合成类”，属于调度决策类'])).toEqual([{ line: 1, text: '调度决策类', codes: ['06'] }]);
  });
});
