// Escaping a user's text for the markup it is written into, so it shows as typed and can neither
// break the layout nor inject markup: HTML and Markdown, for reports, checklists, diffs and rules.

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escapes text for Markdown: HTML-significant characters as entities, inline markup (emphasis,
 * code, links, tables, headings) with backslashes, so a user's string renders as typed and can
 * neither break a table nor inject markup. `lineBreak` replaces newlines.
 */
function escapeMarkdown(text: string | null | undefined, lineBreak: string): string {
  return (text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]#|~])/g, '\\$1')
    .replace(/\r\n?|\n/g, lineBreak);
}

/** Escapes text for a Markdown table cell: markup, pipes, and line breaks kept as <br>. */
export function mdCell(text: string | null | undefined): string {
  return escapeMarkdown(text, '<br>');
}

/** Escapes inline Markdown outside tables (headings, list items), where a line break would end the block. */
export function mdText(text: string): string {
  return escapeMarkdown(text, ' ');
}

/** A GitHub-flavoured Markdown table; cells must already be escaped. */
export function mdTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}
