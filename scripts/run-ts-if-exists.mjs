#!/usr/bin/env node
// Runs a TypeScript file with tsx if it exists, otherwise says so and succeeds.
// Used for optional steps written by others (scripts/validate-rules.ts, bench/engine.bench.ts).
//
//   node scripts/run-ts-if-exists.mjs <file.ts> [args...]
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts-if-exists.mjs <file.ts> [args...]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.log(`(${file} not found, step skipped)`);
  process.exit(0);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { stdio: 'inherit' });
if (r.error) throw r.error;
process.exit(r.status ?? 1);
