// Regions, combinations and rules packs as a doctor and a regional webmaster meet them, through the page
// object: the combinations (folded, the best confirmed one first), amounts still pending, a contract held
// under a closed scheme, the region's contacts and their links, the département list and the region that
// follows it, and `rules-src` (a valid pack, a pack's region, unusable packs, sizes, one download per URL).
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { regionIds } from '../../src/engine/core.js';
import { capturing, WidgetPage } from './page.js';

// The test server turns every *.json request into an ES module (`json: true` in
// web-test-runner.config.mjs, for `import rules from '….json'`): it decides by the extension of the
// raw path, so the fixtures are requested with the dot percent-encoded and served as they are, as
// application/json (checked below).
const PACKS = '/test/fixtures/packs/';
const pack = (name: string) => PACKS + name.replace('.json', '%2Ejson');
const PACK_FAILED = 'Les règles régionales n’ont pas pu être chargées : les montants sont ceux des règles nationales.';

const OCCITANIE_GP = {
  specialty: 'medecine-generale',
  sector: '1',
  age: 38,
  zone: 'zip',
  department: '09',
  mountain: true,
  daysPerWeek: 4,
  pdsa: true,
  coordinatedPractice: true,
  groupPractice: true,
  firstInstallation: true,
  newlyInstalled: true,
  installationDate: '2025-06-01',
  patienteleMT: 900,
  fileActive: 1200,
};
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
/** Everything a national embed asks before the département (asked last). */
const ALL_BUT_DEPARTMENT = {
  situation: 'installation',
  specialty: 'medecine-generale',
  sector: '1',
  patienteleMT: 1100,
  age: 50,
  option: '1-etp',
  percentile: 50,
  newlyInstalled: false,
  rqthOrAld: false,
  mixedActivity: false,
  zone: 'zip',
  firstInstallation: false,
  fmtAmount: 1,
  secondaryPractice: false,
};

async function widget(template: ReturnType<typeof html>, profile?: object) {
  const page = await WidgetPage.mount(template);
  if (profile) {
    page.el.profile = profile as never;
    await page.settle();
  }
  return page;
}

/** A widget with a rules pack, once the download has settled (a pack in force or a notice). */
async function withPack(src: string, profile: object = CARDIOLOGIST, attributes: { debug?: boolean } = {}) {
  const page = await widget(
    html`<aide-assistant-medical
      as-of="2026-03-01"
      schemes="assistant-medical"
      rules-src=${src}
      ?debug=${attributes.debug}
    ></aide-assistant-medical>`,
    profile,
  );
  await page.waitFor(() => page.el.simulation?.pack || page.notices().length, `pack ${src} settled`);
  return page;
}

const titleOf = (page: WidgetPage, id: string) => page.el.simulation!.schemes.find((s) => s.id === id)!.title;

describe('combinations, held contracts and contacts', () => {
  it('folds the combinations; the first line is the best confirmed one, an unconfirmed one says so', async () => {
    const page = await widget(html`<aide-assistant-medical region="occitanie" as-of="2025-06-01"></aide-assistant-medical>`, OCCITANIE_GP);
    const sim = page.el.simulation!;
    const [best, ...others] = sim.combinations;
    expect(best.uncertain ?? [], 'the first combination holds only confirmed cumulations').to.deep.equal([]);
    expect(others.some((c) => c.uncertain?.length)).to.be.true;
    const folded = page.disclosure('Cumuls et combinaisons');
    expect(folded.open).to.be.false;
    expect(folded.matches('[part~=combination]')).to.be.true;
    const open = await page.open('Cumuls et combinaisons');
    const lines = [...open.querySelectorAll('li')].map((li) => page.text(li));
    expect(lines[0]).to.equal(`${best.schemes.map((id) => titleOf(page, id)).join(' + ')} : 66 000 € – 132 000 €`);
    expect(lines[0]).to.not.contain('si votre CPAM accepte le cumul');
    const unconfirmed = others.find((c) => c.uncertain?.length)!;
    const line = lines.find((l) => l.startsWith(unconfirmed.schemes.map((id) => titleOf(page, id)).join(' + ')))!;
    expect(line).to.contain('197 000 €').and.contain('(si votre CPAM accepte le cumul)');
    // CAIM is offered in 2025, and is not cumulable with the ARS aid: listed with its reason.
    expect(sim.schemes.find((s) => s.id === 'caim')!.status).to.equal('eligible');
    const ars = sim.exclusions.find(
      (e) => e.kind === 'excluded' && e.schemes.includes('caim') && e.schemes.includes('ars-occitanie-installation'),
    )!;
    expect(page.text(open)).to.contain('Non cumulables').and.contain(ars.reason);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('says which amounts are still unknown, and drops the closed CAIM in 2026', async () => {
    const page = await widget(html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`, {
      ...OCCITANIE_GP,
      installationDate: '2026-03-01',
    });
    const sim = page.el.simulation!;
    expect(sim.schemes.find((s) => s.id === 'caim')!.status).to.equal('closed');
    expect(sim.combinations[0].schemes).to.not.include('caim');
    const pending = sim.combinations.find((c) => c.pending?.includes('fmt-majoration'))!;
    const open = await page.open('Cumuls et combinaisons');
    const line = [...open.querySelectorAll('li')]
      .map((li) => page.text(li))
      .find((l) => l.startsWith(pending.schemes.map((id) => titleOf(page, id)).join(' + ')))!;
    expect(line).to.contain(`montant encore inconnu : ${titleOf(page, 'fmt-majoration')}`);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('shows a contract held under a closed scheme in the answer and as « Contrat en cours »', async () => {
    const page = await widget(html`<aide-assistant-medical schemes="coscom,caim" as-of="2026-03-01"></aide-assistant-medical>`, {
      specialty: 'medecine-generale',
      sector: '1',
      zone: 'zip',
      heldContracts: [{ id: 'coscom', signed: '2023-01-01' }],
    });
    const coscom = page.el.simulation!.schemes.find((s) => s.id === 'coscom')!;
    expect(coscom.status).to.equal('held');
    expect(page.answer()).to.contain('COSCOM').and.contain('15 000 €');
    const detail = await page.open(/COSCOM.*Contrat en cours/);
    expect(detail.matches('[part~=scheme]')).to.be.true;
    expect(page.text(detail)).to.contain('maintenue');
    expect(detail.querySelector('[part~=payments]')).to.not.equal(null);
    expect(page.part('combination')).to.equal(null);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('has no combination block for a single scheme', async () => {
    const page = await widget(html`<aide-assistant-medical schemes="assistant-medical" as-of="2026-03-01"></aide-assistant-medical>`, GP);
    expect(page.part('result')).to.not.equal(null);
    expect(page.part('combination')).to.equal(null);
    expect(page.summaries()).to.not.include('Cumuls et combinaisons');
  });

  it('lists the region’s contacts, folded, with web, mail and phone links only', async () => {
    const page = await widget(html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`, OCCITANIE_GP);
    expect(page.disclosure(/^Contacts : Occitanie/).open).to.be.false;
    const contacts = await page.open(/^Contacts : Occitanie/);
    expect(contacts.matches('[part~=contacts]')).to.be.true;
    expect(page.text(contacts)).to.contain('med-in-occ');
    const links = page.links(contacts);
    expect(links.length).to.be.above(0);
    for (const href of links) expect(href).to.match(/^(https?:\/\/|mailto:[^\s@]+@[a-z0-9.-]+\.[a-z]{2,}$|tel:\+?\d{6,20}$)/);
    expect(await page.axe()).to.deep.equal([]);
    // English labels follow the language.
    await page.click('English');
    expect(page.text(page.part('contacts'))).to.contain('Occitanie');
    expect(page.summaries().some((s) => /^Contacts: Occitanie/.test(s))).to.be.true;
  });

  it('links a pack’s contact address only when it is a plain e-mail address or phone number', async () => {
    const example = (await (await fetch(pack('example-pack.json'))).json()) as { regions: { contacts: object[] }[] };
    const region = example.regions[0];
    region.contacts = [
      { label: 'Bonne adresse', department: '16', email: 'dam@cpam16.fr', phone: '05 45 00 00 00', sources: ['004_1cfd4a0c640bcd57.txt'] },
      // Accepted by the pack schema, refused as links by the widget: a query in the address, brackets in the number.
      {
        label: 'Adresse piégée',
        department: '16',
        email: 'dam@cpam16.fr?bcc=x.fr',
        phone: '(0)5 45 00',
        sources: ['004_1cfd4a0c640bcd57.txt'],
      },
    ];
    const id = await (await fetch('/__test/stash', { method: 'POST', body: JSON.stringify(example) })).text();
    const page = await widget(
      html`<aide-assistant-medical
        as-of="2026-03-01"
        region="nouvelle-aquitaine-charente"
        rules-src=${`/__test/stash/${id}`}
      ></aide-assistant-medical>`,
      { ...GP, department: '16' },
    );
    await page.waitFor(() => page.el.simulation?.pack, 'pack loaded');
    const contacts = await page.open(/^Contacts : Charente/);
    expect(page.text(contacts)).to.contain('Adresse piégée');
    expect(page.links(contacts)).to.deep.equal(['mailto:dam@cpam16.fr', 'tel:0545000000']);
  });
});

describe('départements and regions', () => {
  it('accepts every region id, trimmed and in any case', async () => {
    await capturing(async ({ warnings }) => {
      for (const id of regionIds)
        for (const written of [id, ` ${id.toUpperCase()} `]) {
          const page = await widget(html`<aide-assistant-medical region=${written} as-of="2026-03-01"></aide-assistant-medical>`);
          expect(page.el.simulation!.region, written).to.equal(id);
          expect(page.notices(), written).to.deep.equal([]);
        }
      expect(warnings).to.deep.equal([]);
    });
  });

  it('picks the département from a searchable list with the arrows, and the region follows it', async () => {
    const page = await widget(html`<aide-assistant-medical as-of="2026-03-01"></aide-assistant-medical>`, ALL_BUT_DEPARTMENT);
    expect(page.el.simulation!.region).to.equal('national');
    expect(page.asked()).to.deep.equal(['Département d’exercice']);
    await page.search('Département', 'charen');
    expect(page.listed('Département')).to.deep.equal(['16 · Charente', '17 · Charente-Maritime']);
    await page.press('Département', 'ArrowDown');
    expect(page.highlighted('Département')).to.equal('16 · Charente');
    await page.press('Département', 'ArrowDown');
    expect(page.highlighted('Département')).to.equal('17 · Charente-Maritime');
    await page.press('Département', 'ArrowUp');
    expect(page.el.profile.department, 'an arrow answers nothing').to.equal(undefined);
    await page.press('Département', 'Enter');
    expect(page.el.profile.department).to.equal('16');
    expect(page.el.simulation!.region).to.equal('nouvelle-aquitaine');
    const contacts = await page.open(/^Contacts : Nouvelle-Aquitaine/);
    expect(page.text(contacts)).to.contain('Charente');
    expect(await page.axe()).to.deep.equal([]);
  });

  it('takes the only match on Enter', async () => {
    const page = await widget(html`<aide-assistant-medical as-of="2026-03-01"></aide-assistant-medical>`, ALL_BUT_DEPARTMENT);
    page.input('Département').focus();
    await sendKeys({ type: 'ariè' });
    await page.settle();
    expect(page.listed('Département')).to.deep.equal(['09 · Ariège']);
    expect(page.highlighted('Département')).to.equal('');
    await page.press('Département', 'Enter');
    expect(page.el.profile.department).to.equal('09');
    expect(page.el.simulation!.region).to.equal('occitanie');
  });

  it('says gently, in the widget, when the département is outside the configured region', async () => {
    const page = await widget(html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`, {
      specialty: 'medecine-generale',
      department: '16',
    });
    expect(page.el.simulation!.region).to.equal('occitanie');
    expect(page.el.simulation!.notices.map((n) => n.id)).to.deep.equal(['departement-hors-region']);
    const notices = page.notices();
    expect(notices).to.have.length(1);
    expect(notices[0]).to.contain('Charente (16)');
    expect(page.webmasterNotices(), 'a visitor notice, not a webmaster one').to.deep.equal([]);
    expect(page.asked().length, 'the widget goes on asking').to.be.above(0);
    expect(await page.axe()).to.deep.equal([]);
  });
});

describe('rules-src', () => {
  it('is served the fixtures as JSON by the test server', async () => {
    const response = await fetch(pack('example-pack.json'));
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
  });

  it('uses a valid pack: a cardiologist’s band changes and the publisher shows in the footer', async () => {
    const plain = await widget(
      html`<aide-assistant-medical as-of="2026-03-01" schemes="assistant-medical"></aide-assistant-medical>`,
      CARDIOLOGIST,
    );
    // The built-in rules do not publish a cardiologist's P30: the answer waits for the percentile.
    expect(plain.el.simulation!.schemes[0].reasons.find((r) => r.id === 'patientele-p30')!.ok).to.equal(null);
    expect(plain.answer()).to.not.contain('€');

    const page = await withPack(pack('example-pack.json'));
    expect(page.el.simulation!.schemes[0].reasons.find((r) => r.id === 'patientele-p30')!.ok).to.equal(true);
    expect(page.el.simulation!.schemes[0].status).to.equal('eligible');
    expect(page.answer()).to.contain('66 000 €').and.contain('132 000 €');
    await page.open(/^Aide à l’emploi/);
    const conditions = await page.open(/^Conditions/);
    expect(page.text(conditions)).to.contain('Tranche de patientèle P30 à P90, d’après votre file active (1 500)');
    expect(page.notices()).to.deep.equal([]);
    expect(page.text(page.part('footer'))).to.contain(
      'Règles complétées par « Exemple de documentation (valeurs fictives, ne pas utiliser) » (version 2026.1 du 1ᵉʳ novembre 2026).',
    );
    expect(await page.axe()).to.deep.equal([]);
  });

  it('accepts a pack’s region in `region` once the pack is there, without a warning', async () => {
    await capturing(async ({ warnings }) => {
      const page = await widget(
        html`<aide-assistant-medical
          as-of="2026-03-01"
          region="nouvelle-aquitaine-charente"
          rules-src=${pack('example-pack.json') + '?region'}
        ></aide-assistant-medical>`,
        { ...GP, department: '16' },
      );
      await page.waitFor(() => page.el.simulation?.pack, 'pack loaded');
      expect(page.el.simulation!.region).to.equal('nouvelle-aquitaine-charente');
      expect(page.notices()).to.deep.equal([]);
      expect(warnings.filter((w) => w.includes('region'))).to.deep.equal([]);
      const contacts = await page.open(/^Contacts : Charente/);
      expect(page.text(contacts)).to.contain('CPAM de la Charente');
      expect(page.links(contacts).some((href) => href.startsWith('mailto:'))).to.be.true;
    });
  });

  const unusable: [string, string, RegExp][] = [
    ...[
      'bad-bad-source.json',
      'bad-circular-cumulation.json',
      'bad-decreasing-percentiles.json',
      'bad-html-in-label.json',
      'bad-javascript-url.json',
      'bad-missing-publisher.json',
      'bad-not-an-object.json',
      'bad-unknown-key.json',
      'bad-unknown-option.json',
      'bad-unknown-scheme.json',
      'bad-wrong-types.json',
    ].map((f): [string, string, RegExp] => [f, pack(f), /invalid/]),
    ['bad-truncated.json (not JSON)', pack('bad-truncated.json'), /\(json: not JSON \(/],
    ['a missing file (404)', PACKS + 'no-such-pack.json', /\(http: HTTP status 404\)/],
    ['a wrong content type', '/test/element/fixtures/pack.txt', /\(type: served as text\/plain; charset=utf-8, not as JSON\)/],
    ['a non-http address', 'javascript:alert(1)', /\(url: not an http: or https: address \(javascript:\)\)/],
  ];
  console.log(`rules-src: ${unusable.length} unusable packs`);
  for (const [label, src, logged] of unusable)
    it(`refuses ${label}: one short notice, the details in the console, and the widget keeps working`, async () => {
      await capturing(async ({ errors }) => {
        const page = await withPack(src);
        expect(page.notices()).to.deep.equal([PACK_FAILED]);
        expect(page.el.simulation!.pack).to.equal(undefined);
        expect(page.asked().length + page.answer().length, 'it still asks or answers').to.be.above(0);
        expect(errors.filter((e) => e.includes('rules pack'))).to.have.length(1);
        expect(errors.find((e) => e.includes('rules pack'))).to.match(logged);
        // Never rendered as markup.
        expect(page.root.querySelector('img, script, iframe, a[href^="javascript:"]')).to.equal(null);
        expect(await page.axe()).to.deep.equal([]);
      });
    });

  it('with `debug`, also shows the webmaster the first problems with their JSON paths (axe clean)', async () => {
    await capturing(async ({ errors }) => {
      const page = await withPack(pack('bad-html-in-label.json') + '?paths', CARDIOLOGIST, { debug: true });
      const notices = page.notices();
      expect(notices[0]).to.equal(PACK_FAILED);
      const debug = page.webmasterNotices().join(' ');
      expect(debug).to.contain('regions[0].title').and.contain('regions[0].contacts[0].label');
      expect(errors.some((e) => e.includes('regions[0].contacts[0].label'))).to.be.true;
      expect(await page.axe()).to.deep.equal([]);
      const quiet = await withPack(pack('bad-html-in-label.json') + '?paths');
      expect(quiet.webmasterNotices()).to.deep.equal([]);
    });
  });

  it('refuses an oversized body, by Content-Length and by actual length', async () => {
    const original = window.fetch;
    const big = '{"publisher":"x","version":"1","date":"2026-01-01","description":"' + 'a'.repeat(600 * 1024) + '"}';
    let calls = 0;
    window.fetch = async (_input, init) => {
      calls++;
      expect(init?.credentials).to.equal('omit');
      // The second response hides its length: it must be counted while reading.
      return new Response(new Blob([big]).stream(), {
        headers:
          calls === 1
            ? { 'content-type': 'application/json', 'content-length': String(big.length) }
            : { 'content-type': 'application/json' },
      });
    };
    try {
      await capturing(async ({ errors }) => {
        for (const src of ['https://example.org/big.json', 'https://example.org/big-chunked.json']) {
          const page = await withPack(src);
          expect(page.notices()).to.deep.equal([PACK_FAILED]);
          expect(page.answer().length + page.asked().length).to.be.above(0);
        }
        expect(
          errors.filter((e) => e.includes('(size: larger than 512 KB)')),
          errors.join('\n'),
        ).to.have.length(2);
      });
    } finally {
      window.fetch = original;
    }
    expect(calls).to.equal(2);
  });

  it('downloads a URL once for every instance', async () => {
    const original = window.fetch;
    let calls = 0;
    window.fetch = (...args) => {
      calls++;
      return original(...args);
    };
    try {
      const src = pack('example-pack.json') + '?once';
      await withPack(src);
      await withPack(src);
    } finally {
      window.fetch = original;
    }
    expect(calls).to.equal(1);
  });
});
