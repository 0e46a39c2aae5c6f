// Writes src/core/holidays.json from the chinese-days library: for every year it knows, the
// weekdays that are statutory holidays and the weekend days that are make-up working days. The
// core reads this small table instead of loading the library (about 20 ms) at every start; the
// data is the library's, and test/core/deadlines.test.ts fails when the table no longer matches it.
//
// Years whose arrangement the State Council has not yet published get the statutory holidays
// themselves, marked `statutory`: 全国年节及纪念日放假办法 (revised 2024-11-10, in force 2025-01-01)
// Art 2 fixes them by the calendar (元旦 1 January; 劳动节 1–2 May; 国庆 1–3 October), the lunar
// calendar (春节: 除夕 and the first three days of the first month; 端午 5/5; 中秋 8/15) and the
// solar term 清明. Their make-up working days (调休) cannot be known before publication.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';

const { getHolidaysInRange, getSolarDateFromLunar, getSolarTerms, isWorkday } = chineseDays;

/** How many years after the last published one get their statutory holidays. */
const STATUTORY_YEARS_AHEAD = 10;

const isWeekend = (iso) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());
const shift = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The statutory holidays of a year by the 2024 revision, weekends left out (they are rest days anyway). */
export function statutoryHolidays(year) {
  const newYear = getSolarDateFromLunar(`${year}-01-01`).date;
  const days = [
    `${year}-01-01`,
    shift(newYear, -1), newYear, shift(newYear, 1), shift(newYear, 2),
    getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.name === '清明').date,
    `${year}-05-01`, `${year}-05-02`,
    getSolarDateFromLunar(`${year}-05-05`).date,
    getSolarDateFromLunar(`${year}-08-15`).date,
    `${year}-10-01`, `${year}-10-02`, `${year}-10-03`,
  ];
  return [...new Set(days)].filter((iso) => !isWeekend(iso)).sort();
}

/** The table for every year the library has a published holiday arrangement for, then statutory years. */
export function holidayTable() {
  const years = {};
  let last = 0;
  for (let year = 2004; year <= 2100; year++) {
    const holidays = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
    if (holidays.length === 0) continue;
    const makeUp = [];
    for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      if (isWeekend(iso) && isWorkday(iso)) makeUp.push(iso);
    }
    years[year] = { holidays, makeUp };
    last = year;
  }
  for (let year = last + 1; year <= last + STATUTORY_YEARS_AHEAD; year++) {
    years[year] = { holidays: statutoryHolidays(year), makeUp: [], statutory: true };
  }
  return years;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../src/core/holidays.json', import.meta.url), `${JSON.stringify(holidayTable())}\n`);
}
