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
  '系统每天汇总用户最近90天的行为记录，为每位用户计算对各商品类目的偏好分值；用户打开页面时先取出约500件候选商品，由排序模型估计用户点击每件商品的可能性并排序，再过滤已下架和违规商品后展示，运营人员每周人工抽检推荐结果。用户可以在“我的—设置—隐私设置”中关闭个性化推荐，关闭后按商品综合销量展示，也可以在“兴趣标签”中查看或删除标签。';
const SCENARIO = '本算法应用于云栖优选APP首页的“猜你喜欢”商品信息流和商品详情页底部的“看了又看”推荐栏，服务对象为年满18周岁的注册用户。';
const PURPOSE = '帮助用户更快找到需要的商品，减少无关商品的干扰。用户对推荐结果有疑问时可以通过在线客服投诉，平台在15个工作日内答复。';

function disclosure(headings: [string, string, string, string], bodies = [PRINCIPLE, MECHANISM, SCENARIO, PURPOSE]): string[] {
  return ['云栖优选个性化推荐算法拟公示内容', '', ...headings.flatMap((heading, i) => [heading, bodies[i] ?? '', ''])];
}
const ART16 = { instrument: 'algorithm-provisions', article: '第十六条' };
const ART17_1 = { instrument: 'algorithm-provisions', article: '第十七条第一款' };
const ART17_2 = { instrument: 'algorithm-provisions', article: '第十七条第二款' };
const humanChecks = { section: '算法运行机制', sectionEn: 'operating mechanism', element: '人工审核或干预', elementEn: 'the human checks' };
const plain = () => disclosure(['一、算法基本原理', '二、算法运行机制', '三、算法应用场景', '四、算法目的意图']);

describe('lintDraft on the fixtures', () => {
  it('passes the sound drafts: Markdown disclosure, Markdown self-assessment, Word table disclosure', async () => {
    expect(lintDraft(await fixture('disclosure-sound.md'))).toEqual({ kind: 'disclosure', type: '02', typeSource: 'stated', findings: [] });
    expect(lintDraft(await fixture('self-assessment-sound.md'))).toEqual({ kind: 'self-assessment', type: '02', typeSource: 'stated', findings: [] });
    expect(lintDraft(await fixture('disclosure-genai.docx'))).toEqual({ kind: 'disclosure', type: '01', typeSource: 'stated', findings: [] });
  });

  it('disclosure-missing-section.md: a missing part, a part that only repeats its title, a one-line part that is only brief', async () => {
    expect(lintDraft(await fixture('disclosure-missing-section.md'))).toEqual({
      kind: 'disclosure',
      type: null,
      typeSource: null,
      findings: [
        { code: 'SECTION_MISSING', severity: 'blocking', line: null, args: { section: '算法运行机制', sectionEn: 'operating mechanism' } },
        { code: 'SECTION_MISSING', severity: 'blocking', line: 6, args: { section: '算法应用场景', sectionEn: 'application scenario' } },
        { code: 'SECTION_TOO_THIN', severity: 'minor', line: 8, args: { section: '算法目的意图', sectionEn: 'purpose and intent', chars: 6, min: 15 } },
      ],
    });
  });

  it('disclosure-brochure-utf16.txt: superlatives with their exact words, jargon once per term, no word on users', async () => {
    const result = lintDraft(await fixture('disclosure-brochure-utf16.txt'));
    expect([result.type, result.typeSource]).toEqual(['02', 'suggested']);
    expect(result.findings).toEqual([
      { code: 'TAG_MANAGEMENT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_2, typeName: '02', typeSource: 'suggested' } },
      { code: 'USER_IMPACT_NOT_DESCRIBED', severity: 'minor', line: null, args: ART16 },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '行业领先', reason: 'ranking' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '极致', reason: 'hype' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '100%精准', reason: 'absolute' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: 'Transformer' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: 'embedding' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '召回' } },
      { code: 'JARGON_UNEXPLAINED', severity: 'minor', line: 4, args: { term: '精排' } },
      { code: 'SECTION_ELEMENT_MISSING', severity: 'major', line: 6, args: { ...humanChecks, ...ART16 } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 13, args: { phrase: '全网第一', reason: 'ranking' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 13, args: { phrase: '前所未有', reason: 'hype' } },
    ]);
  });

  it('disclosure-template-crlf.md: every line still holding template text, nothing about those sections on top, and what its text says it needs', async () => {
    expect(lintDraft(await fixture('disclosure-template-crlf.md')).findings).toEqual([
      { code: 'OPT_OUT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_1, typeName: '02', typeSource: 'suggested' } },
      { code: 'TAG_MANAGEMENT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_2, typeName: '02', typeSource: 'suggested' } },
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
      typeSource: 'stated',
      findings: [
        { code: 'OPT_OUT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_1, typeName: '02', typeSource: 'stated' } },
        { code: 'TAG_MANAGEMENT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_2, typeName: '02', typeSource: 'stated' } },
        { code: 'SECTION_ELEMENT_MISSING', severity: 'major', line: 9, args: { ...humanChecks, ...ART16 } },
      ],
    });
  });

  it('disclosure-genai-gbk.txt: a 生成合成类 writing draft that never says how its text is labelled, nor who checks it', async () => {
    const label = { typeName: '01', typeSource: 'stated', modality: 'text', explicitHowTo: 'text' };
    expect(lintDraft(await fixture('disclosure-genai-gbk.txt'))).toEqual({
      kind: 'disclosure',
      type: '01',
      typeSource: 'stated',
      findings: [
        { code: 'EXPLICIT_LABEL_NOT_DESCRIBED', severity: 'major', line: null, args: { instrument: 'labeling-measures', article: '第四条', ...label } },
        { code: 'IMPLICIT_LABEL_NOT_DESCRIBED', severity: 'major', line: null, args: { instrument: 'labeling-measures', article: '第五条', ...label } },
        { code: 'SECTION_ELEMENT_MISSING', severity: 'major', line: 8, args: { ...humanChecks, ...ART16 } },
      ],
    });
  });

  it('dispatch-workers.md: riders are dispatched but their pay, rest and rules are not described', async () => {
    expect(lintDraft(await fixture('dispatch-workers.md')).findings).toEqual([
      {
        code: 'WORKER_PROTECTION_NOT_DESCRIBED', severity: 'major', line: 7,
        args: { instrument: 'algorithm-provisions', article: '第二十条', typeName: '06', typeSource: 'stated', mention: '骑手' },
      },
      { code: 'SECTION_ELEMENT_MISSING', severity: 'major', line: 9, args: { ...humanChecks, ...ART16 } },
    ]);
  });

  it('self-assessment-flawed.md: missing sections, no flow chart, pasted and boilerplate risk items, brochure wording', async () => {
    expect(lintDraft(await fixture('self-assessment-flawed.md'))).toEqual({
      kind: 'self-assessment',
      type: '02',
      typeSource: 'stated',
      findings: [
        { code: 'SECTION_MISSING', severity: 'blocking', line: null, args: { section: '服务情况', sectionEn: 'services' } },
        { code: 'SECTION_MISSING', severity: 'major', line: null, args: { section: '干预策略', sectionEn: 'intervention strategy' } },
        { code: 'TAG_MANAGEMENT_NOT_DESCRIBED', severity: 'major', line: null, args: { ...ART17_2, typeName: '02', typeSource: 'stated' } },
        { code: 'FLOW_CHART_MISSING', severity: 'major', line: 9, args: { section: '算法流程', sectionEn: 'algorithm flow' } },
        {
          code: 'RISK_ANALYSIS_GENERIC', severity: 'major', line: 29,
          args: { section: '算法漏洞', sectionEn: 'algorithm vulnerabilities', sentence: '训练数据可能混入刷单产生的虚假点击，使部分商品的推荐位置被异…' },
        },
        {
          code: 'RISK_ANALYSIS_GENERIC', severity: 'major', line: 31,
          args: { section: '算法恶意利用', sectionEn: 'malicious use', sentence: '本算法严格遵守国家相关法律法规，高度重视算法安全，不存在算法…' },
        },
        { code: 'MARKETING_LANGUAGE', severity: 'major', line: 41, args: { phrase: '行业领先水平', reason: 'ranking' } },
      ],
    });
  });

  it('unknown-kind.txt: meeting notes that mention 拟公示内容 in passing are neither kind', async () => {
    expect(lintDraft(await fixture('unknown-kind.txt'))).toEqual({
      kind: null,
      type: null,
      typeSource: null,
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
      { code: 'SECTION_TOO_THIN', severity: 'minor', line: 12, args: { section: '算法目的意图', sectionEn: 'purpose and intent', chars: 7, min: 15 } },
    ]);
  });

  it('measures the real section, not a table of contents listing the headings first', () => {
    const toc = ['目录', '一、算法基本原理', '二、算法运行机制', '三、算法应用场景', '四、算法目的意图'];
    expect(lintDraft([...plain().slice(0, 2), ...toc, ...plain().slice(2)]).findings).toEqual([]);
  });

  it('judges a part by its elements, not its length: a concise specific scenario passes, a long vague one does not', () => {
    const bodies = (scenario: string, purpose = PURPOSE) =>
      lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], [PRINCIPLE, MECHANISM, scenario, purpose]), { type: '02' }).findings;
    // 20 characters, the product, the page and who uses it: nothing to return.
    expect(bodies('应用于禾木搜索网页版及App的综合搜索结果页，面向全部用户。')).toEqual([]);
    // Without the users it is a minor note; length is never more than a minor hint.
    expect(bodies('应用于禾木搜索网页版及 App 的综合搜索结果页。')).toEqual([
      { code: 'SECTION_ELEMENT_MISSING', severity: 'minor', line: 9, args: { section: '算法应用场景', sectionEn: 'application scenario', element: '使用对象', elementEn: 'who uses it', instrument: 'filing-system-notice', article: 'templates' } },
    ]);
    const filler = '本算法致力于持续优化与全面提升，坚持以人为本、守正创新，不断夯实高质量发展的坚实基础，切实增强获得感。';
    expect(bodies(filler).map((f) => [f.code, f.severity, f.args.element])).toEqual([
      ['SECTION_ELEMENT_MISSING', 'major', '产品或服务'],
      ['SECTION_ELEMENT_MISSING', 'major', '功能或页面'],
      ['SECTION_ELEMENT_MISSING', 'minor', '使用对象'],
    ]);
    // A 39-character purpose that says what it is for and for whom is fine; 41 characters of filler is not.
    expect(bodies(SCENARIO, '帮助用户在数十万件在售商品中更快找到符合自身需要和兴趣的商品，减少无关商品对浏览的干扰。')).toEqual([]);
    expect(codes(bodies(SCENARIO, '坚持以人为本、守正创新，不断夯实高质量发展的坚实基础，推动平台生态健康有序繁荣发展，共建共享美好网络空间。'))).toEqual([
      'SECTION_ELEMENT_MISSING', 'SECTION_ELEMENT_MISSING',
    ]);
  });

  it('reports each missing part as blocking, with no line', () => {
    const lines = plain().slice(0, 5);
    expect(lintDraft(lines, { kind: 'disclosure' }).findings.filter((f) => f.code === 'SECTION_MISSING')).toEqual(
      ['算法运行机制', '算法应用场景', '算法目的意图'].map((section) => expect.objectContaining({ severity: 'blocking', line: null, args: expect.objectContaining({ section }) })),
    );
  });
});

describe('type-specific content', () => {
  const withType = (type: '01' | '02' | '03' | '04' | '06', bodies: string[], title = '云栖优选个性化推荐算法拟公示内容') =>
    lintDraft([title, ...disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], bodies).slice(1)], { type });
  const chartTitle = '云栖优选热销榜单算法拟公示内容';
  const noOptOut = MECHANISM.replace(/用户可以在.*$/u, '模型每周根据新的行为记录更新一次。');
  const hotList = '系统每小时统计全站商品的销量和好评数，按统一公式计算热度并排序，所有用户看到相同的榜单；运营人员人工巡查，榜单不接受付费上榜。';

  it('asks 02 drafts for the opt-out and the tag management (Art 17), and 03 drafts only when they personalise', () => {
    expect(codes(withType('02', [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]).findings)).toEqual(['OPT_OUT_NOT_DESCRIBED', 'TAG_MANAGEMENT_NOT_DESCRIBED']);
    expect(codes(withType('02', [PRINCIPLE, `${noOptOut}用户可以在“兴趣标签”页面删除标签。`, SCENARIO, PURPOSE]).findings)).toEqual(['OPT_OUT_NOT_DESCRIBED']);
    expect(withType('02', [PRINCIPLE, MECHANISM, SCENARIO, PURPOSE]).findings).toEqual([]);
    // PRINCIPLE orders by each user's interest: a personalised list owes both.
    expect(codes(withType('03', [PRINCIPLE, `${noOptOut}榜单不接受付费上榜。`, SCENARIO, PURPOSE]).findings)).toEqual(['OPT_OUT_NOT_DESCRIBED', 'TAG_MANAGEMENT_NOT_DESCRIBED']);
    const chart = '本算法统计全站商品近7天的销量和好评数，按统一公式计算每件商品的热度值，输出按热度从高到低排列的热销榜。';
    expect(withType('03', [chart, hotList, SCENARIO, PURPOSE], chartTitle).findings).toEqual([]);
    expect(withType('06', [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]).findings).toEqual([]);
  });

  it('asks 03 and 04 drafts that results are not manipulated or sold (Art 14)', () => {
    const chart = '本算法统计全站商品近7天的销量和好评数，按统一公式计算每件商品的热度值，输出按热度从高到低排列的热销榜。';
    const unguarded = hotList.replace('，榜单不接受付费上榜', '');
    expect(withType('03', [chart, unguarded, SCENARIO, PURPOSE], chartTitle).findings).toEqual([
      { code: 'RESULT_INTEGRITY_NOT_DESCRIBED', severity: 'major', line: null, args: { instrument: 'algorithm-provisions', article: '第十四条', typeName: '03', typeSource: 'option' } },
    ]);
    const search = '本算法根据用户输入的查询词，在商品索引中检索标题和属性匹配的商品，按相关性和销量打分排序后输出搜索结果列表。';
    const ranking = '系统先对查询词分词和纠错，再召回匹配的商品并排序，运营人员人工抽检高频查询词的结果。';
    expect(codes(returnable(withType('04', [search, ranking, SCENARIO, PURPOSE]).findings))).toEqual(['RESULT_INTEGRITY_NOT_DESCRIBED']);
    expect(returnable(withType('04', [search, `${ranking}推广商品标注“广告”字样，不混入自然结果。`, SCENARIO, PURPOSE]).findings)).toEqual([]);
  });

  it('asks 01 drafts for the explicit and the implicit label, by the modality the draft generates (labelling measures Arts 4, 5)', () => {
    const image = '本算法根据用户输入的文字描述，由图像生成模型生成与描述相符的图片，输出四张候选图片。';
    const labelled = (extra: string) => returnable(withType('01', [image, `${MECHANISM}${extra}`, SCENARIO, PURPOSE]).findings);
    expect(labelled('').map((f) => [f.code, f.args.modality, f.args.explicitHowTo])).toEqual([
      ['EXPLICIT_LABEL_NOT_DESCRIBED', 'image', 'image'],
      ['IMPLICIT_LABEL_NOT_DESCRIBED', 'image', 'image'],
    ]);
    expect(codes(labelled('生成的图片右下角添加“AI生成”字样。'))).toEqual(['IMPLICIT_LABEL_NOT_DESCRIBED']);
    expect(codes(labelled('生成的图片文件元数据中写入隐式标识。'))).toEqual(['EXPLICIT_LABEL_NOT_DESCRIBED']);
    expect(labelled('图片右下角显示“AI生成”字样，文件元数据中写入隐式标识。')).toEqual([]);
  });

  it('speaks of the modality the answers give, else of the one the draft mentions most, not of a word in passing', () => {
    const text = '本算法根据用户输入的写作要求，调用大模型生成商品介绍和店铺公告等文字，生成的文字经内容安全检查后展示。';
    const videoPage = '生成的文案用于短视频发布页的标题和简介。';
    const modality = (lines: string[], options: Parameters<typeof lintDraft>[1] = {}) =>
      returnable(lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], lines), { type: '01', ...options }).findings)
        .filter((f) => f.code.endsWith('_LABEL_NOT_DESCRIBED'))
        .map((f) => f.args.modality);
    expect(modality([text, `${MECHANISM}${videoPage}`, SCENARIO, PURPOSE])).toEqual(['text', 'text']);
    expect(modality([videoPage, MECHANISM, SCENARIO, PURPOSE])).toEqual(['video', 'video']);
    expect(modality([videoPage, MECHANISM, SCENARIO, PURPOSE], { modalities: ['text'] })).toEqual(['text', 'text']);
    expect(modality([text, MECHANISM, SCENARIO, PURPOSE], { modalities: ['image', 'text'] })).toEqual(['text', 'text']);
    expect(modality([MECHANISM, MECHANISM, SCENARIO, PURPOSE], { modalities: ['3d', 'image'] })).toEqual(['image', 'image']);
  });

  it('asks 06 drafts about worker protection only when workers are involved (Art 20)', async () => {
    const dispatch = await fixture('dispatch-workers.md');
    const checked = dispatch.map((line) => (line.includes('实际位置每10秒回传') ? `${line}调度结果由运营人员每天人工抽检。` : line));
    const protectedRiders = [...checked, '骑手连续配送4小时后系统强制休息20分钟，派单规则和报酬计算规则在骑手端公开，骑手对考核结果可以申诉。'];
    expect(lintDraft(protectedRiders).findings).toEqual([]);
    const noWorkers = checked.map((line) => line.replaceAll('骑手', '车辆').replace('和平台合作的配送车辆', '商家'));
    expect(lintDraft(noWorkers).findings).toEqual([]);
  });

  it('asks 06 drafts that set prices to say users are not priced by their profile (Art 21)', async () => {
    const pricing = '本算法根据行程距离、预估时长、出发时段和所在区域的实时供需情况，按计价规则计算行程的预估价格，输出乘客下单前看到的一口价。';
    const steps = '乘客输入起点和终点后，系统先预估里程和时长，再按计价规则计算价格，运营人员每日人工复核调价记录。';
    expect(withType('06', [pricing, steps, SCENARIO, PURPOSE]).findings).toEqual([
      { code: 'PRICING_FAIRNESS_NOT_DESCRIBED', severity: 'major', line: 4, args: { instrument: 'algorithm-provisions', article: '第二十一条', typeName: '06', typeSource: 'option', mention: '价格' } },
    ]);
    expect(withType('06', [pricing, `${steps}同一时间、同一路线的乘客看到相同的价格。`, SCENARIO, PURPOSE]).findings).toEqual([]);
  });

  it('uses the type given over the one the draft states, and says where the type came from', async () => {
    const result = lintDraft(await fixture('disclosure-sound.md'), { type: '01' });
    expect([result.type, result.typeSource]).toEqual(['01', 'option']);
    expect(codes(result.findings)).toEqual(['EXPLICIT_LABEL_NOT_DESCRIBED', 'IMPLICIT_LABEL_NOT_DESCRIBED']);
    const fromAnswers = lintDraft(await fixture('disclosure-sound.md'), { type: '01', typeSource: 'answers' });
    expect(fromAnswers.findings.map((f) => f.args.typeSource)).toEqual(['answers', 'answers']);
  });

  it('reads the type from the draft\'s own sections through suggest-type when nobody states it', () => {
    const result = lintDraft(disclosure(['算法基本原理', '算法运行机制', '算法应用场景', '算法目的意图'], [PRINCIPLE, noOptOut, SCENARIO, PURPOSE]));
    expect([result.type, result.typeSource]).toEqual(['02', 'suggested']);
    expect(result.findings.map((f) => [f.code, f.args.typeSource])).toEqual([['OPT_OUT_NOT_DESCRIBED', 'suggested'], ['TAG_MANAGEMENT_NOT_DESCRIBED', 'suggested']]);
  });
});

describe('self-assessment sections', () => {
  it('requires 结果标识 for 生成合成类 only', async () => {
    const lines = await fixture('self-assessment-sound.md');
    expect(lintDraft(lines, { type: '01' }).findings).toEqual([
      { code: 'SECTION_MISSING', severity: 'major', line: null, args: { section: '结果标识', sectionEn: 'labelling of results' } },
    ]);
    const labelling = lines.flatMap((line) => (line.startsWith('## 二、') ? ['### （五）结果标识', '生成的文字开头显示“AI生成”字样的提示文字。', '', line] : [line]));
    expect(lintDraft(labelling, { type: '01' }).findings).toEqual([
      {
        code: 'SECTION_ELEMENT_MISSING', severity: 'major', line: labelling.indexOf('### （五）结果标识') + 1,
        args: { section: '结果标识', sectionEn: 'labelling of results', element: '隐式标识', elementEn: 'the implicit label', instrument: 'filing-system-notice', article: 'templates' },
      },
      expect.objectContaining({ code: 'SECTION_TOO_THIN', severity: 'minor' }),
    ].slice(0, 1));
    expect(lintDraft(lines, { type: '05' }).findings).toEqual([]);
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
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: '最先进', reason: 'superlative' } },
      { code: 'MARKETING_LANGUAGE', severity: 'major', line: 4, args: { phrase: 'world-leading', reason: 'ranking' } },
    ]);
  });

  it('flags promotional and absolute wording with its reason, but not the same words used for facts', () => {
    const flagged = (sentence: string) => {
      const lines = plain();
      lines[3] = `${PRINCIPLE}${sentence}`;
      return lintDraft(lines).findings.map((f) => `${f.args.phrase}:${f.args.reason}`);
    };
    expect(flagged('本算法依托先进的AI大模型能力，效果业界领先。')).toEqual(['先进:vague', '业界领先:ranking']);
    expect(flagged('销量全国第一，打造极致体验，推荐零风险。')).toEqual(['全国第一:ranking', '极致:hype', '零风险:absolute']);
    expect(flagged('第一步清洗数据，第一次打开时展示热门商品，按最近7天的数据计算，先进先出处理队列，最终取最新的结果。')).toEqual([]);
    expect(flagged('系统最先进行数据清洗，第一时间处置违规商品。')).toEqual([]);
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
