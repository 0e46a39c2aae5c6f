import type { Command } from 'commander';
import * as z from '../zod.js';
import { AnswersSchema } from '../answers/schema.js';
import { ReportSchema } from '../core/report-schema.js';
import { inputError } from '../errors.js';
import { RulePackSchema } from '../rules/schema.js';
import type { CommandContext } from './shared.js';

/** `filing-check schema answers|report|rules`. */
export function registerSchema(program: Command, { io }: CommandContext): void {
  program
    .command('schema')
    .argument('<which>')
    .action((which: string) => {
      const schemas = { answers: AnswersSchema, report: ReportSchema, rules: RulePackSchema } as const;
      if (!(which in schemas)) throw inputError('error.schema.unknown', { which });
      const schema = z.toJSONSchema(schemas[which as keyof typeof schemas], { io: 'input', unrepresentable: 'any' });
      io.stdout(`${JSON.stringify(schema, null, 2)}\n`);
    });
}
