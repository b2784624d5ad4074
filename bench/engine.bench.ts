/**
 * Engine benchmark: full evaluations per second over varied profiles, compared with the
 * reference cost of the same kind of rules in Publicodes (about 1 ms per profile).
 * Run with `npm run bench`. Figures, not assertions: performance is never checked in unit tests.
 */
import { performance } from 'node:perf_hooks';
// Measures the shipped bundle (minified by the build), not the TypeScript sources.
import { schemeIds, simulate, type Profile } from '../dist/engine.js';

const PUBLICODES_MS_PER_PROFILE = 1; // developers' guide reference figure
const TARGET_RATIO = 100;

const base: Profile[] = [
  { specialty: 'medecine-generale', sector: '1', patienteleMT: 900, fileActive: 1550, percentile: 50 },
  { specialty: 'medecine-generale', sector: '1', patienteleMT: 1600, fileActive: 2600, groupPractice: true, coordinatedPractice: true, contractDate: '2021-03-01' },
  { specialty: 'cardiologie', sector: '2-optam', fileActive: 2400, percentile: 92, age: 66 },
  { specialty: 'chirurgie', sector: '1', ccamShare: 0.15, percentile: 40, zone: 'zip', daysPerWeek: 3.5, firstInstallation: true },
  { specialty: 'medecine-generale', sector: '1', patienteleMT: 775, newlyInstalled: true, zone: 'zip', qpv: true, fmtAmount: 20000 },
  { specialty: 'radiologie', sector: '2' },
  {},
];
const dates = ['2022-01-01', '2024-09-01', '2025-06-01', '2026-03-01'];
const cases = dates.flatMap((asOf) => base.map((p, i) => ({ p: { ...p, patienteleMT: p.patienteleMT && p.patienteleMT + i }, asOf })));

function run(iterations: number): number {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const c = cases[i % cases.length];
    sink += simulate(c.p, { asOf: c.asOf, schemes: schemeIds }).schemes.length;
  }
  const ms = performance.now() - t0;
  if (sink < 0) console.log(sink);
  return ms;
}

run(20_000); // warm-up: let the JIT settle
const samples: number[] = [];
const N = 50_000;
for (let k = 0; k < 5; k++) samples.push((run(N) * 1000) / N);
samples.sort((a, b) => a - b);
const median = samples[2];
const ratio = (PUBLICODES_MS_PER_PROFILE * 1000) / median;
console.log(`schemes evaluated per profile: ${schemeIds.length} (${schemeIds.join(', ')})`);
console.log(`simulate(): median ${median.toFixed(2)} µs per full evaluation (runs: ${samples.map((s) => s.toFixed(2)).join(', ')} µs)`);
console.log(`vs Publicodes reference (${PUBLICODES_MS_PER_PROFILE} ms/profile): ${ratio.toFixed(0)}× faster (target ≥ ${TARGET_RATIO}×) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`);
