#!/usr/bin/env node
// The filing-check command. It runs the bundle in dist/, whose modules are CommonJS compiled
// with V8's code cache (dist/cache/, written by the build): Node 20 can neither cache nor lazily
// compile ES modules, and compiling the bundle was the largest single cost of every start.
// When V8 refuses a cache (another Node version or V8 flags) the module compiles as usual.
'use strict';
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { wrap } = require('node:module');
const { join, relative, sep } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist');
const CACHE = join(DIST, 'cache');
// Built-ins that the bundle imports at the top but uses only in some commands (commander's
// child_process for external subcommands, fs/promises for atomic writes, readline for prompts). Node
// compiles such modules on first load; handing out a stand-in that loads on first use keeps
// them off the start-up of --help and of commands that never call them.
const LAZY_BUILTINS = new Set(['node:child_process', 'child_process', 'node:fs/promises', 'fs/promises', 'node:readline', 'readline']);
const lazyBuiltins = new Map();

/** A built-in module, or for LAZY_BUILTINS a stand-in that requires it on first use. */
function requireBuiltin(id) {
  if (!LAZY_BUILTINS.has(id)) return require(id);
  let standIn = lazyBuiltins.get(id);
  if (!standIn) {
    let real;
    const load = () => (real ??= require(id));
    standIn = new Proxy(
      {},
      {
        get: (_, key) => load()[key],
        has: (_, key) => key in load(),
        ownKeys: () => Reflect.ownKeys(load()),
        // Reported configurable: a proxy may not claim a fixed property its empty target lacks.
        getOwnPropertyDescriptor: (_, key) => {
          const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
          return descriptor && { ...descriptor, configurable: true };
        },
      },
    );
    lazyBuiltins.set(id, standIn);
  }
  return standIn;
}

/** Loaded modules by absolute path, and the compiled script of each, for writing caches. */
const modules = new Map();

// Path handling by plain string operations: node:path's functions run cold at start-up, and the
// loader resolves one path per require() and per cache file (about 2 ms through node:path).

/** The code-cache file of a dist module: its path inside dist/, flattened. */
function cacheFileOf(file) {
  return `${CACHE}${sep}${file.slice(DIST.length + 1).split(sep).join('_')}.bin`;
}

/** The file a dist module means by a relative require: esbuild writes "./name.js" and "../name.js". */
function resolveInDist(dir, id) {
  if (id.startsWith('../')) return resolveInDist(dir.slice(0, dir.lastIndexOf(sep)), id.slice(3));
  return `${dir}${sep}${id.slice(2).split('/').join(sep)}`;
}

/** The exports of a dist module, compiled from its code cache when V8 accepts it. */
function loadDist(file) {
  const known = modules.get(file);
  if (known) return known.distModule.exports;
  const distModule = { exports: {} };
  let cachedData;
  try {
    cachedData = readFileSync(cacheFileOf(file));
  } catch {
    // No cache for this module: it compiles from source.
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  modules.set(file, { distModule, script, cached: cachedData !== undefined });
  const dir = file.slice(0, file.lastIndexOf(sep));
  // Relative requires are the bundle's own chunks; anything else is a Node built-in.
  const requireFromDist = (id) => (id.startsWith('.') ? loadDist(resolveInDist(dir, id)) : requireBuiltin(id));
  script.runInThisContext().call(distModule.exports, distModule.exports, requireFromDist, distModule, file, dir);
  return distModule.exports;
}

/** Writes the code cache of every module loaded so far, with the functions compiled so far. */
function writeCodeCache() {
  mkdirSync(CACHE, { recursive: true });
  for (const [file, { script }] of modules) writeFileSync(cacheFileOf(file), script.createCachedData());
}

/** Each loaded module and what V8 did with its cache: accepted, rejected, or none. */
function codeCacheReport() {
  return [...modules].map(([file, { script, cached }]) => ({ file: relative(DIST, file), cache: !cached ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted' }));
}

module.exports = { loadDist, writeCodeCache, codeCacheReport, DIST };
if (require.main === module) loadDist(join(DIST, 'cli.js'));
