/**
 * The npm package's entries (dist/npm/, built by `npm run build`): each engine entry computes what the source does
 * (objectives and English included: side-effect imports survive the multi-entry build), imports its dependencies
 * by bare name (an application dedupes them), and package.json's exports and sideEffects name files that exist.
 * Skipped, with a message, before a build (CI builds first).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const built = existsSync(new URL('dist/npm/engine.js', root));
const skip = built ? false : 'dist/npm/ is not built: run `npm run build` first';
const GP = {
  specialty: 'medecine-generale',
  sector: '1',
  situation: 'installe',
  patienteleMT: 1200,
  fileActive: 1900,
  age: 50,
  option: '1-etp',
};

for (const entry of ['engine.js', 'engine-core.js'])
  test(`dist/npm/${entry}: the assistant aid with its objectives, in French and English`, { skip }, async () => {
    const m = (await import(new URL(`dist/npm/${entry}`, root).href)) as typeof import('../../src/engine/index.js');
    const fr = m.simulate(GP, { schemes: ['assistant-medical'], asOf: '2026-12-01' });
    const option = fr.schemes[0].options[0];
    assert.equal(fr.schemes[0].status, 'eligible');
    assert.ok(option.total > 0);
    assert.ok(option.objectives, 'objectives computed (band-detail registered)');
    const en = m.simulate(GP, { schemes: ['assistant-medical'], asOf: '2026-12-01', lang: 'en' });
    assert.match(en.answer.text, /^You can claim/);
    if (entry === 'engine.js') assert.equal(typeof (m as { compilePack?: unknown }).compilePack, 'function');
  });

test('dist/npm/ imports lit, @lit/localize and zod by bare name, never a copy of them', { skip }, () => {
  const dir = new URL('dist/npm/', root);
  const files = ['index.js', 'element.js', 'engine.js', ...readdirSync(new URL('chunks/', dir)).map((f) => `chunks/${f}`)];
  const all = files.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
  assert.match(all, /from\s*"lit"|import\s*"lit"/);
  assert.match(all, /"zod\/mini"/);
  // Lit's own code would carry its version marker; zod's, its error map.
  assert.doesNotMatch(all, /litElementVersions|reactiveElementVersions|litHtmlVersions/);
  assert.doesNotMatch(all, /\$ZodError|ZodMiniType/);
});

test('package.json: every export, the bin and the side-effect files exist in the build', { skip }, () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
    bin: Record<string, string>;
    sideEffects: string[];
  };
  const targets = Object.entries(pkg.exports).flatMap(([key, v]) =>
    key.includes('*') ? [] : typeof v === 'string' ? [v] : Object.values(v),
  );
  for (const t of [...targets, ...Object.values(pkg.bin)]) assert.ok(existsSync(new URL(t, root)), `${t} is missing`);
  for (const pattern of pkg.sideEffects) {
    const [dir, file] = [pattern.slice(0, pattern.lastIndexOf('/') + 1), pattern.slice(pattern.lastIndexOf('/') + 1)];
    const re = new RegExp(`^${file.replace(/[.]/g, '\\.').replace('*', '[^/]+')}$`);
    assert.ok(
      readdirSync(new URL(dir, root)).some((f) => re.test(f)),
      `sideEffects: nothing matches ${pattern}`,
    );
  }
});
