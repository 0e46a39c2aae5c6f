import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TYPE_CODES } from '../../src/answers/vocabulary.js';
import type { Algorithm } from '../../src/answers/schema.js';
import type { Analysis } from '../../src/core/analysis.js';
import type { CheckContext } from '../../src/core/checks/check.js';
import purposeCheck from '../../src/core/checks/purpose.js';
import { messageKeys, t } from '../../src/messages/messages.js';
import { PURPOSE_CODES, PURPOSE_MAX_LENGTH, PURPOSE_MIN_LENGTH, lintPurpose, type PurposeCode } from '../../src/suggest/purpose-lint.js';
import { DEFAULT_CSV, examplesFrom, readFilings } from '../../scripts/train-suggest.js';

const codes = (text: string, options = {}) => lintPurpose(text, options).map((f) => f.code);

const GOOD = [
  '应用于首页资讯推荐场景，根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的新闻资讯。',
  '应用于商品搜索场景，根据用户输入的关键词，检索相关商品并按相关性排序后返回给用户。',
  '应用于内容审核场景，对用户发布的文本、图片进行识别，第一时间拦截违法违规内容。',
  '应用于网约车派单场景，根据乘客位置和司机位置，为订单匹配最合适的司机。',
  '应用于物流配送场景，根据运单、车辆和路况数据，为车辆规划最优配送路径。',
];

describe('lintPurpose on the texts the CAC accepted', () => {
  // Every one of these was published, so a finding on it is a false positive.
  const filings = readFilings(readFileSync(DEFAULT_CSV, 'utf8'));
  const examples = examplesFrom(filings);

  it.each(PURPOSE_CODES.filter((code) => code !== 'PURPOSE_TYPE_NOT_STATED'))('%s fires on under 3 %% of them', (code) => {
    const fired = filings.filter((f) => codes(f.purpose).includes(code)).length;
    expect(fired / filings.length).toBeLessThan(0.03);
  });

  it('PURPOSE_TYPE_NOT_STATED fires on under 3 % of them, each checked against its own type code', () => {
    const fired = examples.filter((e) => codes(e.purpose, { type: e.type }).includes('PURPOSE_TYPE_NOT_STATED')).length;
    expect(fired / examples.length).toBeLessThan(0.03);
    const general = examples.filter((e) => e.list === 'general');
    const firedGeneral = general.filter((e) => codes(e.purpose, { type: e.type }).includes('PURPOSE_TYPE_NOT_STATED')).length;
    expect(firedGeneral / general.length).toBeLessThan(0.03);
  });

  it('finds nothing in most of them', () => {
    const clean = filings.filter((f) => lintPurpose(f.purpose).length === 0).length;
    expect(clean / filings.length).toBeGreaterThan(0.96);
  });
});

describe('lintPurpose on drafts', () => {
  it.each(GOOD)('finds nothing in a well-formed text: %s', (text) => {
    expect(lintPurpose(text)).toEqual([]);
  });

  it('answers an empty or blank text with PURPOSE_EMPTY alone', () => {
    expect(lintPurpose('')).toEqual([{ code: 'PURPOSE_EMPTY', severity: 'major', args: {} }]);
    expect(codes(' \n\t　')).toEqual(['PURPOSE_EMPTY']);
  });

  it('measures length in characters against the bounds of the accepted texts', () => {
    const atMinimum = '应用于首页推荐场景，根据用户行为数据，为用户推荐内容。'.padEnd(PURPOSE_MIN_LENGTH, '的');
    expect([...atMinimum]).toHaveLength(PURPOSE_MIN_LENGTH);
    expect(codes(atMinimum)).toEqual([]);
    const short = [...atMinimum].slice(0, PURPOSE_MIN_LENGTH - 2).join('') + '。';
    expect(lintPurpose(short)).toContainEqual({ code: 'PURPOSE_TOO_SHORT', severity: 'major', args: { length: PURPOSE_MIN_LENGTH - 1, min: PURPOSE_MIN_LENGTH } });
    const long = `应用于首页推荐场景，根据用户的${'浏览、点击、收藏、评论、'.repeat(8)}等行为数据，为用户推荐可能感兴趣的内容。`;
    expect(lintPurpose(long)).toContainEqual({ code: 'PURPOSE_TOO_LONG', severity: 'minor', args: { length: [...long].length, max: PURPOSE_MAX_LENGTH } });
  });

  it('flags a one-liner that says nothing of scenario or data', () => {
    expect(codes('智能推荐算法，为用户推荐内容。')).toEqual(['PURPOSE_TOO_SHORT', 'PURPOSE_NO_SCENARIO', 'PURPOSE_NO_DATA_BASIS']);
  });

  it('flags a text without a scenario opening', () => {
    expect(codes('本算法根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的新闻资讯。')).toEqual(['PURPOSE_NO_SCENARIO']);
  });

  it('flags a text that never says what it works from', () => {
    expect(codes('应用于首页资讯推荐场景，向用户推荐可能感兴趣的新闻资讯和热门视频内容。')).toEqual(['PURPOSE_NO_DATA_BASIS']);
  });

  it('flags a text whose only function word is in the scenario', () => {
    expect(codes('应用于首页资讯推荐场景，根据用户的浏览、点击、收藏等行为数据。')).toEqual(['PURPOSE_NO_OUTPUT']);
  });

  it('quotes promotional wording as written, and leaves functional superlatives alone', () => {
    const findings = lintPurpose('应用于首页推荐场景，采用业界领先、全网最先进的模型，根据用户行为数据为用户推荐内容，带来极致体验。');
    expect(findings).toEqual([{ code: 'PURPOSE_SUPERLATIVE', severity: 'minor', args: { words: '领先、全网最先进、极致', count: 3 } }]);
    const english = lintPurpose('应用于推荐场景，根据用户行为数据，以 Best-in-class 的 World-Leading 模型为用户推荐内容。');
    expect(english.find((f) => f.code === 'PURPOSE_SUPERLATIVE')?.args.words).toBe('Best、World-Leading');
    expect(codes('应用于路径规划场景，根据实时路况数据，为用户规划最优路线并第一时间推送最相关的出行提示。')).toEqual([]);
  });

  it('checks the text against the type it is to be filed under', () => {
    const search = '应用于商品搜索场景，根据用户输入的关键词，检索相关商品并按相关性排序后返回给用户。';
    expect(lintPurpose(search, { type: '02' })).toEqual([{ code: 'PURPOSE_TYPE_NOT_STATED', severity: 'major', args: { type: '02' } }]);
    expect(codes(search, { type: '04' })).toEqual([]);
    expect(codes('应用于网约车派单场景，根据乘客位置和司机位置，为订单匹配最合适的司机。', { type: '05' })).toContain('PURPOSE_TYPE_NOT_STATED');
  });

  it('reads Kangxi radicals and full-width letters as plain text', () => {
    expect(codes('应用于图像\u2f63成场景，根据\u2f64户输\u2f0a的\u2f42字描述，\u2f63成相应的图\u2f5a内容。', { type: '01' })).toEqual([]);
    expect(lintPurpose('应用于推荐场景，根据用户行为数据，以ＢＥＳＴ模型为用户推荐可能感兴趣的内容。')[0]?.args.words).toBe('ＢＥＳＴ');
  });
});

describe('the wording of purpose findings', () => {
  /** One finding of each code, from text that produces it. */
  const samples: Record<PurposeCode, { text: string; type?: (typeof TYPE_CODES)[number] }> = {
    PURPOSE_EMPTY: { text: '' },
    PURPOSE_TOO_SHORT: { text: '推荐算法。' },
    PURPOSE_TOO_LONG: { text: `应用于首页推荐场景，根据用户的${'浏览、点击、收藏、'.repeat(12)}数据，为用户推荐内容。` },
    PURPOSE_NO_SCENARIO: { text: '本算法根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的新闻资讯。' },
    PURPOSE_NO_DATA_BASIS: { text: '应用于首页资讯推荐场景，向用户推荐可能感兴趣的新闻资讯和热门视频内容。' },
    PURPOSE_NO_OUTPUT: { text: '应用于首页资讯推荐场景，根据用户的浏览、点击、收藏等行为数据。' },
    PURPOSE_SUPERLATIVE: { text: '应用于首页推荐场景，根据用户行为数据，以业界领先的模型为用户推荐内容。' },
    PURPOSE_TYPE_NOT_STATED: { text: GOOD[0]!, type: '05' },
  };

  /** The purpose check's warnings for one text, as the report words them (without the rule packs' type names). */
  const worded = (text: string, type: (typeof TYPE_CODES)[number] = '02') => {
    const algorithm = { id: 'a', name: '算法', purpose: text, does: [], services: [] } as unknown as Algorithm;
    const analysis = { algorithm, classification: { type, functions: [] } } as unknown as Analysis;
    const words = (lang: 'zh' | 'en') => purposeCheck.run(analysis, {} as CheckContext).filter((f) => f.code !== 'PURPOSE_TYPE_MISMATCH').map((f) => ({ code: f.code, text: t(lang, `warning.${f.code}`, f.args) }));
    return { zh: words('zh'), en: words('en') };
  };

  it('has a zh and an en warning for every code', () => {
    for (const code of PURPOSE_CODES) expect(messageKeys(), code).toContain(`warning.${code}`);
    for (const type of TYPE_CODES) for (const lang of ['zh', 'en'] as const) expect(t(lang, `purpose.typeName.${type}`)).toMatch(/\S/);
  });

  it.each(PURPOSE_CODES)('fills every placeholder of %s from the finding', (code) => {
    const { text, type } = samples[code];
    // An empty purpose is not linted in a report (the answers leave it out); its wording has no placeholder.
    const found = text === '' ? { zh: [{ code, text: t('zh', `warning.${code}`) }], en: [{ code, text: t('en', `warning.${code}`) }] } : worded(text, type);
    for (const lang of ['zh', 'en'] as const) {
      const message = found[lang].find((f) => f.code === code)?.text;
      expect(message, `sample text for ${code}`).toBeDefined();
      expect(message).not.toMatch(/\{\w+\}/);
    }
  });

  it('words a finding in the language asked for, with the rewrite pattern after it', () => {
    const { zh, en } = worded(GOOD[1]!, '02');
    expect(zh[0]!.text).toMatch(/^拟申报为 02 个性化推送类，但主要用途没有写出该类算法的作用。建议写法：写明该类型的作用/);
    expect(en[0]!.text).toMatch(/^The algorithm is to be filed as 02 \(personalised push\), but the main purpose never says it does that\. Suggested form: State what/);
  });
});
