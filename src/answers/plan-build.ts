// Writes a zod schema out as a validation plan (see plan.ts). It knows the node and check kinds the
// answers schema uses and refuses anything else, so a schema change the interpreter cannot follow
// fails `npm run gen:plan` and the plan test instead of letting the two drift apart.
import type { $ZodCheck, $ZodType } from 'zod/v4/core';
import { CUSTOM, type CustomName } from './checks.js';
import type { PlanCheck, PlanNode } from './plan.js';

/** Checks that only describe a schema (its JSON Schema) and do nothing when parsing. */
const DESCRIPTIVE_CHECKS = new Set(['describe', 'meta']);

/** The name under which CUSTOM holds this function. */
function customName(fn: unknown, where: string): CustomName {
  const name = (Object.keys(CUSTOM) as CustomName[]).find((key) => CUSTOM[key] === fn);
  if (!name) throw new Error(`answers plan: ${where} uses a function that is not in CUSTOM (src/answers/checks.ts)`);
  return name;
}

// zod's definitions are typed per node kind; the walk reads them generically and checks each field.
type Definition = Record<string, unknown>;
const definitionOf = (schema: $ZodType | $ZodCheck) => schema._zod.def as unknown as Definition;

function planCheck(check: $ZodCheck, where: string): PlanCheck | undefined {
  const def = definitionOf(check);
  const kind = def.check as string;
  if (DESCRIPTIVE_CHECKS.has(kind)) return undefined;
  switch (kind) {
    case 'overwrite':
      return { check: 'overwrite', fn: customName(def.tx, where) };
    case 'min_length':
      return { check: 'min_length', minimum: def.minimum as number };
    case 'max_length':
      return { check: 'max_length', maximum: def.maximum as number };
    case 'string_format': {
      if (def.format !== 'regex') break;
      const pattern = def.pattern as RegExp;
      return { check: 'regex', source: pattern.source, flags: pattern.flags };
    }
    case 'custom':
      // z.refine keeps its function in the definition; z.check installs it as the check itself.
      return def.fn ? { check: 'refine', fn: customName(def.fn, where) } : { check: 'payload', fn: customName(check._zod.check, where) };
    case 'greater_than':
      return { check: 'greater_than', value: def.value as number, inclusive: def.inclusive as boolean };
  }
  throw new Error(`answers plan: ${where} has a "${kind}${def.format ? `:${def.format}` : ''}" check, which plan.ts does not run`);
}

/** The plan of a zod schema (of the kinds the answers schema uses), `where` naming it in errors. */
export function planOf(schema: $ZodType, where = 'answers'): PlanNode {
  const def = definitionOf(schema);
  const checks = ((def.checks ?? []) as $ZodCheck[]).map((check) => planCheck(check, where)).filter((check) => check !== undefined);
  const node = planNode(def, where);
  return checks.length > 0 ? { ...node, checks } : node;
}

function planNode(def: Definition, where: string): PlanNode {
  switch (def.type) {
    case 'object': {
      const catchall = def.catchall as $ZodType | undefined;
      if (catchall?._zod.def.type !== 'never') throw new Error(`answers plan: ${where} is an object that allows unknown keys; plan.ts runs strict objects only`);
      const shape: Record<string, PlanNode> = {};
      for (const [key, child] of Object.entries(def.shape as Record<string, $ZodType>)) {
        if (key in Object.prototype) throw new Error(`answers plan: ${where}.${key}: a field named like an Object.prototype member`);
        shape[key] = planOf(child, `${where}.${key}`);
      }
      return { type: 'object', shape };
    }
    case 'record':
      if (def.mode !== undefined && def.mode !== 'strict') throw new Error(`answers plan: ${where} is a ${String(def.mode)} record`);
      return { type: 'record', key: planOf(def.keyType as $ZodType, `${where} (key)`), value: planOf(def.valueType as $ZodType, `${where}.*`) };
    case 'array':
      return { type: 'array', element: planOf(def.element as $ZodType, `${where}[]`) };
    case 'string':
      // A string format (z.email() and the like) is a check of its own that plan.ts does not run.
      if (def.format !== undefined) throw new Error(`answers plan: ${where} has a "string_format:${String(def.format)}" check, which plan.ts does not run`);
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      if (def.format !== undefined && def.format !== 'safeint') throw new Error(`answers plan: ${where} is a number of format ${String(def.format)}`);
      return def.format ? { type: 'number', format: 'safeint' } : { type: 'number' };
    case 'literal':
      return { type: 'literal', values: def.values as unknown[] };
    case 'enum': {
      const values = Object.values(def.entries as Record<string, unknown>);
      if (!values.every((value) => typeof value === 'string')) throw new Error(`answers plan: ${where} is an enum of values other than strings`);
      return { type: 'enum', values: values as string[] };
    }
    case 'optional':
      return { type: 'optional', inner: planOf(def.innerType as $ZodType, where) };
    case 'default': {
      const value = def.defaultValue;
      if (JSON.stringify(value) === undefined || typeof value === 'function') throw new Error(`answers plan: ${where} has a default that JSON cannot hold`);
      return { type: 'default', inner: planOf(def.innerType as $ZodType, where), value };
    }
    case 'pipe':
      return { type: 'pipe', in: planOf(def.in as $ZodType, where), out: planOf(def.out as $ZodType, where) };
    case 'transform':
      return { type: 'transform', fn: customName(def.transform, where) };
  }
  throw new Error(`answers plan: ${where} is a zod "${String(def.type)}", which plan.ts does not run`);
}
