// Learns src/suggest/model.json from the CAC's published filing lists.
// Usage: npm run train:suggest [-- CSV]   (default: data/cac-filed-algorithms-dev.csv)
// Training is deterministic: the same CSV always gives byte-identical model.json, which a test checks.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { TYPE_CODES, type TypeCode } from '../src/answers/vocabulary.js';
import { parseCsv } from '../src/text/csv.js';
import { featureHits, type FeatureHit, type SuggestModel } from '../src/suggest/suggest.js';

export const DEFAULT_CSV = fileURLToPath(new URL('../data/cac-filed-algorithms-dev.csv', import.meta.url));
const MODEL_FILE = fileURLToPath(new URL('../src/suggest/model.json', import.meta.url));

/** One row of the published lists, reduced to what training and evaluation need. */
export interface Filing {
  list: 'general' | 'deep-synthesis';
  batch: string;
  name: string;
  entity: string;
  purpose: string;
  number: string;
  /** Empty for the one irregular 22-digit number. */
  typeCode: string;
}

/** A labelled purpose text. */
export interface Example {
  list: Filing['list'];
  batch: string;
  name: string;
  entity: string;
  purpose: string;
  type: TypeCode;
}

/**
 * Rows whose number's type digits contradict both the printed category and the text. Early 2022
 * filings were coded before the six codes settled; learning these would teach "配送 → 过滤".
 */
const LABEL_FIXES: Record<string, { type: TypeCode; why: string }> = {
  网信算备310107429160605220017号: { type: '06', why: '蜂鸟物流配送算法: printed 调度决策类, dispatches orders to riders' },
  网信算备330110977354705220017号: { type: '06', why: '菜鸟包裹时效预测算法: printed 调度决策类, predicts delivery time' },
  网信算备110108645502804220021号: { type: '05', why: '百度内容安全算法: content moderation, which the CAC now files as 05' },
};

/** The filings of the lists CSV (see data/README.md for its columns). */
export function readFilings(csv: string): Filing[] {
  const [header, ...rows] = parseCsv(csv);
  const column = (name: string) => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`filings CSV: no column "${name}"`);
    return index;
  };
  const at = {
    list: column('list'), batch: column('batch'), name: column('name'), entity: column('entity'),
    purpose: column('purpose'), number: column('number'), typeCode: column('type_code'),
  };
  return rows.map((fields) => {
    const list = fields[at.list];
    if (list !== 'general' && list !== 'deep-synthesis') throw new Error(`filings CSV: unknown list "${list}"`);
    return {
      list, batch: fields[at.batch]!, name: fields[at.name]!, entity: fields[at.entity]!,
      purpose: fields[at.purpose]!, number: fields[at.number]!, typeCode: fields[at.typeCode]!,
    };
  });
}

/** Labelled examples: the irregular row without a code is left out, known mislabels corrected. */
export function examplesFrom(filings: Filing[]): Example[] {
  const examples: Example[] = [];
  for (const filing of filings) {
    const type = LABEL_FIXES[filing.number]?.type ?? TYPE_CODES.find((t) => t === filing.typeCode);
    if (type && filing.purpose.trim()) {
      examples.push({ list: filing.list, batch: filing.batch, name: filing.name, entity: filing.entity, purpose: filing.purpose, type });
    }
  }
  return examples;
}

/** Reads and labels the lists CSV. */
export async function loadExamples(csvPath = DEFAULT_CSV): Promise<Example[]> {
  return examplesFrom(readFilings(await readFile(csvPath, 'utf8')));
}

/** Training settings; the defaults are what model.json is built with. */
export interface TrainOptions {
  /** A feature must occur in the texts of at least this many filers: one company's wording (its product names, 五八, T3) says nothing about the next one's. */
  minFilers: number;
  /** Total weight of the deep-synthesis list, as a share of the general list's total. */
  deepSynthesisShare: number;
  /** Balance the general list's types (272 push vs 52 ranking rows) to this power of the inverse frequency. */
  balance: number;
  /** Input value of a concept feature (k:…), where an n-gram has 1: see trainSuggestModel. */
  conceptValue: number;
  /**
   * Factor on the input value of a name feature (n:…). Names that name a function (…推荐算法,
   * …检索算法) say it outright, but at 1 the text's many n-grams explained every training row and
   * left the name almost no weight.
   */
  nameValue: number;
  /** L2 penalty on the weights. */
  l2: number;
  iterations: number;
  learningRate: number;
  /** Weight rows whose every |weight| is below this are dropped from model.json. */
  prune: number;
  /** Weights are stored as integers of 1/scale. */
  scale: number;
}

const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  minFilers: 3,
  deepSynthesisShare: 1,
  balance: 0.5,
  conceptValue: 4,
  nameValue: 2,
  l2: 1e-3,
  iterations: 300,
  learningRate: 0.05,
  prune: 0.02,
  scale: 100,
};

/**
 * Trains the suggest-type model: multinomial logistic regression on binary features, full-batch
 * Adam (so the result does not depend on any random order). Every example is learnt twice, with
 * and without its name, so the one model answers both kinds of call. Concept features enter with a
 * larger value: n-grams are many and redundant, so a fit spreads a text's weight thinly over them,
 * and a new wording shares few n-grams with the lists but usually one concept word, which must
 * then carry the decision on its own (trained up to 2023-12, 2024's general list went from
 * 198/217 right at value 1 to 209/217 at 4).
 */
export function trainSuggestModel(examples: Example[], overrides: Partial<TrainOptions> = {}): SuggestModel {
  const options = { ...DEFAULT_TRAIN_OPTIONS, ...overrides };
  const K = TYPE_CODES.length;

  const concepts = new Set<string>();
  const fromName = new Set<string>();
  const keysOf = (hits: FeatureHit[]) => {
    for (const hit of hits) {
      if (hit.kind === 'concept') concepts.add(hit.key);
      if (hit.source === 'name') fromName.add(hit.key);
    }
    return new Set(hits.map((hit) => hit.key));
  };
  const keySets = examples.map((e) => ({ plain: keysOf(featureHits(e.purpose)), named: keysOf(featureHits(e.purpose, e.name)) }));
  const filers = new Map<string, Set<string>>();
  keySets.forEach(({ named }, i) => {
    for (const key of named) {
      const seen = filers.get(key) ?? new Set();
      filers.set(key, seen.add(examples[i]!.entity));
    }
  });
  const vocabulary = [...filers].filter(([, seen]) => seen.size >= options.minFilers).map(([key]) => key).sort();
  const index = new Map(vocabulary.map((key, i) => [key, i]));

  const generalByType = new Map<TypeCode, number>();
  for (const e of examples) if (e.list === 'general') generalByType.set(e.type, (generalByType.get(e.type) ?? 0) + 1);
  const generalRows = examples.filter((e) => e.list === 'general').length;
  const deepRows = examples.length - generalRows;
  const typeWeight = (type: TypeCode) => {
    const n = generalByType.get(type) ?? 0;
    return n ? (generalRows / (K * n)) ** options.balance : 1;
  };
  const rawGeneral = examples.reduce((sum, e) => sum + (e.list === 'general' ? typeWeight(e.type) : 0), 0);

  // The bias is one more feature, present in every sample, and exempt from the L2 penalty.
  const V = vocabulary.length;
  const value = Float64Array.from([...vocabulary, ''], (key) => (concepts.has(key) ? options.conceptValue : 1) * (fromName.has(key) ? options.nameValue : 1));
  const samples: { features: Int32Array; label: number; weight: number }[] = [];
  examples.forEach((e, i) => {
    const weight = e.list === 'general' ? typeWeight(e.type) : (rawGeneral * options.deepSynthesisShare) / deepRows;
    const label = TYPE_CODES.indexOf(e.type);
    for (const keys of [keySets[i]!.plain, keySets[i]!.named]) {
      const features = Int32Array.from([...[...keys].flatMap((k) => (index.has(k) ? [index.get(k)!] : [])), V]);
      samples.push({ features, label, weight: weight / 2 });
    }
  });
  const totalWeight = samples.reduce((sum, s) => sum + s.weight, 0);

  const size = (V + 1) * K;
  const W = new Float64Array(size);
  const gradient = new Float64Array(size);
  const moment1 = new Float64Array(size);
  const moment2 = new Float64Array(size);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const scores = new Float64Array(K);
  for (let step = 1; step <= options.iterations; step++) {
    gradient.fill(0);
    for (const { features, label, weight } of samples) {
      scores.fill(0);
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        for (let k = 0; k < K; k++) scores[k]! += W[f * K + k]! * value[f]!;
      }
      let top = -Infinity;
      for (let k = 0; k < K; k++) top = Math.max(top, scores[k]!);
      let sum = 0;
      for (let k = 0; k < K; k++) sum += scores[k] = Math.exp(scores[k]! - top);
      // scores now hold the error of each type's probability, scaled by the sample's weight.
      for (let k = 0; k < K; k++) scores[k] = (scores[k]! / sum - (k === label ? 1 : 0)) * (weight / totalWeight);
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        for (let k = 0; k < K; k++) gradient[f * K + k]! += scores[k]! * value[f]!;
      }
    }
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    for (let j = 0; j < size; j++) {
      const g = gradient[j]! + (j < V * K ? options.l2 * W[j]! : 0);
      moment1[j] = beta1 * moment1[j]! + (1 - beta1) * g;
      moment2[j] = beta2 * moment2[j]! + (1 - beta2) * g * g;
      W[j]! -= (options.learningRate * moment1[j]!) / correction1 / (Math.sqrt(moment2[j]! / correction2) + epsilon);
    }
  }

  const quantise = (value: number) => Math.round(value * options.scale);
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((key, f) => {
    const row = Array.from(W.subarray(f * K, f * K + K), (w) => w * value[f]!);
    if (row.some((w) => Math.abs(w) >= options.prune)) weights[key] = row.map(quantise);
  });
  return { version: 1, types: [...TYPE_CODES], scale: options.scale, bias: Array.from(W.subarray(V * K), quantise), weights };
}

/** model.json text: one feature per line, so retraining shows up as a readable diff. */
export function serialiseModel(model: SuggestModel): string {
  const { weights, ...head } = model;
  const rows = Object.entries(weights).map(([key, row]) => `    ${JSON.stringify(key)}: ${JSON.stringify(row)}`);
  const headText = JSON.stringify(head).slice(0, -1);
  return `${headText},\n  "weights": {\n${rows.join(',\n')}\n  }\n}\n`;
}

/** npm run train:suggest [-- CSV]: trains on every labelled row and writes src/suggest/model.json. */
export async function main([csvPath = DEFAULT_CSV]: string[]): Promise<void> {
  const examples = await loadExamples(csvPath);
  for (const [number, fix] of Object.entries(LABEL_FIXES)) console.log(`relabelled ${number} as ${fix.type}: ${fix.why}`);
  const model = trainSuggestModel(examples);
  const text = serialiseModel(model);
  await writeFile(MODEL_FILE, text);
  console.log(`${MODEL_FILE}: ${examples.length} examples, ${Object.keys(model.weights).length} features, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
}
