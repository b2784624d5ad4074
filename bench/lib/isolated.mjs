/**
 * Several functions timed in interleaved rounds as by `interleaved()` (measure.mjs), with the same result, but each in
 * isolates of its own: worker threads of this process, each with its own heap, garbage collector and inline caches.
 * One isolate runs at a time; the others wait for a message.
 *
 * Why isolates: in one shared heap, a function is charged with the garbage collection of the others' objects.
 * Publicodes allocates megabytes per round; simulate()'s rounds that follow ran the marking of that heap on the
 * collector's threads (their CPU time was half as much again as their wall time). Separate isolates time each
 * function with its own garbage only, as it runs in a page or a server of its own.
 *
 * Why several isolates per function (`isolates`, 3 by default; the engine bench uses 5): the same code, warmed up the same way, settles at
 * a different speed in each isolate (V8's optimisation and heap sizing decisions depend on timing): simulate()
 * measured 4.6 to 8.6 µs in eight isolates on this machine, each steady within a few per cent. One isolate is one
 * draw of that; the median over several is the typical speed, and the spread is reported beside it.
 *
 * Each function is made in its worker by `factories[name](...args)` from the module `factoriesUrl`.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { median, summarize } from './measure.mjs';

/**
 * @param {string} factoriesUrl module whose exports make the functions
 * @param {Record<string, unknown[]>} contestants name (an export of the module) → its arguments
 * @param {unknown[]} items the items every function is called on (copied into each worker)
 * @returns per name { wall, cpu } (medians over every round of every isolate) and `isolates`: each isolate's
 *   median wall time; `ratio(a, b)`: the median of a's wall time ÷ b's, over the runs of the same round and isolate
 *   index (run one after the other); `rounds`, `isolates` (the count).
 */
export async function isolatedInterleaved(factoriesUrl, contestants, items, { rounds = 7, minMs = 150, warmMs = 1000, isolates = 3 } = {}) {
  const names = Object.keys(contestants);
  /** @type {Record<string, Worker[]>} */
  const workers = Object.fromEntries(names.map((n) => [n, []]));
  try {
    for (const name of names)
      for (let k = 0; k < isolates; k++) {
        const worker = new Worker(new URL('./isolated-worker.mjs', import.meta.url), {
          workerData: { factoriesUrl, name, args: contestants[name], items },
        });
        const [ready] = await once(worker, 'message');
        if (ready.error) throw new Error(`${name}: ${ready.error}`);
        workers[name].push(worker);
      }
    const ask = async (worker, message) => {
      worker.postMessage(message);
      const [reply] = await once(worker, 'message');
      return reply;
    };
    const passes = {};
    for (const name of names) passes[name] = (await ask(workers[name][0], { warm: { warmMs, minMs } })).passes;
    // The other isolates warm up as long, for the same number of passes per run.
    for (const name of names) for (const w of workers[name].slice(1)) await ask(w, { warm: { warmMs, minMs } });
    // samples[name][k][r]: isolate k, round r.
    const samples = Object.fromEntries(names.map((n) => [n, workers[n].map(() => [])]));
    for (let r = 0; r < rounds; r++)
      for (let k = 0; k < isolates; k++)
        for (const name of names) samples[name][k].push(await ask(workers[name][k], { run: passes[name] }));
    // Flattened in the same order for every name, so that summarize() pairs the runs of the same round and isolate.
    const out = summarize(Object.fromEntries(names.map((n) => [n, samples[n].flat()])), passes, rounds);
    for (const name of names) out[name].isolates = samples[name].map((runs) => median(runs.map((s) => s.wall)));
    out.isolates = isolates;
    return out;
  } finally {
    await Promise.all(names.flatMap((n) => workers[n]).map((w) => w.terminate()));
  }
}
