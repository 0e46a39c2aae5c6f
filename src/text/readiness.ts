// Readiness and counts as every view shows them: a percentage, the table row and its headings,
// and the numbers layouts fill in.
import type { Report, Tally } from '../core/report-schema.js';
import { t } from '../messages/messages.js';

/** Readiness as a whole percentage. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Readiness and counts as the layouts show them (percent for the bar width, counts as numbers). */
export function tallyView(tally: Tally) {
  return {
    readiness: percent(tally.readiness),
    readinessWidth: Math.round(tally.readiness * 100),
    blocking: tally.blocking,
    major: tally.major,
    minor: tally.minor,
    ready: tally.counts.ready,
    draft: tally.counts.draft,
    missing: tally.counts.missing,
    notApplicable: tally.counts.notApplicable,
  };
}

/** The readiness table header and one row per tally, shared by the report and the diff views. */
export function readinessRow(tally: Tally): string[] {
  return [percent(tally.readiness), tally.blocking, tally.major, tally.minor, tally.counts.ready, tally.counts.draft, tally.counts.missing, tally.counts.notApplicable].map(String);
}

/** Column headings matching readinessRow. */
export function readinessHeader(lang: Report['lang']): string[] {
  return ['ui.readiness', 'severity.blocking', 'severity.major', 'severity.minor', 'status.ready', 'status.draft', 'status.missing', 'status.not-applicable'].map((k) => t(lang, k));
}
