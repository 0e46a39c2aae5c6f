import { describe, expect, it } from 'vitest';
import { articleLabel, chineseNumber } from '../../src/text/article.js';

describe('article references in English reports', () => {
  it.each([
    ['第二条', 'Art 2'], ['第十七条', 'Art 17'], ['第二十四条', 'Art 24'], ['第十七条第一款', 'Art 17(1)'],
    ['第二条第三款', 'Art 2(3)'], ['第三条第一项', 'Art 3 item 1'], ['第十六条、第十七条', 'Arts 16, 17'], ['全文', 'full text'],
    ['附录E 隐式标识元数据', '附录E 隐式标识元数据'], ['第9章 安全评估要求', '第9章 安全评估要求'],
  ])('%s → %s', (zh, en) => {
    expect(articleLabel(zh, 'en')).toBe(en);
    expect(articleLabel(zh, 'zh')).toBe(zh);
  });
  it.each([['一', 1], ['十', 10], ['十七', 17], ['二十四', 24], ['三十五', 35], ['一百零二', 102], ['abc', null]])('%s → %s', (text, n) => expect(chineseNumber(text)).toBe(n));
});
