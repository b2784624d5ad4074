/**
 * One function of isolatedInterleaved() (isolated.mjs) in its own isolate: made by its factory, then warmed up and
 * timed on the parent's demand, in whole passes over the items. CPU time is the process's (the other isolates wait).
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { warmUp } from './measure.mjs';

const { factoriesUrl, name, args, items } = workerData;
let fn;
try {
  fn = await (await import(factoriesUrl))[name](...args);
} catch (e) {
  parentPort.postMessage({ error: String(e) });
}
let sink = 0;
const pass = () => {
  for (let i = 0; i < items.length; i++) if (fn(items[i]) === sink) sink++;
};
parentPort.on('message', ({ warm, run }) => {
  if (warm) return parentPort.postMessage({ passes: warmUp(pass, warm.warmMs, warm.minMs) });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let p = 0; p < run; p++) pass();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const n = run * items.length;
  parentPort.postMessage({ wall: (wall * 1000) / n, cpu: (c.user + c.system) / n, sink });
});
if (fn) parentPort.postMessage({ ready: true });
