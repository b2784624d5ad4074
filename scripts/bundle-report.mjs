#!/usr/bin/env node
// What takes room in each bundle: bundles again (without writing dist/) and lists every
// package / source file with its minified-with-the-rest share estimated from its
// unminified rendered size, plus its own gzip -9 size.
//
//   node scripts/bundle-report.mjs [top=25]
import { rollup } from 'rollup';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const top = Number(process.argv[2] ?? 25);
const { default: configs } = await import(new URL('../rollup.config.mjs', import.meta.url));
const gz = (s) => gzipSync(s, { level: constants.Z_BEST_COMPRESSION }).length;

for (const cfg of configs) {
  const bundle = await rollup({ ...cfg, onwarn: () => {} });
  const { output } = await bundle.generate({ ...cfg.output, sourcemap: false });
  await bundle.close();
  const chunk = output.find((o) => o.type === 'chunk');
  const groups = new Map();
  for (const [id, m] of Object.entries(chunk.modules)) {
    const rel = id.startsWith(root) ? id.slice(root.length) : id;
    const parts = rel.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(1, parts[1].startsWith('@') ? 3 : 2).join('/') : rel;
    const g = groups.get(key) ?? { raw: 0, code: '' };
    g.raw += m.renderedLength;
    g.code += m.code ?? '';
    groups.set(key, g);
  }
  const total = [...groups.values()].reduce((s, g) => s + g.raw, 0);
  console.log(`\n${cfg.output.file}: ${chunk.code.length} B minified, ${gz(chunk.code)} B gzip -9`);
  console.log('  share  rendered(B)  alone-gzip(B)  module');
  for (const [k, g] of [...groups].sort((a, b) => b[1].raw - a[1].raw).slice(0, top)) {
    console.log(
      `${((g.raw / total) * 100).toFixed(1).padStart(6)}% ${String(g.raw).padStart(11)} ${String(gz(g.code)).padStart(14)}  ${k}`,
    );
  }
}
