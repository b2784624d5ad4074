import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import '../../src/index.js';
import type { AideAssistantMedical } from '../../src/index.js';
import { formatMoney } from '../../src/element/format.js';

declare const axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };

// The test server turns every *.json request into an ES module (`json: true` in
// web-test-runner.config.mjs, for `import rules from '….json'`): it decides by the extension of the
// raw path, so the fixtures are requested with the dot percent-encoded and served as they are, as
// application/json (checked below).
const PACKS = '/test/fixtures/packs/';
const pack = (name: string) => PACKS + name.replace('.json', '%2Ejson');
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
const CARDIOLOGIST = {
  specialty: 'cardiologie',
  sector: '1',
  fileActive: 1500,
  patienteleMT: 300,
  age: 50,
  newlyInstalled: false,
  ccamShare: 0.1,
};

async function noAxeViolations(el: Element) {
  const { violations } = await axe.run(el);
  expect(violations.map((v) => `${v.id} (${v.nodes.length})`)).to.deep.equal([]);
}
const $ = (el: AideAssistantMedical, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: AideAssistantMedical, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: AideAssistantMedical, selector = '.w') => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ');

async function settle(el: AideAssistantMedical) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** Captures console.error calls for the duration of `run`. */
async function capturingErrors(run: (errors: unknown[][]) => Promise<void>) {
  const original = console.error;
  const errors: unknown[][] = [];
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await run(errors);
  } finally {
    console.error = original;
  }
}

/** A widget with a rules pack, once the download has settled (a pack in force or a notice). */
async function withPack(src: string, profile: object = CARDIOLOGIST, asOf = '2026-03-01') {
  const el = await fixture<AideAssistantMedical>(
    html`<aide-assistant-medical as-of=${asOf} schemes="assistant-medical" rules-src=${src}></aide-assistant-medical>`,
  );
  el.profile = profile;
  await waitUntil(() => el.simulation?.pack || $(el, '.n'), `pack ${src} never settled`, { timeout: 5000 });
  await settle(el);
  return el;
}

describe('best combination, exclusions and contacts (issue 4)', () => {
  it('shows the best allowed combination on top, coherent with simulation.combinations[0]', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical region="occitanie" as-of="2025-06-01"></aide-assistant-medical>`,
    );
    el.profile = OCCITANIE_GP;
    await settle(el);
    const sim = el.simulation!;
    const best = sim.combinations[0];
    expect(best.schemes.length).to.be.greaterThan(1);
    const block = $(el, '[part=combination]')!;
    expect(block).to.exist;
    // On top: before every scheme card.
    expect(block.compareDocumentPosition($(el, '[part=scheme]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
    const blockText = text(el, '[part=combination]');
    for (const id of best.schemes) expect(blockText).to.contain(sim.schemes.find((s) => s.id === id)!.title);
    const norm = (s: string) => s.replace(/\s+/g, ' ');
    expect(blockText).to.contain(norm(formatMoney(best.total, 'fr')));
    const cells = $$(el, '[part=combination] tbody td').map((td) => norm(td.textContent!.trim()));
    expect(cells).to.deep.equal(best.perYear.map((a) => norm(formatMoney(a, 'fr'))));
    // Uncertain pairs are flagged.
    if (best.uncertain?.length) expect(blockText).to.contain('ne confirment pas');
    // CAIM is offered in 2025, and is not cumulable with the ARS aid: listed with its reason and sources.
    expect(sim.schemes.find((s) => s.id === 'caim')!.status).to.equal('eligible');
    const exclusions = $$(el, '[part=combination] .ko').map((li) => li.textContent!.replace(/\s+/g, ' '));
    const ars = sim.exclusions.find(
      (e) => e.kind === 'excluded' && e.schemes.includes('caim') && e.schemes.includes('ars-occitanie-installation'),
    )!;
    expect(exclusions.some((t) => t.includes(ars.reason) && t.includes('Sources'))).to.be.true;
    await noAxeViolations(el);
  });

  it('flags amounts still pending, and drops CAIM in 2026', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`,
    );
    el.profile = { ...OCCITANIE_GP, installationDate: '2026-03-01' };
    await settle(el);
    const sim = el.simulation!;
    expect(sim.schemes.find((s) => s.id === 'caim')!.status).to.equal('closed');
    expect(sim.combinations[0].schemes).to.not.include('caim');
    expect(sim.combinations[0].pending).to.include('fmt-majoration');
    expect(text(el, '[part=combination]')).to.contain('Montant encore inconnu');
    await noAxeViolations(el);
  });

  it('shows what a doctor keeps of a closed scheme they hold, at once', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical schemes="coscom,caim" as-of="2026-03-01"></aide-assistant-medical>`,
    );
    el.profile = { specialty: 'medecine-generale', sector: '1', zone: 'zip', heldContracts: [{ id: 'coscom', signed: '2023-01-01' }] };
    await settle(el);
    const coscom = $$(el, '[part=scheme]').find((c) => c.textContent!.includes('COSCOM'))!;
    expect(coscom.classList.contains('closed')).to.be.true;
    // The notes (contract kept, renewable) are visible, not folded under "En savoir plus".
    expect([...coscom.querySelectorAll(':scope > .nt')].map((p) => p.textContent).join(' ')).to.contain('maintenue');
    expect(coscom.querySelector('[part=option] table')).to.exist;
    await noAxeViolations(el);
  });

  it('has no combination block for a single scheme', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical schemes="assistant-medical" as-of="2026-03-01"></aide-assistant-medical>`,
    );
    el.profile = CARDIOLOGIST;
    await settle(el);
    expect($(el, '[part=combination]')).to.equal(null);
  });

  it('lists the region’s contacts with safe links', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`,
    );
    await settle(el);
    const contacts = $(el, '[part=contacts]')!;
    expect(contacts.textContent).to.contain('Occitanie');
    expect(contacts.textContent).to.contain('med-in-occ');
    // English labels follow the language.
    el.lang = 'en';
    await settle(el);
    expect(text(el, '[part=contacts]')).to.contain('Occitanie CPAM contacts');
    el.lang = 'fr';
    await settle(el);
    const links = $$(el, '[part=contacts] a');
    expect(links.length).to.be.greaterThan(0);
    for (const a of links) expect(a.getAttribute('href')).to.match(/^(https?:|mailto:|tel:)/);
    await noAxeViolations(el);
  });
});

describe('départements and regions (issue 5)', () => {
  it('accepts every region id', async () => {
    for (const region of ['national', 'occitanie', 'centre-val-de-loire', 'nouvelle-aquitaine']) {
      const el = await fixture<AideAssistantMedical>(
        html`<aide-assistant-medical region=${region} as-of="2026-03-01"></aide-assistant-medical>`,
      );
      expect($(el, '.n'), region).to.equal(null);
      expect(el.simulation!.region).to.equal(region);
    }
  });

  it('picks the département from a searchable list, and the region follows it', async () => {
    const el = await fixture<AideAssistantMedical>(html`<aide-assistant-medical as-of="2026-03-01"></aide-assistant-medical>`);
    await settle(el);
    expect(el.simulation!.region).to.equal('national');
    const add = $(el, '#ad') as HTMLSelectElement | null;
    // The summary appears once something is answered; answer the specialty first.
    if (!add) {
      el.profile = { specialty: 'medecine-generale' };
      await settle(el);
    }
    const select = $(el, '#ad') as HTMLSelectElement;
    select.value = 'department';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    const search = $(el, '.ed input[type=search]') as HTMLInputElement;
    expect(search.getAttribute('aria-label')).to.contain('département');
    search.value = 'charen';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    const options = $$(el, '#f-department option').map((o) => o.textContent);
    expect(options).to.deep.equal(['16 · Charente', '17 · Charente-Maritime']);
    const list = $(el, '#f-department') as HTMLSelectElement;
    list.value = '16';
    list.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.profile.department).to.equal('16');
    expect(el.simulation!.region).to.equal('nouvelle-aquitaine');
    expect(text(el, '[part=contacts]')).to.contain('Nouvelle-Aquitaine');
    expect(text(el, '[part=contacts]')).to.contain('Charente');
    await noAxeViolations(el);
  });

  it('says gently when the département is outside the configured region', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical region="occitanie" as-of="2026-03-01"></aide-assistant-medical>`,
    );
    el.profile = { specialty: 'medecine-generale', department: '16' };
    await settle(el);
    expect(el.simulation!.region).to.equal('occitanie');
    const notice = el.simulation!.notices[0];
    expect(notice.id).to.equal('departement-hors-region');
    // In the result, as information; not among the error notices.
    expect(text(el, '.res')).to.contain('Charente (16)');
    expect($(el, '.n')).to.equal(null);
    expect($(el, '[part=scheme]')).to.exist;
    await noAxeViolations(el);
  });
});

describe('rules-src (issue 5)', () => {
  it('is served the fixtures as JSON by the test server', async () => {
    const response = await fetch(pack('example-pack.json'));
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
  });

  it('uses a valid pack: the band of a cardiologist changes and the publisher is shown', async () => {
    const plain = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical as-of="2026-03-01" schemes="assistant-medical"></aide-assistant-medical>`,
    );
    plain.profile = CARDIOLOGIST;
    await settle(plain);
    const before = plain.simulation!.schemes[0].reasons.find((r) => r.id === 'tranche')!;
    expect(before.ok).to.equal(null);

    const el = await withPack(pack('example-pack.json'));
    const sim = el.simulation!;
    expect(sim.pack!.publisher).to.contain('Exemple de documentation');
    const band = sim.schemes[0].reasons.find((r) => r.id === 'tranche')!;
    expect(band.ok).to.equal(true);
    expect(band.text).to.contain('P30 à P90');
    expect(sim.schemes[0].status).to.equal('eligible');
    expect($(el, '.n')).to.equal(null);
    const line = text(el, '.res');
    expect(line).to.contain('Règles complétées par « Exemple de documentation (valeurs fictives, ne pas utiliser) », version 2026.1 du');
    // Sources from the pack name their publisher.
    expect(band.sources.some((s) => s.publisher)).to.be.true;
    expect(line).to.contain('pack de Exemple de documentation');
    await noAxeViolations(el);
  });

  it('accepts a pack region in the region attribute once the pack is there', async () => {
    const el = await fixture<AideAssistantMedical>(
      html`<aide-assistant-medical
        as-of="2026-03-01"
        region="nouvelle-aquitaine-charente"
        rules-src=${pack('example-pack.json') + '?region'}
      ></aide-assistant-medical>`,
    );
    await waitUntil(() => el.simulation?.pack, 'pack never loaded', { timeout: 5000 });
    // Its contact is for doctors of the Charente.
    el.profile = { department: '16' };
    await settle(el);
    expect(el.simulation!.region).to.equal('nouvelle-aquitaine-charente');
    expect($(el, '.n')).to.equal(null);
    expect(text(el, '[part=contacts]')).to.contain('CPAM de la Charente');
    expect($(el, '[part=contacts] a[href^="mailto:"]')).to.exist;
  });

  const bad = [
    'bad-bad-source.json',
    'bad-circular-cumulation.json',
    'bad-decreasing-percentiles.json',
    'bad-html-in-label.json',
    'bad-javascript-url.json',
    'bad-missing-publisher.json',
    'bad-not-an-object.json',
    'bad-truncated.json',
    'bad-unknown-key.json',
    'bad-unknown-option.json',
    'bad-unknown-scheme.json',
    'bad-wrong-types.json',
  ];
  for (const file of bad) {
    it(`refuses ${file} with one notice, logs it, and keeps working`, async () => {
      await capturingErrors(async (errors) => {
        const el = await withPack(pack(file));
        const notices = $$(el, '.n > li');
        expect(notices.length).to.equal(1);
        expect(notices[0].textContent).to.contain('Le pack de règles');
        expect(notices[0].textContent).to.contain('règles intégrées');
        expect(el.simulation!.pack).to.equal(undefined);
        // A built-in result still shows.
        expect($(el, '[part=scheme] .s')!.textContent).to.contain('À compléter');
        expect(errors.length).to.be.greaterThan(0);
        // Never rendered as markup.
        expect($(el, 'img, script, iframe')).to.equal(null);
        expect($(el, 'a[href^="javascript:"]')).to.equal(null);
      });
    });
  }

  it('shows the first problems with their paths, and logs them all', async () => {
    await capturingErrors(async (errors) => {
      const el = await withPack(pack('bad-html-in-label.json') + '?paths');
      expect($$(el, '.n li li code').map((c) => c.textContent)).to.deep.equal(['regions[0].title', 'regions[0].contacts[0].label']);
      const logged = errors.find((args) => String(args[0]).includes('invalid'))!;
      expect(logged[1]).to.have.length(2);
      await noAxeViolations(el);
    });
  });

  for (const [label, src, expected] of [
    ['a missing file (404)', PACKS + 'no-such-pack.json', 'erreur'],
    ['a wrong content type', '/test/element/fixtures/pack.txt', 'type de contenu'],
    ['a non-http address', 'javascript:alert(1)', 'http ou https'],
  ]) {
    it(`refuses ${label} and keeps working`, async () => {
      await capturingErrors(async (errors) => {
        const el = await withPack(src);
        expect(text(el, '.n')).to.contain(expected);
        expect($(el, '[part=scheme]')).to.exist;
        expect(errors.length).to.equal(1);
      });
    });
  }

  it('refuses an oversized body, by Content-Length and by actual length', async () => {
    const original = window.fetch;
    const big = '{"publisher":"x","version":"1","date":"2026-01-01","description":"' + 'a'.repeat(600 * 1024) + '"}';
    let calls = 0;
    window.fetch = async (_input, init) => {
      calls++;
      expect(init?.credentials).to.equal('omit');
      const stream = new Blob([big]).stream();
      // The second response hides its length: it must be counted while reading.
      return new Response(stream, {
        headers:
          calls === 1
            ? { 'content-type': 'application/json', 'content-length': String(big.length) }
            : { 'content-type': 'application/json' },
      });
    };
    try {
      await capturingErrors(async () => {
        for (const src of ['https://example.org/big.json', 'https://example.org/big-chunked.json']) {
          const el = await withPack(src);
          expect(text(el, '.n')).to.contain('trop gros');
          expect($(el, '[part=scheme]')).to.exist;
        }
      });
    } finally {
      window.fetch = original;
    }
    expect(calls).to.equal(2);
  });

  it('fetches a URL once for every instance', async () => {
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
