// The validation plan: the answers schema written out as data (plan.json, made from the zod schema
// by plan-build.ts) and run by the small interpreter below. Building the zod schema was the largest
// single cost of a one-file diagnosis (about 13 ms of 90, plus 6 ms to load zod), and a valid file
// needs only a yes with the parsed value. The plan only ever says "valid, here is what zod would
// return" or "not sure": any doubt returns undefined, and the zod schema then decides and words
// the message, so the plan cannot change what is accepted or how a problem is reported.
// test/answers/plan.test.ts holds the plan to the schema on every answers file in the repository
// and thousands of generated and mutated ones.
import { CUSTOM, type CheckPayload, type CustomName } from './checks.js';

/** A check of a plan node, in the order zod runs them. */
export type PlanCheck =
  | { check: 'overwrite'; fn: CustomName }
  | { check: 'min_length'; minimum: number }
  | { check: 'max_length'; maximum: number }
  | { check: 'regex'; source: string; flags: string }
  | { check: 'refine'; fn: CustomName }
  | { check: 'payload'; fn: CustomName }
  | { check: 'greater_than'; value: number; inclusive: boolean };

/** One schema node. Objects are strict (unknown keys are errors), as every answers object is. */
export type PlanNode = { checks?: PlanCheck[] } & (
  | { type: 'object'; shape: Record<string, PlanNode> }
  | { type: 'record'; key: PlanNode; value: PlanNode }
  | { type: 'array'; element: PlanNode }
  | { type: 'string' }
  | { type: 'number'; format?: 'safeint' }
  | { type: 'boolean' }
  | { type: 'literal'; values: unknown[] }
  | { type: 'enum'; values: string[] }
  | { type: 'optional'; inner: PlanNode }
  | { type: 'default'; inner: PlanNode; value: unknown }
  | { type: 'pipe'; in: PlanNode; out: PlanNode }
  | { type: 'transform'; fn: CustomName }
);

const INVALID: unique symbol = Symbol('invalid');
type Result = unknown;

/** Keys the interpreter leaves to zod: prototype-related names, where plain objects behave unusually. */
const UNUSUAL_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const regexes = new WeakMap<PlanCheck, RegExp>();
function regexOf(check: Extract<PlanCheck, { check: 'regex' }>): RegExp {
  let regex = regexes.get(check);
  if (!regex) regexes.set(check, (regex = new RegExp(check.source, check.flags)));
  return regex;
}

const isRecordLike = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value of a default, copied as zod copies it (a fresh array or object per parse). */
function defaultOf(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  return isRecordLike(value) ? { ...value } : value;
}

function runChecks(checks: PlanCheck[] | undefined, value: unknown): Result | typeof INVALID {
  if (!checks) return value;
  for (const check of checks) {
    switch (check.check) {
      case 'overwrite':
        value = (CUSTOM[check.fn] as (input: unknown) => unknown)(value);
        break;
      case 'min_length':
        if ((value as { length: number }).length < check.minimum) return INVALID;
        break;
      case 'max_length':
        if ((value as { length: number }).length > check.maximum) return INVALID;
        break;
      case 'regex': {
        const regex = regexOf(check);
        regex.lastIndex = 0;
        if (!regex.test(value as string)) return INVALID;
        break;
      }
      case 'refine':
        if (!(CUSTOM[check.fn] as (input: unknown) => unknown)(value)) return INVALID;
        break;
      case 'payload': {
        const payload: CheckPayload<unknown> = { value, issues: [] };
        (CUSTOM[check.fn] as (payload: CheckPayload<unknown>) => void)(payload);
        if (payload.issues.length > 0) return INVALID;
        break;
      }
      case 'greater_than':
        if (check.inclusive ? !((value as number) >= check.value) : !((value as number) > check.value)) return INVALID;
        break;
    }
  }
  return value;
}

function run(node: PlanNode, input: unknown): Result | typeof INVALID {
  let value: unknown;
  switch (node.type) {
    case 'object': {
      if (!isRecordLike(input)) return INVALID;
      for (const key in input) if (!Object.hasOwn(node.shape, key) || UNUSUAL_KEYS.has(key)) return INVALID;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(node.shape)) {
        const child = node.shape[key]!;
        if (!Object.hasOwn(input, key)) {
          // Absent: an optional field stays absent, a defaulted one takes its default.
          if (child.type === 'optional') continue;
          if (child.type !== 'default') return INVALID;
        }
        const parsed = run(child, input[key]);
        if (parsed === INVALID) return INVALID;
        out[key] = parsed;
      }
      value = out;
      break;
    }
    case 'record': {
      if (!isRecordLike(input) || Object.getPrototypeOf(input) !== Object.prototype) return INVALID;
      const out: Record<string, unknown> = {};
      for (const key of Reflect.ownKeys(input)) {
        if (typeof key !== 'string' || UNUSUAL_KEYS.has(key) || !Object.prototype.propertyIsEnumerable.call(input, key)) return INVALID;
        const parsedKey = run(node.key, key);
        if (parsedKey === INVALID || parsedKey !== key) return INVALID;
        const parsed = run(node.value, input[key]);
        if (parsed === INVALID) return INVALID;
        out[key] = parsed;
      }
      value = out;
      break;
    }
    case 'array': {
      if (!Array.isArray(input)) return INVALID;
      const out: unknown[] = [];
      for (const element of input) {
        const parsed = run(node.element, element);
        if (parsed === INVALID) return INVALID;
        out.push(parsed);
      }
      value = out;
      break;
    }
    case 'string':
      if (typeof input !== 'string') return INVALID;
      value = input;
      break;
    case 'number':
      if (typeof input !== 'number' || !Number.isFinite(input) || (node.format === 'safeint' && !Number.isSafeInteger(input))) return INVALID;
      value = input;
      break;
    case 'boolean':
      if (typeof input !== 'boolean') return INVALID;
      value = input;
      break;
    case 'literal':
    case 'enum':
      if (!(node.values as unknown[]).includes(input)) return INVALID;
      value = input;
      break;
    case 'optional':
      if (input === undefined) return undefined;
      value = run(node.inner, input);
      break;
    case 'default':
      // zod returns a default as it is, without running the inner schema on it.
      value = input === undefined ? defaultOf(node.value) : run(node.inner, input);
      break;
    case 'pipe': {
      const first = run(node.in, input);
      value = first === INVALID ? INVALID : run(node.out, first);
      break;
    }
    case 'transform':
      value = (CUSTOM[node.fn] as (input: unknown) => unknown)(input);
      break;
  }
  return value === INVALID ? INVALID : runChecks(node.checks, value);
}

/** What zod would return for valid data, or undefined when the data is invalid or unusual. */
export function runPlan(plan: PlanNode, data: unknown): unknown {
  const result = run(plan, data);
  return result === INVALID ? undefined : result;
}
