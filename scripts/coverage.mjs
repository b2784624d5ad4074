#!/usr/bin/env node
// Merges the coverage of the two test runs and applies the project's thresholds.
//
//   coverage/node/coverage-final.json     engine tests in Node (c8, the "coverage:node" script)
//   coverage/browser/coverage-final.json  element tests in Chromium ("coverage:browser", web-test-runner.coverage.config.mjs)
//
// A line counts as covered when either run executed it. Prints a per-file table of the merged
// figures, writes coverage/merged/ (lcov + JSON, for editors and CI artefacts), and exits 1 when
//   - lines of src/engine/** are under 90 %, or
//   - lines of src/** as a whole are under 80 %,
// or when a report is missing. `npm test` runs coverage:node, coverage:browser, then this script.
//
//   node scripts/coverage.mjs [--allow-missing]
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const THRESHOLDS = [
  { label: 'src/engine/', prefix: join(root, 'src', 'engine') + sep, lines: 90 },
  { label: 'src/ (all)', prefix: join(root, 'src') + sep, lines: 80 },
];
const INPUTS = [
  { name: 'Node (engine tests)', file: join(root, 'coverage', 'node', 'coverage-final.json') },
  { name: 'Chromium (element tests)', file: join(root, 'coverage', 'browser', 'coverage-final.json') },
];
/** Sources that are generated or type-only, never measured. */
const skip = (path) => path.endsWith('.d.ts') || path.includes(`${sep}src${sep}locales${sep}`);

const allowMissing = process.argv.includes('--allow-missing');
const map = libCoverage.createCoverageMap({});
let failed = false;

for (const { name, file } of INPUTS) {
  if (!existsSync(file)) {
    console.error(`coverage: no report from ${name} (${relative(root, file)}).`);
    if (!allowMissing) failed = true;
    continue;
  }
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, fileCoverage] of Object.entries(data)) {
    const abs = resolve(root, path);
    if (!abs.startsWith(join(root, 'src') + sep) || skip(abs)) continue;
    map.merge({ [abs]: { ...fileCoverage, path: abs } });
  }
}

// Sources no test loaded at all: name them (a type-only module is expected here).
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !skip(p) ? [p] : [];
  });
}
const measured = new Set(map.files());
const unloaded = walk(join(root, 'src')).filter((p) => !measured.has(p));

// The table: istanbul's text reporter on the merged map, files relative to the repository.
const context = libReport.createContext({ dir: join(root, 'coverage', 'merged'), coverageMap: map, defaultSummarizer: 'nested' });
console.log('\nCoverage of src/, Node and Chromium runs merged:');
reports.create('text', { skipFull: false, maxCols: 120 }).execute(context);
reports.create('lcovonly', { file: 'lcov.info' }).execute(context);
reports.create('json', { file: 'coverage-final.json' }).execute(context);

if (unloaded.length) {
  console.log(`\nNot loaded by any test (0 % if they hold code): ${unloaded.map((p) => relative(root, p)).join(', ')}`);
}

console.log('\nThresholds (lines):');
for (const { label, prefix, lines } of THRESHOLDS) {
  const summary = libCoverage.createCoverageSummary();
  for (const path of map.files()) if (path.startsWith(prefix)) summary.merge(map.fileCoverageFor(path).toSummary());
  const { total, covered, pct } = summary.lines;
  const ok = total > 0 && pct >= lines;
  if (!ok) failed = true;
  console.log(
    `  ${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(12)} ${String(pct).padStart(6)} % of ${total} lines (${covered} covered), minimum ${lines} %`,
  );
}

if (failed) {
  console.error('\nCoverage check FAILED.');
  process.exit(1);
}
console.log('\nCoverage check passed. Merged report: coverage/merged/lcov.info');
