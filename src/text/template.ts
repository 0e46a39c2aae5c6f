import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, type Lang } from '../messages/messages.js';
import { packageRoot } from '../paths.js';

/**
 * A logic-less template language, the small part of Mustache that layouts need:
 *   {{name}} / {{a.b}} / {{.}}   a value, passed through the target language's escape function
 *   {{#name}}…{{/name}}          repeated for each element of a list, or once for a true value
 *   {{^name}}…{{/name}}          shown when the value is false, empty or absent
 *   {{! comment }}               dropped
 *   {{> file.css}}               another file of templates/, inserted as it is (shared styles)
 * Section and comment tags alone on a line take the line with them, so layouts stay readable.
 * A name that resolves to undefined is a bug in the view or the layout, and throws.
 */
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: string }
  | { kind: 'section' | 'inverted'; name: string; children: Node[] };

const TAG = /\{\{\s*([#^/!>]?)\s*([^}]*?)\s*\}\}/g;

function parse(template: string, file: string, include: (name: string) => string): Node[] {
  const standalone = template.replace(/^[ \t]*(\{\{\s*[#^/!][^}]*\}\})[ \t]*\r?\n/gm, '$1');
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of standalone.matchAll(TAG)) {
    const [whole, sigil, name] = match as unknown as [string, string, string];
    const top = stack[stack.length - 1]!;
    if (match.index > last) top.children.push({ kind: 'text', text: standalone.slice(last, match.index) });
    last = match.index + whole.length;
    if (sigil === '!') continue;
    if (sigil === '>') {
      top.children.push({ kind: 'text', text: include(name) });
      continue;
    }
    if (sigil === '#' || sigil === '^') {
      const node: Node = { kind: sigil === '#' ? 'section' : 'inverted', name, children: [] };
      top.children.push(node);
      stack.push(node);
    } else if (sigil === '/') {
      if (stack.length === 1 || top.name !== name) throw new Error(`${file}: {{/${name}}} closes ${stack.length === 1 ? 'nothing' : `{{#${top.name}}}`}`);
      stack.pop();
    } else {
      top.children.push({ kind: 'value', name });
    }
  }
  if (stack.length > 1) throw new Error(`${file}: {{#${stack[stack.length - 1]!.name}}} is never closed`);
  if (last < standalone.length) root.push({ kind: 'text', text: standalone.slice(last) });
  return root;
}

/** Finds a name in the innermost context that has it; sections may test an absent name (false). */
function lookup(contexts: readonly unknown[], name: string, file: string, optional: boolean): unknown {
  if (name === '.') return contexts[contexts.length - 1];
  const [head, ...rest] = name.split('.');
  for (let i = contexts.length - 1; i >= 0; i--) {
    const context = contexts[i];
    if (context !== null && typeof context === 'object' && head! in context) {
      let value: unknown = (context as Record<string, unknown>)[head!];
      for (const key of rest) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
      if (value === undefined) break;
      return value;
    }
  }
  if (optional) return undefined;
  throw new Error(`${file}: the view has no value "${name}"`);
}

const truthy = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

function render(nodes: readonly Node[], contexts: readonly unknown[], escape: (text: string) => string, file: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'value') {
      const value = lookup(contexts, node.name, file, false);
      out += value === null ? '' : escape(String(value));
    } else {
      const value = lookup(contexts, node.name, file, true);
      if (node.kind === 'inverted') {
        if (!truthy(value)) out += render(node.children, contexts, escape, file);
      } else if (Array.isArray(value)) {
        for (const element of value) out += render(node.children, [...contexts, element], escape, file);
      } else if (truthy(value)) {
        out += render(node.children, typeof value === 'object' ? [...contexts, value] : contexts, escape, file);
      }
    }
  }
  return out;
}

/** Fills a template text with a view; every value goes through `escape`. */
export function fillTemplate(template: string, view: object, escape: (text: string) => string, file = '(template)'): string {
  return render(parse(template, file, readLayout), [view], escape, file);
}

function readLayout(name: string): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`templates/${name}: expected a file name inside templates/`);
  return readFileSync(join(packageRoot(), 'templates', name), 'utf8');
}

/** Fills a layout from templates/ with a view. */
export function renderTemplate(name: string, view: object, escape: (text: string) => string): string {
  return fillTemplate(readLayout(name), view, escape, `templates/${name}`);
}

/** The html lang attribute for a report language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * UI words for a layout, in camelCase without a ui. or checklist. prefix: ui.asOf → asOf,
 * status.not-applicable → statusNotApplicable, checklist.col.owner → colOwner.
 */
export function labels(lang: Lang, keys: readonly string[]): Record<string, string> {
  const name = (key: string) => key.replace(/^(ui|checklist)\./, '').replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());
  return Object.fromEntries(keys.map((key) => [name(key), t(lang, key)]));
}
