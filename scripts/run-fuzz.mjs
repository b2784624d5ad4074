#!/usr/bin/env node
// The long fuzz run (`npm run test:fuzz`): test/engine/fuzz.test.ts with 100 000 profiles instead
// of the 2 000 of `npm test`. The count goes through AAM_FUZZ_RUNS (an npm script cannot set an
// environment variable portably); pass another count as the first argument.
//
//   node scripts/run-fuzz.mjs [runs]
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? '100000';
if (!/^\d+$/.test(runs)) {
  console.error('Usage: node scripts/run-fuzz.mjs [runs]');
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/engine/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AAM_FUZZ_RUNS: runs },
});
if (r.error) throw r.error;
process.exit(r.status ?? 1);
