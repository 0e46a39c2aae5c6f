// Files being written right now (temporary files, locks), so that an interrupted run can remove
// them. Apart from io.ts so that the entry point can clean up without loading the file writers,
// which --help and --version never use.
import { rmSync } from 'node:fs';

/** Temporary files and locks this run is writing or holding now. */
export const pendingTemps = new Set<string>();

/** Removes the temporary files of writes cut short (called on SIGINT and SIGTERM); targets stay intact. */
export function removePendingTempFiles(): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
}
