// Hostile rules packs, as the widget meets them through `rules-src` (the engine and CLI side is
// test/engine/hostile-packs.test.ts): slow, redirected, served as HTML, null, HTML, script and
// `javascript:` payloads, absurd figures, deep and wide. Each: one short notice for the visitor, the
// details in the console, the widget keeps answering on its built-in rules, nothing rendered as HTML.
// The test server keeps each pack and serves it as asked (web-test-runner.config.mjs, /__test/…).
import { expect, html } from '@open-wc/testing';
import { builtinRules } from '../../src/engine/index.js';
import { capturing, WidgetPage } from './page.js';

const PACK_FAILED = 'Les règles régionales n’ont pas pu être chargées : les montants sont ceux des règles nationales.';
const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };
const CARDIOLOGIST = {
  specialty: 'cardiologie',
  sector: '1',
  fileActive: 1500,
  patienteleMT: 300,
  age: 50,
  newlyInstalled: false,
  ccamShare: 0.1,
};
const head = { publisher: 'CPAM de test', version: '2026.1', date: '2026-11-01' };
const scheme = (id: string) => structuredClone(builtinRules.schemes.get(id)!) as any;
const region = (id: string) => structuredClone(builtinRules.regions.get(id)!) as any;

/** Keeps `body` on the test server; answers the address that serves it (with `query`, e.g. `type=text/html`). */
async function serve(body: string, query = ''): Promise<string> {
  const id = await (await fetch('/__test/stash', { method: 'POST', body })).text();
  return `/__test/stash/${id}${query ? `?${query}` : ''}`;
}

/** Lets a held response go, once the widget's request has reached the server. */
async function release(src: string, page: WidgetPage) {
  const id = src.match(/stash\/(\d+)/)![1];
  for (let i = 0; i < 200; i++) {
    if ((await (await fetch(`/__test/release/${id}`, { method: 'POST' })).text()) === 'released') return;
    await page.settle();
  }
  throw new Error(`the widget never asked for ${src}`);
}

async function mount(src: string, profile: object = GP, extra: { region?: string; debug?: boolean } = {}) {
  const page = await WidgetPage.mount(
    html`<aide-assistant-medical
      as-of="2026-03-01"
      rules-src=${src}
      region=${extra.region ?? ''}
      ?debug=${extra.debug}
    ></aide-assistant-medical>`,
  );
  page.el.profile = profile as never;
  await page.settle();
  return page;
}

/** Nothing from a pack is ever markup in the widget, and no payload ran. */
function expectNoMarkup(page: WidgetPage) {
  expect(page.root.querySelector('img, script, iframe, object, embed, a[href^="javascript:"], a[href^="data:"]')).to.equal(null);
  expect((window as { pwned?: unknown }).pwned).to.equal(undefined);
}

const nested = (levels: number) => {
  let test: unknown = { field: 'sector', eq: '1' };
  for (let i = 0; i < levels; i++) test = { not: test };
  return test;
};

interface Case {
  name: string;
  /** The address to give `rules-src` (the pack is put on the server first). */
  src: () => Promise<string>;
  /** What the console says of it. */
  logged: RegExp;
}

const json = (pack: unknown, query = '') => serve(JSON.stringify(pack), query);
const cases: Case[] = [
  {
    name: 'a redirect (302) to a page that is not JSON',
    src: async () => `/__test/redirect?to=${encodeURIComponent(await serve('<!doctype html><p>Moved</p>', 'type=text/html'))}`,
    logged: /\(type: served as text\/html, not as JSON\)/,
  },
  {
    name: 'an HTML page with a script, served as JSON',
    src: () => serve('<!doctype html><script>window.pwned = 1</script>'),
    logged: /\(json: not JSON \(/,
  },
  { name: 'a server error (500)', src: () => json(head, 'status=500'), logged: /\(http: HTTP status 500\)/ },
  { name: 'a body that is JSON null', src: () => serve('null'), logged: /\(empty: the body is JSON null\)/ },
  {
    name: 'HTML in a scheme title',
    src: () => json({ ...head, schemes: [{ ...scheme('caim'), title: 'CAIM <img src=x onerror="window.pwned=1">' }] }),
    logged: /schemes\[0\]\.title.*balisage HTML/,
  },
  {
    name: 'a script in a condition text',
    src: () => {
      const s = scheme('cotram');
      s.regimes[0].conditions[0].text.ok = '<script>window.pwned = 1</script>';
      return json({ ...head, schemes: [s] });
    },
    logged: /schemes\[0\]\.regimes\[0\]\.conditions\[0\]\.text\.ok/,
  },
  {
    name: 'a javascript: URL as a contact',
    src: () => {
      const r = region('occitanie');
      r.contacts[0].url = 'javascript:window.pwned=1';
      return json({ ...head, regions: [r] });
    },
    logged: /regions\[0\]\.contacts\[0\]\.url/,
  },
  {
    name: 'an absurd figure (9 999 999 €)',
    src: () => {
      const s = scheme('caim');
      s.regimes[0].steps[0].value = 9_999_999;
      return json({ ...head, schemes: [s] });
    },
    logged: /schemes\[0\]\.regimes\[0\]\.steps\[0\]\.value.*9999999/,
  },
  {
    name: 'a condition nested 2 000 levels deep',
    src: () => {
      const s = scheme('assistant-medical');
      s.regimes[0].conditions[0].test = nested(2000);
      return json({ ...head, schemes: [s] });
    },
    logged: /imbrication trop profonde/,
  },
  {
    name: 'a list of 200 000 values (wide)',
    src: () => json({ ...head, specialties: new Array(200_000).fill(0) }),
    logged: /plus de 50.000 valeurs/,
  },
];

console.log(`hostile packs through rules-src: ${cases.length + 3} cases (+ the 15 unusable packs of regions-packs.test.ts)`);

describe('hostile packs through rules-src', () => {
  afterEach(() => delete (window as { pwned?: unknown }).pwned);

  for (const c of cases)
    it(`${c.name}: one notice, the details in the console, the widget keeps answering`, async () => {
      await capturing(async ({ errors }) => {
        const page = await mount(await c.src());
        await page.waitFor(() => page.notices().length, 'the notice');
        expect(page.notices()).to.deep.equal([PACK_FAILED]);
        expect(page.el.simulation!.pack).to.equal(undefined);
        expect(page.answer()).to.contain('66 000 €').and.contain('132 000 €').and.not.contain('9 999 999');
        const logged = errors.filter((e) => e.includes('rules pack'));
        expect(logged, errors.join('\n')).to.have.length(1);
        expect(logged[0]).to.match(c.logged);
        expectNoMarkup(page);
      });
    });

  it('a redirect (302) to a valid pack: the pack applies', async () => {
    const src = await serve(JSON.stringify(await (await fetch('/test/fixtures/packs/example-pack%2Ejson')).json()));
    const page = await mount(`/__test/redirect?to=${encodeURIComponent(src)}`, CARDIOLOGIST);
    await page.waitFor(() => page.el.simulation?.pack, 'the pack');
    expect(page.notices()).to.deep.equal([]);
    expect(page.text(page.part('footer'))).to.contain('Règles complétées par « Exemple de documentation');
  });

  it('a slow pack: the built-in rules answer meanwhile, a pack region waits without a warning, then the pack applies', async () => {
    const example = JSON.stringify(await (await fetch('/test/fixtures/packs/example-pack%2Ejson')).json());
    const src = await serve(example, 'hold');
    await capturing(async ({ warnings }) => {
      const page = await mount(src, CARDIOLOGIST, { region: 'nouvelle-aquitaine-charente', debug: true });
      // Meanwhile: the built-in rules (a cardiologist's P30 is not published there), no notice of any kind.
      expect(page.el.simulation!.pack).to.equal(undefined);
      expect(page.el.simulation!.schemes.find((s) => s.id === 'assistant-medical')!.status).to.equal('incomplete');
      expect(page.asked().length + page.answer().length).to.be.above(0);
      expect(page.notices()).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
      await release(src, page);
      await page.waitFor(() => page.el.simulation?.pack, 'the pack');
      expect(page.el.simulation!.region).to.equal('nouvelle-aquitaine-charente');
      expect(page.el.simulation!.schemes.find((s) => s.id === 'assistant-medical')!.status).to.equal('eligible');
      expect(page.answer()).to.contain('66 000 €');
      expect(page.notices()).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
    });
  });

  it('a pack that fails after the first render is announced politely, in a live region that was already there', async () => {
    const src = await serve('{"publisher": "x"', 'hold');
    await capturing(async () => {
      const page = await mount(src);
      const regions = page.liveRegions();
      expect(page.notices()).to.deep.equal([]);
      expect(page.answer()).to.contain('66 000 €');
      await release(src, page);
      await page.waitFor(() => page.notices().length, 'the notice');
      const region = page.announcer(PACK_FAILED)!;
      expect(region, 'the notice is in a live region').to.not.equal(undefined);
      expect(region.getAttribute('role')).to.equal('status');
      expect(region.getAttribute('aria-live') ?? 'polite').to.equal('polite');
      expect(regions, 'the live region existed before the text came').to.include(region);
    });
  });
});
