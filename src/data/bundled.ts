// Data the build bundles (rules, messages) is ours, not the user's: a problem there is a bug in this
// package, reported with every zod issue at once rather than as a user's file:line:column error.
import type { $ZodType } from 'zod/v4/core';
import * as z from '../zod.js';

/** Validates bundled data against its schema; throws one readable error naming it and listing every problem. */
export function validateBundled<T extends $ZodType>(schema: T, data: unknown, name: string): z.output<T> {
  const result = z.safeParse(schema, data);
  if (!result.success) throw new Error(`invalid ${name}:\n${z.prettifyError(result.error)}`);
  return result.data;
}
