#!/usr/bin/env node
/**
 * `npm run bench`: one table from one run (issue 11), in Markdown, with the machine it ran on.
 *
 *   node bench/index.mjs [--no-build] [--quick] [--write]
 *     --no-build  measure the bundles already in dist/ (default: build them first)
 *     --quick     fewer runs (a quick look while working; never for BENCHMARKS.md)
 *     --write     also put the table in BENCHMARKS.md, between its bench:start and bench:end markers
 *
 * Progress goes to stderr, the table to stdout: `npm run -s bench -- --no-build > table.md` keeps only the table.
 * Timings are figures, never assertions: nothing here fails a build or a test (the build checks bytes only).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { root } from '../scripts/bundle-sizes.mjs';

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--no-build', '--quick', '--write'].includes(a));
if (unknown.length) {
  console.error(`bench: unknown option ${unknown.join(' ')}; usage: node bench/index.mjs [--no-build] [--quick] [--write]`);
  process.exit(2);
}
const quick = args.has('--quick');
const started = performance.now();
const loadAtStart = loadavg();
const say = (s) => process.stderr.write(`bench: ${s}\n`);

/** The bundles the bench measures, built in a process of their own (bench/build.mjs). */
function buildBundles() {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./build.mjs', import.meta.url))], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('the build failed (see above)');
}

function machine(chromium) {
  const cpu = cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'rules', 'rollup.config.mjs'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    if (dirty) commit += ' (with uncommitted changes to src/ or rules/)';
  } catch {}
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'}, ${availableParallelism()} cores available (${cpu.length} logical); ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM`,
    `${type()} ${release()}; load average (1, 5, 15 min) at start ${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
    `Node ${process.version}; Chromium ${chromium} (headless, playwright-core)`,
    `Commit ${commit || 'unknown'}; run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  ];
}

/** A Markdown table cell: `|` escaped, and `<` outside code spans (so that `<p>` shows as text). */
function cell(s = '') {
  return String(s)
    .split('`')
    .map((part, i) => (i % 2 ? part.replaceAll('|', '\\|') : part.replaceAll('|', '\\|').replaceAll('<', '&lt;')))
    .join('`');
}

function markdown(sections, lines, summary, seconds) {
  const out = ['| Measure | Result | Bar | Status |', '|---|---|---|---|'];
  for (const [title, rows] of sections) {
    out.push(`| **${cell(title)}** | | | |`);
    for (const r of rows) out.push(`| ${cell(r.measure)} | ${cell(r.result)} | ${cell(r.bar)} | ${cell(r.status)} |`);
  }
  return [
    ...lines.map((l) => `- ${l}`),
    `- Command: \`npm run bench\`${quick ? ' -- --quick (fewer runs)' : ''}; the whole run took ${seconds.toFixed(0)} s${args.has('--no-build') ? ' (no build)' : ', build included'}`,
    '',
    ...out,
    '',
    summary,
  ].join('\n');
}

async function main() {
  if (!args.has('--no-build')) {
    say('building the split widget and the engines (rollup.config.mjs)…');
    buildBundles();
  }
  const sections = [];
  let mark = performance.now();
  const lap = () => {
    const s = ((performance.now() - mark) / 1000).toFixed(0);
    mark = performance.now();
    return `${s} s`;
  };
  say('bytes…');
  const { bytesBench } = await import('./bytes.mjs');
  const bytes = await bytesBench();
  sections.push(['Bytes (gzip -9 / brotli -q 11, 1 KB = 1024 B)', bytes.rows]);

  say(`browser (headless Chromium)… (bytes took ${lap()})`);
  const { browserBench } = await import('./browser.mjs');
  const sizes = new Map(bytes.widget.files.map((f) => ['/' + f.file, f.gzip]));
  const browser = await browserBench({ quick, sizeOf: (p) => sizes.get(p), firstAnswerFiles: bytes.widget.firstAnswer.files });
  sections.push(['Browser: headless Chromium, localhost, fresh context per load', browser.rows]);

  say(`engine (node, dist/engine-core.js)… (browser took ${lap()})`);
  // In a process of its own: the browser section leaves this one with Playwright's heap (and Chromium's processes
  // closing), whose collection would be counted in the engine's microseconds.
  const engineRun = spawnSync(process.execPath, [fileURLToPath(new URL('./engine.mjs', import.meta.url)), ...(quick ? ['--quick'] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (engineRun.status !== 0) throw new Error(`bench/engine.mjs failed (exit ${engineRun.status})`);
  const engine = JSON.parse(engineRun.stdout);
  sections.push([
    'Engine: node (a process of its own), dist/engine-core.js, µs per profile (median of runs, after a warm-up)',
    engine.rows,
  ]);

  say(`combination search… (engine took ${lap()})`);
  const { combinationBench } = await import('./combinations.mjs');
  sections.push([
    'Best-combination search: src/engine/combinations.ts bundled by esbuild, synthetic inputs',
    await combinationBench({ quick }),
  ]);

  say(`done (combination search took ${lap()})`);
  const rows = sections.flatMap(([, r]) => r);
  // A goal (beyond a bar, « goal beyond » in the issue) is shown in the Bar column but not counted as a bar.
  const bars = rows.filter((r) => r.bar && !r.goal);
  const goals = rows.filter((r) => r.goal);
  const met = bars.filter((r) => r.status?.startsWith('OK'));
  const missed = bars.filter((r) => !r.status?.startsWith('OK'));
  const flagged = rows.filter((r) => !r.bar && r.status && !['OK', 'agrees'].includes(r.status));
  const list = (xs) => xs.map((r) => r.name ?? r.measure).join('; ');
  const summary = [
    `**Bars: ${met.length} met, ${missed.length} missed.**` +
      (met.length ? ` Met: ${list(met)}.` : '') +
      (missed.length ? ` Missed: ${list(missed)}.` : ''),
    ...(goals.length
      ? [
          `Goals beyond the bars: ${goals.map((r) => `${r.name ?? r.measure} ${r.status?.startsWith('OK') ? 'met' : 'not met'}`).join('; ')}.`,
        ]
      : []),
    ...(flagged.length ? [`**Checks flagged: ${flagged.length}** (${flagged.map((r) => `${r.status}: ${r.measure}`).join('; ')}).`] : []),
    ...browser.notes.map((n) => `Note: ${n}`),
  ].join('\n\n');
  const text = markdown(sections, machine(browser.version), summary, (performance.now() - started) / 1000);
  console.log(text);

  if (args.has('--write')) {
    const file = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
    const doc = readFileSync(file, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const a = doc.indexOf(start);
    const b = doc.indexOf(end);
    if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${start} … ${end} block to write the table into.`);
    // Formatted as `npm run lint` wants it (Prettier aligns the table's columns).
    const prettier = await import('prettier');
    const next = `${doc.slice(0, a + start.length)}\n\n${text}\n\n${doc.slice(b)}`;
    writeFileSync(file, await prettier.format(next, { ...(await prettier.resolveConfig(file)), filepath: file }));
    say('table written to BENCHMARKS.md');
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
