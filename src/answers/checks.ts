// The answers schema's own checks and conversions, as plain functions with no zod in them. The zod
// schema (schema.ts) is built from them, and the validation plan (plan.ts) calls the same ones by
// name, so both decide alike without either holding a copy of the logic.
import { isValidCreditCode } from './credit-code.js';
import { isRealDate } from '../dates.js';

export const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** A problem found by a whole-object check, in the shape zod's payload takes (a type, not an
 * interface: zod's issue type has an index signature, which only a type literal satisfies). */
export type CheckIssue = {
  code: 'custom';
  path: (string | number)[];
  message: string;
  input: unknown;
};

/** What a whole-object check receives: the parsed value and the list its issues go to (zod's payload). */
export interface CheckPayload<T> {
  value: T;
  issues: { push(issue: CheckIssue): number; readonly length: number };
}

/** The parts of a parsed answers file the consistency check reads. */
interface AnswersView {
  services: { id: string; name: string; launchDate?: string }[];
  algorithms: { id: string; services: string[]; role: string; does: string[]; generation?: unknown; launchDate?: string }[];
}

/** YAML reads an unquoted 330110 or 02 as a number; codes are strings, so take both (02 → "02"). */
const codeOfWidth = (width: number) => (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? String(value).padStart(width, '0') : value);

/** Every custom function of the answers schema, by the name the validation plan refers to it with. */
export const CUSTOM = {
  trim: (text: string) => text.trim(),
  realDate: (date: string) => !DATE_SHAPE.test(date) || isRealDate(date),
  // Only a well-formed code has a check digit worth reporting on.
  creditCodeCheckDigit: (code: string) => !CREDIT_CODE_SHAPE.test(code) || isValidCreditCode(code),
  typeCode: codeOfWidth(2),
  regionCode: codeOfWidth(6),
  notApplicableHasReason: (payload: CheckPayload<{ status: string; reason?: string }>) => {
    const entry = payload.value;
    if (entry.status === 'not-applicable' && !entry.reason) {
      payload.issues.push({ code: 'custom', path: ['reason'], message: 'a reason, because status is not-applicable', input: entry });
    }
  },
  consistentAnswers: (payload: CheckPayload<AnswersView>) => {
    const answers = payload.value;
    const issue = (path: (string | number)[], message: string) => payload.issues.push({ code: 'custom', path, message, input: answers });
    const serviceIds = new Set<string>();
    answers.services.forEach((service, i) => {
      if (serviceIds.has(service.id)) issue(['services', i, 'id'], `a unique id (got "${service.id}", already used)`);
      serviceIds.add(service.id);
    });
    const algorithmIds = new Set<string>();
    answers.algorithms.forEach((algorithm, i) => {
      if (algorithmIds.has(algorithm.id)) issue(['algorithms', i, 'id'], `a unique id (got "${algorithm.id}", already used)`);
      algorithmIds.add(algorithm.id);
      algorithm.services.forEach((ref, j) => {
        if (!serviceIds.has(ref)) {
          const known = [...serviceIds].join(', ') || 'none defined';
          issue(['algorithms', i, 'services', j], `the id of a service in services (got "${ref}"; known: ${known})`);
        }
      });
      if (algorithm.role === 'provider' && algorithm.services.length === 0) {
        issue(['algorithms', i, 'services'], 'at least one service id: a provider (服务提供者) runs the algorithm in its own product');
      }
      if (algorithm.does.includes('generate') && !algorithm.generation) {
        issue(['algorithms', i, 'generation'], 'a generation block (modalities, foundationModel …) because does includes generate');
      }
      // An algorithm serves users through its services: it cannot have gone live before all of them.
      // A service without a launch date could have launched any day, so it leaves the check out.
      const services = answers.services.filter((s) => algorithm.services.includes(s.id));
      if (algorithm.launchDate && services.length > 0 && services.every((s) => s.launchDate)) {
        const first = services.reduce((a, b) => (b.launchDate! < a.launchDate! ? b : a));
        if (algorithm.launchDate < first.launchDate!) {
          issue(['algorithms', i, 'launchDate'], `a date on or after the launch of its services (got ${algorithm.launchDate}; the earliest, ${first.name}, launched ${first.launchDate})`);
        }
      }
      if (new Set(algorithm.does).size !== algorithm.does.length) issue(['algorithms', i, 'does'], 'each function once');
    });
  },
};

export type CustomName = keyof typeof CUSTOM;
