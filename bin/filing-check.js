#!/usr/bin/env node
// The filing-check command: the bundle that `npm run build` writes to dist/. Node 22.8 and later
// keep what they compile in a cache in the OS temp folder, so later runs skip compiling the bundle;
// older Node lines compile it at each start.
import module from 'node:module';

module.enableCompileCache?.();
await import('../dist/cli.js');
