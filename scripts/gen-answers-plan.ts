// Writes src/answers/plan.json, the answers schema as a validation plan (see src/answers/plan.ts).
// Run it after changing src/answers/schema.ts: `npm run gen:plan`. test/answers/plan.test.ts fails
// while the committed plan differs from the schema.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AnswersSchema } from '../src/answers/schema.js';
import { planOf } from '../src/answers/plan-build.js';

/** Writes the plan file. */
export function main(): void {
  const file = fileURLToPath(new URL('../src/answers/plan.json', import.meta.url));
  writeFileSync(file, `${JSON.stringify(planOf(AnswersSchema), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
