import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.js';

// Loaded before the CLI: every way Node opens a connection or resolves a name records the call
// instead of doing it. The CLI must make none, whatever command runs.
const GUARD = `
import net from 'node:net'; import tls from 'node:tls'; import dns from 'node:dns'; import dgram from 'node:dgram';
import { appendFileSync } from 'node:fs';
const record = (what) => (...args) => { appendFileSync(process.env.NET_LOG, what + ' ' + JSON.stringify(args.filter((a) => typeof a !== 'function')).slice(0, 200) + '\\n'); throw new Error('network access: ' + what); };
net.Socket.prototype.connect = record('net.connect');
net.connect = net.createConnection = record('net.createConnection');
tls.connect = record('tls.connect');
dns.lookup = dns.resolve = record('dns');
dns.promises.lookup = dns.promises.resolve = record('dns.promises');
dgram.createSocket = record('dgram');
globalThis.fetch = record('fetch');
`;

describe('no network access at run time', () => {
  it('diagnose, lint, rules and schema open no socket and resolve no name', () => {
    const dir = tempDir();
    const guard = join(dir, 'guard.mjs');
    const log = join(dir, 'net.log');
    writeFileSync(guard, GUARD);
    writeFileSync(log, '');
    const runs = [
      ['diagnose', 'examples/filing.yaml', '-f', 'json'],
      ['diagnose', 'examples/filing.yaml', '--lang', 'en', '-f', 'md'],
      ['lint', 'test/fixtures/drafts/disclosure-genai.docx', 'test/fixtures/drafts/disclosure-genai-gbk.txt', '--answers', 'test/fixtures/drafts/filing.yaml'],
      ['rules', 'list', '--format', 'json'],
      ['schema', 'report'],
    ];
    for (const args of runs) {
      const run = spawnSync(process.execPath, ['--import', guard, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NET_LOG: log, NO_COLOR: '1' } });
      expect(run.stderr, args.join(' ')).toBe('');
      expect([0, 1], args.join(' ')).toContain(run.status);
    }
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('the guard itself works: a connection attempt is recorded', () => {
    const dir = tempDir();
    const guard = join(dir, 'guard.mjs');
    const log = join(dir, 'net.log');
    writeFileSync(guard, GUARD);
    writeFileSync(log, '');
    spawnSync(process.execPath, ['--import', guard, '-e', "require('node:net').connect(80, '127.0.0.1')"], { env: { ...process.env, NET_LOG: log } });
    expect(readFileSync(log, 'utf8')).toMatch(/^net\.createConnection /);
  });
});
