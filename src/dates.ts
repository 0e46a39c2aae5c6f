/** True when a YYYY-MM-DD string names a day that exists (rejects 2026-02-30). */
export function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// The ways people type a day in Chinese documents and forms: 2026-11-20, 2026/11/20, 2026.11.20,
// 2026年11月20日 (one-digit months and days too), and 20261120.
const TYPED_DAY = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|(\d{2})(\d{2}))$/;

/** A typed day as YYYY-MM-DD when it is written in one of the usual forms, else the text unchanged. */
export function normalizeTypedDate(text: string): string {
  const match = TYPED_DAY.exec(text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  if (!match) return text;
  const [, year, ...rest] = match;
  const [month, day] = rest.filter((part) => part !== undefined) as [string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}
