// The built CLI in a real pseudo-terminal (scripts/pty-relay.py): CI has no terminal of its own, so
// this is the one test that sees raw-mode keys, Ctrl-C as a byte, and prompts drawn on a tty.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spawnPty } from '../helpers/pty.js';

const BIN = fileURLToPath(new URL('../../bin/filing-check.js', import.meta.url));
const ENTER = '\r';
const SPACE = ' ';
const DOWN = '\x1b[B';
const CTRL_C = '\x03';

function cli(dir: string, args: string[]) {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TERM: 'xterm-256color' };
  return spawnPty([process.execPath, BIN, 'diagnose', ...args, '--as-of', '2026-11-29'], { cwd: dir, env });
}

describe('the questionnaire in a real terminal', () => {
  it('is interrupted with Ctrl-C (exit 130, answers saved), then resumed and finished', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fc-pty-'));

    const first = cli(dir, []);
    await first.waitFor('? 公司全称');
    first.type(`杭州示例科技有限公司${ENTER}`);
    await first.waitFor('? 统一社会信用代码');
    first.type(`91330110MA27XXXXXX${ENTER}`);
    await first.waitFor('第 18 位应为 Q'); // refused inline; fix the last character
    first.type(`\x7fQ${ENTER}`);
    await first.waitFor('? 注册地的 6 位行政区划代码');
    first.type(ENTER); // the default, 330110, from the credit code
    await first.waitFor('? 是外商投资企业吗');
    first.type(CTRL_C);
    expect(await first.exit).toBe(130);
    expect(first.output()).toContain('已中断。目前的答案已保存在 filing.yaml。继续填写：filing-check diagnose filing.yaml --interactive');
    expect(parse(await readFile(join(dir, 'filing.yaml'), 'utf8'))).toEqual({
      schemaVersion: 1,
      entity: { name: '杭州示例科技有限公司', creditCode: '91330110MA27XXXXXQ', regionCode: '330110' },
    });

    const second = cli(dir, ['filing.yaml', '--interactive']);
    await second.waitFor('从 filing.yaml 继续');
    await second.waitFor('? 是外商投资企业吗'); // the first unanswered question: nothing is asked twice
    second.type(`n${ENTER}`);
    await second.waitFor('? 网站或 App 的 ICP 手续');
    second.type(ENTER);
    await second.waitFor('? 已经指定算法安全责任人了吗');
    second.type(`y${ENTER}`);
    await second.waitFor('? 公司自己有面向用户的产品或服务吗');
    second.type(`n${ENTER}`);
    await second.waitFor('? 算法名称');
    second.type(`示例换脸模型${ENTER}`);
    await second.waitFor('? 它在产品里做什么');
    second.type(`${SPACE}${ENTER}`); // the first choice: it produces or alters content
    await second.waitFor('? 在本文件中的简称');
    second.type(`faceswap${ENTER}`);
    await second.waitFor('? 谁把这个生成能力交到最终用户手里');
    second.type(`${DOWN}${ENTER}`); // supplied to other companies
    await second.waitFor('? 这个算法何时开始向用户提供服务');
    second.type(ENTER);
    await second.waitFor('? 这个算法已经备案了吗'); // a supporter's offering may be filed already
    second.type(ENTER);
    await second.waitFor('? 它生成或改动哪些内容');
    second.type(`${DOWN}${SPACE}${ENTER}`); // images
    await second.waitFor('? 会生成或改动真人的人脸');
    second.type(`${SPACE}${ENTER}`); // faces
    await second.waitFor('? 背后用的是什么模型');
    second.type(`${DOWN}${ENTER}`); // self-developed
    await second.waitFor('? 用户能自由输入要求来生成内容吗');
    second.type(`n${ENTER}`); // a fixed effect
    await second.waitFor('? 团队打算按哪个类别备案');
    second.type(ENTER);
    await second.waitFor('? 主要用途');
    second.type(ENTER);
    await second.waitFor('? 还有其他算法吗');
    second.type(ENTER);
    await second.waitFor('? 现在登记这');
    second.type(`n${ENTER}`);
    await second.waitFor('算法备案预诊断报告');
    expect(await second.exit).toBe(1); // blocking materials are missing
    expect(second.output()).toContain('01 生成合成类 · 服务技术支持者');

    const file = parse(await readFile(join(dir, 'filing.yaml'), 'utf8'));
    expect(file.entity).toEqual({ name: '杭州示例科技有限公司', creditCode: '91330110MA27XXXXXQ', regionCode: '330110', foreignInvested: false, icp: 'unknown', securityOfficer: true });
    expect(file.services).toEqual([]);
    expect(file.algorithms[0]).toEqual({
      id: 'faceswap', name: '示例换脸模型', role: 'technical-supporter', does: ['generate'],
      generation: { modalities: ['image'], biometricEditing: ['face'], foundationModel: 'self-developed', openEnded: false },
    });
  }, 120_000);
});
