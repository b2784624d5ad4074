#!/usr/bin/env node
// Size budget for the two bundles: prints raw and gzip -9 sizes and exits 1 when a
// bundle is missing or over its gzip budget (1 KB = 1024 bytes).
//
//   node scripts/check-size.mjs
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

const budgets = [
  { file: 'dist/aide-assistant-medical.js', maxGzip: 25 * KB },
  { file: 'dist/engine.js', maxGzip: 12 * KB },
];

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const rows = [];
let failed = false;

for (const { file, maxGzip } of budgets) {
  const path = resolve(root, file);
  if (!existsSync(path)) {
    rows.push([file, '-', '-', kb(maxGzip), 'MISSING']);
    failed = true;
    continue;
  }
  const buf = readFileSync(path);
  const gz = gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
  const ok = gz <= maxGzip;
  if (!ok) failed = true;
  rows.push([
    file,
    `${kb(buf.length)} (${buf.length} B)`,
    `${kb(gz)} (${gz} B)`,
    kb(maxGzip),
    ok ? `ok (${((gz / maxGzip) * 100).toFixed(0)}%)` : `OVER by ${gz - maxGzip} B`,
  ]);
}

const header = ['bundle', 'raw', 'gzip -9', 'budget (gzip)', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
const sep = '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|';

console.log('\nBundle sizes (1 KB = 1024 bytes, gzip level 9):');
console.log(line(header));
console.log(sep);
for (const r of rows) console.log(line(r));

if (failed) {
  console.error('\nSize check FAILED: a bundle is missing or over its gzip budget.');
  process.exit(1);
}
console.log('\nSize check passed.');
