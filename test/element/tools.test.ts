// The assistant's tools below the answer (issue 13): what the assistant costs after the aid, the follow-up
// of a signed contract, its calendar. Through the page object, by keyboard, axe in each state, in French and
// in English; the figures compared with the engine's.
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import 'axe-core/axe.min.js';
import { assistantCost } from '../../src/engine/cost.js';
import { followUp } from '../../src/engine/follow-up.js';
import { WidgetPage } from './page.js';

const AS_OF = '2026-12-01';
const GP = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50, option: '1-etp' };
/** A GP who signed in September 2024 with 900 patients MT. */
const SIGNED = { ...GP, patienteleMT: 900, contractDate: '2024-09-15' };
const money = (n: number, lang = 'fr') =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
    .format(n)
    .replace(/[\u00a0\u202f]/g, ' ');

async function withProfile(profile: object, lang = 'fr') {
  const page = await WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF} lang=${lang}></aide-assistant-medical>`);
  page.el.profile = profile as never;
  await page.settle();
  return page;
}

/** The text of a download link's file (an object URL). */
async function download(a: HTMLAnchorElement): Promise<{ text: string; type: string }> {
  expect(a.href).to.match(/^blob:/);
  const blob = await (await fetch(a.href)).blob();
  return { text: await blob.text(), type: blob.type };
}

/** The events of an .ics text (lines unfolded, RFC 5545 §3.1). */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') (out.push(current!), (current = undefined));
    else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at)] = line
        .slice(at + 1)
        .replace(/\\([,;\\])/g, '$1')
        .replace(/[\u00a0\u202f]/g, ' ');
    }
  }
  return out;
}

/** Fills the follow-up of SIGNED by keyboard: the objective, the file active, one review. */
async function fillFollowUp(page: WidgetPage) {
  await page.toolType('File active', '1 300', 0);
  await page.toolType('Patientèle médecin traitant', '1 000', 1);
  await page.toolType('File active', '1 400', 1);
  await page.tabTo('Ajouter un point d’étape');
  await page.keys('Enter');
  // The new review's first count has the focus; its date is the latest semester review past.
  expect(page.focused()?.id).to.equal('t-f-reviews-0-patienteleMT');
  expect(page.toolInput(/^Date$/).value).to.equal('2026-09-15');
  await page.toolType('Patientèle médecin traitant', '960', 2);
  await page.toolType('File active', '1 420', 2);
}

beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('where the tools are offered', () => {
  it('offers the cost and the calendar with the assistant aid, the follow-up once the contract is signed, nothing without the aid', async () => {
    const eligible = await withProfile(GP);
    expect(eligible.tools()).to.deep.equal(['Ce que l’assistant vous coûte', 'Ajouter au calendrier']);
    expect(eligible.tool() === null, 'no view open on load').to.be.true;
    const signed = await withProfile(SIGNED);
    expect(signed.tools()).to.deep.equal(['Ce que l’assistant vous coûte', 'Suivi de mon contrat', 'Ajouter au calendrier']);
    // A contract held, its signature date not given: its payments are dated from today, the follow-up is offered all the same.
    const held = await withProfile({ ...GP, heldContracts: [{ id: 'assistant-medical' }] });
    expect(held.tools()).to.include('Suivi de mon contrat');
    const none = await withProfile({ situation: 'installe', specialty: 'radiologie', sector: 'non-conventionne' });
    expect(none.tools()).to.deep.equal([]);
    expect(await signed.axe()).to.deep.equal([]);
  });
});

describe('« Ce que l’assistant vous coûte »', () => {
  it('answers first by keyboard: the cost after the aid and the consultations that pay for it, year by year, every figure the engine’s', async () => {
    const page = await withProfile(GP);
    await page.openTool('Ce que l’assistant vous coûte');
    expect(document.activeElement === page.el, 'the doctor’s action moved the focus into the widget').to.be.true;
    expect(page.focused()?.id, 'the view’s heading has the focus').to.equal('aam-tool-title');
    expect(page.toolTitle()).to.equal('Ce que l’assistant vous coûte');
    expect(page.toolButton('Ce que l’assistant').getAttribute('aria-expanded')).to.equal('true');
    const engine = assistantCost({ option: '1-etp', contractDate: AS_OF, profile: GP }, { asOf: AS_OF });
    const [y1, y2, y3] = engine.years;
    expect(page.toolLead()).to.equal(
      `Années 3 à 5 : l’assistant vous coûte ${money(y3.net!)}* par an après l’aide, soit ${y3.breakEvenConsultations} consultations de plus par an (environ ${y3.breakEvenPatients} patients de plus). Années 1 et 2 : l’aide dépasse son coût.`,
    );
    expect(page.toolLead()).to.contain('664 €').and.contain('23 consultations');
    // Years with the same figures share a row; the answer's columns first.
    expect(page.costRows()).to.deep.equal([
      ['1', money(y1.net!), '0', '0', money(y1.employerCost), money(y1.aid!)],
      ['2', money(y2.net!), '0', '0', money(y2.employerCost), money(y2.aid!)],
      ['3 à 5', money(y3.net!), '23', '7', money(y3.employerCost), money(y3.aid!)],
    ]);
    // Every figure is an estimate: marked, and one legend says why.
    expect(page.tool()!.querySelectorAll('.aam-legend')).to.have.length(1);
    expect(page.text(page.tool()!.querySelector('.aam-legend'))).to.match(/^\* Estimations : salaire minimum/);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('is prefilled from the answers, and recomputes as the doctor changes an assumption by keyboard; what is not valid stays with a message', async () => {
    const page = await withProfile(GP);
    await page.openTool('Ce que l’assistant vous coûte');
    expect(page.toolInput('Prix d’une consultation').value).to.equal('30');
    expect(page.toolInput('Date de signature').value).to.equal(AS_OF);
    expect(page.toolInput('Niveau de l’assistant').value).to.equal('5');
    expect(page.text(page.tool()!.querySelector('#t-c-percentile-h'))).to.equal('Aide de la tranche P30 à P90.');
    await page.toolChoose('Temps de travail', 'Mi-temps');
    const half = assistantCost({ option: '1/2-etp', contractDate: AS_OF, profile: GP }, { asOf: AS_OF });
    expect(page.costRows()[2]).to.deep.include(money(half.years[2].net!));
    expect(page.el.profile.option, 'the answers are not changed').to.equal('1-etp');
    await page.toolChoose('Temps de travail', 'Temps plein');
    await page.toolType('Prix d’une consultation', '25');
    const cheaper = assistantCost({ option: '1-etp', contractDate: AS_OF, consultationPrice: 25, profile: GP }, { asOf: AS_OF });
    expect(page.costRows()[2][2]).to.equal(String(cheaper.years[2].breakEvenConsultations));
    await page.toolType('Votre percentile', '92');
    expect(page.text(page.tool()!.querySelector('#t-c-percentile-h'))).to.equal('Aide de la tranche P90 à P94.');
    const p90 = assistantCost(
      { option: '1-etp', contractDate: AS_OF, consultationPrice: 25, profile: { ...GP, percentile: 92 } },
      { asOf: AS_OF },
    );
    expect(page.costRows().at(-1)!.at(-1)).to.equal(money(p90.years[4].aid!));
    const select = page.toolInput('Niveau de l’assistant');
    select.focus();
    await page.keys('ArrowDown');
    expect(select.value).to.equal('6');
    const level6 = assistantCost(
      { option: '1-etp', level: 6, contractDate: AS_OF, consultationPrice: 25, profile: { ...GP, percentile: 92 } },
      { asOf: AS_OF },
    );
    expect(page.costRows()[0][4]).to.equal(money(level6.years[0].employerCost));
    await page.toolType('Prix d’une consultation', 'trente');
    expect(page.toolInput('Prix d’une consultation').value).to.equal('trente');
    expect(page.toolInput('Prix d’une consultation').getAttribute('aria-invalid')).to.equal('true');
    expect(page.toolError('Prix d’une consultation')).to.equal('Entrez un nombre, par exemple 1 550.');
    expect(page.costRows()[2][2], 'the last valid price still counts').to.equal(String(level6.years[2].breakEvenConsultations));
    // Closed and opened again, the view still holds what was typed.
    await page.keys('Escape');
    await page.keys('Enter');
    expect(page.toolInput('Prix d’une consultation').value).to.equal('trente');
    expect(page.toolError('Prix d’une consultation')).to.equal('Entrez un nombre, par exemple 1 550.');
    await page.toolType('ou salaire brut mensuel', '900');
    expect(page.toolInput('Niveau de l’assistant').disabled, 'a salary replaces the level').to.be.true;
    expect(await page.axe()).to.deep.equal([]);
  });

  it('shows how it is computed and its sources on demand', async () => {
    const page = await withProfile(GP);
    await page.openTool('Ce que l’assistant vous coûte');
    expect(page.text(page.tool())).to.not.contain('Coût employeur estimé mois par mois');
    const method = await page.open('Comment c’est calculé');
    expect(page.text(method)).to.contain('Coût employeur estimé mois par mois').and.contain('Non compris');
    expect(page.text(method)).to.match(/Depuis le 1ᵉʳ janvier 2026 : coût employeur = brut × 1,036 au SMIC/);
    expect(page.text(method)).to.contain('la médecine du travail');
    const sources = await page.open(/^Sources \(\d+\)$/);
    expect(page.links(sources).length).to.be.above(3);
    expect(page.links(sources).every((href) => href.startsWith('https://'))).to.be.true;
    expect(await page.axe()).to.deep.equal([]);
  });

  it('closes with its button or Escape, and gives the focus back to the button that opened it', async () => {
    const page = await withProfile(GP);
    await page.openTool('Ce que l’assistant vous coûte');
    await page.tabTo('Fermer : Ce que l’assistant vous coûte');
    await page.keys('Enter');
    expect(page.tool() === null, 'the view is closed').to.be.true;
    expect(page.focused() === page.toolButton('Ce que l’assistant'), 'the focus is back on the button').to.be.true;
    expect(page.toolButton('Ce que l’assistant').getAttribute('aria-expanded')).to.equal('false');
    await page.keys('Enter');
    expect(page.toolTitle()).to.equal('Ce que l’assistant vous coûte');
    await page.tabTo((e) => e.id === 't-c-price');
    await page.keys('Escape');
    expect(page.tool() === null, 'the view is closed').to.be.true;
    expect(page.focused() === page.toolButton('Ce que l’assistant'), 'the focus is back on the button').to.be.true;
  });
});

describe('« Ajouter au calendrier »', () => {
  it('says in one line what the file holds, and its link downloads the .ics of the working time and date chosen', async () => {
    const page = await withProfile(GP);
    await page.openTool('Ajouter au calendrier');
    expect(page.toolLead()).to.match(/^Dans ce fichier : les 5 versements de l’aide, les 10 points d’étape avec la CPAM/);
    const link = page.toolLink('Télécharger le calendrier (.ics)');
    const first = link.href;
    expect(link.download).to.equal(`aide-assistant-medical-${AS_OF}.ics`);
    const { text, type } = await download(link);
    expect(type).to.equal('text/calendar');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).to.be.true;
    const all = events(text);
    const summaries = all.map((e) => e.SUMMARY);
    expect(summaries).to.include("Aide à l’emploi d’un assistant médical : versement de l'année 1, 38 000 €");
    expect(summaries.filter((s) => s.startsWith("Point d'échange semestriel"))).to.have.length(10);
    expect(all.find((e) => /versement de l'année 1/.test(e.SUMMARY))!['DTSTART;VALUE=DATE']).to.equal('20261201');
    expect(await page.axe()).to.deep.equal([]);
    // Another date and working time: a new file, the previous address revoked.
    await page.toolChoose('Temps de travail', 'Mi-temps');
    await page.toolType('Date de signature', '2027-03-01');
    const next = page.toolLink('Télécharger le calendrier (.ics)');
    expect(next.download).to.equal('aide-assistant-medical-2027-03-01.ics');
    expect(next.href).to.not.equal(first);
    const half = events((await download(next)).text);
    expect(half.map((e) => e.SUMMARY)).to.include("Aide à l’emploi d’un assistant médical : versement de l'année 1, 19 000 €");
    let revoked = false;
    await fetch(first).catch(() => (revoked = true));
    expect(revoked, 'the old object URL is revoked').to.be.true;
  });
});

describe('« Suivi de mon contrat »', () => {
  it('takes the contract, the objective and a review by keyboard; says where the doctor stands, with accessible progress bars', async () => {
    const page = await withProfile(SIGNED);
    await page.openTool('Suivi de mon contrat');
    expect(page.toolLead()).to.equal('Entrez l’objectif que votre CPAM vous a fixé pour voir où vous en êtes.');
    expect(page.toolInput('Date de signature').value).to.equal('2024-09-15');
    expect(page.toolInput('Patientèle médecin traitant', 0).value).to.equal('900');
    expect(await page.axe()).to.deep.equal([]);
    await fillFollowUp(page);
    const engine = followUp(
      {
        contractDate: '2024-09-15',
        option: '1-etp',
        initial: { patienteleMT: 900, fileActive: 1300 },
        objective: { patienteleMT: 1000, fileActive: 1400 },
        reviews: [{ date: '2026-09-15', patienteleMT: 960, fileActive: 1420 }],
        profile: SIGNED,
      },
      { asOf: AS_OF },
    );
    expect(engine.attainment.rate).to.equal(0.6);
    expect(page.toolLead()).to.equal(
      `Vous êtes à 60 %* de votre objectif, au point d’étape du 15 septembre 2026. Solde estimé de l’année 3 : ${money(engine.balanceEstimate.amount!)} (sur ${money(engine.balanceEstimate.max!)} au plus).*`,
    );
    expect(page.progress()).to.deep.equal([
      { label: 'Patientèle médecin traitant', value: 60, text: '60 % · 960 sur 1 000 (900 à la signature)' },
      { label: 'File active', value: 100, text: '100 % · 1 420 sur 1 400 (1 300 à la signature)' },
    ]);
    expect(page.text(page.tool())).to.contain('Prochain point d’étape : 15 mars 2027.');
    expect(await page.axe()).to.deep.equal([]);
  });

  it('keeps what is not valid with a message, says which review the engine does not count, and removes a review', async () => {
    const page = await withProfile(SIGNED);
    await page.openTool('Suivi de mon contrat');
    await fillFollowUp(page);
    await page.toolType('File active', '1 42x', 2);
    expect(page.toolInput('File active', 2).value).to.equal('1 42x');
    expect(page.toolError('File active', 2)).to.equal('Entrez un nombre, par exemple 1 550.');
    await page.toolType('File active', '1 420', 2);
    await page.toolType(/^Date$/, '2027-02-01');
    expect(page.text(page.tool())).to.contain('Date hors du contrat ou à venir : ce point n’est pas compté.');
    expect(page.toolLead()).to.equal('Entrez les chiffres d’un point d’étape pour voir où vous en êtes.');
    expect(await page.axe()).to.deep.equal([]);
    await page.tabTo('Retirer : Point d’étape 1');
    await page.keys('Enter');
    expect(page.tool()!.querySelectorAll('fieldset legend')).to.have.length(4); // contract, working time, signature, objective
    expect(page.focused()?.id).to.equal('aam-add-review');
  });

  it('exports a small JSON file and imports it back into another widget; the import it replaced can be undone', async () => {
    const page = await withProfile(SIGNED);
    await page.openTool('Suivi de mon contrat');
    await fillFollowUp(page);
    const link = page.toolLink('Exporter (.json)');
    expect(link.download).to.equal(`suivi-assistant-medical-${AS_OF}.json`);
    const { text, type } = await download(link);
    expect(type).to.equal('application/json');
    expect(text.length).to.be.below(1024);
    expect(JSON.parse(text)).to.deep.equal({
      format: 'aide-assistant-medical/suivi',
      version: 1,
      contractDate: '2024-09-15',
      option: '1-etp',
      initial: { patienteleMT: 900, fileActive: 1300 },
      objective: { patienteleMT: 1000, fileActive: 1400 },
      reviews: [{ date: '2026-09-15', patienteleMT: 960, fileActive: 1420 }],
    });
    const other = await withProfile(SIGNED);
    await other.openTool('Suivi de mon contrat');
    await other.toolType('Patientèle médecin traitant', '950', 0);
    await other.importFile(text);
    expect(other.toolStatus()).to.equal('Suivi importé (points d’étape : 1). Revenir au suivi précédent');
    expect(other.toolLead()).to.match(/^Vous êtes à 60 %\* de votre objectif/);
    expect(other.toolInput('Patientèle médecin traitant', 0).value).to.equal('900');
    expect(await other.axe()).to.deep.equal([]);
    await other.tabTo('Revenir au suivi précédent');
    await other.keys('Enter');
    expect(other.toolInput('Patientèle médecin traitant', 0).value, 'what the doctor typed before the import is back').to.equal('950');
    expect(other.toolStatus()).to.equal('Suivi précédent rétabli.');
  });

  it('refuses a file that is not a follow-up, too large, or empty, with a message, and keeps the follow-up on screen', async () => {
    const page = await withProfile(SIGNED);
    await page.openTool('Suivi de mon contrat');
    const errors: string[] = [];
    const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push(String('message' in e ? e.message : e.reason));
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    try {
      // In an order where each message differs from the one before (the page object waits for a new one).
      const cases: [string | Uint8Array, RegExp][] = [
        ['{ not json', /^Fichier refusé : ce n’est pas un suivi exporté par ce simulateur\.$/],
        [
          JSON.stringify({ format: 'aide-assistant-medical/suivi', initial: { patienteleMT: -5 }, reviews: 'x' }),
          /^Fichier refusé : il ne contient aucun chiffre de suivi utilisable\.$/,
        ],
        [new Uint8Array([0xff, 0xfe, 0x00, 0x41]), /ce n’est pas un suivi/],
        [
          JSON.stringify({ reviews: [{ date: '2026-01-01', patienteleMT: 1 }], padding: 'x'.repeat(20_000) }),
          /^Fichier refusé : trop volumineux pour un suivi \(16 Ko au plus\)\.$/,
        ],
        ['[1, 2, 3]', /ce n’est pas un suivi/],
        [JSON.parse('{"__proto__": {"initial": {"patienteleMT": 1}}}') as string, /aucun chiffre/],
        [JSON.stringify({ format: 'autre-chose', initial: { patienteleMT: 10 } }), /ce n’est pas un suivi/],
      ];
      for (const [content, message] of cases) {
        await page.importFile(typeof content === 'object' && !(content instanceof Uint8Array) ? JSON.stringify(content) : content);
        expect(page.toolStatus()).to.match(message);
        expect(page.tool()!.querySelector('[role=status]')!.classList.contains('aam-error')).to.be.true;
        expect(page.toolInput('Patientèle médecin traitant', 0).value).to.equal('900');
      }
      expect(await page.axe()).to.deep.equal([]);
    } finally {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    }
    expect(errors).to.deep.equal([]);
  });

  it('travels in the shared link when the doctor copies it, and opens from it without taking the focus', async () => {
    const page = await withProfile(SIGNED);
    expect(decodeURIComponent(page.el.shareLink()), 'no follow-up until the doctor enters one').to.not.contain('suivi');
    await page.openTool('Suivi de mon contrat');
    await fillFollowUp(page);
    const clipboard = navigator.clipboard;
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
    try {
      await page.click('Copier le lien');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    }
    expect(copied).to.equal(page.el.shareLink());
    const shared = JSON.parse(decodeURIComponent(new URL(copied).hash.slice('#aam='.length)));
    expect(shared.suivi.reviews).to.deep.equal([{ date: '2026-09-15', patienteleMT: 960, fileActive: 1420 }]);
    expect(shared.specialty).to.equal('medecine-generale');
    history.replaceState(null, '', new URL(copied).hash);
    const before = document.activeElement;
    const copy = await WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>`);
    await copy.waitFor(() => copy.tool(), 'the follow-up from the link');
    expect(copy.toolTitle()).to.equal('Suivi de mon contrat');
    expect(copy.progress()).to.deep.equal(page.progress());
    expect(copy.toolLead()).to.equal(page.toolLead());
    expect(document.activeElement === before, 'the focus is not taken').to.be.true;
    expect(copy.focused()?.outerHTML ?? null, 'nothing in the widget has the focus').to.equal(null);
    expect(await copy.axe()).to.deep.equal([]);
  });

  it('keeps only what is valid of a follow-up written by hand in a link', async () => {
    const suivi = {
      contractDate: '2024-09-15',
      option: '3-etp',
      initial: { patienteleMT: 900, fileActive: 'beaucoup', extra: 1 },
      objective: { patienteleMT: 1e9 },
      reviews: [...Array(14)].map((_, i) => ({ date: `2025-0${(i % 9) + 1}-01`, patienteleMT: 900 + i })),
      script: '<img src=x onerror=alert(1)>',
    };
    history.replaceState(null, '', '#aam=' + encodeURIComponent(JSON.stringify({ ...SIGNED, suivi })));
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a[0]);
    try {
      const page = await WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>`);
      await page.waitFor(() => page.tool(), 'the follow-up from the link');
      expect(page.el.profile).to.deep.equal(SIGNED);
      expect(page.toolInput('Patientèle médecin traitant', 0).value).to.equal('900');
      expect(page.toolInput('File active', 0).value).to.equal('');
      expect(page.toolInput('Patientèle médecin traitant', 1).value).to.equal('');
      expect(page.tool()!.querySelectorAll('[id^=t-f-reviews-][id$=-date]')).to.have.length(10);
      expect(page.root.querySelector('img')).to.equal(null);
      expect(warnings.filter((w) => /shared follow-up/.test(String(w)))).to.have.length(1);
      expect(
        warnings.filter((w) => /shared link's/.test(String(w))),
        'the follow-up is not an unknown answer',
      ).to.have.length(0);
    } finally {
      console.warn = warn;
    }
  });
});

describe('in English', () => {
  /** French left in a view: words and accents a translation would not keep, once the legal terms are set aside. */
  const french = (text: string) =>
    text
      .replace(
        /Patientèle médecin traitant|forfait médecin traitant|File active|CPAM|SMIC|CQP|AT\/MP|ETP|P\d\d (to|and above)( P\d\d)?|Aide à l’emploi d’un assistant médical/g,
        '',
      )
      .match(/[éèêàçôùî]|\b(le|la|les|des|du|et|vous|votre|vos|année|coût|aide|suivi|point|étape|contrat|par|pour|avec|sur|une?)\b/gi) ??
    [];

  it('speaks English in the three views, legal terms kept French; the calendar is in English too (axe clean)', async () => {
    const page = await withProfile(SIGNED, 'en');
    expect(page.tools()).to.deep.equal(['What the assistant costs you', 'Follow-up of my contract', 'Add to calendar']);
    await page.openTool('What the assistant costs you');
    expect(page.toolLead()).to.match(
      /^Years 3 to 5: the assistant costs you €\d+\* a year after the aid, that is \d+ more consultations a year/,
    );
    await page.open('How it is computed');
    const cost = page.tool()!.cloneNode(true) as HTMLElement;
    cost.querySelectorAll('.aam-v').forEach((e) => e.remove());
    expect(french(page.text(cost)), page.text(cost)).to.deep.equal([]);
    expect(await page.axe()).to.deep.equal([]);

    await page.openTool('Follow-up of my contract');
    await page.toolType('Patientèle médecin traitant', '1,000', 1);
    await page.tabTo('Add a review');
    await page.keys('Enter');
    await page.toolType('Patientèle médecin traitant', '960', 2);
    expect(page.toolLead()).to.equal(
      'You are at 60%* of your objective, at the review of 15 September 2026. Estimated balance for year 3: €2,200 (of €11,000 at most).*',
    );
    await page.open('How it is computed');
    expect(french(page.text(page.tool())), page.text(page.tool())).to.deep.equal([]);
    await page.importFile('nope');
    expect(page.toolStatus()).to.equal('File refused: it is not a follow-up exported by this simulator.');
    expect(await page.axe()).to.deep.equal([]);

    await page.openTool('Add to calendar');
    expect(french(page.text(page.tool())), page.text(page.tool())).to.deep.equal([]);
    const ics = events((await download(page.toolLink('Download the calendar (.ics)'))).text);
    expect(ics.map((e) => e.SUMMARY).join('\n')).to.match(/: payment for year 1, €38,000$/m);
    expect(ics.map((e) => e.SUMMARY).join('\n')).to.match(/^Half-yearly review with the CPAM/m);
    expect(await page.axe()).to.deep.equal([]);
  });
});
