import { describe, expect, it } from 'vitest';
import { normalizeTypedDate } from '../src/dates.js';

describe('normalizeTypedDate', () => {
  it('reads the usual ways of typing a day', () => {
    for (const typed of ['2026-11-20', '2026/11/20', '2026.11.20', '2026年11月20日', '20261120', ' 2026 年 11 月 20 日 ', '２０２６年１１月２０日', '2026年11月20号']) {
      expect(normalizeTypedDate(typed), typed).toBe('2026-11-20');
    }
    expect(normalizeTypedDate('2026/3/1')).toBe('2026-03-01');
    expect(normalizeTypedDate('2026年3月1日')).toBe('2026-03-01');
  });

  it('leaves anything else as typed, for the date check to refuse with its own words', () => {
    for (const typed of ['20/11/2026', '2026-11', '下周一', '2026113', '2026/11-20x']) expect(normalizeTypedDate(typed)).toBe(typed);
  });
});
