// The wording of a validation problem: one zod issue as "what was expected, what was found", as a
// reference into the error catalogue (src/messages/errors.yaml), worded last in the run's language.
// File readers position it (data-document.ts); values from the command line show it as is.
import type { $ZodIssue } from 'zod/v4/core';
import { ERROR_MESSAGES } from '../errors.js';
import type { MessageArg, MessageRef } from '../messages/catalogue.js';
import type { Path } from './field-path.js';

/** What a value was, for "got …". */
function describeValue(value: unknown): MessageRef {
  if (value === undefined) return { key: 'found.nothing' };
  if (value === null) return { key: 'found.null' };
  if (Array.isArray(value)) return { key: 'found.list' };
  if (typeof value === 'object') return { key: 'found.mapping' };
  if (typeof value === 'string') return { key: 'found.text', args: { value: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value) } };
  if (typeof value === 'number' || typeof value === 'boolean') return { key: `found.${typeof value}`, args: { value: String(value) } };
  return { key: 'found.other', args: { type: typeof value, value: String(value) } };
}

/** The kind of value zod expected (its "int" is a whole number: users count people and days). */
function typeName(expected: string): MessageRef {
  return Object.hasOwn(ERROR_MESSAGES, `type.${expected}`) ? { key: `type.${expected}` } : { key: 'type.other', args: { type: expected } };
}

/**
 * A custom check's expectation: its message is a catalogue key (`expect.…`) whose arguments are the
 * issue's params; a message that is not one (bundled data files' own schemas) is shown as written.
 */
function customExpectation(issue: $ZodIssue): { expected: MessageRef; saysFound: boolean } {
  if (Object.hasOwn(ERROR_MESSAGES, issue.message)) {
    const params = (issue as { params?: Record<string, MessageArg> }).params;
    return { expected: { key: issue.message, args: params }, saysFound: params !== undefined };
  }
  return { expected: { key: 'expect.phrase', args: { phrase: issue.message } }, saysFound: issue.message.includes('(got ') };
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "expected …", with what was found when it is a plain value worth showing. */
function expectedProblem(expected: MessageRef, found: unknown): MessageRef {
  return found !== undefined && typeof found !== 'object'
    ? { key: 'issue.expected-got', args: { expected, found: describeValue(found) } }
    : { key: 'issue.expected', args: { expected } };
}

/** The bound of a too_small or too_big issue: items of a list, characters of a text, or a number. */
function bound(issue: $ZodIssue & { code: 'too_small' | 'too_big' }): MessageRef {
  const small = issue.code === 'too_small';
  const count = String(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array' || issue.origin === 'set') return { key: small ? 'expect.at-least-items' : 'expect.at-most-items', args: { count } };
  if (issue.origin === 'string') return { key: small ? 'expect.at-least-chars' : 'expect.at-most-chars', args: { count } };
  const key = small ? (issue.inclusive ? 'expect.number-at-least' : 'expect.number-above') : issue.inclusive ? 'expect.number-at-most' : 'expect.number-below';
  return { key, args: { bound: count } };
}

/** Turns one zod issue into "what was expected" wording, with what was found where that helps. */
export function describeIssue(issue: $ZodIssue, data: unknown, schemaHint: string): { path: Path; problem: MessageRef } {
  const found = valueAt(data, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const key = issue.keys[0]!;
      return { path: [...issue.path, key], problem: { key: 'issue.unknown-field', args: { key, hint: schemaHint } } };
    }
    case 'invalid_type': {
      if (issue.path.length === 0 && (found === null || found === undefined)) return { path: [], problem: { key: 'issue.empty-file' } };
      if (typeof found === 'number' && !Number.isFinite(found)) return { path: issue.path, problem: { key: 'issue.not-finite', args: { found: String(found) } } };
      const expected = typeName(issue.expected);
      return { path: issue.path, problem: found === undefined ? { key: 'issue.required', args: { expected } } : { key: 'issue.expected-got', args: { expected, found: describeValue(found) } } };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(' | ');
      const expected: MessageRef = issue.values.length === 1 ? { key: 'expect.value', args: { value: values } } : { key: 'expect.one-of', args: { values } };
      if (found === undefined) return { path: issue.path, problem: { key: 'issue.required', args: { expected } } };
      return { path: issue.path, problem: { key: 'issue.expected-got', args: { expected, found: describeValue(found) } } };
    }
    case 'too_small':
    case 'too_big': {
      const expected = Object.hasOwn(ERROR_MESSAGES, issue.message) ? customExpectation(issue).expected : bound(issue);
      return { path: issue.path, problem: expectedProblem(expected, found) };
    }
    case 'invalid_union': {
      // Report the branch the value was meant for: the one least troubled by missing or extra keys.
      const shapeProblems = (errors: $ZodIssue[]) =>
        errors.filter((e) => e.code === 'unrecognized_keys' || (e.code === 'invalid_type' && valueAt(found, e.path) === undefined)).length;
      const branch = [...issue.errors].sort((a, b) => shapeProblems(a) - shapeProblems(b))[0];
      const inner = branch?.[0];
      if (inner && shapeProblems(branch) === 0) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, data, schemaHint);
      return { path: issue.path, problem: { key: 'issue.condition', args: { found: describeValue(found) } } };
    }
    default: {
      // Custom and format issues carry our own "what was expected" phrase as their message.
      const { expected, saysFound } = customExpectation(issue);
      return { path: issue.path, problem: saysFound ? { key: 'issue.expected', args: { expected } } : expectedProblem(expected, found) };
    }
  }
}
