/**
 * Engine benchmark (`npm run bench`): full evaluations of varied profiles on the shipped, minified
 * bundle, compared with the reference cost of such rules in Publicodes (about 1 ms per profile).
 * Figures, not assertions: performance is never checked in unit tests. CPU time is printed beside
 * wall time because a busy machine (CI, other processes) inflates wall time. Plain JavaScript run by
 * node itself: a TypeScript loader would re-transform the bundle it measures.
 */
import { performance } from 'node:perf_hooks';
import { schemeIds, simulate } from '../dist/engine-core.js';

const PUBLICODES_US_PER_PROFILE = 1000; // developers' guide reference figure
const TARGET_RATIO = 100;

/** @type {import('../dist/types/engine/types.js').Profile[]} */
const base = [
  { specialty: 'medecine-generale', sector: '1', patienteleMT: 900, fileActive: 1550, percentile: 50 },
  {
    specialty: 'medecine-generale',
    sector: '1',
    patienteleMT: 1600,
    fileActive: 2600,
    groupPractice: true,
    coordinatedPractice: true,
    contractDate: '2021-03-01',
  },
  { specialty: 'cardiologie', sector: '2-optam', fileActive: 2400, percentile: 92, age: 66 },
  {
    specialty: 'chirurgie',
    sector: '1',
    ccamShare: 0.15,
    percentile: 40,
    zone: 'zip',
    daysPerWeek: 3.5,
    firstInstallation: true,
    installationDate: '2025-11-02',
  },
  {
    specialty: 'medecine-generale',
    sector: '1',
    patienteleMT: 775,
    newlyInstalled: true,
    zone: 'zip',
    qpv: true,
    fmtAmount: 20000,
    department: '09',
  },
  { specialty: 'radiologie', sector: '2' },
  {},
];
const dates = ['2022-01-01', '2024-09-01', '2025-06-01', '2026-03-01'];
const cases = dates.flatMap((asOf) => base.map((p, i) => ({ p: { ...p, patienteleMT: p.patienteleMT && p.patienteleMT + i }, asOf })));

/** @returns {{ wall: number, cpu: number }} µs per evaluation */
function run(iterations, schemes) {
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const c = cases[i % cases.length];
    sink += simulate(c.p, { asOf: c.asOf, schemes }).schemes.length;
  }
  const wall = ((performance.now() - t0) * 1000) / iterations;
  const u = process.cpuUsage(cpu0);
  if (sink < 0) console.log(sink);
  return { wall, cpu: (u.user + u.system) / iterations };
}

function measure(label, schemes) {
  run(20_000, schemes); // warm-up: let the JIT settle
  const samples = Array.from({ length: 7 }, () => run(20_000, schemes));
  const median = (xs) => xs.sort((a, b) => a - b)[3];
  const wall = median(samples.map((s) => s.wall));
  const cpu = median(samples.map((s) => s.cpu));
  const ratio = PUBLICODES_US_PER_PROFILE / cpu;
  console.log(
    `${label.padEnd(44)} ${wall.toFixed(2).padStart(7)} µs wall  ${cpu.toFixed(2).padStart(7)} µs cpu  ` +
      `${ratio.toFixed(0).padStart(4)}× Publicodes ${ratio >= TARGET_RATIO ? 'OK' : `(target ${TARGET_RATIO}×)`}`,
  );
}

console.log(`simulate() on dist/engine-core.js, ${cases.length} profiles × dates, median of 7 runs of 20 000`);
measure(`all ${schemeIds.length} schemes + best combination`, schemeIds);
measure('assistant-medical only', ['assistant-medical']);

// Hostile input (issue 12): a host passing a huge `schemes` list. simulate() should cap it; until it
// does (see the todo test in test/engine/options-limits.test.ts), this is where the cost shows.
{
  const schemes = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? schemeIds[i % schemeIds.length] : `inconnu-${i}`));
  const t0 = performance.now();
  simulate({}, { schemes });
  console.log(`${'a 100 000-entry schemes list (once)'.padEnd(44)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms wall`);
}

// A rules pack nested as deep as the limits allow is compiled once, then cached.
{
  const { compilePack, MAX_PACK_DEPTH, builtinRules } = await import('../dist/engine.js');
  const scheme = structuredClone(builtinRules.schemes.get('assistant-medical'));
  let t = { field: 'sector', eq: '1' };
  for (let i = 0; i < MAX_PACK_DEPTH - 8; i++) t = { not: t };
  scheme.regimes[0].conditions[0].test = t;
  const t0 = performance.now();
  const r = compilePack({ publisher: 'bench', version: '1', date: '2026-01-01', schemes: [scheme] });
  console.log(
    `${'compilePack, deepest allowed pack (once)'.padEnd(44)} ${(performance.now() - t0).toFixed(1).padStart(7)} ms wall  ${r.ok ? 'valid' : 'refused'}`,
  );
}
