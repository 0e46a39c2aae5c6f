// Writes src/core/holidays.json from the chinese-days library: for every year it knows, the
// weekdays that are statutory holidays and the weekend days that are make-up working days. The
// core reads this small table instead of loading the library (about 20 ms) at every start; the
// data is the library's, and test/core/deadlines.test.ts fails when the table no longer matches it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';

const { getHolidaysInRange, isWorkday } = chineseDays;

/** The table for every year the library has a published holiday arrangement for. */
export function holidayTable() {
  const years = {};
  for (let year = 2004; year <= 2100; year++) {
    const holidays = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false);
    if (holidays.length === 0) continue;
    const makeUp = [];
    for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day.setUTCDate(day.getUTCDate() + 1)) {
      const iso = day.toISOString().slice(0, 10);
      if ((day.getUTCDay() === 0 || day.getUTCDay() === 6) && isWorkday(iso)) makeUp.push(iso);
    }
    years[year] = { holidays, makeUp };
  }
  return years;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../src/core/holidays.json', import.meta.url), `${JSON.stringify(holidayTable())}\n`);
}
