#!/usr/bin/env node
// Runs the Node (engine) tests: every test/engine/**/*.test.ts with node:test, TypeScript
// loaded through tsx. Node 20's `--test` does not expand globs itself and `sh` has no `**`,
// so the files are listed here. Extra arguments are passed to node (e.g.
// `npm run test:node -- --test-name-pattern=cotram`).
//
//   node scripts/run-node-tests.mjs [node options...]
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(root, 'test', 'engine');

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const files = existsSync(testDir) ? walk(testDir) : [];
if (files.length === 0) {
  console.error('No test files found under test/engine/**/*.test.ts');
  process.exit(1);
}

const args = ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files];
console.log(`node ${args.join(' ')}`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.error) throw r.error;
process.exit(r.status ?? 1);
