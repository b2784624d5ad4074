/** Timing helpers: medians of repeated runs, CPU time beside wall time (a busy machine inflates wall time only). */
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * µs per item of `fn` over `items`: a warm-up run, then `runs` runs of whole passes over the items (as many
 * passes as fill `minMs`), median of the runs. Returns wall and CPU (user + system, every thread) time.
 * @template T
 * @param {(item: T) => unknown} fn
 * @param {T[]} items
 */
export function perItem(fn, items, { runs = 7, minMs = 150 } = {}) {
  let sink = 0;
  const pass = () => {
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === sink) sink++;
  };
  // Warm-up, and how many passes fill minMs.
  let t0 = performance.now();
  pass();
  const once = performance.now() - t0;
  const passes = Math.max(1, Math.ceil(minMs / Math.max(once, 0.001)));
  for (let i = 1; i < Math.min(passes, 5); i++) pass();
  const walls = [];
  const cpus = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    for (let p = 0; p < passes; p++) pass();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const n = passes * items.length;
    walls.push((wall * 1000) / n);
    cpus.push((c.user + c.system) / n);
  }
  if (sink === -1) console.log(sink);
  return { wall: median(walls), cpu: median(cpus), n: items.length, passes, runs };
}

/** ms of one call of `fn` (after `warm` calls), median of `runs`. */
export function perCall(fn, { runs = 21, warm = 3 } = {}) {
  for (let i = 0; i < warm; i++) fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
