import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AnswersSchema } from '../../src/answers/schema.js';
import { checkConsistency } from '../../src/lint/consistency.js';
import { formatLintReport, lintExitCode, type LintReport } from '../../src/lint/format.js';
import { LINT_CODES, lintDraft, type LintFinding } from '../../src/lint/lint.js';
import { formatLintFinding, LINT_MESSAGES } from '../../src/lint/messages.js';
import { validateCatalogue } from '../../src/messages/catalogue-schema.js';
import { readDraft } from '../../src/lint/read-draft.js';
import { loadRules } from '../../src/rules/load.js';

const path = (name: string) => new URL(`../fixtures/drafts/${name}`, import.meta.url).pathname;
const FIXTURES = ['disclosure-sound.md', 'self-assessment-sound.md', 'disclosure-genai.docx', 'disclosure-genai-gbk.txt', 'dispatch-workers.md',
  'disclosure-no-opt-out.md', 'disclosure-brochure-utf16.txt', 'disclosure-missing-section.md', 'self-assessment-flawed.md',
  'disclosure-template-crlf.md', 'disclosure-names-differ.md', 'unknown-kind.txt', 'corpus/06-pricing-no-fairness.md', 'corpus/01-image-no-label.md'];

async function everyFixtureFinding(): Promise<LintFinding[]> {
  const docs = await Promise.all(FIXTURES.map(async (file) => ({ file, lines: (await readDraft(path(file))).lines })));
  const answers = AnswersSchema.parse(parse(readFileSync(path('filing.yaml'), 'utf8')));
  return [
    ...docs.flatMap((d) => lintDraft(d.lines).findings),
    ...docs.flatMap((d) => lintDraft(d.lines, { kind: 'self-assessment', type: '01' }).findings),
    ...checkConsistency(docs, { answers, source: 'filing.yaml', types: (await loadRules([], new URL('../..', import.meta.url).pathname)).types }).flatMap((r) => r.findings),
    ...checkConsistency(docs).flatMap((r) => r.findings),
  ];
}

describe('messages.yaml', () => {
  it('has zh and en wording for exactly the codes lint can report', () => {
    const worded = (part: string) => Object.keys(LINT_MESSAGES).filter((k) => k.endsWith(part) && /^[A-Z]/.test(k)).map((k) => k.slice(0, -part.length)).sort();
    expect(worded('.message')).toEqual([...LINT_CODES].sort());
    expect(worded('.hint')).toEqual([...LINT_CODES].sort());
  });

  it('fills every placeholder of every finding the fixtures produce, in both languages', async () => {
    const findings = await everyFixtureFinding();
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(LINT_CODES));
    for (const finding of findings) {
      for (const lang of ['zh', 'en'] as const) {
        const { message, hint } = formatLintFinding(finding, lang);
        expect(`${message} ${hint}`, `${finding.code} ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('words the contract example exactly and translates field names', () => {
    const missing: LintFinding = { code: 'SECTION_MISSING', severity: 'blocking', line: null, args: { section: '算法运行机制', sectionEn: 'operating mechanism' } };
    expect(formatLintFinding(missing, 'zh').message).toBe('缺少“算法运行机制”部分');
    expect(formatLintFinding(missing, 'en').message).toBe('Section “算法运行机制” (operating mechanism) is missing');
    const name: LintFinding = { code: 'NAME_MISMATCH', severity: 'major', line: 3, args: { field: 'entity', found: '甲公司', expected: '乙公司', sourceKind: 'answers', source: 'clients/filing.yaml', fieldRule: 'entity' } };
    expect(formatLintFinding(name, 'zh')).toEqual({
      message: '主体名称“甲公司”与答案文件 clients/filing.yaml 中的“乙公司”不一致',
      hint: '主体名称在各份材料中逐字统一为 clients/filing.yaml 中的写法；主体名称还须与营业执照和备案系统中的主体信息一致',
    });
    const algorithm: LintFinding = { ...name, args: { ...name.args, field: 'algorithm', fieldRule: 'algorithm', sourceKind: 'draft', source: '/tmp/a/自评估报告.md' } };
    expect(formatLintFinding(algorithm, 'en')).toEqual({
      message: 'The algorithm name “甲公司” differs from “乙公司” in the draft /tmp/a/自评估报告.md',
      hint: 'Write the algorithm name exactly as /tmp/a/自评估报告.md does, in every document; the algorithm name is the one entered in the filing system',
    });
    expect(formatLintFinding(algorithm, 'zh').hint).not.toContain('营业执照');
  });

  it('rejects a code without English wording', () => {
    const data = structuredClone(LINT_MESSAGES) as Record<string, Record<string, unknown>>;
    delete data['KIND_UNKNOWN.hint']!.en;
    expect(() => validateCatalogue(data, 'src/lint/messages.yaml')).toThrow(/KIND_UNKNOWN\.hint/);
  });
});

describe('formatLintReport', () => {
  async function report(): Promise<LintReport> {
    const lines = (await readDraft(path('disclosure-missing-section.md'))).lines;
    return {
      files: [
        { file: 'a.md', kind: 'disclosure', findings: lintDraft(lines).findings },
        { file: 'b.md', kind: 'disclosure', findings: [] },
        {
          file: '报告|v2.md',
          kind: null,
          // Given out of order: every view sorts absences first, then by line.
          findings: [
            { code: 'TEMPLATE_TEXT', severity: 'blocking', line: 12, args: { text: 'a|b\nc<d>' } },
            { code: 'KIND_UNKNOWN', severity: 'blocking', line: null, args: {} },
          ],
        },
      ],
    };
  }

  it('text: grouped by file, aligned by display width, one line per finding plus its hint, then a summary', async () => {
    expect(formatLintReport(await report(), 'text', 'zh')).toBe(`a.md（拟公示内容）
  a.md           阻断  SECTION_MISSING   缺少“算法运行机制”部分
                                         建议：按模板增加“算法运行机制”标题（可带编号，如“一、”“（一）”），并在其下写明本算法的实际情况
  a.md:6         阻断  SECTION_MISSING   缺少“算法应用场景”部分
                                         建议：按模板增加“算法应用场景”标题（可带编号，如“一、”“（一）”），并在其下写明本算法的实际情况
  a.md:8         一般  SECTION_TOO_THIN  “算法目的意图”较简略（约 6 字，常见写法不少于 15 字）
                                         建议：各要素已写明；如有具体的数据、步骤或页面可再补充，简洁准确本身不是退回理由

b.md（拟公示内容）
  未发现问题

报告|v2.md（类型未识别）
  报告|v2.md     阻断  KIND_UNKNOWN      无法判断该文件是《拟公示内容》还是《算法安全自评估报告》
                                         建议：用 --kind disclosure 或 --kind self-assessment 指定；或按模板在标题写明“拟公示内容”或“算法安全自评估报告”
  报告|v2.md:12  阻断  TEMPLATE_TEXT     残留模板占位或填写说明：“a|b c<d>”
                                         建议：替换为本算法的实际内容，并删除模板中的填写说明

共检查 3 个文件：阻断 4，重要 0，一般 1
`);
  });

  it('md: a table per file with | and line breaks escaped in every cell', async () => {
    expect(formatLintReport(await report(), 'md', 'en')).toBe(`# filing-check draft lint

## a.md (disclosure)

| Line | Severity | Code | Finding | How to fix |
| --- | --- | --- | --- | --- |
| — | blocking | SECTION_MISSING | Section “算法运行机制” (operating mechanism) is missing | Add a heading “算法运行机制” as in the CAC template and describe this algorithm under it |
| 6 | blocking | SECTION_MISSING | Section “算法应用场景” (application scenario) is missing | Add a heading “算法应用场景” as in the CAC template and describe this algorithm under it |
| 8 | minor | SECTION_TOO_THIN | Section “算法目的意图” (purpose and intent) is brief (6 characters; drafts usually have 15 or more) | Every element is stated; add concrete data, steps or pages if there are any, but concise and accurate is not a reason for return |

## b.md (disclosure)

no findings

## 报告\\|v2.md (kind unknown)

| Line | Severity | Code | Finding | How to fix |
| --- | --- | --- | --- | --- |
| — | blocking | KIND_UNKNOWN | Cannot tell whether this is a disclosure (拟公示内容) or a self-assessment report (算法安全自评估报告) | Pass --kind disclosure or --kind self-assessment, or title the document with the template's name |
| 12 | blocking | TEMPLATE_TEXT | Template placeholder or instruction left in the text: “a\\|b<br>c&lt;d>” | Replace it with this algorithm's facts and delete the template's instructions |

3 file(s) checked: 4 blocking, 0 major, 1 minor
`);
  });

  it('json: the contract shape (file, kind, findings with code, severity, message, line) plus hint, args and a summary', async () => {
    const json = JSON.parse(formatLintReport(await report(), 'json', 'zh')) as Record<string, unknown>;
    expect(json).toEqual({
      files: [
        {
          file: 'a.md',
          kind: 'disclosure',
          findings: [
            {
              code: 'SECTION_MISSING', severity: 'blocking', message: '缺少“算法运行机制”部分', line: null,
              hint: '按模板增加“算法运行机制”标题（可带编号，如“一、”“（一）”），并在其下写明本算法的实际情况',
              args: { section: '算法运行机制', sectionEn: 'operating mechanism' },
            },
            expect.objectContaining({ code: 'SECTION_MISSING', line: 6, message: '缺少“算法应用场景”部分' }),
            expect.objectContaining({ code: 'SECTION_TOO_THIN', line: 8, severity: 'minor' }),
          ],
          type: null,
          typeSource: null,
        },
        { file: 'b.md', kind: 'disclosure', findings: [], type: null, typeSource: null },
        {
          file: '报告|v2.md',
          kind: null,
          type: null,
          typeSource: null,
          findings: [
            expect.objectContaining({ code: 'KIND_UNKNOWN', line: null }),
            expect.objectContaining({ code: 'TEMPLATE_TEXT', line: 12, message: '残留模板占位或填写说明：“a|b\nc<d>”' }),
          ],
        },
      ],
      summary: { files: 3, blocking: 4, major: 0, minor: 1 },
    });
    const first = (json.files as { findings: Record<string, unknown>[] }[])[0]?.findings[0];
    expect(Object.keys(first ?? {})).toEqual(['code', 'severity', 'message', 'line', 'hint', 'args']);
  });
});

describe('lintExitCode', () => {
  const only = (severity: LintFinding['severity']): LintReport => ({
    files: [{ file: 'a.md', kind: 'disclosure', findings: [{ code: 'JARGON_UNEXPLAINED', severity, line: 1, args: { term: 'CTR' } }] }],
  });
  it('is 0 with no findings or only minor ones, 1 with a major or blocking one', () => {
    expect(lintExitCode({ files: [] })).toBe(0);
    expect(lintExitCode(only('minor'))).toBe(0);
    expect(lintExitCode(only('major'))).toBe(1);
    expect(lintExitCode(only('blocking'))).toBe(1);
  });
  it('follows --fail-on when given', () => {
    expect(lintExitCode(only('major'), 'blocking')).toBe(0);
    expect(lintExitCode(only('blocking'), 'blocking')).toBe(1);
    expect(lintExitCode(only('minor'), 'minor')).toBe(1);
    expect(lintExitCode(only('blocking'), 'none')).toBe(0);
  });
});
