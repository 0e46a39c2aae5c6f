import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Algorithm, Answers } from '../../../src/answers/schema.js';
import type { Analysis } from '../../../src/core/analysis.js';
import type { CheckContext } from '../../../src/core/checks/check.js';
import filingNumberCheck from '../../../src/core/checks/filing-number.js';
import { loadRules } from '../../../src/rules/load.js';
import { learnFilingEras, NUMBERS_CSV, readListedNumbers, serialiseEras, typesOfCategory } from '../../../scripts/gen-filing-eras.js';
import { ROOT, runCli } from '../../helpers.js';

const listed = readListedNumbers(readFileSync(NUMBERS_CSV, 'utf8'));

describe('filing numbers by era', () => {
  it('holds the numbering the lists give (regenerate: npm run gen:filing-eras)', () => {
    expect(readFileSync(new URL('../../../src/core/filing-eras.json', import.meta.url), 'utf8')).toBe(serialiseEras(learnFilingEras(listed)));
  });

  it('reports no number the CAC issued as a mismatch above info, whatever type its category stands for', async () => {
    const rules = await loadRules([], ROOT);
    const severity = new Map(rules.warnings.map((w) => [w.id, w.severity]));
    const answers = { entity: { name: '—' } } as Answers;
    const context = { answers, rules, asOf: '2026-12-06' } as CheckContext;
    const counts = new Map<string, number>();
    let checked = 0;
    for (const row of listed) {
      for (const type of typesOfCategory(row.category)) {
        const algorithm = { id: 'a', filingNumber: row.number } as Algorithm;
        const analysis = { algorithm, classification: { type, functions: [] } } as unknown as Analysis;
        for (const f of filingNumberCheck.run(analysis, context)) {
          expect(severity.get(f.code), `${row.number} as ${type}: ${f.code}`).toBe('info');
          counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
        }
        checked++;
      }
    }
    expect(listed).toHaveLength(4020);
    expect(checked).toBeGreaterThan(4020);
    // The 2022-23 numbers whose digits are not today's code: 检索过滤类 as 04 or 05, dispatch as 05.
    expect(Object.fromEntries(counts)).toEqual({ FILING_NUMBER_OLD_TYPE_CODE: 104 });
  });

  it('tells an old dispatch number (05 in 2022) from a wrong one, at info', () => {
    const run = runCli(['diagnose', 'test/fixtures/filing-numbers/fengniao-2022.yaml', '--format', 'json', '--as-of', '2026-12-06']);
    expect(run.stderr).toBe('');
    const warnings = JSON.parse(run.stdout).warnings as { code: string; severity: string; message: string }[];
    expect(warnings.filter((w) => w.code.startsWith('FILING_NUMBER'))).toEqual([
      {
        code: 'FILING_NUMBER_OLD_TYPE_CODE',
        severity: 'info',
        algorithm: 'dispatch',
        message: '备案编号 网信算备310107429160605220017号 第 14–15 位为 05，与 06 调度决策类 的现行代码不同；但 2022 年的公示清单中，检索过滤类、调度决策类算法即以 05 编号：这是当年的编号方式，编号与事实并不矛盾。',
      },
    ]);
  });

  it('flags type digits the CAC never gave that category, digits that were never a type, impossible years and unseen shapes', () => {
    const run = runCli(['diagnose', 'test/fixtures/filing-numbers/mistyped.yaml', '--format', 'json', '--as-of', '2026-12-06', '--lang', 'en']);
    expect(run.stderr).toBe('');
    const warnings = JSON.parse(run.stdout).warnings as { code: string; severity: string; algorithm: string }[];
    expect(warnings.filter((w) => w.code.startsWith('FILING_NUMBER')).map(({ code, severity, algorithm }) => [algorithm, code, severity])).toEqual([
      ['goods-search', 'FILING_NUMBER_TYPE_MISMATCH', 'major'],
      ['review-filter', 'FILING_NUMBER_YEAR_IMPOSSIBLE', 'major'],
      ['review-filter', 'FILING_NUMBER_SHAPE_UNSEEN', 'minor'],
      ['review-filter', 'FILING_NUMBER_TYPE_UNKNOWN', 'major'],
    ]);
  });
});
