import type { Command } from 'commander';
import { formatRulesExplain, formatRulesList, type RulesFormat } from '../rules/explain.js';
import { visible } from '../text/visible.js';
import { formatOption, rulesFor, rulesOption, type CommandContext, type CommonOptions } from './shared.js';
import { langOption } from '../lang.js';

/** `filing-check rules list | explain ID | validate [DIR]`. */
export function registerRules(program: Command, { io, lang }: CommandContext): void {
  const rules = program.command('rules');
  rules
    .command('list')
    .addOption(formatOption(['text', 'json', 'md']))
    .addOption(langOption(lang))
    .addOption(rulesOption())
    .action(async (options: CommonOptions) => {
      io.stdout(visible(formatRulesList(await rulesFor(options, io), options.format as RulesFormat, options.lang)));
    });
  rules
    .command('explain')
    .argument('<id>')
    .addOption(formatOption(['text', 'json', 'md']))
    .addOption(langOption(lang))
    .addOption(rulesOption())
    .action(async (id: string, options: CommonOptions) => {
      io.stdout(visible(formatRulesExplain(await rulesFor(options, io), id, options.format as RulesFormat, options.lang)));
    });
  rules
    .command('validate')
    .argument('[dir]')
    .action(async (dir: string | undefined) => {
      const loaded = await rulesFor({ rules: dir ? [dir] : [] }, io);
      const packs = loaded.packs.map((p) => `${p.name}@${p.version}`).join(', ');
      io.stdout(visible(`ok: ${loaded.packs.length} packs (${packs}), ${loaded.materials.length} materials, ${loaded.regimes.length} regimes, ${loaded.warnings.length} warning rules\n`));
    });
}
