// The wording of a validation problem: one zod issue as "what was expected, what was found".
// File readers position it (data-document.ts); values from the command line show it as is.
import type { $ZodIssue } from 'zod/v4/core';
import type { Path } from './field-path.js';

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns one zod issue into "what was expected" wording, with what was found where that helps. */
export function describeIssue(issue: $ZodIssue, data: unknown, schemaHint: string): { path: Path; text: string } {
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path: [...issue.path, key], text: `unknown field "${key}"; remove it or fix its spelling (see: ${schemaHint})` };
    }
    case 'invalid_type':
      if (issue.path.length === 0 && (found === null || found === undefined)) return { path: [], text: 'the file is empty; expected an answers file (schemaVersion, entity, algorithms …)' };
      if (typeof found === 'number' && !Number.isFinite(found)) return { path: issue.path, text: `expected a finite number, got ${String(found)}` };
      {
        // zod names an integer "int"; users count people and days in whole numbers.
        const expected = issue.expected === 'int' ? 'a whole number' : issue.expected;
        return { path: issue.path, text: found === undefined ? `a value is required (expected ${expected})` : `expected ${expected}, got ${describeValue(found)}` };
      }
    case 'invalid_value':
      if (found === undefined) return { path: issue.path, text: `a value is required (expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')})` };
      return {
        path: issue.path,
        text: `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${describeValue(found)}`,
      };
    case 'too_small': {
      const unit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
      const bound = issue.origin === 'array' || issue.origin === 'string' ? `at least ${String(issue.minimum)}${unit}` : `a number ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}`;
      return { path: issue.path, text: `expected ${bound}${found !== undefined && typeof found !== 'object' ? `, got ${describeValue(found)}` : ''}` };
    }
    case 'invalid_union': {
      // Report the branch the value was meant for: the one least troubled by missing or extra keys.
      const shapeProblems = (errors: $ZodIssue[]) =>
        errors.filter((e) => e.code === 'unrecognized_keys' || (e.code === 'invalid_type' && valueAt(found, e.path) === undefined)).length;
      const branch = [...issue.errors].sort((a, b) => shapeProblems(a) - shapeProblems(b))[0];
      const inner = branch?.[0];
      if (inner && shapeProblems(branch) === 0) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, data, schemaHint);
      return { path: issue.path, text: `expected a valid condition (facts, any, all or not), got ${describeValue(found)}` };
    }
    default: {
      // Custom and format issues carry our own "what was expected" phrase as their message.
      const shown = found !== undefined && typeof found !== 'object' && !issue.message.includes('(got ') ? `, got ${describeValue(found)}` : '';
      return { path: issue.path, text: `expected ${issue.message}${shown}` };
    }
  }
}
