import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { viteYaml } from './scripts/yaml-plugin.mjs';

export default defineConfig({
  plugins: [viteYaml],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default of one worker fewer than the CPUs leaves a two-core machine one worker, idle while
    // the end-to-end tests wait on the CLI processes they start; two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The run's language follows the locale (src/lang.ts); tests choose theirs with --lang or env, so
    // a machine set to English runs the same suite as one set to nothing.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
