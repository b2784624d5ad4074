#!/usr/bin/env node
// Keeps in dist/npm/types/ only the declarations of the public API: `tsc` (the build:types script) emits one .d.ts
// per source file; this keeps the package entries' declarations (package.json "exports") and the files they
// reach through relative imports, and removes the rest (the element's controllers and templates, the engine's
// internals that no public type names). Fails if a kept declaration imports a file that was not emitted.
//
//   node scripts/prune-types.mjs
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const types = join(root, 'dist/npm/types');
/** The declarations package.json's "exports" point at. */
export const ENTRIES = ['index.d.ts', 'react.d.ts', 'element/aide-assistant-medical.d.ts', 'engine/index.d.ts', 'engine/core.d.ts'];

const files = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

if (!existsSync(types)) {
  console.error('prune-types: dist/npm/types/ is missing: run `tsc -p tsconfig.json` first.');
  process.exit(1);
}
const kept = new Set();
const problems = [];
const visit = (file) => {
  if (kept.has(file)) return;
  if (!existsSync(file)) return void problems.push(`${relative(root, file)} is imported but was not emitted`);
  kept.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g))
    visit(resolve(dirname(file), spec.replace(/\.js$/, '.d.ts')));
};
for (const entry of ENTRIES) visit(join(types, entry));

let removed = 0;
for (const file of files(types))
  if (!kept.has(file)) {
    rmSync(file);
    removed++;
  }
// Folders left empty.
const prune = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) prune(path);
  }
  if (dir !== types && !readdirSync(dir).length) rmSync(dir, { recursive: true });
};
prune(types);

const bytes = [...kept].reduce((n, f) => n + statSync(f).size, 0);
console.log(`prune-types: kept ${kept.size} declaration files (${(bytes / 1024).toFixed(1)} KB), removed ${removed}.`);
if (problems.length) {
  console.error(`prune-types: ${problems.join('; ')}`);
  process.exit(1);
}
