import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chineseDays from 'chinese-days';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/read.js';
import { addWorkingDays, dayNumber } from '../../src/core/deadlines.js';
import { parseFilingNumber } from '../../src/core/filing-number.js';
import { diagnose, exitCodeFor } from '../../src/core/report.js';
import { loadRules } from '../../src/rules/load.js';
import type { Rules } from '../../src/rules/model.js';
import { DEFAULT_CSV, readFilings } from '../../scripts/train-suggest.js';
import { AS_OF, CASES, ROOT, runMain } from '../helpers.js';

let rules: Rules;
beforeAll(async () => {
  rules = await loadRules([], ROOT);
});

describe('day numbers', () => {
  it('count days since 1970-01-01 as Date does, across leap years, centuries and eras', () => {
    const dates: string[] = [];
    for (let day = Date.UTC(1599, 0, 1); day <= Date.UTC(2401, 11, 31); day += 86_400_000 * 13) dates.push(new Date(day).toISOString().slice(0, 10));
    dates.push('1970-01-01', '2000-02-29', '2024-02-29', '2100-03-01', '1900-02-28', '1900-03-01');
    for (const iso of dates) expect([iso, dayNumber(iso)]).toEqual([iso, Date.parse(`${iso}T00:00:00Z`) / 86_400_000]);
  });
});

describe('working days on the Chinese calendar', () => {
  it('the holiday table is the chinese-days library\'s data (regenerate: node scripts/gen-holidays.mjs)', async () => {
    // @ts-expect-error: a plain .mjs build script without types
    const { holidayTable } = await import('../../scripts/gen-holidays.mjs');
    expect(JSON.parse(readFileSync(join(ROOT, 'src', 'core', 'holidays.json'), 'utf8'))).toEqual(holidayTable());
  });

  it('counts working days exactly as chinese-days does, 2022 to 2026, for 1 to 25 days', () => {
    let checked = 0;
    // Up to November 2026: 25 working days later is still in 2026, whose schedule is published.
    for (let day = new Date('2022-01-01T00:00:00Z'); day.toISOString() < '2026-11-01'; day.setUTCDate(day.getUTCDate() + 3)) {
      const from = day.toISOString().slice(0, 10);
      for (const days of [1, 5, 10, 20, 25]) {
        expect(addWorkingDays(from, days), `${from} + ${days}`).toBe(chineseDays.findWorkday(days, from));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it.each([
    ['2026-09-30', 10, '2026-10-20', 'National Day week (Oct 1–7 2026) is skipped'],
    ['2026-09-15', 20, '2026-10-19', 'a 20-day cancellation clock across National Day'],
    ['2025-09-26', 1, '2025-09-28', 'Sunday 2025-09-28 is a make-up working day'],
    ['2026-02-10', 10, '2026-03-02', 'Spring Festival 2026'],
    ['2026-11-27', 1, '2026-11-30', 'an ordinary weekend'],
    // 2027 is not yet published: its statutory holidays count, 1 January above all (chinese-days
    // 1.5.7, the newest, has no 2027 and would call 2027-01-01 a working day).
    ['2026-12-25', 10, '2027-01-11', '元旦 2027 (a Friday) is a holiday before the schedule is published'],
    ['2027-02-01', 10, '2027-02-17', '春节 2027: 除夕 Feb 5 and 初三 Feb 8 fall on weekdays'],
    ['2027-09-28', 5, '2027-10-06', '国庆 2027: Oct 1 (a Friday) is a holiday, Oct 2–3 the weekend; make-up days are not known'],
  ])('%s + %i working days = %s (%s)', (from, days, due) => expect(addWorkingDays(from, days)).toBe(due));
});

describe('filing numbers (网信算备 + 21 digits)', () => {
  it('splits a regular number into region, entity, type, year and sequence', () => {
    expect(parseFilingNumber('网信算备110101135224302220011号')).toEqual({ kind: 'regular', parts: { region: '110101', entity: '1352243', type: '02', year: '22', sequence: '0011' } });
  });
  it('accepts the known 22-digit form as irregular and rejects anything else', () => {
    expect(parseFilingNumber('网信算备1101082242366066220017号').kind).toBe('irregular');
    expect(parseFilingNumber('网信算备11010813522430222001号').kind).toBe('invalid');
    expect(parseFilingNumber('Beijing-WenXinYiYan-20230821').kind).toBe('invalid');
  });
  it('every number in the published lists parses, and its type digits match the list', () => {
    const filings = readFilings(readFileSync(DEFAULT_CSV, 'utf8'));
    let regular = 0;
    for (const { number, typeCode } of filings) {
      const parsed = parseFilingNumber(number);
      expect(parsed.kind, number).not.toBe('invalid');
      if (parsed.kind === 'regular') {
        regular++;
        expect(parsed.parts.type, number).toBe(typeCode);
      }
    }
    expect(regular).toBe(filings.length - 1);
  });
  it.each([
    ['zh', '应为以“网信算备”开头、接 21 位数字、以“号”结尾的备案号，如 网信算备330110123456702250013号，实际为 "网信算备44010612345670523001号"'],
    ['en', 'expected 网信算备 followed by 21 digits and 号, e.g. 网信算备330110123456702250013号, got "网信算备44010612345670523001号"'],
  ])('an invalid number is exit 2 naming the field (%s)', async (lang, problem) => {
    const text = readFileSync(join(CASES, 'filed-change.yaml'), 'utf8').replace('网信算备440106123456705230011号', '网信算备44010612345670523001号');
    const result = await runMain(['diagnose', '-', '--lang', lang], { stdin: text });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `filing-check: <stdin>:31:5: algorithms[0].filingNumber: ${problem}\n` });
  });
});

describe('statutory deadlines in the report', () => {
  const report = async (name: string, asOf = AS_OF) =>
    diagnose({ answers: await parseAnswers(readFileSync(join(CASES, `${name}.yaml`), 'utf8'), name, rules), rules, lang: 'zh', source: name, asOf, toolVersion: '0' });

  it('filed algorithms: filing done; one assessment for the service; changes and cancellation clocks', async () => {
    const r = await report('filed-change');
    expect(r.deadlines.map((d) => [d.kind, d.algorithm, d.service, d.trigger, d.due, d.done, d.overdue])).toEqual([
      ['algorithm-filing', 'video-feed', '星河视频', 'launch', '2023-06-02', true, false],
      ['change', 'video-feed', '算法安全责任人变更', 'change', '2026-11-16', false, true],
      ['change', 'video-feed', '新增应用产品星河视频极速版', 'change', '2026-06-15', true, false],
      ['algorithm-filing', 'comment-filter', '星河视频', 'launch', '2023-06-02', true, false],
      // Its only product has ended: the algorithm stops everywhere, so the filing is cancelled.
      ['cancellation', 'live-recommend', '星河直播频道', 'termination', '2026-10-19', false, true],
      // The assessment belongs to 星河视频, whose report is ready: one clock, met, for both its algorithms.
      ['security-assessment', null, '星河视频', 'launch', '2023-05-20', true, false],
    ]);
    expect(r.summary.overdue).toBe(2);
    expect(r.algorithms.map((a) => a.filing)).toEqual(['filed', 'filed', 'filed']);
    // Filed: no initial-filing material is a gap; what is owed is the cancellation, and the duties.
    expect(r.items.map((i) => `${i.id}/${i.algorithm ?? i.service}`)).toEqual(['security-assessment-report/xinghe-video', 'filing-cancellation/live-recommend']);
    expect(r.duties.filter((d) => d.algorithm === 'video-feed').map((d) => d.id)).toEqual(['user-algorithm-transparency', 'user-opt-out', 'user-tag-management', 'user-minors-content-positions', 'filing-number-display', 'filing-change']);
    expect(r.warnings.map((w) => w.code)).toEqual(['FILING_NUMBER_TYPE_MISMATCH', 'FILING_NUMBER_IRREGULAR', 'FILING_NUMBER_REGION_MISMATCH', 'DEADLINE_OVERDUE', 'DEADLINE_OVERDUE']);
  });

  it('a passed date is blocking: exit 1 even when every blocking material is ready', async () => {
    const r = await report('filed-change');
    const allReady = { ...r, items: r.items.map((i) => ({ ...i, status: 'ready' as const, gap: false })), duties: r.duties.map((i) => ({ ...i, status: 'ready' as const, gap: false })) };
    expect(exitCodeFor(allReady, 'blocking')).toBe(1);
    expect(exitCodeFor({ ...allReady, summary: { ...allReady.summary, overdue: 0 } }, 'blocking')).toBe(0);
    expect(exitCodeFor(allReady, 'none')).toBe(0);
  });

  it('a planned launch: pending before, overdue after; unpublished holiday years are flagged', async () => {
    const before = await report('llm-own-model', '2026-11-29');
    const filing = before.deadlines.find((d) => d.kind === 'algorithm-filing' && d.algorithm === 'chat')!;
    expect(filing).toMatchObject({ from: '2027-01-15', due: '2027-01-29', calendar: 'statutory', overdue: false });
    const after = await report('llm-own-model', '2027-02-01');
    expect(after.deadlines.find((d) => d.kind === 'algorithm-filing' && d.algorithm === 'chat')!.overdue).toBe(true);
  });
});
