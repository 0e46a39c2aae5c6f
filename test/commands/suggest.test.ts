import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('filing-check suggest-type (built CLI)', () => {
  it('reads one text per line from stdin and answers one JSON line each (contract section 3)', () => {
    const input = '应用于热榜场景，根据阅读量对资讯进行统一排序。\n\n应用于评论审核场景，识别并拦截违法违规评论。\r\n应用于外卖配送场景，根据订单和骑手位置为订单分配骑手并预估送达时间。\n';
    const lines = runCli(['suggest-type', '-f', 'json'], { input }).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.input.slice(0, 6), l.type])).toEqual([['应用于热榜场', '03'], ['应用于评论审', '05'], ['应用于外卖配', '06']]);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['input', 'type', 'confidence', 'alternatives', 'phrases', 'note']);
      expect(l.note).toBeNull();
      expect(l.confidence).toBeGreaterThan(0.5);
    }
  });

  it('piped texts are answered as text lines by default, as the README says, and --no-color is accepted', () => {
    const run = runCli(['suggest-type', '--no-color'], { input: '应用于热榜场景，根据阅读量对资讯进行统一排序。\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^03 排序精选类  \d\.\d\d/);
  });

  it('says a text is too short to decide, in text and in JSON', () => {
    const text = runCli(['suggest-type', '用于推荐']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^02 个性化推送类  0\.3\d  依据: 推荐  \(其次: .*\)  （文本过短，难以判断类型：请写明应用场景、依据的数据和输出结果）\n$/);
    const json = JSON.parse(runCli(['suggest-type', '用于推荐', '-f', 'json', '--lang', 'en']).stdout);
    expect([json.type, json.note, json.confidence < 0.5]).toEqual(['02', 'too-short', true]);
  });
});
