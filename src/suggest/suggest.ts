// suggest-type: the likely filing type code of an algorithm from its 主要用途 text (and, when known,
// its name). A multinomial logistic regression over character n-grams and a few groups of function
// words, learnt offline from the CAC's published lists by scripts/train-suggest.ts; the model ships
// as model.json, so nothing is read at run time. The feature extraction lives here only and
// training imports it, so a model is always asked about the features it was learnt on.
import { TYPE_CODES, type AlgorithmFunction, type TypeCode } from '../answers/vocabulary.js';
import bundledModel from './model.json' with { type: 'json' };

/** A suggestion: the best type, how sure the model is, the runners-up and the phrases behind it. */
export interface TypeSuggestion {
  type: TypeCode;
  /** Model probability of `type`, 0..1, rounded to 3 decimals. */
  confidence: number;
  /** Other plausible types, best first; types below 0.02 are left out as noise. */
  alternatives: { type: TypeCode; confidence: number }[];
  /** Substrings of the input (text first, then name) that pushed most towards `type`, most decisive first, at most 5. */
  phrases: string[];
  /** `too-short`: the text is too short to decide between types, and the confidence was lowered to say so. */
  note: 'too-short' | null;
}

/** Options of suggestType. */
export interface SuggestOptions {
  /** 算法名称: names such as “…个性化推荐算法” often say the type outright. */
  name?: string;
}

/** The trained model as stored in model.json. */
export interface SuggestModel {
  version: 1;
  /** Column order of `bias` and of every weight row. */
  types: TypeCode[];
  /** Weights and biases are stored as integers: the real value times `scale`. */
  scale: number;
  bias: number[];
  /** Feature key (see featureHits) → one integer weight per type. */
  weights: Record<string, number[]>;
}

/** One occurrence of a feature in the input, with the span (UTF-16 offsets) it was read from. */
export interface FeatureHit {
  key: string;
  /** `concept`: one of the CONCEPT_WORDS groups; `gram`: a character n-gram or a Latin word. */
  kind: 'gram' | 'concept';
  source: 'text' | 'name';
  start: number;
  end: number;
}

/** Thrown by suggestType for an empty or whitespace-only text: there is nothing to classify. */
export class EmptyTextError extends Error {
  readonly code = 'EMPTY_TEXT';
  constructor() {
    super('suggest-type needs a non-empty 主要用途 text');
    this.name = 'EmptyTextError';
  }
}

/**
 * Character n-gram sizes. Bigrams carry most of the signal in Chinese (推荐, 搜索, 调度); trigrams
 * separate look-alikes (热搜榜 vs 搜索词); single characters would mostly add noise.
 */
const NGRAM_SIZES = [2, 3] as const;
/** Alternatives below this probability are noise, not a plausible second reading. */
const MIN_ALTERNATIVE = 0.02;
/** A phrase must carry at least this share of the strongest phrase's weight to be shown. */
const MIN_PHRASE_SHARE = 0.15;
const MAX_PHRASES = 5;
/**
 * isConfident threshold, from npm run eval:suggest (general list, purpose only). Held out 2025:
 * 54 of 55 texts at or above it, none wrong. Back-test across the 2024 change of wording: 200 of
 * 217, 4 wrong (98 %); 0.9 would cut that to 2 wrong but leave 33 texts unconfident instead of 17.
 */
const CONFIDENT_AT = 0.8;

const HAN = /\p{Script=Han}/u;
/** [a-z0-9], the Latin of folded text, by UTF-16 code unit. */
const isLatin = (code: number) => (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
/** Ends of the first clause (the 应用于…场景 part), which usually names the function outright. */
const CLAUSE_END = /[，,；;。：:！!？?]/;

/**
 * The words of the filing template itself (应用于…场景，根据…，实现…; every name ends in 算法).
 * Every type's texts use them, so n-grams touching them only tell when a text was written (the
 * CAC's wording changed in 2024), not what the algorithm does; learning them made 2024 texts look
 * like the deep-synthesis list. They are cut out before n-grams are taken.
 */
const TEMPLATE_WORDS = /应用于|用于|场景|根据|通过|基于|功能|进行|实现|算法/g;
/**
 * Words that name one function, grouped under the contract's `does` values. Each group is one
 * feature whose weight is learnt from every text that uses any of its words, so a text can be
 * classified by a synonym the lists never used (屏蔽 where they wrote 过滤, 计价 where they wrote 定价).
 * Words the lists use for two types (问答 in FAQ retrieval and chat, 知识库 in RAG and search,
 * 关键词, 规划) are left to the n-grams.
 */
export const CONCEPT_WORDS: Readonly<Record<AlgorithmFunction, readonly string[]>> = {
  generate: ['生成', '合成', '创作', '写作', '续写', '改写', '润色', '翻译', '转写', '转文字', '转为文字', '对话', '回复', '回答', '摘要',
    '数字人', '虚拟人', '克隆', '换脸', '特效', '美颜', '风格化', '风格迁移', '配音', '大模型', '语音识别', '文字识别', 'ocr', 'tts', 'asr', 'aigc'],
  personalize: ['推荐', '推送', '个性化', '猜你喜欢', '感兴趣', '兴趣', '偏好', '画像', '千人千面', '信息流', '喜欢'],
  rank: ['排序', '排行', '排名', '榜', '热搜', '精选', '热度', '热门', '人气', '畅销', '热销', '飙升'],
  search: ['搜索', '检索', '查询', '查找', '搜一搜', '搜图', 'faq', '常见问题', '索引'],
  filter: ['过滤', '审核', '屏蔽', '拦截', '违规', '违法', '不良', '风控', '筛查', '敏感词', '内容安全', '风险识别', '去重', '鉴黄', '色情', '暴力', '垃圾信息', '诈骗', '处置'],
  decide: ['调度', '派单', '分单', '指派', '分配', '配送', '定价', '报价', '计价', '价格', '折扣', '预估', '预测', '到达时间', '送达时间', '路线', '路径',
    '排产', '排班', '决策', '骑手', '骑士', '司机', '供需', '运力', '最优'],
};

/** The function each type code files (the contract's `does` table), to reach a type's CONCEPT_WORDS. */
export const FUNCTION_OF_TYPE: Readonly<Record<TypeCode, AlgorithmFunction>> = {
  '01': 'generate', '02': 'personalize', '03': 'rank', '04': 'search', '05': 'filter', '06': 'decide',
};

/**
 * Character sequences in which a concept word is only an accident of writing without spaces:
 * 返回答案 holds 回答, 提供需求 holds 供需, 结合成交 and 综合成本 hold 合成. There the word counts
 * neither as a concept nor as an n-gram.
 */
const NOT_CONCEPTS = /返回答|提供需|结合成|综合成/g;

/**
 * Sequences in which a concept word names data the algorithm reads, not what it does: a
 * recommendation "根据用户的搜索历史" reads past searches, it does not search. Blanked like
 * NOT_CONCEPTS, so 搜索 there is neither the search concept nor its n-gram.
 */
const DATA_NOT_FUNCTION = /搜索(?:历史|记录|行为|偏好)|历史搜索|检索(?:历史|记录)/g;

/**
 * The rule packs' precedence (01 > 06 > 02 > 04 > 03 > 05) where the lists blur two functions. The
 * CAC has filed both readings of these texts, so the model cannot learn the line; the `does` table
 * draws it: ordering by the user's own profile or behaviour is personalisation (02). Filtering
 * needs no rule here: the lists file a ranking or a search that also removes content (剔除违规,
 * 干预策略, 检索与过滤) under the ranking or the search, and the model has learnt that.
 * When the text matches `when` (and not `unless`), reading it as `from` is reading it as `to`:
 * `to` takes `from`'s probability as its own.
 */
const PRECEDENCE: readonly { from: TypeCode; to: TypeCode; when: RegExp; unless?: RegExp }[] = [
  // A chart (榜单, 热搜) personalised for its reader is still filed as a chart, and "用户行为" on
  // its own is usually everyone's clicks counted together: only one user's own signals count here.
  {
    from: '03', to: '02',
    when: /个性化|千人千面|用户画像|(?:用户|其)(?:个人)?的?(?:兴趣偏好|个人偏好|偏好|兴趣标签|个人特征|历史行为|浏览记录|搜索历史|收藏记录)/,
    unless: /榜|热搜|热门|热度|精选/,
  },
];

/**
 * Texts shorter than this, in Han characters and Latin words with the template's own words left
 * out, are too short to decide. The shortest text on the published lists has 12; "用于推荐" has 2.
 * Below it the probabilities are drawn towards even odds in proportion to the shortfall, and the
 * suggestion carries the note `too-short`.
 */
const DECISIVE_CHARS = 10;

/**
 * Compatibility forms to their plain characters (full-width ＦＡＱ → faq; the Kangxi radicals ⽣⽤⼈
 * that PDF copies put in place of 生用人, as in some published texts) and Latin to lower case.
 * Works one code point at a time and keeps a code point whose folding would change its length, so
 * every offset in the result is valid in the input.
 */
export function foldText(input: string): string {
  let folded = '';
  for (const char of input) {
    // ASCII and the common CJK blocks are their own NFKC form; skipping them keeps this cheap.
    const code = char.codePointAt(0)!;
    if (code < 0x80 || (code >= 0x3400 && code <= 0x9fff)) {
      folded += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
      continue;
    }
    const plain = char.normalize('NFKC').toLowerCase();
    folded += plain.length === char.length ? plain : char;
  }
  return folded;
}

interface Gram {
  gram: string;
  kind: FeatureHit['kind'];
  start: number;
  end: number;
}

const CONCEPT_SET = new Set(Object.values(CONCEPT_WORDS).flat());
const blank = (chars: string) => ' '.repeat(chars.length);

/**
 * Whether a code point is Han (\p{Script=Han}). No Han character comes before the CJK Radicals
 * Supplement, the CJK Unified Ideographs and Extension A are Han throughout, and 、。 are not: that
 * settles nearly every character of a purpose text. Only the rest asks the Unicode property regex,
 * which V8 is slow to compile: a few tenths of a millisecond at every start.
 */
function isHan(code: number): boolean {
  if (code < 0x2e80 || (code >= 0x3000 && code <= 0x3004)) return false;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  return HAN.test(String.fromCodePoint(code));
}

/** Han n-grams and Latin words of a folded string, template words cut out. */
function gramsOf(folded: string, accidentsBlanked: string): Gram[] {
  const grams: Gram[] = [];
  const masked = folded.replace(TEMPLATE_WORDS, blank);
  let at = 0;
  while (at < masked.length) {
    const code = masked.codePointAt(at)!;
    if (isLatin(code)) {
      let end = at + 1;
      while (end < masked.length && isLatin(masked.charCodeAt(end))) end++;
      // Single letters and digits (型号 A, 第 3 步) say nothing; FAQ, TTS, OCR, 3D do.
      if (end - at >= 2) grams.push({ gram: masked.slice(at, end), kind: 'gram', start: at, end });
      at = end;
    } else if (isHan(code)) {
      // Offsets of each character of the run; a character outside the BMP takes two code units.
      const starts: number[] = [];
      let end = at;
      while (end < masked.length) {
        const next = masked.codePointAt(end)!;
        if (!isHan(next)) break;
        starts.push(end);
        end += next > 0xffff ? 2 : 1;
      }
      starts.push(end);
      for (const n of NGRAM_SIZES) {
        for (let i = 0; i + n < starts.length; i++) {
          const start = starts[i]!;
          const gramEnd = starts[i + n]!;
          const gram = folded.slice(start, gramEnd);
          if (!CONCEPT_SET.has(gram) || accidentsBlanked.slice(start, gramEnd) === gram) grams.push({ gram, kind: 'gram', start, end: gramEnd });
        }
      }
      at = end;
    } else {
      at += code > 0xffff ? 2 : 1;
    }
  }
  return grams;
}

/** Occurrences of the concept words; Latin words only as whole words (tts, not in https). */
function conceptsOf(masked: string): Gram[] {
  const found: Gram[] = [];
  for (const [concept, words] of Object.entries(CONCEPT_WORDS)) {
    for (const word of words) {
      for (let at = masked.indexOf(word); at >= 0; at = masked.indexOf(word, at + 1)) {
        const end = at + word.length;
        if (isLatin(word.charCodeAt(0)) && (isLatin(masked.charCodeAt(at - 1)) || isLatin(masked.charCodeAt(end)))) continue;
        found.push({ gram: `k:${concept}`, kind: 'concept', start: at, end });
      }
    }
  }
  return found;
}

function hitsOf(input: string, source: FeatureHit['source'], prefix: string, markFirstClause: boolean): FeatureHit[] {
  const folded = foldText(input);
  const clauseEnd = markFirstClause ? folded.search(CLAUSE_END) : -1;
  const firstClauseEnd = clauseEnd < 0 ? folded.length : clauseEnd;
  const hits: FeatureHit[] = [];
  const accidentsBlanked = folded.replace(NOT_CONCEPTS, blank).replace(DATA_NOT_FUNCTION, blank);
  for (const { gram, kind, start, end } of [...gramsOf(folded, accidentsBlanked), ...conceptsOf(accidentsBlanked)]) {
    hits.push({ key: prefix + gram, kind, source, start, end });
    if (markFirstClause && end <= firstClauseEnd) hits.push({ key: `s:${gram}`, kind, source, start, end });
  }
  return hits;
}

/**
 * The features of a purpose text and optional name, with where each was read. Keys: an n-gram or
 * Latin word of the text, or `k:GROUP` for a CONCEPT_WORDS word; prefixed `s:` again for the text's
 * first clause (the stated scenario), `n:` for the name. Training and inference both use this.
 */
export function featureHits(text: string, name?: string): FeatureHit[] {
  const hits = hitsOf(text, 'text', '', true);
  if (name !== undefined) hits.push(...hitsOf(name, 'name', 'n:', false));
  return hits;
}

/** Throws unless every type of the model is one of the six type codes. */
function assertKnownTypes(model: SuggestModel): void {
  for (const type of model.types) {
    if (!(TYPE_CODES as readonly string[]).includes(type)) throw new Error(`suggest model: unknown type ${type}`);
  }
}

/**
 * The model's weight rows by feature key, as stored (integers, divided by `scale` where they are
 * used): converting the 1,000-odd rows to fractions up front would cost more than the handful of
 * classifications a diagnose makes. A Map rather than the JSON object itself, because looking up
 * built n-gram strings in the object is slower.
 */
function rowsByKey(model: SuggestModel): Map<string, readonly number[]> {
  const rows = new Map<string, readonly number[]>();
  for (const key in model.weights) rows.set(key, model.weights[key]!);
  return rows;
}

/** A feature of the input that the model knows: its stored weight row and where it was read. */
interface Occurrence {
  row: readonly number[];
  hits: FeatureHit[];
}

function softmax(scores: number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Han characters and Latin words of a text, the template's own words left out (see DECISIVE_CHARS). */
export function decisiveLength(text: string): number {
  const masked = foldText(text).replace(TEMPLATE_WORDS, blank);
  let count = 0;
  for (let at = 0; at < masked.length; ) {
    const code = masked.codePointAt(at)!;
    if (isLatin(code)) {
      while (at < masked.length && isLatin(masked.charCodeAt(at))) at++;
      count++;
    } else {
      if (isHan(code)) count++;
      at += code > 0xffff ? 2 : 1;
    }
  }
  return count;
}

/** Applies PRECEDENCE to the model's probabilities: a blurred type's probability moves to the type that files it. */
function applyPrecedence(types: readonly TypeCode[], probabilities: number[], folded: string): number[] {
  const result = [...probabilities];
  for (const { from, to, when, unless } of PRECEDENCE) {
    const [f, t] = [types.indexOf(from), types.indexOf(to)];
    if (f < 0 || t < 0 || !when.test(folded) || unless?.test(folded)) continue;
    result[t]! += result[f]!;
    result[f] = 0;
  }
  return result;
}
function classify(model: SuggestModel, rows: Map<string, readonly number[]>, text: string, name: string | undefined): TypeSuggestion {
  if (text.trim() === '') throw new EmptyTextError();
  const hits = featureHits(text, name?.trim() ? name : undefined);
  // Features are binary (present or not), as in training: count each key once.
  const occurrences = new Map<string, Occurrence>();
  for (const hit of hits) {
    const seen = occurrences.get(hit.key);
    if (seen) seen.hits.push(hit);
    else {
      const row = rows.get(hit.key);
      if (row) occurrences.set(hit.key, { row, hits: [hit] });
    }
  }
  const { scale } = model;
  const scores = model.bias.map((b) => b / scale);
  for (const { row } of occurrences.values()) {
    for (let t = 0; t < scores.length; t++) scores[t]! += row[t]! / scale;
  }
  let probabilities = applyPrecedence(model.types, softmax(scores), foldText(text).replace(DATA_NOT_FUNCTION, blank));
  const length = decisiveLength(text);
  const tooShort = length < DECISIVE_CHARS;
  if (tooShort) {
    const weight = length / DECISIVE_CHARS;
    probabilities = probabilities.map((p) => weight * p + (1 - weight) / probabilities.length);
  }
  const ranked = probabilities.map((p, t) => ({ type: model.types[t]!, p, t })).sort((a, b) => b.p - a.p);
  const best = ranked[0]!;
  return {
    type: best.type,
    confidence: round3(best.p),
    alternatives: ranked
      .slice(1)
      .filter((r) => r.p >= MIN_ALTERNATIVE)
      .map((r) => ({ type: r.type, confidence: round3(r.p) })),
    phrases: decisivePhrases(model, occurrences, probabilities, best.t, text, name ?? ''),
    note: tooShort ? 'too-short' : null,
  };
}

/**
 * Each feature's push towards the winner is its weight there minus its probability-weighted mean
 * weight (its gradient on the winner's log-probability). Pushes are shared among the feature's
 * occurrences; overlapping n-grams that push join into one phrase, so 个性 + 性化 + 化推 + 推荐
 * read back as 个性化推荐.
 */
function decisivePhrases(
  model: SuggestModel,
  occurrences: Map<string, Occurrence>,
  probabilities: number[],
  winner: number,
  text: string,
  name: string,
): string[] {
  const pushes: { hit: FeatureHit; push: number }[] = [];
  const { scale } = model;
  for (const { row, hits } of occurrences.values()) {
    const mean = probabilities.reduce((sum, p, t) => sum + p * (row[t]! / scale), 0);
    const push = (row[winner]! / scale - mean) / hits.length;
    if (push > 0) for (const hit of hits) pushes.push({ hit, push });
  }
  if (pushes.length === 0) return [];
  const strongest = Math.max(...pushes.map((p) => p.push));
  const kept = pushes
    .filter((p) => p.push >= strongest * MIN_PHRASE_SHARE)
    .sort((a, b) => (a.hit.source === b.hit.source ? a.hit.start - b.hit.start : a.hit.source === 'text' ? -1 : 1));
  const spans: { source: FeatureHit['source']; start: number; end: number; push: number }[] = [];
  for (const { hit, push } of kept) {
    const last = spans.at(-1);
    if (last && last.source === hit.source && hit.start < last.end) {
      last.end = Math.max(last.end, hit.end);
      last.push += push;
    } else {
      spans.push({ source: hit.source, start: hit.start, end: hit.end, push });
    }
  }
  const phrases: string[] = [];
  for (const span of spans.sort((a, b) => b.push - a.push || a.start - b.start)) {
    const phrase = (span.source === 'text' ? text : name).slice(span.start, span.end);
    if (!phrases.includes(phrase)) phrases.push(phrase);
    if (phrases.length === MAX_PHRASES) break;
  }
  return phrases;
}

/** A suggestType bound to another model (evaluation trains its own on older batches). */
export function suggesterFor(model: SuggestModel): (text: string, options?: SuggestOptions) => TypeSuggestion {
  assertKnownTypes(model);
  let rows: Map<string, readonly number[]> | undefined;
  return (text, options) => classify(model, (rows ??= rowsByKey(model)), text, options?.name);
}

const suggestWithBundledModel = suggesterFor(bundledModel as SuggestModel);

/**
 * The likely type code of an algorithm from its 主要用途 text (and name, when given).
 * Throws EmptyTextError when `text` is empty or whitespace: a name alone is not a purpose.
 */
export function suggestType(text: string, options?: SuggestOptions): TypeSuggestion {
  return suggestWithBundledModel(text, options);
}

/** True when a suggestion is sure enough to state as the answer rather than as a guess to check. */
export function isConfident(suggestion: TypeSuggestion): boolean {
  return suggestion.confidence >= CONFIDENT_AT;
}
