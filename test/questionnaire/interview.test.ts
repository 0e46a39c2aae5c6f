// The whole questionnaire, in-process: main() runs `filing-check diagnose` with a fake terminal and
// @inquirer/testing's screen stands in for the prompts (it must be imported before the code that
// prompts). Each test is an interview a consultant could have with a client.
import { screen } from '@inquirer/testing/vitest';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/main.js';
import { fakeIo } from '../helpers/fake-io.js';
import { Interviewer } from '../helpers/interview.js';

const AS_OF = ['--as-of', '2026-11-29'];
const EXAMPLE = new URL('../../examples/filing.yaml', import.meta.url).pathname;

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'fc-interview-'));
}

/** Starts `filing-check diagnose ARGS` in a terminal, in `dir`. */
function start(dir: string, args: string[] = []) {
  const io = fakeIo(dir);
  const run = main(['diagnose', ...args, ...AS_OF], io);
  return { io, run, ask: new Interviewer(run) };
}

/** The report a non-interactive run gives for the saved file, for comparison. */
async function reportOf(dir: string, args: string[] = []): Promise<{ code: number; out: string }> {
  const io = fakeIo(dir, { stdinIsTTY: false, stdoutIsTTY: false });
  const code = await main(['diagnose', 'filing.yaml', ...args, ...AS_OF], io);
  return { code, out: io.out() };
}

async function saved(dir: string, file = 'filing.yaml'): Promise<Record<string, any>> {
  return parse(await readFile(join(dir, file), 'utf8'));
}

describe('the questionnaire', () => {
  it('takes a news app with a personalised feed and comments from nothing to a saved file and a report', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir);
    await ask.start('公司全称（与营业执照一致）');
    await ask.type('杭州示例科技有限公司', '统一社会信用代码');
    await ask.type('91330110MA2KXQ7L3W', '行政区划代码');
    expect(ask.screen()).toContain('(330110)'); // taken from positions 3–8 of the credit code
    await ask.enter('是外商投资企业吗');
    await ask.confirm(false, 'ICP 手续');
    await ask.select('已办 ICP 备案', '算法安全责任人');
    await ask.confirm(true, '面向用户的产品或服务');
    await ask.confirm(true, '产品名称');
    await ask.type('示例新闻', '以什么形式提供');
    await ask.check(['小程序'], '在本文件中的简称');
    await ask.type('news-app', '谁在使用');
    await ask.enter('向中国境内（大陆）用户提供吗');
    await ask.enter('目前的状态');
    await ask.enter('上线日期');
    await ask.type('2026年3月1日', '用户在产品里能做哪些事'); // saved as 2026-03-01
    await ask.check(['发表评论'], '号召用户');
    await ask.confirm(false, '月活跃用户数');
    await ask.type('120万', '注册用户数');
    await ask.enter('未成年人');
    await ask.enter('老年人');
    // A live service with comments: the events that call for a new security assessment are asked.
    await ask.enter('上线以来，是否发生过下列须重新开展安全评估的情形');
    await ask.check(['用户规模显著增加'], '「用户规模显著增加」是哪一天');
    expect(await ask.refused('2026-02-20')).toContain('不能早于服务上线日 2026-03-01');
    ask.erase(10);
    await ask.type('2026年10月12日', '简要说明');
    await ask.type('国庆专题上线后注册用户由 30 万增至 120 万', '安全评估报告已经通过全国互联网安全管理服务平台提交了吗');
    await ask.enter('还有其他产品或服务吗');
    await ask.confirm(false, '算法名称');
    await ask.type('示例新闻个性化推荐算法', '它在产品里做什么');
    await ask.check(['根据每个用户自己的浏览'], '在本文件中的简称');
    await ask.type('feed', '它在哪些产品里运行');
    expect(ask.screen()).toContain('◉ 示例新闻（news-app）'); // the only product is offered checked
    await ask.enter('何时开始向用户提供服务');
    await ask.enter('已经备案了吗');
    await ask.enter('用户能方便地关闭个性化推荐吗');
    await ask.confirm(true, '兴趣标签');
    await ask.confirm(false, '团队打算按哪个类别备案');
    await ask.select('02 个性化推送类', '主要用途');
    await ask.type('应用于首页资讯推荐场景，根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的新闻资讯。', '还有其他算法吗');
    await ask.confirm(false, '现在登记这 33 项材料的进度吗');
    await ask.confirm(true, '「主体信息填报（主体备案表单）」进展如何');
    // Entity-level materials first: the filing form and the commitment letter are ready, anti-fraud is covered elsewhere.
    await ask.select('已定稿', '文件路径');
    await ask.type('', '「算法备案承诺书」进展如何');
    await ask.select('已定稿', '文件路径');
    await ask.type('docs/算法备案承诺书.pdf', '落实算法安全主体责任基本情况');
    let answered = 0;
    await ask.answerRest((prompt) => {
      answered++;
      if (prompt.includes('「反电信网络诈骗制度」')) {
        for (let i = 0; i < 3; i++) screen.keypress('down');
      } else if (prompt.includes('为什么不适用')) {
        screen.type('由集团统一的反诈制度覆盖');
      } else if (prompt.includes('「算法安全自评估报告」')) {
        screen.keypress('down'); // a draft
      } else if (prompt.includes('谁负责') && answered < 80) {
        screen.type('张敏');
      }
      screen.keypress('enter');
    });
    expect(await run).toBe(1);

    const file = await saved(dir);
    expect(file.entity).toEqual({ name: '杭州示例科技有限公司', creditCode: '91330110MA2KXQ7L3W', regionCode: '330110', foreignInvested: false, icp: 'filed', securityOfficer: true });
    expect(file.services).toEqual([
      {
        id: 'news-app', name: '示例新闻', forms: ['app', 'mini-program'], audience: 'public', servesMainland: true, publicFeatures: ['comments'],
        mobilization: false, status: 'live', launchDate: '2026-03-01', monthlyActiveUsers: 1_200_000, minors: true, elderly: false,
        assessmentTriggers: [{ kind: 'user-growth', on: '2026-10-12', what: '国庆专题上线后注册用户由 30 万增至 120 万', submitted: false }],
        // The 2018 assessment belongs to the service, so its progress is recorded there.
        materials: { 'security-assessment-report': { status: 'missing', owner: '张敏' } },
      },
    ]);
    expect(file.algorithms[0]).toMatchObject({ id: 'feed', services: ['news-app'], does: ['personalize'], declaredType: '02', userControls: { optOut: true, tagManagement: false } });
    expect(file.materials['entity-commitment-letter']).toEqual({ status: 'ready', file: 'docs/算法备案承诺书.pdf' });
    expect(file.materials['system-anti-fraud']).toEqual({ status: 'not-applicable', reason: '由集团统一的反诈制度覆盖' });
    expect(file.algorithms[0].materials['algorithm-self-assessment']).toMatchObject({ status: 'draft', owner: '张敏' });
    expect(Object.keys(file.materials)).toHaveLength(23);
    const text = await readFile(join(dir, 'filing.yaml'), 'utf8');
    expect(text).toMatch(/^# filing-check 答案文件/);
    expect(text).toContain('  - id: news-app\n    name: 示例新闻\n    forms: [app, mini-program]');
    expect(text).toContain('entity-commitment-letter: {status: ready, file: docs/算法备案承诺书.pdf}');

    // The report is exactly the non-interactive one for the saved file, and stdout holds nothing else.
    expect(io.out()).toBe((await reportOf(dir)).out);
    expect(io.out()).toMatch(/^算法备案预诊断报告/);
    // Each question came with why it matters and its legal basis, on stderr.
    expect(io.err()).toContain('为什么问：须向用户提供不针对其个人特征的选项，或便捷的关闭算法推荐服务的选项（《互联网信息服务算法推荐管理规定》第十七条第一款）');
    expect(io.err()).toContain('答案已保存到 filing.yaml。');
    await run;
  });

  it('adds two algorithms to one product and refuses an id already used', async () => {
    const dir = await folder();
    const { run, ask } = start(dir, ['--format', 'json']);
    await ask.start('公司全称');
    await ask.type('上海示例电子商务有限公司', '统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.type('310104', '外商投资');
    await ask.confirm(false, 'ICP');
    await ask.select('增值电信业务经营许可证', '算法安全责任人');
    await ask.confirm(true, '面向用户的产品');
    await ask.confirm(true, '产品名称');
    await ask.type('示例优选', '以什么形式');
    await ask.check(['App', '小程序'], '简称');
    expect(ask.screen()).toContain('(mini-program)'); // no ASCII in the name, so the form gives the id
    await ask.type('shop', '谁在使用');
    await ask.enter('境内');
    await ask.enter('状态');
    await ask.enter('上线日期');
    await ask.enter('能做哪些事');
    await ask.check(['发表评论', '发布短视频'], '号召');
    await ask.confirm(false, '月活');
    await ask.enter('注册用户数');
    await ask.enter('未成年人');
    await ask.enter('老年人');
    await ask.enter('上线以来'); // nothing has happened since launch that calls for a new assessment
    await ask.enter('其他产品');
    await ask.confirm(false, '算法名称');
    await ask.type('示例优选商品搜索算法', '做什么');
    await ask.check(['按用户输入的关键词'], '简称');
    expect(ask.screen()).toContain('(search)');
    await ask.enter('哪些产品');
    await ask.enter('何时开始');
    await ask.enter('已经备案了吗');
    await ask.enter('团队打算按哪个类别备案');
    await ask.select('04 信息检索类', '主要用途');
    await ask.enter('还有其他算法吗');
    await ask.confirm(true, '算法名称');
    await ask.type('示例优选内容审核算法', '做什么');
    await ask.check(['识别并删除'], '简称');
    expect(ask.screen()).toContain('(moderation)');
    expect(await ask.refused('search')).toContain('「search」已被其他条目使用，请换一个');
    ask.erase(6);
    await ask.enter('哪些产品');
    await ask.enter('何时开始');
    await ask.enter('已经备案了吗');
    await ask.enter('团队打算');
    await ask.enter('主要用途');
    await ask.enter('还有其他算法吗');
    await ask.confirm(false, '现在登记这');
    expect(await ask.last(false)).toBe(1);

    const file = await saved(dir);
    expect(file.algorithms.map((a: { id: string }) => a.id)).toEqual(['search', 'moderation']);
    expect(file.algorithms[1].services).toEqual(['shop']);
    const report = JSON.parse((await reportOf(dir, ['--format', 'json'])).out);
    expect(report.algorithms.map((a: { id: string; type: string }) => `${a.id} ${a.type}`)).toEqual(['search 04', 'moderation 05']);
    expect(report.regimes.find((r: { id: string }) => r.id === 'algorithm-filing').algorithms).toEqual(['search', 'moderation']);
    await run;
  });

  it('adds a product on the spot when an algorithm runs in one not listed yet', async () => {
    const dir = await folder();
    const { ask } = start(dir, ['--set', 'entity.name=深圳示例出行科技有限公司', '--set', 'entity.icp=filed', '--set', 'entity.securityOfficer=true']);
    await ask.start('统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.enter('外商投资');
    await ask.enter('面向用户的产品或服务');
    await ask.confirm(false, '算法名称'); // "no products" at first …
    await ask.type('示例出行派单算法', '做什么');
    await ask.check(['派单、调度'], '简称');
    expect(ask.screen()).toContain('(dispatch)');
    await ask.enter('产品名称'); // … but a dispatch algorithm runs in a product: describe it now
    await ask.type('示例出行', '以什么形式');
    await ask.enter('简称');
    await ask.type('ride-app', '谁在使用');
    for (const next of ['境内', '状态', '上线日期', '能做哪些事']) await ask.enter(next);
    await ask.check(['发表评论'], '号召'); // riders and drivers are rated in public comments
    for (const next of ['月活', '注册用户数', '未成年人', '老年人', '上线以来']) await ask.enter(next);
    await ask.enter('何时开始');
    await ask.enter('已经备案了吗');
    await ask.enter('派单，或考核他们');
    await ask.confirm(true, '定价、打折或报价');
    await ask.confirm(true, '团队打算');
    await ask.enter('主要用途');
    await ask.enter('还有其他算法吗');
    await ask.enter('现在登记');
    expect(await ask.last(false)).toBe(1);
    const file = await saved(dir);
    expect(file.services.map((s: { id: string }) => s.id)).toEqual(['ride-app']);
    expect(file.algorithms[0]).toMatchObject({ id: 'dispatch', services: ['ride-app'], does: ['decide'], decision: { affectsWorkers: true, pricing: true } });
    const report = JSON.parse((await reportOf(dir, ['--format', 'json'])).out);
    expect(report.duties.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['user-workers', 'user-fair-pricing']));
  });

  it('takes a technical supporter of a face-swap model that has no products of its own', async () => {
    const dir = await folder();
    const { run, ask } = start(dir, ['--format', 'json']);
    await ask.start('公司全称');
    await ask.type('北京示例智能科技有限公司', '统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.enter('外商投资');
    await ask.enter('ICP');
    await ask.select('都还没有', '算法安全责任人');
    await ask.confirm(true, '面向用户的产品或服务');
    await ask.confirm(false, '算法名称');
    await ask.type('示例换脸模型 FaceSwap 算法', '做什么');
    await ask.check(['写文字、作图'], '简称');
    expect(ask.screen()).toContain('(faceswap)');
    await ask.enter('谁把这个生成能力交到最终用户手里');
    await ask.select('提供给其他企业', '何时开始'); // no product question for a supporter
    await ask.type('2025-10-20', '已经备案了吗');
    await ask.enter('它生成或改动哪些内容');
    await ask.check(['图片', '视频'], '人脸、声音或身体姿态');
    await ask.check(['人脸'], '背后用的是什么模型');
    await ask.select('自己研发训练', '自由输入要求');
    await ask.confirm(false, '团队打算'); // a fixed effect, not a model users prompt
    await ask.select('01 生成合成类', '主要用途');
    await ask.type('向企业客户提供人脸替换模型接口，根据客户上传的图片或视频生成换脸后的内容。', '还有其他算法吗');
    await ask.confirm(false, '现在登记');
    expect(await ask.last(false)).toBe(1);

    const file = await saved(dir);
    expect(file.services).toEqual([]);
    expect(file.algorithms[0]).toMatchObject({ id: 'faceswap', role: 'technical-supporter', launchDate: '2025-10-20', generation: { modalities: ['image', 'video'], biometricEditing: ['face'], foundationModel: 'self-developed', openEnded: false } });
    expect(file.algorithms[0].services).toBeUndefined();
    const report = JSON.parse((await reportOf(dir, ['--format', 'json'])).out);
    const applies = report.regimes.filter((r: { applies: boolean }) => r.applies).map((r: { id: string }) => r.id);
    // A face swap is a fixed effect: in practice a deep-synthesis filing, not a large-model one.
    expect(applies).toEqual(['algorithm-filing', 'content-labeling']);
    const items = report.items.map((i: { id: string }) => i.id);
    expect(items).toEqual(expect.arrayContaining(['algorithm-tech-service', 'ds-biometric-assessment', 'labeling-implicit']));
    expect(items).not.toContain('algorithm-product-info');
    expect(report.warnings.map((w: { code: string }) => w.code)).toContain('ICP_NOT_FILED');
    await run;
  });

  it('asks everything in English with --lang en, for an API-based writing app on a filed upstream model', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir, ['--lang', 'en', '--format', 'json']);
    const screens: string[] = [];
    const seen = () => screens.push(ask.screen());
    await ask.start('Company name, exactly as on the business licence');
    seen();
    await ask.type('Hangzhou Example Writing Co Ltd', 'Unified social credit code');
    seen();
    await ask.enter('6-digit administrative division code');
    await ask.enter('Is the company foreign-invested?');
    seen();
    await ask.enter('ICP');
    await ask.select('ICP registration', 'algorithm security officer');
    seen();
    await ask.confirm(true, 'Does the company run products or services of its own');
    await ask.confirm(true, 'Product name, as users see it');
    await ask.type('Example Writer', 'In what form is it offered?');
    seen();
    await ask.check(['Website'], 'Short id in this file');
    expect(ask.screen()).toContain('(example-writer)');
    await ask.enter('Who uses it?');
    seen();
    await ask.enter('mainland China');
    await ask.enter('Its current status?');
    await ask.select('Planned', 'Launch date');
    await ask.enter('What can users do in the product?');
    seen();
    await ask.enter('voice opinions publicly');
    await ask.enter('Monthly active users');
    await ask.enter('Registered users');
    await ask.enter('Could minors be among its users?');
    await ask.confirm(false, 'older people');
    await ask.enter('Is there another product or service?');
    await ask.confirm(false, 'Algorithm name');
    await ask.type('Example Writer text generation algorithm', 'What does it do in the product?');
    seen();
    await ask.check(['Writes text'], 'Short id in this file');
    await ask.type('writer', 'Who puts this generation capability');
    seen();
    await ask.enter('Which products does it run in?');
    // A planned product: the algorithm launches with it and cannot be filed yet, so neither is asked.
    await ask.enter('What does it generate or alter?');
    await ask.check(['Text'], 'Does it keep up an emotional relationship with users'); // text only: no question on faces or voices
    await ask.confirm(false, 'What model is behind it?');
    seen();
    await ask.select('called through its API', 'Do users prompt it freely?');
    seen();
    await ask.confirm(true, "Whose model is it?");
    await ask.type('Tongyi Qianwen', "The upstream model's filing number");
    await ask.type('ZheJiang-TongYiQianWen-20230901', 'Which type does the team intend');
    seen();
    await ask.enter('Main purpose');
    await ask.enter('Is there another algorithm?');
    await ask.confirm(false, /Record the progress of these \d+ materials now\?/);
    expect(await ask.last(false)).toBe(1);

    const han = /[\u4e00-\u9fff]/;
    for (const shown of screens) expect(shown).not.toMatch(han);
    expect(io.err()).not.toMatch(han);
    expect(io.err()).toContain('Why we ask: An own, fine-tuned or self-deployed model needs generative AI filing');
    const file = await saved(dir);
    expect(file.algorithms[0].generation).toEqual({ modalities: ['text'], anthropomorphic: false, foundationModel: 'third-party-api', openEnded: true, upstream: { name: 'Tongyi Qianwen', filingNumber: 'ZheJiang-TongYiQianWen-20230901' } });
    expect(file.algorithms[0].launchDate).toBeUndefined();
    const report = JSON.parse(io.out());
    const applies = report.regimes.filter((r: { applies: boolean }) => r.applies).map((r: { id: string }) => r.id);
    // No 舆论属性 features and a filed upstream: it registers, and registration asks no security assessment (practice).
    expect(applies).toEqual(['algorithm-filing', 'genai-registration', 'content-labeling']);
    expect(report.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['genai-upstream-proof', 'labeling-explicit']));
    await run;
  });

  it('shows why an answer is refused, under the question, and keeps asking until it is right', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir);
    await ask.start('公司全称');
    expect(await ask.refused('')).toContain('此项必填');
    await ask.type('杭州示例科技有限公司', '统一社会信用代码');
    expect(await ask.refused('91330110MA27XXXXXX')).toContain('校验位不对：按前 17 位计算，第 18 位应为 Q；请核对是否有输错的字符（GB 32100-2015）');
    ask.erase(18);
    expect(await ask.refused('9133011')).toContain('统一社会信用代码应为 18 位数字或大写字母');
    ask.erase(7);
    await ask.type('91330110MA2KXQ7L3W', '行政区划代码');
    expect(await ask.refused('33011')).toContain('应为 6 位数字的行政区划代码');
    ask.erase(5);
    await ask.type('330106', '外商投资');
    await ask.enter('ICP');
    await ask.enter('算法安全责任人');
    await ask.enter('面向用户的产品');
    await ask.enter('产品名称');
    await ask.type('示例新闻', '以什么形式');
    screen.keypress('space'); // un-tick the default App: nothing chosen
    screen.keypress('enter');
    await screen.next();
    expect(ask.screen()).toContain('至少选择一项');
    await ask.check(['网站'], '简称');
    expect(await ask.refused('News_App')).toContain('只能用小写英文字母、数字和连字符，如 news-app');
    ask.erase(8);
    await ask.type('news', '谁在使用');
    await ask.enter('境内');
    await ask.enter('状态');
    await ask.enter('上线日期');
    expect(await ask.refused('2026-02-30')).toContain('应为真实存在的日期，如 2026-03-01，也可写 2026/3/1、2026.3.1、2026年3月1日 或 20260301');
    ask.erase(10);
    expect(await ask.refused('2026年2月30日')).toContain('应为真实存在的日期');
    ask.interrupt();
    expect(await run).toBe(130);
    expect(io.err()).toContain('已中断。目前的答案已保存在 filing.yaml。继续填写：filing-check diagnose filing.yaml --interactive');
    const file = await saved(dir);
    expect(file.entity).toMatchObject({ creditCode: '91330110MA2KXQ7L3W', regionCode: '330106' });
    expect(file.services[0]).toMatchObject({ id: 'news', forms: ['website'], status: 'live' });
    expect(file.services[0].launchDate).toBeUndefined();
  });
});

describe('a live app over time', () => {
  it('asks a filed algorithm for its number and changes, and a newer one for its own launch', async () => {
    const dir = await folder();
    const sets = ['entity.name=北京示例视频科技有限公司', 'entity.foreignInvested=false', 'entity.icp=licensed', 'entity.securityOfficer=true'];
    const { run, ask } = start(dir, ['--format', 'json', ...sets.flatMap((set) => ['--set', set])]);
    await ask.start('统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.enter('面向用户的产品或服务');
    await ask.confirm(true, '产品名称');
    await ask.type('示例短视频', '以什么形式');
    await ask.enter('简称'); // an app, the default
    await ask.type('video-app', '谁在使用');
    for (const next of ['境内', '状态', '上线日期']) await ask.enter(next); // live, by default
    await ask.type('2024-03-15', '能做哪些事');
    await ask.check(['发布短视频', '发表评论'], '号召');
    await ask.enter('月活');
    await ask.type('350万', '注册用户数');
    await ask.type('1200万', '未成年人');
    await ask.enter('老年人');
    await ask.enter('须重新开展安全评估的情形');
    await ask.enter('还有其他产品或服务吗');
    await ask.confirm(false, '算法名称');
    // Filed in 2024; its security officer changed since, and that change filing is still to do.
    await ask.type('示例短视频个性化推荐算法', '做什么');
    await ask.check(['根据每个用户自己的浏览'], '简称');
    await ask.type('feed', '哪些产品');
    await ask.enter('何时开始');
    await ask.enter('已经备案了吗');
    await ask.type('网信算备110108123456702240011号', '备案信息有过变化吗');
    await ask.confirm(true, '变化发生的日期');
    await ask.type('2026年11月20日', '什么发生了变化');
    await ask.type('算法安全责任人由王强变更为刘洋', '已经办理变更备案');
    await ask.confirm(false, '还有其他变化吗');
    await ask.confirm(false, '关闭个性化推荐');
    await ask.confirm(true, '兴趣标签');
    await ask.enter('主要用途');
    await ask.enter('还有其他算法吗');
    // An AI assistant added to the app in November 2026: its own launch, not filed yet, so no changes.
    await ask.confirm(true, '算法名称');
    await ask.type('示例短视频AI创作助手', '做什么');
    await ask.check(['写文字、作图'], '简称');
    await ask.type('assistant', '谁把这个生成能力');
    await ask.enter('哪些产品');
    await ask.enter('何时开始');
    await ask.type('2026-11-20', '已经备案了吗');
    await ask.enter('它生成或改动哪些内容');
    await ask.check(['文字'], '虚拟人物');
    await ask.confirm(false, '背后用的是什么模型');
    await ask.select('直接调用别家', '自由输入要求');
    await ask.confirm(true, '哪家的哪个模型');
    await ask.type('通义千问', '上游模型的备案号');
    await ask.enter('团队打算');
    await ask.enter('主要用途');
    await ask.enter('还有其他算法吗');
    await ask.confirm(false, '现在登记这');
    expect(await ask.last(false)).toBe(1);
    await run;

    const file = await saved(dir);
    expect(file.services[0]).toMatchObject({ launchDate: '2024-03-15', monthlyActiveUsers: 3_500_000, registeredUsers: 12_000_000 });
    expect(file.algorithms[0]).toMatchObject({ filingNumber: '网信算备110108123456702240011号', changes: [{ on: '2026-11-20', what: '算法安全责任人由王强变更为刘洋', filed: false }] });
    expect(file.algorithms[0].launchDate).toBeUndefined();
    expect(file.algorithms[1]).toMatchObject({ launchDate: '2026-11-20', generation: { openEnded: true } });
    expect(file.algorithms[1].filingNumber).toBeUndefined();
    expect(file.algorithms[1].changes).toBeUndefined();
    // "No other algorithm" is kept: the materials' key, written empty. The algorithms list, written
    // empty when "no other product" was answered, still gets one block entry per algorithm.
    expect(file.materials).toEqual({});
    const text = await readFile(join(dir, 'filing.yaml'), 'utf8');
    expect(text).toMatch(/\nalgorithms:\n {2}- [^\n]*\n/);
    expect(text).toContain('    changes:\n      - on: 2026-11-20\n        what: 算法安全责任人由王强变更为刘洋\n        filed: false\n');

    const report = JSON.parse((await reportOf(dir, ['--format', 'json'])).out);
    expect(report.algorithms.map((a: { id: string; filing: string; launchDate: string }) => [a.id, a.filing, a.launchDate])).toEqual([['feed', 'filed', '2024-03-15'], ['assistant', 'owed', '2026-11-20']]);
    const clock = (d: { kind: string; algorithm: string; trigger: string; from: string; due: string }) => [d.kind, d.algorithm, d.trigger, d.from, d.due];
    expect(report.deadlines.map(clock)).toEqual(expect.arrayContaining([
      ['change', 'feed', 'change', '2026-11-20', '2026-12-04'],
      ['algorithm-filing', 'assistant', 'algorithm-launch', '2026-11-20', '2026-12-04'],
    ]));

    // Resumed, it goes straight to the materials: neither "another product?" nor "another algorithm?" again.
    const again = start(dir, ['filing.yaml', '--interactive']);
    await again.ask.start('现在登记这');
    again.ask.interrupt();
    expect(await again.run).toBe(130);
  });

  // A file a session saved: the app and its filed feed answered, cut short where marked.
  const LIVE_APP = `schemaVersion: 1
entity:
  name: 北京示例视频科技有限公司
  creditCode: 91330110MA2KXQ7L3W
  regionCode: "330110"
  foreignInvested: false
  icp: licensed
  securityOfficer: true
services:
  - id: video-app
    name: 示例短视频
    forms: [app]
    audience: public
    servesMainland: true
    status: live
    launchDate: 2024-03-15
    publicFeatures: [short-video, comments]
    mobilization: false
    monthlyActiveUsers: 3500000
    registeredUsers: 12000000
    minors: true
    elderly: false
`;

  it('asks which feature an app added, before the assessment\'s other events, and refuses it unnamed', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'filing.yaml'), LIVE_APP);
    const { run, ask } = start(dir, ['filing.yaml', '--interactive']);
    await ask.start('上线以来，是否发生过下列须重新开展安全评估的情形');
    expect(ask.screen()).toContain('\n❯◯ 增设了评论、直播、热榜、群聊等具有舆论属性或社会动员能力的功能（含计划增设的）\n'); // Art 3 item 1 comes first
    await ask.check(['增设了评论、直播'], '「增设了评论、直播、热榜、群聊等具有舆论属性或社会动员能力的功能（含计划增设的）」是哪一天？（YYYY-MM-DD；增设功能和重大变更写上线日）');
    await ask.type('2026年12月18日', '增设的是什么功能？');
    expect(await ask.refused('')).toContain('此项必填');
    await ask.type('邻里直播', '安全评估报告已经通过全国互联网安全管理服务平台提交了吗');
    await ask.confirm(false, '还有其他产品或服务吗');
    ask.interrupt();
    expect(await run).toBe(130);
    expect((await saved(dir)).services[0].assessmentTriggers).toEqual([{ kind: 'feature-added', on: '2026-12-18', what: '邻里直播', submitted: false }]);
  });

  it('goes on with a filed algorithm\'s changes where an interrupted session left them', async () => {
    const dir = await folder();
    const cutShort = `${LIVE_APP}    assessmentTriggers: []
algorithms:
  - name: 示例短视频个性化推荐算法
    does: [personalize]
    id: feed
    services: [video-app]
    filingNumber: 网信算备110108123456702240011号
    changes:
      - on: 2026-11-20
        what: 算法安全责任人由王强变更为刘洋
        filed: false
`;
    await writeFile(join(dir, 'filing.yaml'), cutShort);
    const { run, ask } = start(dir, ['filing.yaml', '--interactive']);
    // The change saved before the interruption stands; the list is still open.
    await ask.start('还有其他变化吗');
    await ask.confirm(true, '变化发生的日期');
    await ask.type('2026-12-01', '什么发生了变化');
    await ask.type('产品名称由示例短视频变更为示例视频', '已经办理变更备案');
    await ask.confirm(false, '还有其他变化吗');
    await ask.confirm(false, '关闭个性化推荐');
    await ask.confirm(true, '兴趣标签');
    ask.interrupt();
    expect(await run).toBe(130);
    const file = await saved(dir);
    expect(file.algorithms[0].changes).toEqual([
      { on: '2026-11-20', what: '算法安全责任人由王强变更为刘洋', filed: false },
      { on: '2026-12-01', what: '产品名称由示例短视频变更为示例视频', filed: false },
    ]);
    expect(file.algorithms[0].userControls).toEqual({ optOut: true });

    // Once a later question is answered, the list is closed: resumed again, it is not reopened.
    const again = start(dir, ['filing.yaml', '--interactive']);
    await again.ask.start('兴趣标签');
    again.ask.interrupt();
    expect(await again.run).toBe(130);
  });

  it('asks user scale only where it matters: not of a business tool without public features', async () => {
    const dir = await folder();
    const { run, ask } = start(dir, ['--set', 'entity.name=杭州示例软件有限公司', '--set', 'entity.icp=filed', '--set', 'entity.securityOfficer=true', '--set', 'entity.foreignInvested=false']);
    await ask.start('统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.enter('面向用户的产品或服务');
    await ask.confirm(true, '产品名称');
    await ask.type('示例商家后台', '以什么形式');
    await ask.check(['网站'], '简称');
    await ask.type('console', '谁在使用');
    await ask.select('企业客户', '境内');
    for (const next of ['状态', '上线日期', '能做哪些事']) await ask.enter(next);
    await ask.enter('号召');
    await ask.enter('还有其他产品或服务吗'); // no 月活, no 注册用户数
    ask.interrupt();
    expect(await run).toBe(130);
  });
});

describe('resuming and pre-filling', () => {
  // Saved by a session cut short in the first product, then annotated by hand.
  const PARTIAL = `# 客户：杭州示例科技，首次访谈记录
schemaVersion: 1
entity:
  name: 杭州示例科技有限公司
  foreignInvested: false
  icp: filed
  securityOfficer: true
services:
  - id: news-app
    name: 示例新闻
    forms: [app]
    audience: public
    launchDate: 2026-02-30   # 待客户确认
`;

  it('asks only what is missing or invalid, with the answers already given as defaults', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'filing.yaml'), PARTIAL);
    const { io, run, ask } = start(dir, ['filing.yaml', '--interactive']);
    // Questions before the furthest answer were seen: the credit code left empty, and the defaults
    // of servesMainland and status, are not asked again. The first question fixes the bad date.
    await ask.start('上线日期');
    expect(io.err()).toContain('从 filing.yaml 继续');
    expect(io.err()).toContain('文件中的答案「2026-02-30」需要改正：应为真实存在的日期');
    expect(ask.screen()).toContain('2026-02-30'); // offered for editing, not retyped
    ask.erase(2);
    await ask.type('28', '能做哪些事');
    await ask.check(['发表评论'], '号召');
    await ask.enter('月活');
    await ask.enter('注册用户数');
    await ask.enter('未成年人');
    await ask.enter('老年人');
    await ask.enter('上线以来'); // nothing has happened since launch that calls for a new assessment
    await ask.enter('其他产品');
    await ask.confirm(false, '算法名称');
    ask.interrupt();
    expect(await run).toBe(130);

    const text = await readFile(join(dir, 'filing.yaml'), 'utf8');
    expect(text).toMatch(/^# 客户：杭州示例科技，首次访谈记录/); // the user's own comments are kept
    expect(text).toContain('launchDate: 2026-02-28 # 待客户确认');
    const file = parse(text);
    expect(file.entity).toEqual({ name: '杭州示例科技有限公司', foreignInvested: false, icp: 'filed', securityOfficer: true });
    expect(file.services[0]).toMatchObject({ audience: 'public', launchDate: '2026-02-28', publicFeatures: ['comments'], mobilization: false, minors: true });
    expect(file.services[0].status).toBeUndefined(); // its default, live, stands

    // "No other product" was answered: the file holds it as the algorithms' key, written empty.
    expect(text).toMatch(/\nalgorithms: \[\]\n/);

    // Second resume: nothing answered is asked again, "another product?" included.
    const again = start(dir, ['filing.yaml', '--interactive']);
    await again.ask.start('算法名称');
    await again.ask.type('示例新闻推荐算法', '做什么');
    again.ask.interrupt();
    expect(await again.run).toBe(130);
    // The list written [] opens up for its first entry.
    expect(await readFile(join(dir, 'filing.yaml'), 'utf8')).toMatch(/\nalgorithms:\n {2}- name: 示例新闻推荐算法\n/);
  });

  it('continues a complete, hand-written file: only the facts it lacks, then the materials it does not list', async () => {
    const dir = await folder();
    await copyFile(EXAMPLE, join(dir, 'filing.yaml'));
    const { ask } = start(dir, ['filing.yaml', '--interactive']);
    // The one fact about 云栖优选 and 云栖生活圈 the file leaves open.
    await ask.start('主要面向老年人');
    await ask.confirm(false, '主要面向老年人');
    await ask.confirm(false, '现在登记这 50 项材料的进度吗');
    expect(await ask.last(false)).toBe(1);
    const text = await readFile(join(dir, 'filing.yaml'), 'utf8');
    expect(text).toMatch(/^# 示例：一家电商内容社区公司/);
    expect(text).toContain("declaredType: 个性化推送类 # the product team's guess");
    const before = parse(await readFile(EXAMPLE, 'utf8'));
    const after = parse(text);
    before.services[0].elderly = false;
    before.services[2].elderly = false;
    expect(after).toEqual(before);
  });

  it('pre-fills answers from --set and does not ask them', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir, ['--set', 'entity.name=杭州示例科技有限公司', '--set', 'entity.icp=licensed', '--set', 'entity.foreignInvested=true']);
    await ask.start('统一社会信用代码');
    await ask.enter('行政区划代码');
    await ask.enter('算法安全责任人'); // foreign investment and ICP came from --set
    ask.interrupt();
    expect(await run).toBe(130);
    expect((await saved(dir)).entity).toEqual({ name: '杭州示例科技有限公司', foreignInvested: true, icp: 'licensed' });
    expect(io.err()).toContain('目前的答案已保存在 filing.yaml');
  });

  it('never replaces a filing.yaml it was not started from without asking', async () => {
    const dir = await folder();
    await writeFile(join(dir, 'filing.yaml'), PARTIAL);
    const first = start(dir);
    await first.ask.start('filing.yaml 已经存在，但本次没有指定从它继续');
    await first.ask.select('取消');
    expect(await first.run).toBe(2);
    expect(first.io.err()).toContain('filing.yaml 已存在，未作任何修改');
    expect(await readFile(join(dir, 'filing.yaml'), 'utf8')).toBe(PARTIAL);

    const second = start(dir);
    await second.ask.start('已经存在');
    await second.ask.select('从头开始', '公司全称');
    await second.ask.type('另一家公司', '统一社会信用代码');
    second.ask.interrupt();
    expect(await second.run).toBe(130);
    expect((await saved(dir)).entity).toEqual({ name: '另一家公司' });
  });

  it('asks with --interactive while the report goes to a redirected stdout', async () => {
    const dir = await folder();
    const io = fakeIo(dir, { stdoutIsTTY: false });
    const run = main(['diagnose', '--interactive', ...AS_OF], io);
    const ask = new Interviewer(run);
    await ask.start('公司全称');
    ask.interrupt();
    expect(await run).toBe(130);
    expect(io.out()).toBe('');
  });

  it('saves to --save PATH and says so when cancelled', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir, ['--save', 'acme.yaml']);
    await ask.start('公司全称');
    await ask.type('示例公司', '统一社会信用代码');
    ask.interrupt();
    expect(await run).toBe(130);
    expect(io.err()).toContain('目前的答案已保存在 acme.yaml。继续填写：filing-check diagnose acme.yaml --interactive');
    expect((await saved(dir, 'acme.yaml')).entity.name).toBe('示例公司');
  });

  it('starts a new file when the one named does not exist yet', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir, ['acme.yaml', '--interactive']);
    await ask.start('公司全称');
    expect(io.err()).toContain('答案即保存到 acme.yaml');
    await ask.type('示例公司', '统一社会信用代码');
    ask.interrupt();
    expect(await run).toBe(130);
    expect((await saved(dir, 'acme.yaml')).entity.name).toBe('示例公司');
  });

  it('ends with 130 on SIGINT between prompts too', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir);
    await ask.start('公司全称');
    io.interrupt();
    expect(await run).toBe(130);
    expect(io.err()).toContain('已中断');
  });

  it('says nothing was saved when cancelled at the first question', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir);
    await ask.start('公司全称');
    ask.interrupt();
    expect(await run).toBe(130);
    expect(io.err()).toContain('已中断，还没有任何答案需要保存。');
  });

  it('stops with exit 2 when a rule pack cannot load, once the first question is up', async () => {
    const dir = await folder();
    const { io, run, ask } = start(dir, ['--rules', 'no-such-dir']);
    await ask.start('公司全称');
    expect(await run).toBe(2);
    expect(io.err()).toMatch(/filing-check: .*no-such-dir: 无法读取规则目录；应为存放 \*\.yaml 规则包的目录\n$/);
  });
});

describe('without a terminal it never prompts', () => {
  // In English; test/cli-cases.ts has these refusals in Chinese, the default.
  it.each<[string, string[], Partial<ReturnType<typeof fakeIo>>, RegExp]>([
    ['--interactive with piped stdin', ['--interactive'], { stdinIsTTY: false }, /--interactive: needs a terminal/],
    ['--interactive with stderr redirected', ['filing.yaml', '--interactive'], { stderrIsTTY: false }, /--interactive: needs a terminal/],
    ['--interactive reading answers from stdin', ['-', '--interactive'], {}, /answers cannot come from standard input/],
    ['--save without the questionnaire', ['filing.yaml', '--save', 'x.yaml'], {}, /--save: only the questionnaire saves answers/],
    ['no answers and no terminal', [], { stdinIsTTY: false, stdoutIsTTY: false }, /no answers given; pass a file/],
    ['stdout redirected without --interactive', [], { stdoutIsTTY: false }, /no questions asked because standard output is not a terminal; add --interactive/],
    ['stderr redirected, where the questions would be drawn', [], { stderrIsTTY: false }, /no answers given; pass a file/],
  ])('%s: exit 2 with a clear message', async (_, args, overrides, message) => {
    const io = fakeIo(await folder(), overrides);
    expect(await main(['diagnose', ...args, '--lang', 'en'], io)).toBe(2);
    expect(io.err()).toMatch(message);
  });
});
