// Measures suggest-type on batches the model has not seen: trains on the lists up to 2024-12 with
// the real training code, predicts the 2025 batches, and prints the figures for the general and the
// deep-synthesis list separately, beside two keyword baselines; then the same for a back-test
// (trained up to 2023-12, tested on 2024), which crosses the CAC's change of wording.
// Usage: npm run eval:suggest [-- CSV]
import { TYPE_CODES, type TypeCode } from '../src/answers/vocabulary.js';
import { CONCEPT_WORDS, FUNCTION_OF_TYPE, isConfident, suggesterFor, type TypeSuggestion } from '../src/suggest/suggest.js';
import { DEFAULT_CSV, loadExamples, trainSuggestModel, type Example, type TrainOptions } from './train-suggest.js';

/** Batches up to this one train; later ones (2025-03 and 2025-05 in the current data) are held out. */
export const LAST_TRAINING_BATCH = '2024-12';

/** Figures for one list and one way of predicting. */
export interface Evaluation {
  total: number;
  correct: number;
  accuracy: number;
  perType: { type: TypeCode; support: number; predicted: number; precision: number; recall: number }[];
  /** Gold → predicted pairs that went wrong, most frequent first, with the names concerned. */
  confusions: { gold: TypeCode; predicted: TypeCode; count: number; names: string[] }[];
  /** Suggestions isConfident accepted, and how many of them were right (model predictions only). */
  confident: { total: number; correct: number };
  /** Each model prediction's confidence and whether it was right, to choose isConfident's threshold. */
  scored: { confidence: number; correct: boolean }[];
}

/** Scores predictions against the examples' labels. */
export function evaluate(examples: Example[], predict: (e: Example) => TypeSuggestion | TypeCode): Evaluation {
  const outcomes = examples.map((e) => {
    const prediction = predict(e);
    const suggestion = typeof prediction === 'string' ? undefined : prediction;
    return { e, suggestion, predicted: suggestion?.type ?? (prediction as TypeCode), confident: suggestion ? isConfident(suggestion) : false };
  });
  const correct = outcomes.filter((o) => o.predicted === o.e.type).length;
  const confusions = new Map<string, Evaluation['confusions'][number]>();
  for (const { e, predicted } of outcomes) {
    if (predicted === e.type) continue;
    const key = `${e.type}>${predicted}`;
    const entry = confusions.get(key) ?? { gold: e.type, predicted, count: 0, names: [] };
    entry.count++;
    entry.names.push(e.name);
    confusions.set(key, entry);
  }
  const confident = outcomes.filter((o) => o.confident);
  return {
    total: examples.length,
    correct,
    accuracy: examples.length ? correct / examples.length : 0,
    perType: TYPE_CODES.map((type) => {
      const support = outcomes.filter((o) => o.e.type === type).length;
      const predicted = outcomes.filter((o) => o.predicted === type).length;
      const hits = outcomes.filter((o) => o.e.type === type && o.predicted === type).length;
      return { type, support, predicted, precision: predicted ? hits / predicted : NaN, recall: support ? hits / support : NaN };
    }),
    confusions: [...confusions.values()].sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold)),
    confident: { total: confident.length, correct: confident.filter((o) => o.predicted === o.e.type).length },
    scored: outcomes.flatMap((o) => (o.suggestion ? [{ confidence: o.suggestion.confidence, correct: o.predicted === o.e.type }] : [])),
  };
}

/**
 * A keyword classifier: counts each type's words in the text, most hits wins (ties and texts
 * without any hit go to the earlier code, so to 01).
 */
export function keywordClassifier(words: Readonly<Record<TypeCode, readonly string[]>>): (text: string) => TypeCode {
  return (text) => {
    const folded = text.toLowerCase();
    let best: TypeCode = '01';
    let bestHits = 0;
    for (const type of TYPE_CODES) {
      const hits = words[type].reduce((sum, word) => sum + folded.split(word).length - 1, 0);
      if (hits > bestHits) [best, bestHits] = [type, hits];
    }
    return best;
  };
}

/** The plain approach: the words of the six category names, plus the everyday 推荐 and 搜索. */
export const plainKeywords = keywordClassifier({
  '01': ['生成', '合成'], '02': ['个性化', '推送', '推荐'], '03': ['排序', '精选'],
  '04': ['检索', '搜索'], '05': ['过滤'], '06': ['调度', '决策'],
});

/** The model's own concept words without the learning: what the n-grams and weights add. */
export const conceptKeywords = keywordClassifier(
  Object.fromEntries(TYPE_CODES.map((type) => [type, CONCEPT_WORDS[FUNCTION_OF_TYPE[type]]])) as Record<TypeCode, readonly string[]>,
);

/** Splits examples into training (≤ LAST_TRAINING_BATCH) and held-out rows. */
export function splitByBatch(examples: Example[], lastTrainingBatch = LAST_TRAINING_BATCH) {
  return {
    training: examples.filter((e) => e.batch <= lastTrainingBatch),
    heldOut: examples.filter((e) => e.batch > lastTrainingBatch),
  };
}

/** Held-out figures of the model trained on the older batches, per list and per input. */
export function heldOutEvaluations(examples: Example[], options: Partial<TrainOptions> = {}, lastTrainingBatch = LAST_TRAINING_BATCH) {
  const { training, heldOut } = splitByBatch(examples, lastTrainingBatch);
  const suggest = suggesterFor(trainSuggestModel(training, options));
  const lists = { general: heldOut.filter((e) => e.list === 'general'), deepSynthesis: heldOut.filter((e) => e.list === 'deep-synthesis') };
  const run = (rows: Example[]) => ({
    purpose: evaluate(rows, (e) => suggest(e.purpose)),
    purposeAndName: evaluate(rows, (e) => suggest(e.purpose, { name: e.name })),
    plainKeywords: evaluate(rows, (e) => plainKeywords(e.purpose)),
    conceptKeywords: evaluate(rows, (e) => conceptKeywords(e.purpose)),
  });
  return { training: training.length, general: run(lists.general), deepSynthesis: run(lists.deepSynthesis) };
}

/** One bin of a reliability table: suggestions whose confidence falls in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/**
 * Reliability table and expected calibration error (ECE) of scored suggestions: confidences in
 * ten equal bins (the last one closed, so 1.0 counts), and ECE = Σ (bin size / total) ×
 * |accuracy − mean confidence| over the non-empty bins. A calibrated model is right 80 % of the
 * time it says 0.8.
 */
export function calibration(scored: readonly { confidence: number; correct: boolean }[], bins = 10): { table: ReliabilityBin[]; ece: number } {
  const table: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const [from, to] = [b / bins, (b + 1) / bins];
    const inBin = scored.filter((s) => s.confidence >= from && (s.confidence < to || (b === bins - 1 && s.confidence <= to)));
    if (inBin.length === 0) continue;
    const meanConfidence = inBin.reduce((sum, s) => sum + s.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((s) => s.correct).length / inBin.length;
    table.push({ from, to, count: inBin.length, meanConfidence, accuracy });
  }
  const total = scored.length;
  const ece = total ? table.reduce((sum, bin) => sum + (bin.count / total) * Math.abs(bin.accuracy - bin.meanConfidence), 0) : NaN;
  return { table, ece };
}

function printCalibration(title: string, scored: readonly { confidence: number; correct: boolean }[]): void {
  const { table, ece } = calibration(scored);
  console.log(`  ${title}: expected calibration error ${ece.toFixed(3)} over ${scored.length} texts`);
  console.log(`    confidence    texts  mean confidence  accuracy`);
  for (const bin of table) {
    console.log(`    ${bin.from.toFixed(1)}–${bin.to.toFixed(1)}    ${String(bin.count).padStart(6)}  ${bin.meanConfidence.toFixed(3).padStart(15)}  ${pct(bin.accuracy).padStart(8)}`);
  }
}

const pct = (value: number) => (Number.isNaN(value) ? '  –  ' : `${(value * 100).toFixed(1).padStart(5)}%`);

function printEvaluation(title: string, evaluation: Evaluation, withConfident: boolean): void {
  console.log(`  ${title}: accuracy ${pct(evaluation.accuracy)} (${evaluation.correct}/${evaluation.total})`);
  const rows = evaluation.perType.filter((t) => t.support || t.predicted);
  console.log(`    type  support  predicted  precision  recall`);
  for (const t of rows) console.log(`    ${t.type}    ${String(t.support).padStart(7)}  ${String(t.predicted).padStart(9)}  ${pct(t.precision).padStart(9)}  ${pct(t.recall)}`);
  for (const c of evaluation.confusions) console.log(`    ${c.gold} → ${c.predicted} ×${c.count}: ${c.names.slice(0, 4).join('、')}${c.names.length > 4 ? '…' : ''}`);
  if (withConfident) {
    const { total, correct } = evaluation.confident;
    console.log(`    isConfident: ${total}/${evaluation.total} texts, precision ${pct(total ? correct / total : NaN)} (${total - correct} confident but wrong)`);
    const table = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map((at) => {
      const above = evaluation.scored.filter((s) => s.confidence >= at);
      return `≥${at}: ${above.length} texts, ${above.filter((s) => !s.correct).length} wrong`;
    });
    console.log(`    by confidence: ${table.join('; ')}`);
  }
}

/** npm run eval:suggest [-- CSV]: prints the held-out figures. */
export async function main([csvPath = DEFAULT_CSV]: string[]): Promise<void> {
  const examples = await loadExamples(csvPath);
  const runs = [
    { title: `held out: batches after ${LAST_TRAINING_BATCH}`, result: heldOutEvaluations(examples) },
    {
      // The 2024 lists moved the general list to the deep-synthesis wording (应用于…场景，根据…);
      // this back-test shows how the model copes with a change of wording it has not seen.
      title: 'back-test: trained up to 2023-12, tested on the 2024 batches',
      result: heldOutEvaluations(splitByBatch(examples).training, {}, '2023-12'),
    },
  ];
  for (const { title, result } of runs) {
    console.log(`\n=== ${title} (${result.training} training rows)`);
    for (const [list, figures] of [['general list', result.general], ['deep-synthesis list', result.deepSynthesis]] as const) {
      console.log(`\n${list}`);
      printEvaluation('model, purpose only', figures.purpose, true);
      printEvaluation('model, purpose + name', figures.purposeAndName, true);
      printEvaluation('baseline: plain keywords, purpose only', figures.plainKeywords, false);
      printEvaluation('baseline: concept words counted, purpose only', figures.conceptKeywords, false);
    }
    console.log('\ncalibration (model, purpose only)');
    printCalibration('general list', result.general.purpose.scored);
    printCalibration('deep-synthesis list', result.deepSynthesis.purpose.scored);
    printCalibration('both lists', [...result.general.purpose.scored, ...result.deepSynthesis.purpose.scored]);
  }
}
