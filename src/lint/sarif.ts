// The lint report as SARIF 2.1.0: a rule for every finding code (title, why, legal basis, severity)
// and a result for every finding, on its line of the draft.
import { sarifLog, type SarifRule } from '../format/sarif.js';
import type { Rules } from '../rules/model.js';
import { lintCodeBasis } from './basis.js';
import type { LintReport } from './format.js';
import { LINT_CODES } from './lint.js';
import { formatLintFinding, type Lang } from './messages.js';

/**
 * Every finding code is a rule; each result carries its finding's severity as its level (the same
 * code can differ: a section's absence is blocking or major by section). A finding about an absence
 * has no line; it is placed on the draft's first line, where its title is, since code scanning
 * shows only results with a line.
 */
export function formatLintSarif(report: LintReport, lang: Lang, rules: Pick<Rules, 'instruments'>, version: string): string {
  const sarifRules: SarifRule[] = LINT_CODES.map((code) => {
    const described = lintCodeBasis(code, rules, lang);
    return {
      id: code,
      title: described?.title ?? code,
      why: described?.why ?? null,
      basis: described?.basis ?? [],
      severity: null,
      properties: { tags: ['filing-check', 'lint'], ...(described ? { confidence: described.confidence } : {}) },
    };
  });
  const results = report.files.flatMap((f) =>
    f.findings.map((finding) => {
      const { message, hint } = formatLintFinding(finding, lang);
      return {
        ruleId: finding.code,
        severity: finding.severity,
        message: hint ? `${message}\n${hint}` : message,
        file: f.file,
        line: finding.line ?? 1,
        scope: `${f.file}#${[finding.code, ...Object.values(finding.args)].join(':')}`,
      };
    }),
  );
  return sarifLog({ version, lang, category: 'filing-check/lint', rules: sarifRules, results });
}
