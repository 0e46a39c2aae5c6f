// The GitHub Action (action.yml) run step by step as GitHub's runner runs a composite action: each
// step's script through `bash --noprofile --norc -eo pipefail`, inputs through ${{ inputs.* }} in
// the step's env, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files, outputs from ${{ steps.* }}.
// The action path is this repository, already built, so the install step finds dist/ and installs
// nothing (on GitHub a checkout has no dist/, and that step runs npm ci).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

/** Replaces ${{ inputs.NAME }} and ${{ steps.ID.outputs.NAME }}; anything else would be a test gap. */
function expand(text: string, inputs: Record<string, string>, steps: Record<string, Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputs[input[1]!] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return steps[output[1]!]?.[output[2]!] ?? '';
    throw new Error(`action.yml: expression the test runner does not know: ${expression}`);
  });
}

/** Runs the action in `workspace` with the given inputs, as a composite action is run. */
function runAction(workspace: string, given: Record<string, string> = {}) {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...given };
  const files = join(workspace, '..', 'runner');
  mkdirSync(files, { recursive: true });
  const summary = join(files, 'step-summary.md');
  const steps: Record<string, Record<string, string>> = {};
  let stdout = '';
  let stderr = '';
  let status: number | null = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    expect(step.shell).toBe('bash');
    const outputFile = join(files, `output-${i}`);
    writeFileSync(outputFile, '');
    const script = join(files, `step-${i}.sh`);
    writeFileSync(script, step.run);
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(String(value), inputs, steps)]));
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: workspace,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summary, ...stepEnv },
    });
    stdout += run.stdout;
    stderr += run.stderr;
    if (step.id) steps[step.id] = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    status = run.status;
    if (status !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, expand(output.value, inputs, steps)]));
  return { status, stdout, stderr, outputs, summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '' };
}

/** A repository holding the example answers file and its drafts at its root. */
function workspaceWithExample(): string {
  const workspace = join(tempDir(), 'repo');
  mkdirSync(workspace);
  cpSync(join(ROOT, 'examples', 'docs'), join(workspace, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'examples', 'filing.yaml'), join(workspace, 'filing.yaml'));
  return workspace;
}

describe('action.yml', () => {
  it('is a composite action whose inputs and outputs are the documented ones', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['answers', 'fail', 'fail-on', 'formats', 'lang', 'output-dir']);
    expect(Object.keys(action.outputs).sort()).toEqual(['exit-code', 'sarif-file']);
  });

  it('writes the SARIF file and the step summary, annotates the answers file, and fails on blocking gaps', () => {
    const workspace = workspaceWithExample();
    const run = runAction(workspace);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'filing-check-report/report.sarif' });
    const sarif = JSON.parse(readFileSync(join(workspace, run.outputs['sarif-file']!), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('filing.yaml');
    expect(run.stdout).toMatch(/^::error file=filing\.yaml,title=阻断 · 缺失%3A /m);
    expect(run.summary).toMatch(/^# 算法备案预诊断报告/m);
    expect(run.summary).toContain('杭州云栖优选网络科技有限公司');
  });

  it('with fail: false and fail-on: none passes the step and still exposes the exit code', () => {
    const kept = runAction(workspaceWithExample(), { fail: 'false' });
    expect(kept.status).toBe(0);
    expect(kept.outputs['exit-code']).toBe('1');
    const none = runAction(workspaceWithExample(), { 'fail-on': 'none' });
    expect(none.status).toBe(0);
    expect(none.outputs['exit-code']).toBe('0');
  });

  it('diagnoses several files into a folder each, in English with more formats; an invalid file makes the exit code 2', () => {
    const workspace = workspaceWithExample();
    mkdirSync(join(workspace, 'clients'));
    writeFileSync(join(workspace, 'clients', 'broken.filing.yaml'), 'schemaVersion: 1\nentity: { name: 示例公司 }\nservices: []\nalgorithms:\n  - { id: feed, does: [recommend] }\n');
    cpSync(join(workspace, 'filing.yaml'), join(workspace, 'clients', 'acme.filing.yaml'));
    const run = runAction(workspace, { answers: 'filing.yaml\nclients/acme.filing.yaml clients/broken.filing.yaml', lang: 'en', formats: 'json', 'output-dir': 'out' });
    expect(run.status).toBe(2);
    expect(run.outputs).toEqual({ 'exit-code': '2', 'sarif-file': 'out' });
    expect(run.stderr).toMatch(/^filing-check: clients\/broken\.filing\.yaml:5:/m);
    expect(existsSync(join(workspace, 'out', 'filing.yaml', 'report.sarif'))).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace, 'out', 'filing.yaml', 'report.json'), 'utf8')).lang).toBe('en');
    expect(existsSync(join(workspace, 'out', 'clients_broken.filing.yaml', 'report.sarif'))).toBe(false);
    // One SARIF file per answers file, each in its own code-scanning category: upload-sarif takes the folder.
    const category = (dir: string) => JSON.parse(readFileSync(join(workspace, 'out', dir, 'report.sarif'), 'utf8')).runs[0].automationDetails.id;
    expect([category('filing.yaml'), category('clients_acme.filing.yaml')]).toEqual(['filing-check/diagnose/filing.yaml/', 'filing-check/diagnose/clients/acme.filing.yaml/']);
    expect(run.summary).toMatch(/^# Algorithm filing pre-submission diagnosis/m);
  });
});
