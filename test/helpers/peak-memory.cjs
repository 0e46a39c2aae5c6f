// Preloaded (node --require) into a run of the built CLI: at exit, writes the process's peak
// resident memory in KiB to $PEAK_MEMORY_FILE, so tests can hold hostile inputs to a bound.
// VmHWM belongs to this program's address space; getrusage's maxrss would carry over the peak of
// the test worker that spawned it (Linux keeps it across exec).
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');

process.on('exit', () => {
  let peak;
  try {
    peak = Number(/^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    peak = process.resourceUsage().maxRSS;
  }
  writeFileSync(process.env.PEAK_MEMORY_FILE, String(peak));
});
