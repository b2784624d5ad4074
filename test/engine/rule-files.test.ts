// The rule files validate, and a broken file is rejected with a path and what was expected.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateRuleFile } from '../../src/engine/rules/validate.js';

const root = new URL('../../rules/', import.meta.url).pathname;
const read = (f: string) => JSON.parse(readFileSync(new URL(`../../rules/${f}`, import.meta.url), 'utf8'));

test('every built-in scheme file is valid', () => {
  const files = readdirSync(new URL('../../rules/schemes/', import.meta.url)).filter(
    (f) => f.endsWith('.json') && !f.endsWith('.examples.json'),
  );
  assert.ok(files.includes('assistant-medical.json'));
  for (const f of files) assert.deepEqual(validateRuleFile('scheme', read(`schemes/${f}`)), [], f);
  assert.deepEqual(validateRuleFile('specialties', read('tables/specialties.json')), []);
  assert.deepEqual(validateRuleFile('percentiles', read('tables/percentiles.json')), []);
  assert.deepEqual(validateRuleFile('sources', read('sources.json')), []);
});

test('a broken scheme file is rejected with the JSON path and what was expected', () => {
  const broken = read('schemes/assistant-medical.json');
  broken.regimes[0].options[1].amounts.standard.values[2] = '22000';
  delete broken.regimes[1].options[0].amounts.standard.sources;
  broken.regimes[2].signedFrom.date = '1er septembre 2019';
  broken.regimes[0].conditions[0].sources = ['une brochure'];
  const issues = validateRuleFile('scheme', broken);
  const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
  assert.match(byPath['regimes[0].options[1].amounts.standard.values[2]'], /attendu number/);
  assert.match(byPath['regimes[1].options[0].amounts.standard.sources'], /attendu array/);
  assert.match(byPath['regimes[2].signedFrom.date'], /AAAA-MM-JJ/);
  assert.match(byPath['regimes[0].conditions[0].sources[0]'], /fichier seed|URL/);
});

test('cross-checks catch what the schema cannot', () => {
  const s = read('schemes/assistant-medical.json');
  s.regimes[1].revaluedBy = 'convention-2099';
  s.regimes[2].signedTo.date = '2018-01-01';
  const paths = validateRuleFile('scheme', s).map((i) => i.path);
  assert.ok(paths.includes('regimes[1].revaluedBy'));
  assert.ok(paths.includes('regimes[2].signedTo.date'));
});

/** Every string of a rule file with whether it is French or English (keys ending in `_en`, and `en` objects). */
function* texts(node: unknown, lang: 'fr' | 'en' = 'fr', path = ''): Generator<[string, 'fr' | 'en', string]> {
  if (typeof node === 'string') yield [node, lang, path];
  else if (Array.isArray(node)) for (const [i, n] of node.entries()) yield* texts(n, lang, `${path}[${i}]`);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (
        ['id', 'sources', 'url', '$schema', 'email', 'phone', 'test', 'when', 'links', 'inferred', 'version', 'updated', 'date'].includes(k)
      )
        continue;
      yield* texts(v, k === 'en' || k.endsWith('_en') ? 'en' : lang, path ? `${path}.${k}` : k);
    }
}

test('French typography in every rule text: ’, 1ᵉʳ, no-break spaces before : ; % € and inside « »', () => {
  const dirs = ['schemes', 'regions'];
  const files = [...dirs.flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`)), 'cumulation.json'];
  const problems: string[] = [];
  for (const file of files.filter((f) => f.endsWith('.json') && !f.endsWith('.examples.json'))) {
    for (const [s, lang, path] of texts(JSON.parse(readFileSync(join(root, file), 'utf8')))) {
      if (/^(https?:|pack:|\d{3}_)/.test(s)) continue;
      const bad = [
        /\p{L}'\p{L}/u.test(s) && 'straight apostrophe',
        lang === 'fr' && /\b1er\b|\b\d+(e|ème)\s/.test(s) && 'ordinal (1ᵉʳ, 3ᵉ)',
        lang === 'fr' && / [:;!?%€»]/.test(s) && 'ordinary space before : ; ! ? % € »',
        lang === 'fr' && /« /.test(s) && 'ordinary space after «',
        lang === 'fr' && /\d\.\d/.test(s) && 'decimal point (12,5 in French)',
      ].filter(Boolean);
      if (bad.length) problems.push(`${file} ${path}: ${bad.join(', ')}: ${s.slice(0, 80)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the cost table is valid; a broken one is rejected with the JSON path', () => {
  const costs = read('tables/costs.json');
  assert.deepEqual(validateRuleFile('costs', costs), []);
  // Every inference is labelled: the ratios, the half-time share, consultations per patient, the grid held since 2024.
  assert.ok(costs.employerCost.every((r: { inferred?: string; atmp: { inferred?: string } }) => r.inferred && r.atmp.inferred));
  assert.ok(costs.consultationsPerPatient.inferred && costs.options['1/2-etp'].inferred && costs.salaryGrid[1].inferred);
  costs.smic[2].from = '2024-06-01';
  costs.employerCost[1].points[0].ratio = 1.2;
  costs.salaryGrid[0].levels['9'] = '2117,56';
  delete costs.salaryGrid[1].levels['6'];
  const broken = validateRuleFile('costs', costs).map((i) => i.path);
  assert.deepEqual(broken, ['salaryGrid[0].levels.9']);
  costs.salaryGrid[0].levels['9'] = 2117.56;
  assert.deepEqual(
    validateRuleFile('costs', costs).map((i) => i.path),
    ['smic[2].from', 'salaryGrid[1].levels', 'employerCost[1].points[0].ratio'],
  );
});
