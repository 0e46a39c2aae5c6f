import { isAtOrAbove } from '../core/report.js';
import type { Report, ReportItem } from '../core/report-schema.js';
import { t } from '../messages/messages.js';
import type { Severity } from '../rules/schema.js';
import { escapeHtml } from '../text/escape.js';
import { dutiesPrefix, itemKey, reportGroups } from '../core/groups.js';
import { percent } from '../text/readiness.js';
import { basisLine } from '../text/article.js';

// XML 1.0 cannot carry these code points even as character references; they become U+FFFD.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for XML content and attributes (HTML's character references are valid XML). Tabs and
 * line breaks become references too, because XML parsers turn them into spaces inside attributes.
 */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(NOT_XML, '\ufffd')).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values).map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`).join('');
}

/**
 * JUnit XML for CI dashboards: one test suite per filing unit (the entity, each algorithm), one test
 * case per required item. Gaps at or above --fail-on fail, not-applicable items are skipped with their
 * reason, everything else passes with its status in system-out. Times are zero so output is stable.
 */
export function formatJunit(report: Report, failOn: Severity | 'none'): string {
  const { lang } = report;
  const L = (key: string, args?: Record<string, string | number>) => t(lang, key, args);
  const details = (i: ReportItem) =>
    [
      `${L('ui.status')}: ${L(`status.${i.status}`)}`,
      `${L('ui.severity')}: ${L(`severity.${i.severity}`)} (${L(`confidence.${i.confidence}`)})`,
      i.reason ? `${L(i.status === 'not-applicable' ? 'ui.reason' : 'ui.note')}: ${i.reason}` : null,
      i.owner ? `${L('ui.owner')}: ${i.owner}` : null,
      i.due ? `${L('ui.due')}: ${i.due}` : null,
      i.file ? `${L('ui.file')}: ${i.file}` : null,
      `${L('ui.basis')}: ${basisLine(i.basis, report.lang)}`,
    ].filter((line): line is string => line !== null).join('\n');
  const failing = (i: ReportItem) => i.gap && isAtOrAbove(i.severity, failOn);

  const suites = reportGroups(report).map((group) => {
    const { algorithm, service, items, tally } = group;
    const suiteName = dutiesPrefix(group, L) + (algorithm ? `${L('ui.algorithm')} ${algorithm.id} ${algorithm.name} (${algorithm.type} ${algorithm.typeName})` : service ? `${L('ui.service')} ${service.name}` : `${L('ui.entityMaterials')} ${report.entity.name}`);
    const cases = items.map((i) => {
      const head = `    <testcase${attrs({ name: `${i.title} (${itemKey(i)})`, classname: `filing-check.${i.algorithm ?? 'entity'}`, time: 0 })}>`;
      if (failing(i)) {
        const message = `${L(`status.${i.status}`)} · ${L(`severity.${i.severity}`)}: ${i.title}`;
        return `${head}\n      <failure${attrs({ message, type: i.severity })}>${escapeXml(details(i))}</failure>\n    </testcase>`;
      }
      if (i.status === 'not-applicable') {
        return `${head}\n      <skipped${attrs({ message: `${L('status.not-applicable')}: ${i.reason ?? ''}` })}/>\n    </testcase>`;
      }
      return `${head}\n      <system-out>${escapeXml(details(i))}</system-out>\n    </testcase>`;
    });
    const warnings = report.warnings.filter((w) => w.algorithm === (algorithm?.id ?? null));
    const out = warnings.length
      ? [`    <system-out>${escapeXml(warnings.map((w) => `${L('ui.warnings')} ${w.code} (${L(`severity.${w.severity}`)}): ${w.message}`).join('\n'))}</system-out>`]
      : [];
    const c = tally.counts;
    const properties = [
      ['readiness', percent(tally.readiness)], ['ready', c.ready], ['draft', c.draft], ['missing', c.missing], ['not-applicable', c.notApplicable],
    ].map(([name, value]) => `      <property${attrs({ name: name!, value: value! })}/>`);
    const counts = { tests: items.length, failures: items.filter(failing).length, errors: 0, skipped: c.notApplicable, time: 0 };
    return {
      counts,
      xml: [`  <testsuite${attrs({ name: suiteName, ...counts })}>`, '    <properties>', ...properties, '    </properties>', ...cases, ...out, '  </testsuite>'].join('\n'),
    };
  });
  const total = (key: 'tests' | 'failures' | 'skipped') => suites.reduce((sum, s) => sum + s.counts[key], 0);
  const root = attrs({ name: `filing-check ${report.entity.name} ${report.asOf}`, tests: total('tests'), failures: total('failures'), errors: 0, skipped: total('skipped'), time: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`;
}
