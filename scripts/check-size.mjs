#!/usr/bin/env node
// Size check of the bundles (gzip -9, 1 KB = 1024 bytes).
//
// Each bundle has a TARGET (the project's bar: widget ≤ 25 KB, engine with its rules ≤ 12 KB) and a
// CEILING (what it weighs today, plus a small margin). The build fails above the ceiling, so size can
// only go down; a bundle above its target is reported loudly until the target is met. Lower a ceiling
// whenever a change makes a bundle smaller; never raise one without saying why in the commit.
//
//   node scripts/check-size.mjs
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

const budgets = [
  // Everything a page loads: Lit, validation (zod/mini), engine, all rules, French and English, UI.
  // +4.5 KB (issue 13): rules/tables/costs.json and its pack schema; +3 KB (issue 12): pack limits, figure review, trial runs.
  { file: 'dist/aide-assistant-medical.js', target: 25 * KB, ceiling: 81 * KB },
  // The engine with its built-in rules, French texts, without rules-pack validation.
  // +3 KB (issue 13): the cost table's data, French only; +4 KB: assistantCost, followUp, paymentCalendar.
  { file: 'dist/engine-core.js', target: 12 * KB, ceiling: 38.5 * KB },
  // The full engine entry: core + rules packs (zod/mini) + English texts.
  // +9 KB (issue 13): the cost table, its schema, the three functions; +3.5 KB (issue 12): pack hardening.
  { file: 'dist/engine.js', target: undefined, ceiling: 61 * KB },
];

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const rows = [];
let failed = false;
let missed = 0;

for (const { file, target, ceiling } of budgets) {
  const path = resolve(root, file);
  if (!existsSync(path)) {
    rows.push([file, '-', '-', target ? kb(target) : '-', kb(ceiling), 'MISSING']);
    failed = true;
    continue;
  }
  const buf = readFileSync(path);
  const gz = gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
  let status = 'ok';
  if (gz > ceiling) {
    status = `OVER CEILING by ${gz - ceiling} B`;
    failed = true;
  } else if (target && gz > target) {
    status = `target missed by ${kb(gz - target)}`;
    missed++;
  }
  rows.push([file, kb(buf.length), `${kb(gz)} (${gz} B)`, target ? kb(target) : '-', kb(ceiling), status]);
}

const header = ['bundle', 'raw', 'gzip -9', 'target', 'ceiling', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
console.log('\nBundle sizes (gzip level 9, 1 KB = 1024 B):');
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));

if (failed) {
  console.error('\nSize check FAILED: a bundle is missing or over its ceiling (see scripts/check-size.mjs).');
  process.exit(1);
}
if (missed)
  console.warn(`\nSize check passed the ceilings, but ${missed} bundle(s) still miss the project's target: see \`npm run size:report\`.`);
else console.log('\nSize check passed.');
