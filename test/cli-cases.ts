// The CLI case table: arguments, standard input, and the exact standard output, standard error
// and exit code users get. test/cli.test.ts runs every case in-process through main(argv, io) and
// the cases tagged `bin` also against the built bin/filing-check.js, as users run it (the hosts of
// markdownlint-cli2's tests are the model). CI runs this table on every supported Node line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AS_OF, CASES, ROOT } from './helpers.js';

/** One run of the CLI and everything it must print and return. */
export interface CliCase {
  name: string;
  args: string[];
  /** Piped to standard input (nothing when absent). */
  stdin?: string | Buffer;
  /** The environment beside the test's own (LANG=C.UTF-8, no LC_ALL): a locale, for instance. */
  env?: Record<string, string>;
  /** The exact text, or the golden file under test/golden/ that holds it. */
  stdout: string | { golden: string };
  stderr: string;
  code: number;
  /** Also run against the built bin, not only in-process. */
  bin?: true;
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const realistic = readdirSync(CASES).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
// Exit 1 with a blocking gap (the default --fail-on); the internal overseas tool has none.
const EXIT_CODES: Record<string, number> = {
  'api-writing-app': 1, 'declared-traps': 1, 'digital-human-b2b': 1, 'ecommerce-pricing': 1, 'face-swap-supporter': 1, 'filed-change': 1, 'internal-overseas': 0, 'llm-own-model': 1, 'news-feed': 1, 'ride-hailing': 1, 'short-video-hot-list': 1,
};
const rideHailing = readFileSync(join(CASES, 'ride-hailing.yaml'), 'utf8');
// An answers file as a Chinese Windows editor saves it (GBK): the name 杭州示例网络科技有限公司.
const GBK = Buffer.from('736368656d6156657273696f6e3a20310a656e746974793a0a20206e616d653a20babcd6ddcabec0fdcdf8c2e7bfc6bcbcd3d0cfdeb9abcbbe0a', 'hex');
const NO_ANSWERS = {
  zh: 'filing-check: 没有给出答案：请指定文件（filing-check diagnose filing.yaml），或从管道输入（filing-check diagnose - < filing.yaml），或在终端中运行 filing-check diagnose 逐项回答问题\n',
  en: 'filing-check: no answers given; pass a file (filing-check diagnose filing.yaml), pipe one (filing-check diagnose - < filing.yaml), or run filing-check diagnose in a terminal to answer the questions\n',
};

export const CLI_CASES: CliCase[] = [
  // Realistic filings in the three views users read most: Chinese text, English Markdown, JSON.
  ...realistic.flatMap((name): CliCase[] => {
    const file = `test/fixtures/cases/${name}.yaml`;
    return [
      { name: `${name}: text`, args: ['diagnose', file, '--as-of', AS_OF], stdout: { golden: `diagnose/${name}.zh.txt` }, stderr: '', code: EXIT_CODES[name]!, ...(name === 'news-feed' ? { bin: true as const } : {}) },
      { name: `${name}: English Markdown`, args: ['diagnose', file, '--as-of', AS_OF, '--lang', 'en', '--format', 'md'], stdout: { golden: `diagnose/${name}.en.md` }, stderr: '', code: EXIT_CODES[name]! },
      { name: `${name}: JSON`, args: ['diagnose', file, '--as-of', AS_OF, '--format', 'json'], stdout: { golden: `diagnose/${name}.json` }, stderr: '', code: EXIT_CODES[name]!, ...(name === 'llm-own-model' ? { bin: true as const } : {}) },
    ];
  }),

  // Exit codes by --fail-on.
  { name: 'no gap at --fail-on minor: exit 0', args: ['diagnose', 'test/fixtures/cases/internal-overseas.yaml', '--as-of', AS_OF, '-f', 'json', '--fail-on', 'minor'], stdout: { golden: 'diagnose/internal-overseas.json' }, stderr: '', code: 0, bin: true },
  { name: '--fail-on none never fails', args: ['diagnose', 'test/fixtures/cases/news-feed.yaml', '--as-of', AS_OF, '-f', 'json', '--fail-on', 'none'], stdout: { golden: 'diagnose/news-feed.json' }, stderr: '', code: 0 },

  // Answers from standard input: "-" and a pipe with no argument read the same.
  { name: 'answers from -', args: ['diagnose', '-', '-f', 'json', '--as-of', AS_OF], stdin: rideHailing, stdout: { golden: 'cli/ride-hailing-stdin.json' }, stderr: '', code: 1, bin: true },
  { name: 'answers piped with no argument', args: ['diagnose', '-f', 'json', '--as-of', AS_OF], stdin: rideHailing, stdout: { golden: 'cli/ride-hailing-stdin.json' }, stderr: '', code: 1, bin: true },

  // Usage errors and unreadable input: exit 2, one line, no stack trace.
  // Errors are worded in the run's language (src/lang.ts): Chinese by default, English with --lang en or an English locale.
  { name: 'no answers, no pipe', args: ['diagnose'], stdout: '', stderr: NO_ANSWERS.zh, code: 2, bin: true },
  { name: 'no answers, no pipe, in English', args: ['diagnose', '--lang', 'en'], stdout: '', stderr: NO_ANSWERS.en, code: 2, bin: true },
  { name: 'no answers, an English locale', args: ['diagnose'], env: { LANG: 'en_US.UTF-8' }, stdout: '', stderr: NO_ANSWERS.en, code: 2 },
  { name: 'no answers, a Chinese locale and --lang en', args: ['diagnose', '--lang', 'en'], env: { LC_ALL: 'zh_CN.UTF-8' }, stdout: '', stderr: NO_ANSWERS.en, code: 2 },
  { name: '--interactive without a terminal', args: ['diagnose', '-i'], stdout: '', stderr: 'filing-check: --interactive: 需要终端（标准输入和标准错误不都是终端），因此没有提问；请改为指定答案文件：filing-check diagnose filing.yaml\n', code: 2 },
  { name: '--interactive without a terminal, in English', args: ['diagnose', '-i', '--lang', 'en'], stdout: '', stderr: 'filing-check: --interactive: needs a terminal (standard input and standard error are not both terminals), so nothing was asked; pass the answers as a file instead: filing-check diagnose filing.yaml\n', code: 2 },
  { name: 'a file that does not exist', args: ['diagnose', 'missing.yaml'], stdout: '', stderr: 'filing-check: missing.yaml: 文件不存在；应为答案文件（YAML 或 JSON）\n', code: 2, bin: true },
  { name: 'a file that does not exist, in English', args: ['diagnose', 'missing.yaml', '--lang', 'en'], stdout: '', stderr: 'filing-check: missing.yaml: no such file; expected an answers file (YAML or JSON)\n', code: 2, bin: true },
  { name: 'a device instead of a file', args: ['diagnose', '/dev/null'], stdout: '', stderr: 'filing-check: /dev/null: 不是文件；应为答案文件（YAML 或 JSON）\n', code: 2 },
  { name: 'a device instead of a file, in English', args: ['diagnose', '/dev/null', '--lang', 'en'], stdout: '', stderr: 'filing-check: /dev/null: not a file; expected an answers file (YAML or JSON)\n', code: 2 },
  { name: 'answers saved as GBK', args: ['diagnose', '-'], stdin: GBK, stdout: '', stderr: 'filing-check: <stdin>: 不是 UTF-8 编码（看起来是 GBK，中文 Windows 编辑器常这样保存）；应为 UTF-8：请把文件另存为 UTF-8\n', code: 2 },
  { name: 'answers saved as GBK, in English', args: ['diagnose', '-', '--lang', 'en'], stdin: GBK, stdout: '', stderr: 'filing-check: <stdin>: not UTF-8 (it looks like GBK, as Chinese Windows editors save it); expected UTF-8: re-save the file as UTF-8\n', code: 2 },
  { name: 'a folder without answers files', args: ['diagnose', 'src'], stdout: '', stderr: 'filing-check: src: 此目录中没有答案文件（filing.yaml、*.filing.yaml、*.filing.json）\n', code: 2 },
  { name: 'a folder without answers files, in English', args: ['diagnose', 'src', '--lang', 'en'], stdout: '', stderr: 'filing-check: src: no answers files (filing.yaml, *.filing.yaml, *.filing.json) in this directory\n', code: 2 },
  { name: 'a date that does not exist', args: ['diagnose', 'examples/filing.yaml', '--as-of', '2026-02-30'], stdout: '', stderr: 'filing-check: --as-of: 应为 YYYY-MM-DD 格式的日期，实际为 "2026-02-30"\n', code: 2 },
  { name: 'a date that does not exist, in English', args: ['diagnose', 'examples/filing.yaml', '--as-of', '2026-02-30', '--lang', 'en'], stdout: '', stderr: 'filing-check: --as-of: expected a date written YYYY-MM-DD, got "2026-02-30"\n', code: 2 },
  // The checklist import names every bad cell, one a line, and writes nothing (--dry-run keeps even a bug from writing).
  ...(['zh', 'en'] as const).map((lang): CliCase => ({
    name: `a filled-in checklist with a status and a date it cannot read (${lang})`,
    args: ['checklist', '--import', 'test/fixtures/checklists/filled-with-mistakes.csv', '--into', 'examples/filing.yaml', '--dry-run', '--lang', lang],
    stdout: '',
    stderr: {
      zh: 'filing-check: test/fixtures/checklists/filled-with-mistakes.csv: 第 2 行 F 列（状态）: "完成" 不是状态；应为以下之一：缺失 / missing、草稿 / draft、就绪 / ready、不适用 / not-applicable\n' +
        'filing-check: test/fixtures/checklists/filled-with-mistakes.csv: 第 3 行 H 列（截止日期）: "下周五" 不是日期；应写成 2026-12-20、2026/12/20、2026.12.20、2026年12月20日 或 20261220 这样的日期\n',
      en: 'filing-check: test/fixtures/checklists/filled-with-mistakes.csv: row 2, column F (状态): "完成" is not a status; expected one of 缺失 / missing, 草稿 / draft, 就绪 / ready, 不适用 / not-applicable\n' +
        'filing-check: test/fixtures/checklists/filled-with-mistakes.csv: row 3, column H (截止日期): "下周五" is not a date; expected a day such as 2026-12-20, 2026/12/20, 2026.12.20, 2026年12月20日 or 20261220\n',
    }[lang],
    code: 2,
  })),
  // Output and input problems, each in the run's language.
  ...(['zh', 'en'] as const).flatMap((lang): CliCase[] => {
    const words = {
      zh: {
        formats: '--format md,json: 多种格式需要 --out-dir DIR（每种格式写入 DIR/report.<扩展名>）',
        outAndDir: '--out 与 --out-dir 只能给出其一（一种格式用 --out，多种格式用 --out-dir）',
        chromium: '--chromium /nonexistent/chrome: 不是可执行文件；应为 Chromium 或 Chrome 程序的路径',
        documents: '<stdin>:2:1: 语法错误：文件含有多个 YAML 文档（以 --- 分隔）；应只有一个',
        tag: '<stdin>:2:18: entity: 不支持 YAML 标签 !!binary；应为普通文本、数字、true 或 false、日期、列表和映射',
        duplicate: 'test/hostile/duplicate-key.yaml:7:5: 语法错误：同一层级中出现了重复的键',
        docx: 'test/fixtures/drafts/disclosure-genai.docx: 没有清单表格（清单表格的第一行依次为：序号、材料、状态、负责人 / 截止 / 文件、备注（不适用时写理由））；应为 filing-check checklist --format docx 写出的清单',
      },
      en: {
        formats: '--format md,json: several formats need --out-dir DIR (each is written to DIR/report.<ext>)',
        outAndDir: '--out and --out-dir: give one of them (--out for one format, --out-dir for several)',
        chromium: '--chromium /nonexistent/chrome: not an executable file; expected the path of a Chromium or Chrome binary',
        documents: '<stdin>:2:1: syntax error: the file holds several YAML documents (separated by ---); expected one',
        tag: '<stdin>:2:18: entity: the YAML tag !!binary is not supported; expected plain text, numbers, true or false, dates, lists and mappings',
        duplicate: 'test/hostile/duplicate-key.yaml:7:5: syntax error: Map keys must be unique',
        docx: 'test/fixtures/drafts/disclosure-genai.docx: no checklist table (a table whose first row reads 序号, 材料, 状态, 负责人 / 截止 / 文件, 备注（不适用时写理由）); expected a checklist written by filing-check checklist --format docx',
      },
    }[lang];
    const refused = (name: string, args: string[], stderr: string, stdin?: string): CliCase => ({
      name: `${name} (${lang})`, args: [...args, '--lang', lang], ...(stdin === undefined ? {} : { stdin }), stdout: '', stderr: `filing-check: ${stderr}\n`, code: 2,
    });
    return [
      refused('several formats without --out-dir', ['diagnose', 'examples/filing.yaml', '-f', 'md,json'], words.formats),
      refused('--out with --out-dir', ['diagnose', 'examples/filing.yaml', '-o', 'report.md', '--out-dir', 'reports'], words.outAndDir),
      refused('a --chromium that is no program', ['diagnose', 'examples/filing.yaml', '-f', 'pdf', '-o', 'report.pdf', '--chromium', '/nonexistent/chrome'], words.chromium),
      refused('answers in two YAML documents', ['diagnose', '-'], words.documents, 'schemaVersion: 1\n---\nentity: {}\n'),
      refused('a binary YAML tag', ['diagnose', '-'], words.tag, 'schemaVersion: 1\nentity: !!binary aGVsbG8=\n'),
      refused('a key written twice', ['diagnose', 'test/hostile/duplicate-key.yaml'], words.duplicate),
      refused('a Word file with no checklist table', ['checklist', '--import', 'test/fixtures/drafts/disclosure-genai.docx', '--into', 'examples/filing.yaml', '--dry-run'], words.docx),
    ];
  }),
  // The command line's own usage errors (what commander refuses) are worded from the help catalogue in
  // the run's language too: one line naming the command and the option or argument, what was expected,
  // and where its help is; exit 2.
  ...usageErrors(),
  { name: 'schema of an unknown kind', args: ['schema', 'nonsense'], stdout: '', stderr: 'filing-check: schema: 应为 answers、report 或 rules，实际为 "nonsense"\n', code: 2 },
  // --lang is the program's option too: before the command it still chooses the command, not its value.
  { name: '--lang before the command', args: ['--lang', 'en', 'diagnose', '--lang', 'zh'], stdout: '', stderr: NO_ANSWERS.zh, code: 2 },
  { name: '--lang en before the command', args: ['--lang', 'en', 'diagnose'], stdout: '', stderr: NO_ANSWERS.en, code: 2, bin: true },
  { name: '--lang=en before a command that has no --lang of its own', args: ['--lang=en', 'schema', 'nonsense'], stdout: '', stderr: 'filing-check: schema: expected answers, report or rules, got "nonsense"\n', code: 2 },
  { name: 'an unknown language', args: ['--lang', 'fr', 'diagnose'], stdout: '', stderr: 'filing-check: --lang: 应为以下之一：zh、en，实际为 "fr"；用法见 filing-check --help\n', code: 2 },
  { name: 'schema of an unknown kind, an English locale', args: ['schema', 'nonsense'], env: { LANG: 'en_US.UTF-8' }, stdout: '', stderr: 'filing-check: schema: expected answers, report or rules, got "nonsense"\n', code: 2 },

  // Help and version.
  // Help follows the run's language too: Chinese by default.
  { name: '--help', args: ['--help'], stdout: { golden: 'cli/help.zh.txt' }, stderr: '', code: 0, bin: true },
  { name: '--help in English', args: ['--help', '--lang', 'en'], stdout: { golden: 'cli/help.txt' }, stderr: '', code: 0, bin: true },
  { name: 'diagnose --help', args: ['diagnose', '--help'], stdout: { golden: 'cli/diagnose-help.zh.txt' }, stderr: '', code: 0 },
  { name: 'diagnose --help in English', args: ['diagnose', '--help'], env: { LANG: 'en_US.UTF-8' }, stdout: { golden: 'cli/diagnose-help.txt' }, stderr: '', code: 0 },
  { name: 'diff --help', args: ['diff', '--help'], stdout: { golden: 'cli/diff-help.zh.txt' }, stderr: '', code: 0 },
  { name: 'diff --help in English', args: ['diff', '--help'], env: { LANG: 'en_US.UTF-8' }, stdout: { golden: 'cli/diff-help.txt' }, stderr: '', code: 0 },
  { name: 'checklist --help', args: ['checklist', '--help'], stdout: { golden: 'cli/checklist-help.zh.txt' }, stderr: '', code: 0, bin: true },
  { name: 'checklist --help in English', args: ['checklist', '--help', '--lang', 'en'], stdout: { golden: 'cli/checklist-help.txt' }, stderr: '', code: 0 },
  { name: '--version', args: ['--version'], stdout: `${VERSION}\n`, stderr: '', code: 0, bin: true },

  // Rules.
  { name: 'rules validate', args: ['rules', 'validate'], stdout: { golden: 'cli/rules-validate.txt' }, stderr: '', code: 0 },
  {
    name: 'rules explain of an unknown id',
    args: ['rules', 'explain', 'user-worker'],
    stdout: '',
    stderr: 'filing-check: rules explain: 没有名为 "user-worker" 的材料、制度、警告或类型（是否要找 user-workers？）；参见：filing-check rules list\n',
    code: 2,
  },
  {
    name: 'rules explain of an unknown id, in English',
    args: ['rules', 'explain', 'user-worker', '--lang', 'en'],
    stdout: '',
    stderr: 'filing-check: rules explain: no material, regime, warning or type "user-worker" (did you mean user-workers?); see: filing-check rules list\n',
    code: 2,
  },
  // The answers file's problems, worded in the run's language with the file, position and field.
  ...(['zh', 'en'] as const).map((lang): CliCase => ({
    name: `an answers file with an unknown status (${lang})`,
    args: ['diagnose', '-', '--lang', lang],
    stdin: 'schemaVersion: 1\nentity:\n  name: 杭州示例科技有限公司\nservices:\n  - id: shop\n    name: 示例商城\n    status: online\nalgorithms:\n  - id: feed\n    name: 商品推荐算法\n    services: [shop]\n    does: [personalize]\n',
    stdout: '',
    stderr: {
      zh: 'filing-check: <stdin>:7:5: services[0].status: 应为以下之一："planned" | "live" | "terminated"，实际为 "online"\n',
      en: 'filing-check: <stdin>:7:5: services[0].status: expected one of "planned" | "live" | "terminated", got "online"\n',
    }[lang],
    code: 2,
  })),
  ...(['zh', 'en'] as const).map((lang): CliCase => ({
    name: `a --set of a field the answers file has not (${lang})`,
    args: ['diagnose', 'examples/filing.yaml', '--set', 'entity.nickname=示例', '--lang', lang],
    stdout: '',
    stderr: {
      zh: 'filing-check: --set entity.nickname: 答案文件中没有这个字段；应为 entity 的字段：name、creditCode、regionCode、foreignInvested、icp、securityOfficer（参见：filing-check schema answers）\n',
      en: 'filing-check: --set entity.nickname: no such field in the answers file; expected a field of entity: name, creditCode, regionCode, foreignInvested, icp, securityOfficer (see: filing-check schema answers)\n',
    }[lang],
    code: 2,
  })),

  // suggest-type.
  // A hot list whose team also removes violating topics is still 排序精选 (the lists file 喜马拉雅热搜榜
  // with its 干预策略 as 03): neither the classification nor suggest-type reads it as filtering.
  {
    name: 'a hot list that also removes violating topics stays 03, as declared',
    args: ['diagnose', 'test/fixtures/cases/news-feed.yaml', '--as-of', AS_OF, '--set', 'algorithms[1].does=[rank,filter]', '--detail'],
    stdout: { golden: 'diagnose/news-feed-hot-list-filters.zh.txt' }, stderr: '', code: 1,
  },
  // A fixed effect owes neither gen-AI procedure, on its own model or on another's API: registration
  // is the API caller's way into the same regime as filing, so the same practice decides both.
  {
    name: 'a face-fusion effect on a third-party API registers no gen-AI service, and says why',
    args: ['diagnose', 'test/fixtures/lifecycle/short-video-new-features.yaml', '--as-of', AS_OF, '--set', 'algorithms[2].generation.foundationModel=third-party-api', '--set', 'algorithms[2].generation.upstream.name=腾讯云人脸融合'],
    stdout: { golden: 'diagnose/short-video-effect-on-api.zh.txt' }, stderr: '', code: 1,
  },
  {
    name: 'suggest-type of a hot list that removes violating topics',
    args: ['suggest-type', '应用于澜闻资讯App“热搜榜”场景，根据全站用户的搜索量、阅读量和转发数据计算话题热度，剔除违规话题后生成统一的热搜榜单。'],
    stdout: '03 排序精选类  0.99  依据: 热搜、榜、热度\n', stderr: '', code: 0,
  },
  { name: 'suggest-type of one text', args: ['suggest-type', '应用于首页推荐场景，根据用户的浏览、点击等行为数据，向用户推荐可能感兴趣的商品。'], stdout: '02 个性化推送类  1.00  依据: 推荐、感兴趣\n', stderr: '', code: 0, bin: true },
  { name: 'suggest-type of an empty text', args: ['suggest-type', '  '], stdout: '', stderr: 'filing-check: suggest-type: 应为非空的主要用途文本\n', code: 2 },
  { name: 'suggest-type of an empty text, in English', args: ['suggest-type', '  ', '--lang', 'en'], stdout: '', stderr: 'filing-check: suggest-type: expected a non-empty 主要用途 text\n', code: 2 },
];

/** Each kind of usage error, in Chinese (the default) and in English (an English locale). */
function usageErrors(): CliCase[] {
  const cases: { name: string; args: string[]; zh: string; en: string; bin?: true }[] = [
    {
      name: 'an unknown option',
      args: ['diagnose', 'examples/filing.yaml', '--formt', 'json'],
      zh: 'diagnose --formt: 没有这个选项（是否想用 --format？）；用法见 filing-check diagnose --help',
      en: 'diagnose --formt: no such option (did you mean --format?); see filing-check diagnose --help',
    },
    {
      name: 'an unknown command',
      args: ['diagnoze', 'examples/filing.yaml'],
      zh: 'diagnoze: 没有这个命令（是否想用 diagnose？）；用法见 filing-check --help',
      en: 'diagnoze: no such command (did you mean diagnose?); see filing-check --help',
      bin: true,
    },
    {
      name: 'an unknown subcommand',
      args: ['rules', 'lst'],
      zh: 'rules lst: 没有这个命令（是否想用 list？）；用法见 filing-check rules --help',
      en: 'rules lst: no such command (did you mean list?); see filing-check rules --help',
    },
    {
      name: 'a missing argument',
      args: ['diff', 'old.json'],
      zh: 'diff: 缺少参数 <new>（较新的报告）；用法见 filing-check diff --help',
      en: 'diff: missing the argument <new> (the later report); see filing-check diff --help',
    },
    {
      name: 'an option without its value',
      args: ['diagnose', 'examples/filing.yaml', '--out'],
      zh: 'diagnose --out: 缺少值，应为 <file>；用法见 filing-check diagnose --help',
      en: 'diagnose --out: missing its value, expected <file>; see filing-check diagnose --help',
    },
    {
      name: 'an option with choices without its value',
      args: ['lint', 'draft.md', '--kind'],
      zh: 'lint --kind: 缺少值，应为以下之一：disclosure、self-assessment；用法见 filing-check lint --help',
      en: 'lint --kind: missing its value, expected one of disclosure, self-assessment; see filing-check lint --help',
    },
    {
      name: 'an argument too many',
      args: ['schema', 'answers', 'report'],
      zh: 'schema: 多余的参数 "report"（只接受 <which>）；用法见 filing-check schema --help',
      en: 'schema: unexpected argument "report" (it takes only <which>); see filing-check schema --help',
    },
    {
      name: 'an argument to a command that takes none',
      args: ['rules', 'list', 'materials'],
      zh: 'rules list: 多余的参数 "materials"（此命令不接受参数）；用法见 filing-check rules list --help',
      en: 'rules list: unexpected argument "materials" (it takes no arguments); see filing-check rules list --help',
    },
    {
      name: 'a value outside the choices',
      args: ['diagnose', 'examples/filing.yaml', '--fail-on', 'urgent'],
      zh: 'diagnose --fail-on: 应为以下之一：blocking、major、minor、none，实际为 "urgent"；用法见 filing-check diagnose --help',
      en: 'diagnose --fail-on: expected one of blocking, major, minor, none, got "urgent"; see filing-check diagnose --help',
      bin: true,
    },
    {
      name: 'an unknown format in a list of formats',
      args: ['diagnose', 'examples/filing.yaml', '--format', 'json,xml'],
      zh: 'diagnose --format: 应为以下之一：text、json、md、html、junit、github、sarif、csv、pdf，实际为 "xml"；用法见 filing-check diagnose --help',
      en: 'diagnose --format: expected one of text, json, md, html, junit, github, sarif, csv, pdf, got "xml"; see filing-check diagnose --help',
    },
  ];
  return cases.flatMap(({ name, args, zh, en, bin }): CliCase[] => [
    { name, args, stdout: '', stderr: `filing-check: ${zh}\n`, code: 2, ...(bin ? { bin } : {}) },
    { name: `${name}, in English`, args, env: { LANG: 'en_US.UTF-8' }, stdout: '', stderr: `filing-check: ${en}\n`, code: 2, ...(bin ? { bin } : {}) },
  ]);
}
