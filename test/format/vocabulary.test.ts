// One language per document: no view prints a vocabulary value of the answers file (a feature,
// form, function, modality, model, role or status code) in its prose. The second realistic
// subject uses every value of each vocabulary; each view is read in both languages with the stable
// ids (of algorithms, services, materials, warnings, procedures) and parenthesised ids taken out.
import { describe, expect, it } from 'vitest';
import {
  BIOMETRICS, FOUNDATION_MODELS, FUNCTIONS, MATERIAL_STATUSES, MODALITIES, PUBLIC_FEATURES, ROLES, SERVICE_FORMS,
} from '../../src/answers/vocabulary.js';
import type { Report } from '../../src/core/report-schema.js';
import { loadRules } from '../../src/rules/load.js';
import { AS_OF, ROOT, runCli, tempDir } from '../helpers/formats.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SUBJECT = 'test/fixtures/subjects/two-services.yaml';
const VOCABULARY = [...FUNCTIONS, ...PUBLIC_FEATURES, ...SERVICE_FORMS, ...MODALITIES, ...BIOMETRICS, ...FOUNDATION_MODELS, ...ROLES, ...MATERIAL_STATUSES];
// English prose uses ordinary words that are also codes ("text", "search", "ready"); there only the
// codes no sentence would contain are looked for.
const CODE_ONLY = VOCABULARY.filter((v) => v.includes('-') || v === 'personalize');

/** The prose of a view: tags, parenthesised text and every stable id of the report taken out. */
function prose(view: string, report: Report): string {
  const ids = [
    ...report.algorithms.flatMap((a) => [a.id, ...a.services]), ...report.items.map((i) => i.id), ...report.warnings.map((w) => w.code),
    ...report.regimes.map((r) => r.id), ...report.items.flatMap((i) => (i.file ? [i.file] : [])),
  ].sort((a, b) => b.length - a.length);
  let text = view.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\([^()]*\)|（[^（）]*）|\[[^\]]*\]/g, ' ');
  for (const id of ids) text = text.replaceAll(id, ' ');
  return text;
}

describe('vocabulary values in prose', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`none in any ${lang} view of the second subject`, async () => {
      const report = JSON.parse((await runCli(['diagnose', SUBJECT, '--as-of', AS_OF, '--lang', lang, '-f', 'json'])).stdout) as Report;
      const codes = lang === 'zh' ? VOCABULARY : CODE_ONLY;
      for (const args of [['-f', 'text'], ['-f', 'text', '--detail'], ['-f', 'md'], ['-f', 'html']]) {
        const run = await runCli(['diagnose', SUBJECT, '--as-of', AS_OF, '--lang', lang, ...args]);
        expect(run.code).toBe(1);
        const text = prose(run.stdout, report);
        const found = codes.filter((code) => new RegExp(`(?<![\\w.-])${code.replace(/-/g, '\\-')}(?![\\w-])`).test(text));
        expect(found, `${lang} ${args.join(' ')}`).toEqual([]);
      }
    });
  }

  it('names a material in a warning by its title, its id only in parentheses', async () => {
    const materialIds = (await loadRules([], ROOT)).materials.map((m) => m.id).sort((a, b) => b.length - a.length);
    // A ranking algorithm lists a test bank it does not need; the second subject names files it lacks.
    const extra = join(await tempDir(), 'filing.yaml');
    await writeFile(extra, [
      'schemaVersion: 1', 'entity: { name: 杭州禾木科技有限公司 }',
      'services: [{ id: hemu-app, name: 禾木, forms: [app], audience: public, status: live, launchDate: 2026-03-02 }]',
      'algorithms:',
      '  - { id: hot-list, name: 禾木热榜算法, services: [hemu-app], does: [rank], materials: { genai-test-bank: { status: ready, file: 题库/生成内容测试题库.xlsx } } }',
      '',
    ].join('\n'));
    const codes = new Set<string>();
    for (const subject of [SUBJECT, extra]) {
      for (const lang of ['zh', 'en'] as const) {
        const report = JSON.parse((await runCli(['diagnose', subject, '--as-of', AS_OF, '--lang', lang, '-f', 'json'])).stdout) as Report;
        for (const warning of report.warnings) {
          codes.add(warning.code);
          const outside = warning.message.replace(/\([^()]*\)|（[^（）]*）/g, ' ');
          expect(materialIds.filter((id) => outside.includes(id)), `${lang} ${warning.message}`).toEqual([]);
        }
      }
    }
    expect([...codes]).toEqual(expect.arrayContaining(['MATERIAL_FILE_MISSING', 'MATERIAL_NOT_REQUIRED']));
  });

  it('names an upstream model without a filing number as claimed, never as filed', async () => {
    const run = await runCli(['diagnose', SUBJECT, '--as-of', AS_OF, '--detail']);
    expect(run.stdout).toContain('通过 API 直接调用模型「深度求索 DeepSeek」（声称已备案，未提供备案号）');
    expect(run.stdout).toContain('上游模型「深度求索 DeepSeek」声称已备案，未提供备案号');
    expect(run.stdout).not.toContain('已备案模型「深度求索 DeepSeek」');
  });
});
