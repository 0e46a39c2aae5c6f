// The corpus of test/fixtures/drafts/corpus: disclosures of every type written the way accepted
// filings are written (concise, plain, specific). Good ones must pass with nothing above minor;
// each flawed one must get the finding a reviewer would give, and nothing else that would return it.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const C = 'test/fixtures/drafts/corpus';

interface JsonFinding {
  code: string;
  severity: string;
  line: number | null;
  message: string;
  args: Record<string, string>;
}
interface JsonFile {
  file: string;
  kind: string;
  type: string | null;
  typeSource: string | null;
  findings: JsonFinding[];
}

function lint(names: string[], extra: string[] = []): { code: number; files: JsonFile[] } {
  const run = runCli(['lint', ...names.map((name) => `${C}/${name}`), '-f', 'json', ...extra]);
  expect(run.stderr).toBe('');
  return { code: run.code, files: (JSON.parse(run.stdout) as { files: JsonFile[] }).files };
}

/** The findings that would get a draft returned: everything above minor. */
const returnable = (file: JsonFile) => file.findings.filter((f) => f.severity !== 'minor').map((f) => f.code);

describe('a corpus of realistic drafts, one or more of every type', () => {
  it('passes the good concise drafts of each type with nothing above minor, exit 0', () => {
    const good = ['01-image-good.md', '02-good-concise.md', '03-hot-list-good.md', '04-search-good-concise.md', '05-moderation-good.md',
      '06-dispatch-good.md', '06-pricing-good.md'];
    const { code, files } = lint(good);
    expect(files.map((f) => [f.file.slice(C.length + 1), f.kind, f.type, returnable(f)])).toEqual(good.map((name) => [name, 'disclosure', name.slice(0, 2), []]));
    expect(code).toBe(0);
    // A self-assessment of a generation algorithm, every template section concise but complete.
    const [report] = lint(['01-self-assessment-good.md']).files;
    expect([report?.kind, report?.type, returnable(report!)]).toEqual(['self-assessment', '01', []]);
  });

  it('gives each flawed draft the finding a reviewer would give, and no other reason for return', () => {
    const flawed: [string, string[]][] = [
      ['01-image-no-label.md', ['EXPLICIT_LABEL_NOT_DESCRIBED', 'IMPLICIT_LABEL_NOT_DESCRIBED']],
      ['01-writing-explicit-only.md', ['IMPLICIT_LABEL_NOT_DESCRIBED']],
      ['02-no-tag-management.md', ['TAG_MANAGEMENT_NOT_DESCRIBED']],
      ['02-no-type-stated.md', ['OPT_OUT_NOT_DESCRIBED', 'TAG_MANAGEMENT_NOT_DESCRIBED']],
      ['03-personalised-list-no-opt-out.md', ['OPT_OUT_NOT_DESCRIBED', 'TAG_MANAGEMENT_NOT_DESCRIBED']],
      ['04-search-no-integrity.md', ['RESULT_INTEGRITY_NOT_DESCRIBED']],
      ['06-pricing-no-fairness.md', ['PRICING_FAIRNESS_NOT_DESCRIBED']],
      ['01-self-assessment-flawed.md', ['SECTION_ELEMENT_MISSING', 'MARKETING_LANGUAGE', 'SECTION_ELEMENT_MISSING']],
    ];
    const { code, files } = lint(flawed.map(([name]) => name));
    expect(files.map((f) => [f.file.slice(C.length + 1), returnable(f)])).toEqual(flawed);
    expect(code).toBe(1);
  });

  it('names the modality of an image generator without labels, and says the type was read from its text', () => {
    const [file] = lint(['01-image-no-label.md']).files;
    expect([file?.type, file?.typeSource]).toEqual(['01', 'suggested']);
    expect(file?.findings.filter((f) => f.severity === 'major').map((f) => f.message)).toEqual([
      '未说明生成的图片如何添加显式标识（生成合成类，类型依据：按文稿内容推断（suggest-type））',
      '未说明生成的图片如何添加隐式标识（生成合成类，类型依据：按文稿内容推断（suggest-type））',
    ]);
    expect(file?.findings[0]?.args).toMatchObject({ modality: 'image', instrument: 'labeling-measures', article: '第四条' });
  });

  it('asks a ranking draft for the opt-out only when it ranks by each user’s own signals', () => {
    const { files } = lint(['03-hot-list-good.md', '03-personalised-list-no-opt-out.md'], ['--lang', 'en']);
    expect(files.map(returnable)).toEqual([[], ['OPT_OUT_NOT_DESCRIBED', 'TAG_MANAGEMENT_NOT_DESCRIBED']]);
    expect(files[1]?.findings[0]?.message).toBe("Does not say how users switch off personalised recommendation (ranking and selection; type from the type the draft states)");
  });

  it('reads a slogan draft by what it says: every missing element named, every promotional phrase with its reason', () => {
    const [file] = lint(['05-slogan-sections.md']).files;
    expect(file?.findings.filter((f) => f.code === 'SECTION_ELEMENT_MISSING').map((f) => f.message)).toEqual([
      '“算法基本原理”未写明输入的数据',
      '“算法基本原理”未写明输出结果',
      '“算法运行机制”未写明运行步骤',
      '“算法运行机制”未写明人工审核或干预',
    ]);
    expect(file?.findings.filter((f) => f.code === 'MARKETING_LANGUAGE').map((f) => `${f.line}:${f.args.phrase}`)).toEqual([
      '9:先进', '9:业界领先', '9:保驾护航', '9:极致', '13:无处遁形',
    ]);
    // 第一时间 (as soon as possible) is a fact, not a ranking.
    expect(file?.findings.some((f) => f.args.phrase?.includes('第一'))).toBe(false);
  });

  it('names what a self-assessment section leaves out: how the model is trained, the implicit label', () => {
    const [file] = lint(['01-self-assessment-flawed.md']).files;
    expect(file?.findings.filter((f) => f.code === 'SECTION_ELEMENT_MISSING').map((f) => [f.line, f.message])).toEqual([
      [20, '“算法模型”未写明训练和更新方式'],
      [28, '“结果标识”未写明隐式标识'],
    ]);
  });

  it('points a duty found missing at the section text that raises it, not at the title', () => {
    const [file] = lint(['06-pricing-no-fairness.md']).files;
    const pricing = file?.findings.find((f) => f.code === 'PRICING_FAIRNESS_NOT_DESCRIBED');
    expect([pricing?.line, pricing?.args.mention, pricing?.args.article]).toEqual([9, '价格', '第二十一条']);
  });

  it('takes the type from --type and says so, over the one the draft states', () => {
    const [file] = lint(['02-good-concise.md'], ['--type', '06']).files;
    expect([file?.type, file?.typeSource]).toEqual(['06', 'option']);
    const [search] = lint(['02-good-concise.md'], ['--type', '04']).files;
    expect(search?.findings.map((f) => f.message)).toContain('未说明如何保证结果不被人为操纵、付费内容如何区分（信息检索类，类型依据：--type 参数）');
  });
});
