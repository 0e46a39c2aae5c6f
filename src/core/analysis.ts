import type { Algorithm, Answers } from '../answers/schema.js';
import type { Rules } from '../rules/model.js';
import { classifyAlgorithm, type Classification } from './classify.js';
import { algorithmFacts, type Facts } from './facts.js';
import { decideRegimes, type RegimeDecision } from './regimes.js';

/** What the core knows of one algorithm before any item or warning: its type, regimes and facts. */
export interface Analysis {
  id: string;
  algorithm: Algorithm;
  classification: Classification;
  decisions: RegimeDecision[];
  facts: Facts;
}

/** Classifies every algorithm of the answers and decides the regimes that apply to it. */
export function analyse(answers: Answers, rules: Rules): Analysis[] {
  return answers.algorithms.map((algorithm) => {
    const classification = classifyAlgorithm(algorithm, rules.types);
    const decisions = decideRegimes(algorithm, answers);
    const applying = new Set(decisions.filter((d) => d.applies).map((d) => d.regime));
    return { id: algorithm.id, algorithm, classification, decisions, facts: algorithmFacts(algorithm, answers, classification, applying) };
  });
}

/** Whether a regime applies to an analysed algorithm. */
export function applies(analysis: Analysis, regime: string): boolean {
  return analysis.decisions.some((d) => d.regime === regime && d.applies);
}
