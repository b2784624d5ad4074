/**
 * Several functions timed in interleaved rounds as by `interleaved()` (measure.mjs), with the same result, but each in its own V8 isolate:
 * a worker thread of this process, with its own heap, garbage collector and inline caches. One isolate runs at a
 * time; the others wait for a message.
 *
 * Why: in one shared heap, a function is charged with the garbage collection of the others' objects. Publicodes
 * allocates megabytes per round; simulate()'s rounds that follow ran the marking of that heap on the collector's
 * threads (their CPU time was half as much again as their wall time). Separate isolates time each function with
 * its own garbage only, as it runs in a page or a server of its own.
 *
 * Each function is made in its worker by `factories[name](...args)` from the module `factoriesUrl`.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { summarize } from './measure.mjs';

/**
 * @param {string} factoriesUrl module whose exports make the functions
 * @param {Record<string, unknown[]>} contestants name (an export of the module) → its arguments
 * @param {unknown[]} items the items every function is called on (copied into each worker)
 */
export async function isolatedInterleaved(factoriesUrl, contestants, items, { rounds = 7, minMs = 150, warmMs = 1000 } = {}) {
  const names = Object.keys(contestants);
  const workers = {};
  try {
    for (const name of names) {
      const worker = new Worker(new URL('./isolated-worker.mjs', import.meta.url), {
        workerData: { factoriesUrl, name, args: contestants[name], items },
      });
      const [ready] = await once(worker, 'message');
      if (ready.error) throw new Error(`${name}: ${ready.error}`);
      workers[name] = worker;
    }
    const ask = async (name, message) => {
      workers[name].postMessage(message);
      const [reply] = await once(workers[name], 'message');
      return reply;
    };
    const passes = {};
    for (const name of names) passes[name] = (await ask(name, { warm: { warmMs, minMs } })).passes;
    const samples = Object.fromEntries(names.map((n) => [n, []]));
    for (let r = 0; r < rounds; r++) for (const name of names) samples[name].push(await ask(name, { run: passes[name] }));
    return summarize(samples, passes, rounds);
  } finally {
    await Promise.all(Object.values(workers).map((w) => w.terminate()));
  }
}
