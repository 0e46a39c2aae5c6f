// The first problem of a single value against a schema, worded as file errors are: for values
// that come from the command line or a prompt rather than from a file.
import type { $ZodType } from 'zod/v4/core';
import type { MessageRef } from '../messages/catalogue.js';
import { describeIssue } from './describe-issue.js';
import { formatPath } from './field-path.js';
import * as z from '../zod.js';

/** What is wrong with a value for a schema, as file errors word it ("expected …, got …"); null when valid. */
export function problemWith(schema: $ZodType, value: unknown, schemaHint: string): MessageRef | null {
  const result = z.safeParse(schema, value);
  if (result.success) return null;
  const first = describeIssue(result.error.issues[0]!, value, schemaHint);
  return first.path.length > 0 ? { key: 'issue.at-field', args: { field: formatPath(first.path), problem: first.problem } } : first.problem;
}
