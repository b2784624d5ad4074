// The documentation site (`npm run docs`, scripts/build-docs.mjs): built into a temporary directory from the
// rule files, then read as a visitor would: the assistant-médical page's amounts, sources, estimates, examples
// and regimes; a page for every scheme and region; no script, nothing fetched from elsewhere; every internal
// link and fragment resolves. A copy of the rules with a made-up scheme checks escaping and unknown keys.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildDocs } from '../../scripts/build-docs.mjs';
import { docsPage } from '../../src/element/docs-link.js';
import { simulate } from '../../src/engine/core.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = join(root, 'rules');
const temp = mkdtempSync(join(tmpdir(), 'aam-docs-'));
const out = join(temp, 'site');
// A fixed build date: which regimes are open depends on it, and the tests must not depend on the clock.
const today = '2026-12-01';

const read = (file: string) => readFileSync(join(out, file), 'utf8');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|[\u00a0\u202f]/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
/** The element with this id (a figure's tbody, a section…), as HTML. */
function byId(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*\\sid="${id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"[^>]*>`).exec(html);
  assert.ok(m, `no element with id="${id}"`);
  const tag = m[1];
  // Same-tag nesting is counted so that a section holding sections ends at its own closing tag.
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  re.lastIndex = m.index + m[0].length;
  let depth = 1;
  for (let x = re.exec(html); x; x = re.exec(html)) {
    depth += x[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(m.index, x.index + x[0].length);
  }
  throw new Error(`unclosed <${tag} id="${id}">`);
}
const numberCells = (html: string) => [...html.matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((m) => text(m[1]));
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
const schemeIds = () =>
  readdirSync(join(rulesDir, 'schemes'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.examples.json'))
    .map((f) => JSON.parse(readFileSync(join(rulesDir, 'schemes', f), 'utf8')).id as string);
const regionIds = () =>
  readdirSync(join(rulesDir, 'regions')).map((f) => JSON.parse(readFileSync(join(rulesDir, 'regions', f), 'utf8')).id as string);
const AMELI_2024 = 'https://www.ameli.fr/medecin/actualites/aide-l-emploi-d-un-assistant-medical-ce-qui-change-des-juin-2024';

before(() => {
  buildDocs({ rules: rulesDir, out, today });
});
after(() => rmSync(temp, { recursive: true, force: true }));

test('docs: the assistant-médical page lists the 2024 amounts in French number format, by option and band', () => {
  const page = read('schemes/assistant-medical.html');
  assert.deepEqual(numberCells(byId(page, 'convention-2024-1-etp-standard')), ['38 000 €', '28 000 €', '22 000 €']);
  assert.deepEqual(numberCells(byId(page, 'convention-2024-1-2-etp-standard')), ['19 000 €', '14 000 €', '11 000 €']);
  // The thousands separator is the narrow no-break space the engine uses, never a plain space.
  assert.match(byId(page, 'convention-2024-1-etp-standard'), /38\u202f000\u00a0€/);

  const p90 = byId(page, 'convention-2024-1-etp-p90');
  assert.match(text(p90), /^P90 à P94/);
  assert.deepEqual(numberCells(p90), ['38 000 €', '28 000 €', '26 000 €']);
  const p95 = byId(page, 'convention-2024-1-etp-p95');
  assert.match(text(p95), /^P95 et plus/);
  assert.deepEqual(numberCells(p95), ['38 000 €', '38 000 €', '38 000 €']);
  assert.deepEqual(numberCells(byId(page, 'convention-2024-1-2-etp-p90')), ['19 000 €', '14 000 €', '13 000 €']);
});

test('docs: each amount row cites its sources, the ameli page as a link', () => {
  const page = read('schemes/assistant-medical.html');
  for (const id of ['convention-2024-1-etp-standard', 'convention-2024-1-etp-p95', 'convention-2024-1-2-etp-standard']) {
    assert.ok(byId(page, id).includes(`href="${AMELI_2024}"`), `${id} links to the ameli page`);
  }
  // A seed file is not public: it is cited by its title from rules/sources.json, never linked.
  const titles = JSON.parse(readFileSync(join(rulesDir, 'sources.json'), 'utf8')).sources;
  assert.ok(text(byId(page, 'convention-2024-1-etp-standard')).includes(text(titles['004_1cfd4a0c640bcd57.txt'].title)));
  assert.doesNotMatch(page, /href="[^"]*\.txt"/);
});

test('docs: an inferred figure shows the « Estimation » marker with its reason', () => {
  const page = read('schemes/assistant-medical.html');
  const rules = JSON.parse(readFileSync(join(rulesDir, 'schemes/assistant-medical.json'), 'utf8'));
  const row = rules.regimes.find((r: any) => r.id === 'convention-2024').options.find((o: any) => o.id === '1-etp').amounts.p90;
  assert.ok(row.inferred, 'the rule file still marks the 2024 P90–P94 row as inferred');
  const figure = byId(page, 'convention-2024-1-etp-p90');
  assert.match(figure, /class="figure inferred"/);
  const reading = text(figure);
  assert.ok(reading.includes('Estimation'));
  assert.ok(reading.includes(text(row.inferred)), 'the reason is beside the figure');
  // A published figure carries no marker, and the page explains the marker once at the top.
  assert.ok(!text(byId(page, 'convention-2024-1-etp-standard')).includes('Estimation'));
  assert.match(text(byId(page, 'legende')), /Comment lire/);
});

test('docs: the three regimes, newest first, with their signature dates', () => {
  const page = read('schemes/assistant-medical.html');
  const order = ['convention-2024', 'reglement-arbitral-2023', 'avenant-7-8'].map((id) => page.indexOf(`<section id="${id}"`));
  assert.ok(order.every((i) => i > 0));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.match(text(byId(page, 'convention-2024-signed-from')), /22 juin 2024/);
  assert.ok(!page.includes('id="convention-2024-signed-to"'));
  assert.match(text(byId(page, 'reglement-arbitral-2023-signed-from')), /1ᵉʳ mai 2023/);
  assert.match(text(byId(page, 'reglement-arbitral-2023-signed-to')), /21 juin 2024/);
  assert.match(text(byId(page, 'avenant-7-8-signed-from')), /1ᵉʳ septembre 2019/);
  assert.match(text(byId(page, 'avenant-7-8-signed-to')), /30 avril 2023/);
  assert.match(text(byId(page, 'reglement-arbitral-2023')), /Fermé aux nouveaux contrats depuis le 22 juin 2024/);
});

test('docs: the worked examples of the scheme, with their tag, profile and expected result', () => {
  const page = read('schemes/assistant-medical.html');
  const issue2 = text(byId(page, 'example-issue-2'));
  assert.match(issue2, /S · énoncé dans une source/);
  assert.match(issue2, /patientèle médecin traitant : 900/);
  assert.match(issue2, /38 000 € \/ 28 000 € \/ 22 000 € \/ 22 000 € \/ 22 000 €/);
  assert.match(issue2, /total : 132 000 €/);
  const ex09 = text(byId(page, 'example-ex09'));
  assert.match(ex09, /1ᵉʳ septembre 2024/);
  assert.match(ex09, /D · déduit de règles sourcées/);
  // Examples across schemes (rules/examples/*.json) appear on every scheme they name.
  assert.ok(read('schemes/caim.html').includes('id="example-29-3-5j"'));
});

test('docs: thresholds, cumulation rules and the changelog entry of the scheme', () => {
  const page = read('schemes/assistant-medical.html');
  assert.match(text(byId(page, 'percentile-2021-12-31-medecine-generale-patientelemt-p30')), /775/);
  assert.match(text(byId(page, 'percentile-2021-12-31-medecine-generale-patientelemt-p30')), /les textes divergent/);
  assert.ok(page.includes('id="cumulation-assistant-installation"'));
  assert.match(text(byId(page, 'history')), /first version/);
});

test('docs: every scheme and every region has a page, linked from the index', () => {
  const index = read('index.html');
  for (const id of schemeIds()) {
    assert.ok(existsSync(join(out, 'schemes', `${id}.html`)), `schemes/${id}.html`);
    assert.ok(index.includes(`href="schemes/${id}.html"`), `index links to ${id}`);
  }
  for (const id of regionIds()) {
    assert.ok(existsSync(join(out, 'regions', `${id}.html`)), `regions/${id}.html`);
    assert.ok(index.includes(`href="regions/${id}.html"`), `index links to ${id}`);
  }
  assert.ok(existsSync(join(out, 'changelog.html')));
  assert.ok(existsSync(join(out, 'style.css')));
  // Closed on the build date: the demographic contracts signed until 2025-12-31.
  assert.match(text(byId(index, 'closed')), /CAIM[\s\S]*depuis le 1ᵉʳ janvier 2026/);
  assert.ok(!text(byId(index, 'closed')).includes('assistant médical'));
});

test('docs: plain, self-contained pages: one h1, French, no script, nothing loaded from elsewhere', () => {
  for (const file of htmlFiles(out)) {
    const html = readFileSync(file, 'utf8');
    const name = relative(out, file);
    assert.doesNotMatch(html, /<script/i, `${name}: no script`);
    assert.match(html, /<html lang="fr">/, `${name}: lang`);
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1, `${name}: one h1`);
    for (const [, attrs] of html.matchAll(/<(?:link|img|iframe|source|video|audio)\b([^>]*)>/g)) {
      assert.doesNotMatch(attrs, /(?:src|href)="(?:https?:)?\/\//, `${name}: external resource in <… ${attrs}>`);
    }
    assert.doesNotMatch(html, /\ssrc="(?:https?:)?\/\//, `${name}: external src`);
    assert.doesNotMatch(html, /\sstyle="|\son\w+="/i, `${name}: no inline style or handler`);
    // Headings never skip a level.
    let level = 0;
    for (const [, n] of html.matchAll(/<h([1-6])[\s>]/g)) {
      assert.ok(+n <= level + 1, `${name}: h${n} after h${level}`);
      level = +n;
    }
    // Scrollable tables are regions named by their caption: two regions of a page never share a name.
    const names = [...html.matchAll(/<caption id="[^"]+">([\s\S]*?)<\/caption>|aria-label="([^"]+)"/g)].map((m) => text(m[1] ?? m[2]));
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
      `${name}: region names`,
    );
    // Every table has a caption and scoped headers.
    for (const [t] of html.matchAll(/<table[\s\S]*?<\/table>/g)) {
      assert.match(t, /<caption[\s>]/, `${name}: table caption`);
      assert.doesNotMatch(t, /<th(?![^>]*\sscope=)[\s>]/, `${name}: th scope`);
    }
  }
  assert.doesNotMatch(read('style.css'), /@import|url\(\s*['"]?(?:https?:)?\/\//);
});

test('docs: every internal link resolves to a file, and every fragment to an id in it', () => {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!ids.has(file)) ids.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
    return ids.get(file)!;
  };
  let count = 0;
  for (const file of htmlFiles(out)) {
    for (const [, href] of readFileSync(file, 'utf8').matchAll(/\shref="([^"]*)"/g)) {
      if (/^(https?:|mailto:|tel:)/.test(href)) continue;
      count++;
      const [path, fragment] = href.split('#');
      const target = path ? resolve(dirname(file), path.replace(/&amp;/g, '&')) : file;
      assert.ok(target.startsWith(out), `${relative(out, file)}: ${href} leaves the site`);
      assert.ok(existsSync(target), `${relative(out, file)}: ${href} does not exist`);
      if (fragment && target.endsWith('.html')) assert.ok(idsOf(target).has(fragment), `${relative(out, file)}: ${href}: no such id`);
    }
  }
  assert.ok(count > 100);
});

test("docs: the widget's `docs-base` links (each scheme's page, at its regime) land on a page and an id of the site", () => {
  const profiles = [
    { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 },
    { situation: 'installation', specialty: 'medecine-generale', sector: '1', zone: 'zip', department: '34', daysPerWeek: 4 },
    { situation: 'etudiant', student: true },
    {},
  ];
  const seen = new Set<string>();
  for (const asOf of ['2022-06-01', '2024-03-01', today])
    for (const region of regionIds())
      for (const profile of profiles)
        for (const s of simulate(profile, { asOf, region, schemes: schemeIds() }).schemes) {
          const href = docsPage('https://example.org/docs/', s);
          if (seen.has(href)) continue;
          seen.add(href);
          const [path, fragment] = href.slice('https://example.org/docs/'.length).split('#');
          assert.ok(existsSync(join(out, path)), `${href}: no such page`);
          if (fragment) assert.match(read(path), new RegExp(`\\sid="${fragment}"`), `${href}: no such id`);
        }
  // Every scheme, and a regime for most of them.
  assert.ok(schemeIds().every((id) => [...seen].some((h) => h.includes(`/schemes/${id}.html`))));
  assert.ok([...seen].filter((h) => h.includes('#')).length >= schemeIds().length);
});

test('docs: a new scheme renders without code change: rule texts escaped, unknown keys shown', () => {
  const rules = join(temp, 'rules');
  cpSync(rulesDir, rules, { recursive: true });
  const scheme = {
    id: 'essai-pack',
    version: '1.0.0',
    updated: '2026-12-02',
    title: 'Aide <script>alert(1)</script> d’essai',
    kind: 'forfait',
    scope: 'regional',
    regions: ['occitanie'],
    sources: ['pack:CPAM de test 1 (2026-12-02)'],
    futureKey: { note: 'clé que le générateur ne connaît pas' },
    regimes: [
      {
        id: 'r1',
        title: 'Régime <b>unique</b>',
        signedFrom: { date: '2026-01-01', sources: ['https://example.org/"onmouseover="x'] },
        conditions: [
          {
            id: 'c1',
            test: { field: 'nouveauChamp', gte: 3 },
            text: { ok: 'Condition <img src=x onerror=alert(1)>' },
            sources: ['pack:CPAM de test'],
          },
        ],
        options: [
          {
            id: 'a/b',
            label: 'Option A',
            amounts: { montant: { values: [1000, 500], sources: ['pack:CPAM de test'], inferred: 'Lecture <i>du</i> texte' } },
          },
        ],
        params: { bonus: { value: 42, sources: ['pack:CPAM de test'] } },
        extraRegimeData: [1, 2],
      },
    ],
  };
  writeFileSync(join(rules, 'schemes', 'essai-pack.json'), JSON.stringify(scheme));
  const site = join(temp, 'site-pack');
  const files = buildDocs({ rules, out: site, today });
  assert.ok(files.includes('schemes/essai-pack.html'));
  const page = readFileSync(join(site, 'schemes/essai-pack.html'), 'utf8');
  assert.doesNotMatch(page, /<script|<img|<b>|<i>|"onmouseover=/);
  assert.ok(page.includes('Aide &lt;script&gt;alert(1)&lt;/script&gt; d’essai'));
  assert.match(text(byId(page, 'r1-condition-c1')), /nouveauChamp : au moins 3/);
  assert.deepEqual(numberCells(byId(page, 'r1-a-b-montant')), ['1 000 €', '500 €']);
  assert.match(text(byId(page, 'r1-a-b-montant')), /Estimation Lecture <i>du<\/i> texte/);
  assert.match(text(byId(page, 'r1-param-bonus')), /bonus 42/);
  for (const key of ['futureKey', 'extraRegimeData']) assert.ok(page.includes(`<code>${key}</code>`), `${key} shown`);
  assert.match(text(page), /CPAM de test 1 \(2026-12-02\)/);
});
