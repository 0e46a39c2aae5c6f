import { applies } from '../analysis.js';
import { defineCheck, finding } from './check.js';

/** A filed personalised recommendation must let users turn personalisation off. */
export default defineCheck({
  name: 'opt-out',
  scope: 'algorithm',
  codes: ['OPT_OUT_NOT_OFFERED'],
  run(analysis) {
    const { algorithm } = analysis;
    const offered = algorithm.userControls?.optOut !== false;
    return applies(analysis, 'algorithm-filing') && algorithm.does.includes('personalize') && !offered ? [finding('OPT_OUT_NOT_OFFERED', algorithm)] : [];
  },
});
