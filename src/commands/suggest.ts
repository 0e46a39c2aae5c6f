import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../constants.js';
import { inputError } from '../errors.js';
import { t } from '../messages/messages.js';
import { suggestType, type TypeSuggestion } from '../suggest/suggest.js';
import { openAtomicWriter } from '../io.js';
import { visible } from '../text/visible.js';
import { emit, formatOption, type CommandContext, type CommonOptions } from './shared.js';
import { langOption } from '../lang.js';

/** One answer as a JSON line (contract section 3), with the deciding phrases added. */
function jsonLine(input: string, s: TypeSuggestion): string {
  return JSON.stringify({ input, type: s.type, confidence: s.confidence, alternatives: s.alternatives, phrases: s.phrases, note: s.note });
}

/** One answer as text: "02 个性化推送类  0.97  依据: 推荐、浏览", then the runners-up and any note. */
function textLine(s: TypeSuggestion, lang: Lang): string {
  const name = (code: string) => t(lang, `purpose.typeName.${code}`);
  const others = s.alternatives.map((a) => `${a.type} ${name(a.type)} ${a.confidence.toFixed(2)}`).join(', ');
  const because = s.phrases.length ? `  ${lang === 'zh' ? '依据' : 'because of'}: ${s.phrases.join(lang === 'zh' ? '、' : ', ')}` : '';
  const note = s.note ? `  ${t(lang, `suggest.note.${s.note}`)}` : '';
  return `${s.type} ${name(s.type)}  ${s.confidence.toFixed(2)}${because}${others ? `  (${lang === 'zh' ? '其次' : 'else'}: ${others})` : ''}${note}`;
}

/** `filing-check suggest-type [TEXT]`: the likely type of an algorithm from its 主要用途. */
export function registerSuggest(program: Command, { io, lang }: CommandContext): void {
  program
    .command('suggest-type')
    .argument('[text]')
    .option('--name <name>')
    .addOption(formatOption(['text', 'json']))
    .addOption(langOption(lang))
    .option('-o, --out <file>')
    .option('--force')
    .option('--no-color')
    .action(async (text: string | undefined, options: CommonOptions & { name?: string }) => {
      const line = (input: string) => {
        const s = suggestType(input, options.name ? { name: options.name } : {});
        return options.format === 'json' ? jsonLine(input, s) : textLine(s, options.lang);
      };
      if (text !== undefined) {
        if (text.trim() === '') throw inputError('error.suggest.empty');
        await emit(`${line(text)}\n`, options, io);
        return;
      }
      if (io.stdinIsTTY) throw inputError('error.suggest.no-input');
      // Answered as read, a chunk at a time, so memory stays bounded whatever the size of the input.
      const writer = options.out ? await openAtomicWriter(resolve(io.cwd, options.out), { force: options.force === true, shown: options.out }) : undefined;
      try {
        await forEachChunkOfLines(io.stdin, async (inputs) => {
          const answers = visible(inputs.map((input) => `${line(input)}\n`).join(''));
          if (writer) await writer.write(answers);
          else await io.stdout(answers);
        });
      } catch (error) {
        await writer?.abort();
        throw error;
      }
      await writer?.commit();
    });
}

// A 主要用途 is a sentence or two; a line far longer is not one, and holding it whole is what
// made a 100 MB line take 3.6 GB.
const MAX_LINE_CHARACTERS = 10_000;

/**
 * Reads a stream as lines of text, calling `each` with the non-blank lines (trimmed) of every chunk
 * read; a line longer than the limit is refused as soon as it passes it. Every answer repeats its
 * input, so answers can be matched to texts.
 */
async function forEachChunkOfLines(stream: NodeJS.ReadableStream, each: (lines: string[]) => Promise<void>): Promise<void> {
  const decoder = new TextDecoder();
  let pending = '';
  let lineNumber = 1;
  const tooLong = () => inputError('error.suggest.long-line', { line: lineNumber, max: MAX_LINE_CHARACTERS });
  const take = async (lines: string[]) => {
    for (const text of lines) {
      if (text.length > MAX_LINE_CHARACTERS) throw tooLong();
      lineNumber++;
    }
    const inputs = lines.map((text) => text.trim()).filter(Boolean);
    if (inputs.length > 0) await each(inputs);
  };
  for await (const chunk of stream) {
    const lines = (pending + decoder.decode(chunk as Uint8Array, { stream: true })).split(/\r?\n/);
    pending = lines.pop()!;
    await take(lines);
    if (pending.length > MAX_LINE_CHARACTERS) throw tooLong();
  }
  pending += decoder.decode();
  if (pending !== '') await take([pending]);
}
