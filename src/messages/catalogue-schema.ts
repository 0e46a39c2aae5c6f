import * as z from '../zod.js';
import { validateBundled } from '../data/bundled.js';
import type { Catalogue } from './catalogue.js';

const text = z.string().check(z.trim(), z.minLength(1));

/** Schema of every message file: dotted keys, each worded in Chinese and English. */
export const CatalogueSchema = z.record(z.string().check(z.regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/)), z.strictObject({ zh: text, en: text }));

/** Validates a parsed message file; throws one readable error listing every problem. */
export function validateCatalogue(data: unknown, name: string): Catalogue {
  return validateBundled(CatalogueSchema, data, name);
}
