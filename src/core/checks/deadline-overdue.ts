import { deadlineTitleKey } from '../deadlines.js';
import { defineCheck, finding } from './check.js';

/** A statutory clock that has run out. */
export default defineCheck({
  name: 'deadline-overdue',
  scope: 'case',
  codes: ['DEADLINE_OVERDUE'],
  run({ deadlines }) {
    return deadlines.filter((d) => d.overdue).map((d) => finding('DEADLINE_OVERDUE', d.algorithm, { title: { key: deadlineTitleKey(d) }, service: d.service, due: d.due }));
  },
});
