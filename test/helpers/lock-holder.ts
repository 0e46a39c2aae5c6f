// One process of the lock race test: it says it is ready, waits for the go file so that every
// process reaches the lock at once, holds withFileLock's lock for a moment and logs when it enters
// and leaves: `node lock-holder.mjs FILE LOG READY GO`.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { withFileLock } from '../../src/io.js';

const [file, log, ready, go] = process.argv.slice(2) as [string, string, string, string];
writeFileSync(ready, '');
while (!existsSync(go)) await sleep(1);
await withFileLock(file, file, async () => {
  appendFileSync(log, `enter ${process.pid}\n`);
  await sleep(20);
  appendFileSync(log, `leave ${process.pid}\n`);
});
