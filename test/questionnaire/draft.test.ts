import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Draft, FileChangedError } from '../../src/questionnaire/draft.js';

const START = `# 沪剪科技的备案问卷
schemaVersion: 1
entity:
  name: 上海沪剪网络科技有限公司
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A session resumed on filing.yaml, as runQuestionnaire opens it. */
async function openSession(): Promise<{ draft: Draft; path: string }> {
  dir = mkdtempSync(join(tmpdir(), 'fc-draft-'));
  const path = join(dir, 'filing.yaml');
  writeFileSync(path, START);
  const draft = Draft.parse(START, path, 'filing.yaml');
  await draft.remember();
  return { draft, path };
}

describe('questionnaire saves', () => {
  it('save after save: each answer is written, comments kept', async () => {
    const { draft, path } = await openSession();
    draft.set(['entity', 'icp'], 'filed');
    await draft.save();
    draft.set(['entity', 'securityOfficer'], true);
    await draft.save();
    expect(readFileSync(path, 'utf8')).toBe(`${START}  icp: filed\n  securityOfficer: true\n`);
  });

  it('a file another program changed meanwhile is not overwritten; the answers go beside it', async () => {
    const { draft, path } = await openSession();
    draft.set(['entity', 'icp'], 'filed');
    await draft.save();
    // What checklist --import (or an editor) writes while the questionnaire waits at a prompt.
    const imported = `${readFileSync(path, 'utf8')}materials:\n  entity-commitment-letter: { status: ready, owner: 王敏 }\n`;
    writeFileSync(path, imported);
    draft.set(['entity', 'securityOfficer'], true);
    await expect(draft.save()).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(path, 'utf8')).toBe(imported);
    const aside = await draft.saveAside();
    expect(aside).toBe(join(dir, 'filing.unsaved.yaml'));
    expect(readFileSync(aside, 'utf8')).toBe(`${START}  icp: filed\n  securityOfficer: true\n`);
    // A second refused session never overwrites the first one's answers.
    expect(await draft.saveAside()).toBe(join(dir, 'filing.unsaved-2.yaml'));
  });

  it('a new file that appeared meanwhile counts as a change too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'fc-draft-'));
    const path = join(dir, 'filing.yaml');
    const draft = Draft.create(path, 'filing.yaml');
    await draft.remember();
    writeFileSync(path, START);
    draft.set(['entity', 'name'], '北京禾木信息技术有限公司');
    await expect(draft.save()).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(path, 'utf8')).toBe(START);
  });
});
