#!/usr/bin/env node
// Size check of the bundles, run by `npm run build` after rollup (and alone: `npm run size`).
//
// 1. The split widget (dist/aide-assistant-medical.js and the chunks it fetches from dist/chunks/): every file,
//    raw / gzip -9 / brotli -q 11, and when it loads (from its name). The build FAILS when the bytes before the
//    first answer exceed the bar of issue 11 (35 KB gzip), and warns above the aim (25 KB):
//      first-answer bytes = the entry + every chunk it imports statically (recursively), each gzipped alone;
//      dynamic import() chunks do not count: the answer shows without them.
//    The start view (first-answer bytes + the interaction chunk: what a visitor with no answers waits for
//    before the first question) is printed for information.
// 2. Other bundles have a CEILING (today's size plus a small margin; see CEILINGS in scripts/bundle-sizes.mjs):
//    the build fails above it, so size only goes down.
//
// Only bytes are checked here. Timings belong to the bench (`npm run bench`, BENCHMARKS.md), never to the build or tests.
//
//   node scripts/check-size.mjs
import { ceilingBundles, FIRST_ANSWER_AIM, FIRST_ANSWER_BAR, kb, widgetBuild } from './bundle-sizes.mjs';

const bytes = (n) => `${n.toLocaleString('en-US').replace(/,/g, ' ')} B`;

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => '| ' + cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

const problems = [];
const warnings = [];

let widget;
try {
  widget = widgetBuild();
} catch (error) {
  problems.push(String(error.message ?? error));
}

if (widget) {
  const first = new Set(widget.firstAnswer.files);
  console.log('\nWidget, split build (each file gzip -9 / brotli -q 11 alone, 1 KB = 1024 B):');
  table(
    ['file', 'raw', 'gzip -9', 'brotli', 'loads', 'before the first answer'],
    widget.files.map((f) => [f.file, kb(f.raw), kb(f.gzip), kb(f.brotli), f.when, first.has(f.file) ? 'yes' : 'no']),
  );
  for (const f of widget.files)
    if (f.when.startsWith('unknown')) warnings.push(`${f.file}: a chunk name check-size does not know; add it to CHUNK_ROLES.`);
  if (widget.stray.length)
    warnings.push(`Stray files in dist/chunks/ (not reachable from the entry, not counted): ${widget.stray.join(', ')}.`);

  const fa = widget.firstAnswer;
  const sv = widget.startView;
  console.log(
    `\nFirst-answer bytes (the entry + its static imports: ${fa.files.join(', ')}): ` +
      `${kb(fa.gzip)} gzip (${bytes(fa.gzip)}), ${kb(fa.brotli)} brotli, ${kb(fa.raw)} raw. ` +
      `Bar ${kb(FIRST_ANSWER_BAR)}, aim ${kb(FIRST_ANSWER_AIM)}.`,
  );
  console.log(`Start view (first-answer bytes + the interaction chunk, before the first question): ${kb(sv.gzip)} gzip, for information.`);
  if (fa.gzip > FIRST_ANSWER_BAR)
    problems.push(
      `The bytes before the first answer are ${kb(fa.gzip)} gzip (${bytes(fa.gzip)}): above the ${kb(FIRST_ANSWER_BAR)} bar ` +
        `of issue 11 by ${kb(fa.gzip - FIRST_ANSWER_BAR)} (${bytes(fa.gzip - FIRST_ANSWER_BAR)}). They are ${fa.files.join(' + ')}. ` +
        `Do not raise the bar: move what the first answer does not need into a chunk loaded later ` +
        `(\`ROLLUP_ONLY=widget ROLLUP_MODULES=1 npx rollup -c\` lists every module's size by chunk).`,
    );
  else if (fa.gzip > FIRST_ANSWER_AIM)
    warnings.push(`First-answer bytes ${kb(fa.gzip)} gzip: under the ${kb(FIRST_ANSWER_BAR)} bar, above the ${kb(FIRST_ANSWER_AIM)} aim.`);
}

const bundles = ceilingBundles();
console.log('\nOther bundles (gzip -9):');
table(
  ['bundle', 'raw', 'gzip -9', 'brotli', 'ceiling', 'status'],
  bundles.map((b) => {
    let status = 'ok';
    if (b.gzip === undefined) {
      status = 'MISSING';
      problems.push(`${b.file} is missing.`);
    } else if (b.gzip > b.ceiling) {
      status = `OVER CEILING by ${bytes(b.gzip - b.ceiling)}`;
      problems.push(`${b.file} is ${kb(b.gzip)} gzip, over its ${kb(b.ceiling)} ceiling (see CEILINGS in scripts/bundle-sizes.mjs).`);
    } else if (b.target && b.gzip > b.target) status = `ok; target ${kb(b.target)} missed by ${kb(b.gzip - b.target)}`;
    return [
      b.file,
      b.raw === undefined ? '-' : kb(b.raw),
      b.gzip === undefined ? '-' : `${kb(b.gzip)} (${bytes(b.gzip)})`,
      b.brotli === undefined ? '-' : kb(b.brotli),
      kb(b.ceiling),
      status,
    ];
  }),
);

for (const w of warnings) console.warn(`\nwarning: ${w}`);
if (problems.length) {
  console.error(`\nSize check FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nSize check passed.');
