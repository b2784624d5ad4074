/**
 * One function of isolatedInterleaved() (isolated.mjs) in its own isolate: made by its factory, then warmed up and
 * timed on the parent's demand, in whole passes over the items. CPU time is the process's (the other isolates wait).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { timePasses, warmUp } from './measure.mjs';

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
  parentPort.postMessage({ ...timePasses(pass, run, items.length), sink });
});
if (fn) parentPort.postMessage({ ready: true });
