import type { Lang } from '../constants.js';
import type { ReportBasis } from '../core/report-schema.js';

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads a Chinese numeral up to the hundreds (二十四 → 24, 十七 → 17, 一百零二 → 102). */
export function chineseNumber(text: string): number | null {
  if (!/^[零一二两三四五六七八九十百]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (char === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = DIGITS[char]!;
  }
  return total + digit;
}

const ARTICLE = /^第([零一二两三四五六七八九十百]+)条(?:第([零一二三四五六七八九十]+)款)?(?:第([零一二三四五六七八九十]+)项)?$/;

/**
 * An article reference in the report language: 第十七条第一款 stays as is in Chinese and becomes
 * "Art 17(1)" in English; lists (第十六条、第十七条) become "Arts 16, 17"; anything else is kept.
 */
export function articleLabel(article: string, lang: Lang): string {
  if (lang === 'zh') return article;
  if (article === '全文') return 'full text';
  const parts = article.split('、').map((part) => {
    const match = ARTICLE.exec(part.trim());
    if (!match) return null;
    const [, art, para, item] = match;
    return `${chineseNumber(art!)}${para ? `(${chineseNumber(para)})` : ''}${item ? ` item ${chineseNumber(item)}` : ''}`;
  });
  if (parts.some((p) => p === null)) return article;
  return `${parts.length > 1 ? 'Arts' : 'Art'} ${parts.join(', ')}`;
}

/** The legal bases on one line: 《互联网信息服务算法推荐管理规定》第二十四条, or "… Services, Art 24" in English. */
export function basisLine(basis: readonly ReportBasis[], lang: Lang): string {
  if (lang === 'en') return basis.map((b) => `${b.instrument}, ${articleLabel(b.article, lang)}${b.note ? ` (${b.note})` : ''}`).join('; ');
  return basis.map((b) => `《${b.instrument}》${b.article}${b.note ? `（${b.note}）` : ''}`).join('；');
}
