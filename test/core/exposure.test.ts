import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const COMPANION = 'test/fixtures/anthropomorphic/companion.yaml';

describe('the exposure note of each regime', () => {
  it('quotes the penalty articles as they stand in 2026, the amended Cybersecurity Law where the measures refer to it', () => {
    const report = JSON.parse(runCli(['diagnose', COMPANION, '--format', 'json', '--as-of', '2026-12-06']).stdout) as {
      regimes: { id: string; applies: boolean; exposure?: { text: string; basis: { instrument: string; article: string }[] } }[];
    };
    const exposure = (id: string) => report.regimes.find((r) => r.id === id)!.exposure!;
    expect(exposure('algorithm-filing').basis.map((b) => b.article)).toEqual(['第三十一条', '第三十三条']);
    expect(exposure('algorithm-filing').text).toContain('责令暂停信息更新，并处一万元以上十万元以下罚款');
    expect(exposure('genai-filing').basis.map((b) => `${b.instrument} ${b.article}`)).toEqual(['生成式人工智能服务管理暂行办法 第二十一条', '中华人民共和国网络安全法（2025 年修正） 法律责任章（2025 年修正）']);
    expect(exposure('genai-filing').text).toContain('2026 年 1 月 1 日起施行，提高了罚款档次');
    expect(exposure('content-labeling').basis.map((b) => b.article)).toEqual(['第十三条', '第二十二条']);
    // A regime that does not apply keeps its note in the data, and the text view leaves it out.
    expect(report.regimes.find((r) => r.id === 'genai-registration')).toMatchObject({ applies: false, exposure: { basis: [{ article: '第二十一条' }, { article: '法律责任章（2025 年修正）' }] } });
    const text = runCli(['diagnose', COMPANION, '--as-of', '2026-12-06', '--detail']).stdout;
    expect(text.match(/^ {6}罚则: /gm)).toHaveLength(report.regimes.filter((r) => r.applies).length);
    const md = runCli(['diagnose', COMPANION, '--format', 'md', '--as-of', '2026-12-06', '--lang', 'en']).stdout;
    expect(md).toContain('### Penalties\n\n- **Algorithm filing**: A breach of Art 24 (filing), Art 26 (showing the number)');
  });
});
