import type { Algorithm, Answers } from '../../answers/schema.js';
import type { MessageArgs } from '../../messages/messages.js';
import type { Rules } from '../../rules/model.js';
import type { Analysis } from '../analysis.js';
import type { Deadline } from '../deadlines.js';
import type { ReportDuty, ReportItem } from '../report-schema.js';

/*
 * A warning check returns data, never sentences: `{ code, algorithm, args }`. The report takes the
 * code's severity from the rule packs (`warnings:`) and words it from `warning.CODE` of
 * src/messages/messages.yaml in a final pass. A check that looks at one algorithm has scope
 * `algorithm` and runs once per algorithm; one that looks at the whole case (entity, materials,
 * clocks) has scope `case`. checks/index.ts lists them in the order the report shows them.
 */

/** One warning as data: which code, for which algorithm (null: the entity or the case), with what. */
export interface WarningFinding {
  code: string;
  algorithm: string | null;
  args: MessageArgs;
}

/** Everything a check may look at; all of it is data already decided by the core. */
export interface CheckContext {
  answers: Answers;
  rules: Rules;
  analysed: readonly Analysis[];
  items: readonly ReportItem[];
  duties: readonly ReportDuty[];
  deadlines: readonly Deadline[];
  /** The day of the diagnosis, YYYY-MM-DD. */
  asOf: string;
  /** Material files that do not exist, as `${algorithm or service id, or ''}/${material id}`. */
  missingFiles: ReadonlySet<string>;
}

/** A check of one algorithm. */
export interface AlgorithmCheck {
  name: string;
  scope: 'algorithm';
  codes: readonly string[];
  run(analysis: Analysis, context: CheckContext): WarningFinding[];
}

/** A check of the whole case. */
export interface CaseCheck {
  name: string;
  scope: 'case';
  codes: readonly string[];
  run(context: CheckContext): WarningFinding[];
}

/** One warning check of either scope. */
export type Check = AlgorithmCheck | CaseCheck;

/** Declares a warning check (as @arethetypeswrong's defineCheck): its name, scope, codes and run. */
export function defineCheck(check: AlgorithmCheck): AlgorithmCheck;
export function defineCheck(check: CaseCheck): CaseCheck;
export function defineCheck(check: Check): Check {
  return check;
}

/** A reference to the name of a type code, worded from the rule packs in the final pass. */
export function typeName(code: string): { key: string } {
  return { key: `type.${code}` };
}

/** A reference to a material's title, worded from the rule packs in the final pass. */
export function materialTitle(id: string): { key: string } {
  return { key: `material.${id}` };
}

/** A warning about one algorithm. */
export function finding(code: string, algorithm: Algorithm | string | null, args: MessageArgs = {}): WarningFinding {
  return { code, algorithm: typeof algorithm === 'object' && algorithm !== null ? algorithm.id : algorithm, args };
}
