/**
 * The best-combination search at 10, 20, 30 and 40 eligible schemes, on synthetic inputs: src/engine/combinations.ts
 * bundled by esbuild (it is not exported by the engine's entries) into bench/.out/, fed with eligible scheme results
 * and a cumulation file with a realistic structure (seeded): a few cliques of mutually exclusive schemes (one
 * installation aid at a time), random exclusions, pairs whose cumulation the texts leave unknown, the rest allowed.
 *
 *   combine()       what simulate() runs: the best confirmed combination, the best one needing an unknown
 *                   cumulation, and the best one holding each scheme left out (n + 2 searches at most);
 *   maxWeightSet()  one search.
 * Checked against a brute force over every subset for n ≤ 16 before timing; timed after a warm-up (steady state).
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from './lib/measure.mjs';
import { random } from './lib/random.mjs';
import { performance } from 'node:perf_hooks';

const BAR_MS = 20;
const SIZES = [10, 20, 30, 40];
const HORIZON = 5;

export async function load() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/engine/combinations.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].text;
  // A copy to read (.txt: ESLint and Prettier, which check bench/, leave it alone); the module itself is imported
  // from memory: it imports nothing.
  mkdirSync(new URL('./.out/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./.out/combinations.js.txt', import.meta.url), code);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * n eligible schemes and their cumulation rules. Pairs: in one of `cliques` groups of 3–5 → excluded; else
 * excluded with probability `pExcluded`, unknown (no rule: the file's fallback) with `pUnknown`, allowed otherwise.
 */
export function instance(n, seed, { cliques = Math.max(1, Math.round(n / 10)), pExcluded = 0.08, pUnknown = 0.05 } = {}) {
  const r = random(seed);
  const ids = Array.from({ length: n }, (_, i) => `s${i}`);
  const groupOf = new Array(n).fill(-1);
  const order = ids.map((_, i) => i).sort(() => r.next() - 0.5);
  let k = 0;
  for (let c = 0; c < cliques && k < n; c++) for (let size = 3 + r.int(3); size > 0 && k < n; size--) groupOf[order[k++]] = c;
  const rules = [];
  const hard = ids.map(() => []);
  const soft = ids.map(() => []);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const x = r.next();
      const kind =
        groupOf[i] >= 0 && groupOf[i] === groupOf[j]
          ? 'excluded'
          : x < pExcluded
            ? 'excluded'
            : x < pExcluded + pUnknown
              ? 'unknown'
              : 'allowed';
      if (kind !== 'unknown') rules.push({ kind, a: [ids[i]], b: [ids[j]], text: `${kind} ${i}-${j}`, sources: [] });
      const list = kind === 'excluded' ? hard : kind === 'unknown' ? soft : undefined;
      list?.[i].push(j);
      list?.[j].push(i);
    }
  // Amounts over 5 years, like the real schemes': a few large, many small.
  const results = ids.map((id) => {
    const yearly = r.chance(0.3) ? 5000 + r.int(40000) : r.int(6000);
    const years = 1 + r.int(HORIZON);
    const payments = Array.from({ length: years }, (_, y) => ({ year: y + 1, amount: yearly }));
    return {
      id,
      title: id,
      status: 'eligible',
      reasons: [],
      missing: [],
      notes: [],
      options: [{ id: 'o', label: 'o', payments, total: yearly * years }],
    };
  });
  const env = {
    asOf: '2026-12-01',
    lang: 'fr',
    rules: { cumulation: { rules, fallback: { text: 'inconnu' } }, schemes: new Map(), resolve: () => [] },
  };
  return { results, env, weights: results.map((x) => x.options[0].total), hard, soft };
}

/** Brute force: the heaviest subset with no conflict holding every forced vertex (weight only). */
function bruteForce(weights, conflicts, forced) {
  const n = weights.length;
  let best = -1;
  for (let mask = 0; mask < 1 << n; mask++) {
    let ok = true;
    let w = 0;
    for (let i = 0; i < n && ok; i++) {
      const inSet = (mask >> i) & 1;
      if (!inSet) {
        if (forced[i]) ok = false;
        continue;
      }
      w += weights[i];
      for (const j of conflicts[i]) if ((mask >> j) & 1) ok = false;
    }
    if (ok && w > best) best = w;
  }
  return best;
}

function check({ maxWeightSet, combine }) {
  let cases = 0;
  for (let n = 2; n <= 16; n++)
    for (let seed = 1; seed <= 6; seed++) {
      const x = instance(n, 1000 * n + seed, { pExcluded: 0.1 + 0.05 * (seed % 4), pUnknown: 0.1 });
      const conflicts = x.hard.map((h, i) => [...h, ...x.soft[i]]);
      const r = random(seed);
      const forced = x.weights.map(() => r.chance(0.1));
      const expected = bruteForce(x.weights, conflicts, forced);
      const set = maxWeightSet(x.weights, conflicts, forced);
      const inSet = new Set(set);
      const weight = set.reduce((t, i) => t + x.weights[i], 0);
      const independent = set.every((i) => conflicts[i].every((j) => !inSet.has(j)));
      const maximal = x.weights.every((_, i) => inSet.has(i) || conflicts[i].some((j) => inSet.has(j)));
      const feasible = expected >= 0;
      if (feasible && (weight !== expected || !independent || !maximal || forced.some((f, i) => f && !inSet.has(i))))
        throw new Error(`maxWeightSet is wrong at n = ${n}, seed ${seed}: ${weight} found, ${expected} by brute force.`);
      // combine(): its first combination is the best confirmed one.
      const noForce = x.weights.map(() => false);
      const first = combine(x.results, {}, x.env).combinations[0];
      if (first.total !== bruteForce(x.weights, conflicts, noForce))
        throw new Error(`combine() is wrong at n = ${n}, seed ${seed}: ${first.total} found.`);
      cases++;
    }
  return cases;
}

/** @returns {Promise<object[]>} table rows */
export async function combinationBench({ quick = false } = {}) {
  const mod = await load();
  const cases = check(mod);
  const rows = [
    {
      measure: 'Combination search checked against a brute force over every subset (n = 2…16, forced schemes too)',
      result: `${cases} instances, same total weight; sets conflict-free and maximal`,
      status: 'OK',
    },
  ];
  const instances = quick ? 5 : 15;
  // Warm-up (the JIT compiles the search on the first calls): the figures are the steady state, like the engine's.
  for (const n of SIZES) {
    const x = instance(n, 1);
    for (let k = 0; k < 30; k++) mod.combine(x.results, {}, x.env);
  }
  for (const n of SIZES) {
    const combineMs = [];
    const searchMs = [];
    for (let s = 0; s < instances; s++) {
      const x = instance(n, 7 * n + s);
      const conflicts = x.hard.map((h, i) => [...h, ...x.soft[i]]);
      const forced = x.weights.map(() => false);
      const times = [];
      const one = [];
      for (let k = 0; k < (quick ? 5 : 11); k++) {
        let t0 = performance.now();
        mod.combine(x.results, {}, x.env);
        times.push(performance.now() - t0);
        t0 = performance.now();
        mod.maxWeightSet(x.weights, conflicts, forced);
        one.push(performance.now() - t0);
      }
      combineMs.push(median(times));
      searchMs.push(median(one));
    }
    const worst = Math.max(...combineMs);
    rows.push({
      measure: `Best combination, ${n} eligible schemes: combine() (median / worst of ${instances} instances); one maxWeightSet()`,
      result: `${median(combineMs).toFixed(2)} ms / ${worst.toFixed(2)} ms; ${median(searchMs).toFixed(3)} ms`,
      name: 'combination search, 30 schemes',
      bar: n === 30 ? `< ${BAR_MS} ms (worst instance)` : '',
      status: n === 30 ? (worst < BAR_MS ? 'OK' : 'MISSED') : '',
    });
  }
  return rows;
}
