/** Timing helpers: medians of repeated runs, CPU time beside wall time (a busy machine inflates wall time only). */
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs `pass` until its time per pass stops improving (no gain over 3 % for 4 slices of 50 ms, after at least
 * `warmMs`; 5 s at most): V8 optimises a function only after many calls, and simulate() needs about a second of
 * calls to go from ~200 µs to its steady ~12 µs. Returns how many passes fill `minMs`, from the last slice.
 */
export function warmUp(pass, warmMs, minMs) {
  const start = performance.now();
  let best = Infinity;
  let sinceBest = 0;
  let last = 0;
  for (;;) {
    const t0 = performance.now();
    let k = 0;
    do {
      pass();
      k++;
    } while (performance.now() - t0 < 50);
    last = (performance.now() - t0) / k;
    if (last < best * 0.97) {
      best = last;
      sinceBest = 0;
    } else sinceBest++;
    const elapsed = performance.now() - start;
    if ((elapsed >= warmMs && sinceBest >= 4) || elapsed > 5000) break;
  }
  return Math.max(1, Math.ceil(minMs / Math.max(last, 0.001)));
}

/**
 * µs per item of `fn` over `items`: a warm-up (see warmUp), then `runs` runs of whole passes over the items (as many
 * passes as fill `minMs`), median of the runs. Returns wall and CPU (user + system, every thread) time.
 * @template T
 * @param {(item: T) => unknown} fn
 * @param {T[]} items
 */
export function perItem(fn, items, { runs = 7, minMs = 150, warmMs = 1000 } = {}) {
  let sink = 0;
  const pass = () => {
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === sink) sink++;
  };
  const passes = warmUp(pass, warmMs, minMs);
  const samples = [];
  for (let r = 0; r < runs; r++) samples.push(timePasses(pass, passes, items.length));
  if (sink === -1) console.log(sink);
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), n: items.length, passes, runs };
}

/** µs per item of `passes` calls of `pass` (each over `itemCount` items): wall, and CPU (user + system, every thread). */
export function timePasses(pass, passes, itemCount) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let p = 0; p < passes; p++) pass();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const n = passes * itemCount;
  return { wall: (wall * 1000) / n, cpu: (c.user + c.system) / n };
}

/**
 * Interleaved rounds' samples (per name, one { wall, cpu } per round) → per name the medians, `ratios(a, b)`: a's wall
 * time ÷ b's in the same round, for every round, sorted, and `ratio(a, b)`: their median.
 */
export function summarize(samples, passes, rounds) {
  const out = {};
  for (const [name, s] of Object.entries(samples))
    out[name] = { wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), passes: passes[name] };
  out.ratios = (a, b) => samples[a].map((s, i) => s.wall / samples[b][i].wall).sort((x, y) => x - y);
  out.ratio = (a, b) => median(out.ratios(a, b));
  out.rounds = rounds;
  return out;
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

/**
 * Several functions over the same items, timed in interleaved rounds (a, b, c, a, b, c…) so that a change of load
 * on the machine during the measurement hits them all alike. Each run is whole passes over the items (as many as
 * fill `minMs` for that function), after a warm-up. Returns, per function, the median µs per item (wall and CPU),
 * and `ratio(a, b)`: the median over rounds of a's wall time ÷ b's in the same round.
 * @param {Record<string, (item: any) => unknown>} fns
 * @param {any[]} items
 */
export function interleaved(fns, items, { rounds = 7, minMs = 150, warmMs = 1000 } = {}) {
  let sink = 0;
  const names = Object.keys(fns);
  const passes = {};
  const pass = (fn) => {
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === sink) sink++;
  };
  for (const name of names) passes[name] = warmUp(() => pass(fns[name]), warmMs, minMs);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds; r++)
    for (const name of names) samples[name].push(timePasses(() => pass(fns[name]), passes[name], items.length));
  if (sink === -1) console.log(sink);
  return summarize(samples, passes, rounds);
}

/**
 * Bytes allocated per item by `fn` (after a warm-up), from V8's sampling heap profiler with the objects the
 * collector has freed kept in the samples: a figure that does not move with the machine's load, unlike timings.
 * Sampling: within a few per cent over the ~10 000 calls made here.
 */
export async function allocatedPerItem(fn, items, { passes = 40, warmPasses = 200, interval = 256 } = {}) {
  const { Session } = await import('node:inspector/promises');
  let sink = 0;
  const pass = () => {
    for (let i = 0; i < items.length; i++) if (fn(items[i]) === sink) sink++;
  };
  for (let p = 0; p < warmPasses; p++) pass();
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: interval,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let p = 0; p < passes; p++) pass();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    const bytes = profile.samples.reduce((sum, s) => sum + s.size, 0);
    return bytes / (passes * items.length);
  } finally {
    session.disconnect();
  }
}
