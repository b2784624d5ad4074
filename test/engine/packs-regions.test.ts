// Regions change defaults; rules packs merge over the built-in rules and name their publisher;
// malformed packs are refused with paths, and the engine keeps working on the built-in rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { builtinRules, compilePack, simulate } from '../../src/engine/index.js';

const dir = new URL('../fixtures/packs/', import.meta.url).pathname;
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const am = (sim: ReturnType<typeof simulate>) => sim.schemes.find((s) => s.id === 'assistant-medical')!;

test('region packs set the default scheme set and order', () => {
  const national = simulate({}, { asOf: '2026-03-01' });
  const occ = simulate({}, { asOf: '2026-03-01', region: 'occitanie' });
  assert.ok(!national.schemes.some((s) => s.id === 'ars-occitanie-installation'));
  assert.deepEqual(
    occ.schemes.map((s) => s.id),
    builtinRules.regions.get('occitanie')!.schemes,
  );
  assert.equal(occ.regionInfo.title, 'Occitanie');
  assert.ok(occ.regionInfo.contacts.some((c) => c.url === 'https://www.med-in-occ.org'));
  // `schemes` still overrides the region's set.
  assert.deepEqual(
    simulate({}, { region: 'occitanie', schemes: ['caim', 'assistant-medical'] }).schemes.map((s) => s.id),
    ['caim', 'assistant-medical'],
  );
});

test('the region follows the département; a département outside the configured region is a notice', () => {
  assert.equal(simulate({ department: '09' }).region, 'occitanie');
  assert.equal(simulate({ department: '75' }).region, 'national');
  const charente = simulate({ department: '16' });
  assert.equal(charente.region, 'nouvelle-aquitaine');
  assert.ok(charente.regionInfo.contacts.some((c) => c.email === 'dam.cpam-charente@assurance-maladie.fr'));
  assert.ok(charente.regionInfo.facts.some((f) => /53 contrats/.test(f.text)));
  assert.ok(!simulate({ department: '33' }).regionInfo.contacts.some((c) => c.department === '16'), 'Charente contacts only for Charente');
  const outside = simulate({ department: '75' }, { region: 'occitanie' });
  assert.equal(outside.region, 'occitanie');
  assert.deepEqual(outside.errors, []);
  assert.match(outside.notices[0].text, /Paris \(75\) n’est pas en Occitanie/);
});

test('Centre-Val de Loire specialty exceptions: avenant 7/8 only, named départements only', () => {
  const base = {
    specialty: 'radiologie',
    sector: '1',
    zoneSousDense: true,
    groupPractice: true,
    coordinatedPractice: true,
    percentile: 50,
    contractDate: '2021-06-01',
  };
  const reason = (p: object, region?: string) =>
    am(simulate(p, { asOf: '2021-06-01', region })).reasons.find((r) => r.id === 'specialite')!.ok;
  assert.equal(reason({ ...base, department: '36' }, 'centre-val-de-loire'), true, 'Indre lists radiologists');
  assert.equal(reason({ ...base, department: '18' }, 'centre-val-de-loire'), false, 'Cher lists only stomatologists');
  assert.equal(reason({ ...base }, 'centre-val-de-loire'), null, 'département needed');
  assert.deepEqual(am(simulate(base, { asOf: '2021-06-01', region: 'centre-val-de-loire' })).missing.slice(0, 1), ['department']);
  assert.equal(reason({ ...base, department: '36', zoneSousDense: false }, 'centre-val-de-loire'), false, 'only in zone sous-dense');
  // Under the 2024 convention radiologists are excluded whatever the region.
  const now = am(
    simulate({ ...base, department: '36', contractDate: '2025-01-01' }, { asOf: '2025-01-01', region: 'centre-val-de-loire' }),
  );
  assert.equal(now.reasons.find((r) => r.id === 'specialite')!.ok, false);
});

test('a pack overriding a percentile table changes the band and shows the pack as the source', () => {
  const pack = read('example-pack.json');
  const profile = { specialty: 'cardiologie', sector: '1', fileActive: 2000 };
  const before = am(simulate(profile, { asOf: '2026-03-01' }));
  assert.equal(before.status, 'incomplete');
  assert.deepEqual(before.missing.slice(0, 1), ['percentile']);
  // The pack gives cardiology's file-active thresholds: the engine can now place 2 000 patients itself.
  const sim = simulate({ ...profile, fileActive: 3500 }, { asOf: '2026-03-01', rules: pack });
  assert.deepEqual(sim.errors, []);
  assert.deepEqual(sim.pack, { publisher: pack.publisher, version: '2026.1', date: '2026-11-01' });
  const r = am(sim);
  assert.equal(r.status, 'eligible', JSON.stringify(r.reasons));
  const band = r.reasons.find((x) => x.id === 'tranche')!;
  assert.match(band.text, /P90 à P94/);
  assert.ok(
    band.sources.some((s) => s.publisher === pack.publisher),
    'band source names the publisher',
  );
  assert.deepEqual(
    r.options.find((o) => o.id === '1-etp')!.payments.map((p) => p.amount),
    [38000, 28000, 26000, 26000, 26000],
  );
});

test("a pack's objective grid gives the targets, with the pack as source", () => {
  const sim = simulate(
    { specialty: 'cardiologie', sector: '1', fileActive: 2000, percentile: 60 },
    { asOf: '2026-03-01', rules: read('example-pack.json') },
  );
  const o = am(sim).options.find((x) => x.id === '1-etp')!.objectives!;
  assert.deepEqual(o.fileActive, { from: 2000, target: 2300 });
  assert.ok(o.sources.some((s) => s.ref.startsWith('pack:')));
  // The built-in rules are untouched by the merge.
  assert.equal(builtinRules.objectiveGrids.length, 0);
  assert.match(
    am(simulate({ specialty: 'cardiologie', sector: '1', fileActive: 2000, percentile: 60 }, { asOf: '2026-03-01' })).options[1].objectives!
      .text,
    /CPAM/,
  );
});

const malformed = readdirSync(dir).filter((f) => f.startsWith('bad-'));

test('the fixtures hold at least ten malformed packs', () =>
  assert.ok(malformed.length + 1 >= 10, `${malformed.length} + the generated huge one`));

for (const file of malformed) {
  test(`malformed pack ${file}: refused with a path and a message; built-in rules used`, () => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      return; // not JSON at all: the widget and the CLI refuse it before the engine (tested below)
    }
    const r = compilePack(data);
    assert.equal(r.ok, false);
    if (!r.ok) for (const i of r.issues) assert.ok(i.path && i.message, JSON.stringify(i));
    const sim = simulate({ specialty: 'medecine-generale', sector: '1', percentile: 50 }, { asOf: '2026-03-01', rules: data });
    assert.equal(sim.errors[0].field, 'rules');
    assert.match(sim.errors[0].message, /Pack de règles invalide/);
    assert.equal(am(sim).status, 'eligible', 'the built-in rules still answer');
  });
}

test('markup in a pack is refused, never passed on', () => {
  const r = compilePack(read('bad-html-in-label.json'));
  assert.equal(r.ok, false);
  if (!r.ok) assert.ok(r.issues.some((i) => /balisage HTML/.test(i.message) && /regions\[0\]\.(title|contacts)/.test(i.path)));
});

test('the validator CLI accepts the example and exits non-zero on every malformed pack', () => {
  const cli = (files: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'validate', ...files], { encoding: 'utf8' });
  const ok = cli([join(dir, 'example-pack.json')]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /valide/);
  const huge = join(mkdtempSync(join(tmpdir(), 'aam-')), 'huge.json');
  writeFileSync(huge, JSON.stringify({ publisher: 'x', version: '1', date: '2026-01-01', description: 'x'.repeat(600 * 1024) }));
  for (const f of [...malformed.map((m) => join(dir, m)), huge]) {
    const r = cli([f]);
    assert.equal(r.status, 1, `${f}: ${r.stdout}`);
    assert.ok(r.stderr.length > 0);
  }
  assert.equal(cli([]).status, 2);
});
