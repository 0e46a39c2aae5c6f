// Hostile strings (HTML, script, Markdown pipes and markup, formula prefixes, line breaks, workflow
// command metacharacters, XML specials and control characters) must come out of every format as
// the same text the person typed, and never as markup, formulas or commands.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { csvCell, csvFile, parseCsv } from '../../src/text/csv.js';
import { escapeAnnotation } from '../../src/format/github.js';
import { escapeHtml } from '../../src/text/escape.js';
import { escapeXml } from '../../src/format/junit.js';
import { mdCell } from '../../src/text/escape.js';
import { AS_OF, expectTablesIntact, runCli } from '../helpers/formats.js';

const HOSTILE = 'test/fixtures/formats/hostile.yaml';
const ENTITY = `<script>alert('x')</script> & Co | =HYPERLINK("http://evil") 有限公司`;
const OWNER = "+cmd|' /C calc'!A0";
const NA_REASON = 'TAB\t在中间\r\n第二行 </td></tr><img src=x onerror=alert(1)>';
const NOTE = 'a,b:c%d\ne';
const render = async (format: string) => (await runCli(['diagnose', HOSTILE, '--as-of', AS_OF, '-f', format])).stdout;

/** Checks that XML is well-formed (saxes is strict) and returns its text content and attribute values. */
function xmlText(xml: string): string {
  let text = '';
  const parser = new SaxesParser();
  parser.on('text', (t) => void (text += t));
  parser.on('attribute', (a) => void (text += `${a.value}\n`));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return text;
}

const decodeAnnotation = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('the hostile case in each format', () => {
  it('html: only our own tags, user strings as text', async () => {
    const html = await render('html');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    const ours = ['html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'dl', 'dt', 'dd', 'span', 'strong', 'p', 'section', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ul', 'li', 'div', 'br', 'footer', 'colgroup', 'col', 'figure', 'figcaption', 'svg', 'rect', 'text', 'ol'];
    expect([...tags].filter((t) => !ours.includes(t))).toEqual([]);
    expect(html).toContain(escapeHtml(ENTITY));
    expect(html).toContain(escapeHtml(NA_REASON));
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
  });

  it('md: tables keep their columns, markup is escaped', async () => {
    const md = await render('md');
    const lines = md.split('\n');
    lines.forEach((line, index) => {
      if (line.startsWith('|') && !lines[index - 1]!.startsWith('|')) expect(lines[index - 1], 'a table starts after a blank line').toBe('');
    });
    expectTablesIntact(md);
    expect(md).not.toMatch(/<(?!br>)/);
    expect(md).toContain('\\[链接\\](http://evil)');
    expect(md).toContain(mdCell(NA_REASON));
  });

  it('csv: formula prefixes guarded, fields round-trip to what was typed', async () => {
    const csv = await render('csv');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(`'${OWNER}`);
    expect(csv).toContain(`"'=1+2 推荐算法 ""quoted"", comma"`);
    expect(csv).toContain("'-2+3");
    expect(csv).toContain("'@SUM(A1:A9)");
    const rows = parseCsv(csv);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const row = rows.find((r) => r[0] === 'feed/algorithm-self-assessment')!;
    expect(row).toContain(OWNER);
    expect(row).toContain('=1+2 推荐算法 "quoted", comma');
    expect(rows.find((r) => r[0] === 'feed/user-opt-out')).toContain(NA_REASON);
    expect(rows.find((r) => r[0] === 'feed/user-tag-management')).toContain(NOTE);
  });

  it('junit: well-formed XML that carries every string, control characters replaced', async () => {
    const xml = await render('junit');
    const text = xmlText(xml);
    expect(text).toContain(NA_REASON);
    expect(text).toContain(OWNER);
    expect(xml).toContain(']]&#62; &#60;![CDATA[ \ufffd control &#38; &#34;quotes&#34;');
  });

  it('github: one command per line, properties and messages escaped, strings decoded intact', async () => {
    const out = await render('github');
    const lines = out.trimEnd().split('\n');
    for (const line of lines) {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      for (const property of match![2]!.split(',')) expect(property).toMatch(/^(file|title)=[^:,]*$/);
      expect(match![3]).not.toMatch(/[\r\n]/);
    }
    const tag = /^::(?:error|warning) [^:]*::(.*)$/.exec(lines.find((l) => l.includes('feed/user-tag-management'))!)![1]!;
    expect(decodeAnnotation(tag)).toContain(`备注: ${NOTE}`);
    expect(decodeAnnotation(tag)).toContain('负责人: ::warning file=x,line=1::boom');
    expect(out).not.toContain('\n::error title=injected');
  });
});

describe('escaping helpers hold for any string', () => {
  it('csv: a file of arbitrary fields parses back to the same fields', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
      const width = rows[0]!.length;
      const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
      // A lone empty field on a line is an empty line, which CSV cannot tell from nothing.
      fc.pre(!(width === 1 && even.some((r) => r[0] === '')));
      expect(parseCsv(csvFile(even))).toEqual(even);
    }));
  });

  it('csv: each formula prefix gets an apostrophe, and only at the start', () => {
    expect(['=1', '+1', '-1', '@A1', '\tx', '\rx', 'a=1'].map(csvCell)).toEqual(["'=1", "'+1", "'-1", "'@A1", "'\tx", '"\'\rx"', 'a=1']);
  });

  it('csv: no field starts with a formula character once written', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const cell = csvCell(s).replace(/^"/, '');
      expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }));
  });

  it('github: escaped text has no line breaks, properties no separators, and decodes back', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const data = escapeAnnotation(s, false);
      const property = escapeAnnotation(s, true);
      expect(data).not.toMatch(/[\r\n]/);
      expect(property).not.toMatch(/[\r\n:,]/);
      expect(decodeAnnotation(property)).toBe(s);
      expect(decodeAnnotation(data)).toBe(s);
    }));
  });

  it('markdown: a cell never holds an unescaped pipe, a line break or a tag', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const cell = mdCell(s);
      expect(cell.replace(/<br>/g, '')).not.toMatch(/[<>\r\n]/);
      expect(cell.replace(/\\\\/g, '')).not.toMatch(/(?<!\\)\|/);
    }));
  });

  it('html and xml: no raw markup characters survive', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(escapeHtml(s)).not.toMatch(/[<>"']/);
      expect(() => xmlText(`<a b="${escapeXml(s)}">${escapeXml(s)}</a>`)).not.toThrow();
    }));
  });
});
