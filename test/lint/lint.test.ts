import { describe, expect, it } from 'vitest';
import { detectKind, lintDraft, type LintFinding } from '../../src/lint/lint.js';
import { readDraft } from '../../src/lint/read-draft.js';

const fixture = async (name: string) => (await readDraft(new URL(`../fixtures/drafts/${name}`, import.meta.url).pathname)).lines;
const codes = (findings: LintFinding[]) => findings.map((f) => f.code);
const returnable = (findings: LintFinding[]) => findings.filter((f) => f.severity !== 'minor');

// A disclosure whose four parts are each long enough and say how users are affected and how they
// switch recommendation off; tests vary one thing at a time.
const PRINCIPLE =
  '本算法根据用户在云栖优选APP内的浏览、点击、收藏、加购和下单记录，估计用户对不同商品的感兴趣程度，按感兴趣程度从高到低排列首页“猜你喜欢”中的商品，同时参考商品销量、好评率和上架时间，避免长期只推荐少数热门商品，也不会把用户已经购买过的同类商品反复推荐给用户。';
const MECHANISM =
  '系统每天汇总用户最近90天的行为记录，为每位用户计算对各商品类目的偏好分值；用户打开页面时先取出约500件候选商品，由排序模型估计用户点击每件商品的可能性并排序，再过滤已下架和违规商品后展示。用户可以在“我的—设置—隐私设置”中关闭个性化推荐，关闭后按商品综合销量展示。';
const SCENARIO = '本算法应用于云栖优选APP首页的“猜你喜欢”商品信息流和商品详情页底部的“看了又看”推荐栏，服务对象为年满18周岁的注册用户。';
const PURPOSE = '帮助用户更快找到需要的商品，减少无关商品的干扰。用户对推荐结果有疑问时可以通过在线客服投诉，平台在15个工作日内答复。';

function disclosure(headings: [string, string, string, string], bodies = [PRINCIPLE, MECHANISM, SCENARIO, PURPOSE]): string[] {
  return ['云栖优选个性化推荐算法拟公示内容', '', ...headings.flatMap((heading, i) => [heading, bodies[i] ?? '', ''])];
}
const plain = () => disclosure(['一、算法基本原理', '二、算法运行机制', '三、算法应用场景', '四、算法目的意图']);

describe('lintDraft on the fixtures', () => {
  it('passes the sound drafts: Markdown disclosure, Markdown self-assessment, Word table disclosure', async () => {
    expect(lintDraft(await fixture('disclosure-sound.md'))).toEqual({ kind: 'disclosure', type: '02', findings: [] });
    expect(lintDraft(await fixture('self-assessment-sound.md'))).toEqual({ kind: 'self-assessment', type: '02', findings: [] });
    expect(lintDraft(await fixture('disclosure-genai.docx'))).toEqual({ kind: 'disclosure', type: '01', findings: [] });
  });

  it('disclosure-missing-section.md: a missing part, a part that repeats its title, a one-line part', async () => {
    expect(lintDraft(await fixture('disclosure-missing-section.md'))).toEqual({
      kind: 'disclosure',
      type: null,
      findings: [
        { code: 'SECTION_MISSING', severity: 'blocking', line: null, args: { section: '算法运行机制', sectionEn: 'operating mechanism' } },
        { code: 'SECTION_TOO_THIN', severity: 'major', line: 6, args: { section: '算法应用场景', sectionEn: 'application scenario', chars: 0, min: 40 } },
        { code: 'SECTION_TOO_THIN', severity: 'major', line: 8, args: { section: '算法目的意图', sectionEn: 'purpose and intent', chars: 6, min: 40 } },
      ],
    });
  });

  it('disclosure-brochure-utf16.txt: superlatives with their exact words, jargon once per term, no word on users', async () => {
    expect(lintDraft(await fixture('disclosure-brochure-utf16.txt')).findings).toEqual([
      { code: 'USER_IMPACT_NOT_DESCRIBED', severity: 'major', line: null, args: {} },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '行业领先' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '极致' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '100%精准' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: 'Transformer' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: 'embedding' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '召回' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '精排' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 13, args: { phrase: '全网第一' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 13, args: { phrase: '前所未有' } },
    ]);
  });

  it('disclosure-template-crlf.md: every line still holding template text, and no SECTION_TOO_THIN on top', async () => {
    expect(lintDraft(await fixture('disclosure-template-crlf.md')).findings).toEqual([
      { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 3, args: { text: '【请填写算法名称】' } },
      { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 7, args: { text: '（请简要说明算法的基本原理，不少于200字）' } },
      { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 9, args: { text: 'XXX' } },
      { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 13, args: { text: '此处填写' } },
      { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 17, args: { text: '××' } },
    ]);
  });

  it('disclosure-no-opt-out.md: a 个性化推送类 draft that never says how to switch it off', async () => {
    expect(lintDraft(await fixture('disclosure-no-opt-out.md'))).toEqual({
      kind: 'disclosure',
      type: '02',
      findings: [{ code: 'OPT_OUT_NOT_DESCRIBED', severity: 'major', line: null, args: { typeName: '个性化推送类' } }],
    });
  });

  it('disclosure-genai-gbk.txt: a 生成合成类 draft that never says how output is labelled', async () => {
    expect(lintDraft(await fixture('disclosure-genai-gbk.txt'))).toEqual({
      kind: 'disclosure',
      type: '01',
      findings: [{ code: 'LABELING_NOT_DESCRIBED', severity: 'major', line: null, args: { typeName: '生成合成类' } }],
    });
  });

  it('dispatch-workers.md: riders are dispatched but their pay, rest and rules are not described', async () => {
    expect(lintDraft(await fixture('dispatch-workers.md')).findings).toEqual([
      { code: 'WORKER_PROTECTION_NOT_DESCRIBED', severity: 'major', line: 7, args: { typeName: '调度决策类', mention: '骑手' } },
    ]);
  });

  it('self-assessment-flawed.md: missing sections, no flow chart, pasted and boilerplate risk items, brochure wording', async () => {
    expect(lintDraft(await fixture('self-assessment-flawed.md'))).toEqual({
      kind: 'self-assessment',
      type: '02',
      findings: [
        { code: 'SECTION_MISSING', severity: 'blocking', line: null, args: { section: '服务情况', sectionEn: 'services' } },
        { code: 'SECTION_MISSING', severity: 'major', line: null, args: { section: '干预策略', sectionEn: 'intervention strategy' } },
        { code: 'FLOW_CHART_MISSING', severity: 'major', line: 9, args: { section: '算法流程', sectionEn: 'algorithm flow' } },
        {
          code: 'RISK_ANALYSIS_GENERIC', severity: 'major', line: 29,
          args: { section: '算法漏洞', sectionEn: 'algorithm vulnerabilities', sentence: '训练数据可能混入刷单产生的虚假点击，使部分商品的推荐位置被异…' },
        },
        {
          code: 'RISK_ANALYSIS_GENERIC', severity: 'major', line: 31,
          args: { section: '算法恶意利用', sectionEn: 'malicious use', sentence: '本算法严格遵守国家相关法律法规，高度重视算法安全，不存在算法…' },
        },
        { code: 'MARKETING_LANGUAGE', severity: 'major', line: 41, args: { phrase: '行业领先' } },
      ],
    });
  });

  it('unknown-kind.txt: meeting notes that mention 拟公示内容 in passing are neither kind', async () => {
    expect(lintDraft(await fixture('unknown-kind.txt'))).toEqual({
      kind: null,
      type: null,
      findings: [{ code: 'KIND_UNKNOWN', severity: 'blocking', line: null, args: {} }],
    });
  });

  it('lints an unknown document as the kind given', async () => {
    const result = lintDraft(await fixture('unknown-kind.txt'), { kind: 'disclosure' });
    expect(codes(result.findings)).toEqual(['SECTION_MISSING', 'SECTION_MISSING', 'SECTION_MISSING', 'SECTION_MISSING', 'USER_IMPACT_NOT_DESCRIBED']);
  });
});

describe('detectKind', () => {
  it('recognises each fixture', async () => {
    expect(detectKind(await fixture('disclosure-sound.md'))).toBe('disclosure');
    expect(detectKind(await fixture('disclosure-genai.docx'))).toBe('disclosure');
    expect(detectKind(await fixture('self-assessment-sound.md'))).toBe('self-assessment');
    expect(detectKind(await fixture('self-assessment-flawed.md'))).toBe('self-assessment');
    expect(detectKind(await fixture('unknown-kind.txt'))).toBeNull();
  });

  it('uses headings when the title is missing, and English headings', () => {
    expect(detectKind(plain().slice(1))).toBe('disclosure');
    expect(detectKind(['Basic principle', PRINCIPLE, 'Operating mechanism', MECHANISM])).toBe('disclosure');
    expect(detectKind(['一、算法情况', '（一）算法流程', '见图1。', '二、服务情况', '三、风险研判'])).toBe('self-assessment');
  });

  it('returns null for a tie and for an empty document', () => {
    expect(detectKind(['算法基本原理', PRINCIPLE, '服务情况', SCENARIO])).toBeNull();
    expect(detectKind([])).toBeNull();
  });
});

describe('disclosure sections', () => {
  it('accepts the plain template as sound', () => {
    expect(lintDraft(plain()).findings).toEqual([]);
  });

  it('accepts numbered, bold, 【】, Markdown, table-row and colon-inline headings', () => {
    const lines = [
      '# 云栖优选个性化推荐算法拟公示内容',
      '**一、算法基本原理**',
      PRINCIPLE,
      `【算法运行机制】：${MECHANISM}`,
      `1.算法应用场景：${SCENARIO}`,
      '| 字段 | 内容 |',
      '| --- | --- |',
      `| 算法目的意图（必填） | ${PURPOSE} |`,
    ];
    expect(lintDraft(lines).findings).toEqual([]);
  });

  it('accepts English headings with Markdown levels and numbering', () => {
    const lines = disclosure(['## 1. Basic principle', '## 2. Operating mechanism:', '## 3. Application scenarios', '### Part 4 Purpose and intent']);
    expect(lintDraft(lines, { kind: 'disclosure' }).findings).toEqual([]);
  });

  it('ends a part at an unrequired template field, so the next field does not count as its text', () => {
    const lines = [...plain().slice(0, -3), '四、算法目的意图', '帮助用户找商品。', '算法公示情况（选填）', PRINCIPLE];
    expect(lintDraft(lines).findings).toEqual([
      { code: 'SECTION_TOO_THIN', severity: 'major', line: 12, args: { section: '算法目的意图', sectionEn: 'purpose and intent', chars: 7, min: 40 } },
    ]);
  });

  it('measures the real section, not a table of contents listing the headings first', () => {
    const toc = ['目录', '一、算法基本原理', '二、算法运行机制', '三、算法应用场景', '四、算法目的意图'];
    expect(lintDraft([...plain().slice(0, 2), ...toc, ...plain().slice(2)]).findings).toEqual([]);
  });

  it('counts a part below its threshold as thin, one character above as enough', () => {
    const thin = lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], [PRINCIPLE, MECHANISM, '本算法用于首页推荐。', PURPOSE]));
    expect(thin.findings).toEqual([
      { code: 'SECTION_TOO_THIN', severity: 'major', line: 9, args: { section: '算法应用场景', sectionEn: 'application scenario', chars: 9, min: 40 } },
    ]);
    const forty = '本算法应用于云栖优选首页推荐栏'.padEnd(40, '和');
    expect(lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], [PRINCIPLE, MECHANISM, forty, PURPOSE])).findings).toEqual([]);
  });

  it('reports each missing part as blocking, with no line', () => {
    const lines = plain().slice(0, 5);
    expect(lintDraft(lines, { kind: 'disclosure' }).findings.filter((f) => f.code === 'SECTION_MISSING')).toEqual(
      ['算法运行机制', '算法应用场景', '算法目的意图'].map((section) => expect.objectContaining({ severity: 'blocking', line: null, args: expect.objectContaining({ section }) })),
    );
  });
});

describe('type-specific content', () => {
  const withType = (type: '01' | '02' | '03' | '06', bodies: string[]) =>
    lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], bodies), { type });
  const noOptOut = MECHANISM.replace(/用户可以在.*$/u, '模型每周根据新的行为记录更新一次，更新前经过人工抽检。');

  it('asks 02 and 03 drafts for the opt-out, and accepts tag management as well as a switch', () => {
    expect(codes(withType('02', [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]).findings)).toEqual(['OPT_OUT_NOT_DESCRIBED']);
    expect(codes(withType('03', [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]).findings)).toEqual(['OPT_OUT_NOT_DESCRIBED']);
    expect(withType('02', [PRINCIPLE, `${noOptOut}用户可以在“兴趣标签”页面删除标签。`, SCENARIO, PURPOSE]).findings).toEqual([]);
    expect(withType('06', [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]).findings).toEqual([]);
  });

  it('asks 01 drafts for labelling, and a watermark or metadata label satisfies it', () => {
    expect(codes(withType('01', [PRINCIPLE, MECHANISM, SCENARIO, PURPOSE]).findings)).toEqual(['LABELING_NOT_DESCRIBED']);
    expect(withType('01', [PRINCIPLE, `${MECHANISM}生成的图片右下角添加水印。`, SCENARIO, PURPOSE]).findings).toEqual([]);
  });

  it('asks 06 drafts about worker protection only when workers are involved', async () => {
    const dispatch = await fixture('dispatch-workers.md');
    const protectedRiders = [...dispatch, '骑手连续配送4小时后系统强制休息20分钟，派单规则和报酬计算规则在骑手端公开，骑手对考核结果可以申诉。'];
    expect(lintDraft(protectedRiders).findings).toEqual([]);
    const noWorkers = dispatch.map((line) => line.replaceAll('骑手', '车辆').replace('和平台合作的配送车辆', '商家'));
    expect(lintDraft(noWorkers).findings).toEqual([]);
  });

  it('uses the type given over the one the draft states', async () => {
    const result = lintDraft(await fixture('disclosure-sound.md'), { type: '01' });
    expect(result.type).toBe('01');
    expect(codes(result.findings)).toEqual(['LABELING_NOT_DESCRIBED']);
  });
});

describe('self-assessment sections', () => {
  it('requires 结果标识 for 生成合成类 only', async () => {
    const lines = await fixture('self-assessment-sound.md');
    expect(lintDraft(lines, { type: '01' }).findings).toEqual([
      { code: 'SECTION_MISSING', severity: 'major', line: null, args: { section: '结果标识', sectionEn: 'labelling of results' } },
    ]);
    expect(lintDraft(lines, { type: '04' }).findings).toEqual([]);
  });

  it('finds sub-sections only inside their parent: a cover-table line 算法滥用 is not the risk item', async () => {
    const lines = (await fixture('self-assessment-sound.md')).filter((line) => !line.includes('（一）算法滥用'));
    const result = lintDraft(['评估算法风险描述：算法滥用', ...lines]);
    expect(result.findings).toEqual([{ code: 'SECTION_MISSING', severity: 'major', line: null, args: { section: '算法滥用', sectionEn: 'algorithm abuse' } }]);
  });

  it('reports a risk item made only of boilerplate, but not short sentences that recur legitimately', async () => {
    const lines = await fixture('self-assessment-sound.md');
    const at = lines.indexOf('### （三）算法恶意利用') + 2;
    const boilerplate = [...lines.slice(0, at), '本算法高度重视算法安全，已采取有效措施，风险总体可控。', ...lines.slice(at + 1)];
    expect(lintDraft(boilerplate).findings).toEqual([
      {
        code: 'RISK_ANALYSIS_GENERIC', severity: 'major', line: at - 1,
        args: { section: '算法恶意利用', sectionEn: 'malicious use', sentence: '本算法高度重视算法安全，已采取有效措施，风险总体可控' },
      },
    ]);
    const recurring = lines.map((line, i) => (i === at || i === lines.indexOf('### （二）算法漏洞') + 2 ? `${line}经评估风险较低。` : line));
    expect(lintDraft(recurring).findings).toEqual([]);
  });

  it('accepts a figure given as an image link or as 流程图 text', async () => {
    const lines = await fixture('self-assessment-sound.md');
    const withoutFigure = lines.filter((line) => !line.includes('图1'));
    expect(codes(lintDraft(withoutFigure).findings)).toEqual(['FLOW_CHART_MISSING']);
    expect(lintDraft([...withoutFigure.slice(0, 16), '![](flow.png)', ...withoutFigure.slice(16)]).findings).toEqual([]);
  });
});

describe('language anywhere in a draft', () => {
  it('does not read 最先进行 (first performs) as 最先进 (most advanced)', () => {
    const lines = plain();
    lines[3] = `${PRINCIPLE}系统最先进行数据清洗。`;
    expect(lintDraft(lines).findings).toEqual([]);
    lines[3] = `${PRINCIPLE}这是最先进的推荐算法，具有world-leading效果。`;
    expect(lintDraft(lines).findings).toEqual([
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '最先进' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: 'world-leading' } },
    ]);
  });

  it('accepts jargon explained by a parenthesis, 即, 是指 or a colon, in any of its occurrences', () => {
    const lines = plain();
    lines[3] = `${PRINCIPLE}排序使用CTR模型。`;
    lines[6] = `${MECHANISM}点击率（CTR）是用户点击商品的比例；召回即初步筛选候选商品；embedding是指把商品转成一组数字；LoRA：一种低成本的模型调整方法。`;
    expect(lintDraft(lines).findings).toEqual([]);
  });

  it('reports unexplained jargon once, at its first line, as minor', () => {
    const lines = plain();
    lines[3] = `${PRINCIPLE}候选商品经过粗排和精排两个阶段。`;
    lines[6] = `${MECHANISM}精排阶段使用DNN模型。`;
    expect(lintDraft(lines).findings).toEqual([
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '粗排' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '精排' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 7, args: { term: 'DNN' } },
    ]);
    expect(returnable(lintDraft(lines).findings)).toEqual([]);
  });

  it('does not take Markdown bold or an ordinary note for template text', () => {
    const lines = plain().map((line) => (line.startsWith('一、') ? `**${line}**` : line));
    lines.push('（注：以上数据截至2026年9月）');
    expect(lintDraft(lines).findings).toEqual([]);
  });
});

describe('words that look like flagged ones', () => {
  it('does not read a year in Chinese numerals, a top-level domain or （请见附件） as template text or brochure', () => {
    const lines = plain();
    lines[3] = `${PRINCIPLE}平台自二〇〇六年起运营，使用顶级域名yunqi.cn。`;
    expect(lintDraft(lines).findings).toEqual([]);
    lines[6] = `${MECHANISM}详细流程（请见附件1）。`;
    expect(lintDraft(lines).findings).toEqual([]);
    lines[3] = `${PRINCIPLE}○○○○，顶级体验。`;
    expect(codes(lintDraft(lines).findings)).toEqual(['TEMPLATE_TEXT', 'MARKETING_LANGUAGE']);
  });
});
