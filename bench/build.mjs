#!/usr/bin/env node
/**
 * Builds what the bench measures with the project's own rollup configs (rollup.config.mjs): the split widget,
 * dist/engine-core.js and dist/engine.js (`npm run build:js` builds these and more). dist/chunks/ is emptied
 * first, so that no stale chunk is served. Run by bench/index.mjs in a process of its own.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const { default: configs } = await import('../rollup.config.mjs');
const wanted = configs.filter((c) => c.output.dir === 'dist' || ['dist/engine-core.js', 'dist/engine.js'].includes(c.output.file));
rmSync('dist/chunks', { recursive: true, force: true });
for (const config of wanted) {
  const t0 = performance.now();
  const bundle = await rollup(config);
  await bundle.write(config.output);
  await bundle.close();
  console.error(`bench: built ${config.output.file ?? 'dist/ (split widget)'} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
