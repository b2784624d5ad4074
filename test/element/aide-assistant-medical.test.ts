// The widget as a doctor, a webmaster and a keyboard user meet it, through the page object.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import 'axe-core/axe.min.js';
import type { AideChangeEvent } from '../../src/index.js';
import { WidgetPage } from './page.js';

const AS_OF = '2026-12-01';
const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };
const mount = (template = html`<aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>`) => WidgetPage.mount(template);

async function withGP(profile: object = GP, template?: ReturnType<typeof html>) {
  const page = await mount(template);
  page.el.profile = profile as never;
  await page.settle();
  return page;
}

/** Presses Tab until the focused control inside the widget matches. */
async function tabTo(page: WidgetPage, match: (e: HTMLElement) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const focused = page.focused();
    if (focused && match(focused)) return focused;
  }
  throw new Error('focus never reached the expected control');
}

beforeEach(() => history.replaceState(null, '', location.pathname + location.search));
afterEach(() => setViewport({ width: 800, height: 600 }));

describe('start view', () => {
  it('is defined once even if the entry is loaded twice', async () => {
    expect(customElements.get('aide-assistant-medical')).to.be.a('function');
    await import('../../src/index.js?again' as string);
    expect(customElements.get('aide-assistant-medical')).to.be.a('function');
  });

  it('is a title, one line of purpose and the first question: no list of schemes, no focus taken, axe clean', async () => {
    const before = document.activeElement;
    const page = await mount();
    expect(document.activeElement).to.equal(before);
    expect(page.focused()).to.equal(null);
    expect(page.text(page.root.querySelector('h2'))).to.equal('Aides aux médecins libéraux');
    expect(page.el.getAttributeNames(), 'no attribute added to the host').to.deep.equal(['as-of']);
    expect(page.asked()).to.deep.equal(['Votre situation']);
    expect(page.parts('scheme')).to.have.length(0);
    expect(page.part('answer')).to.equal(null);
    expect(page.words()).to.be.below(80);
    expect(page.tabStops()).to.be.below(12);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('does not let the first questions be passed over by accident', async () => {
    const page = await mount();
    await page.continue();
    expect(page.asked()).to.deep.equal(['Votre situation']);
    expect(page.error('Votre situation')).to.contain('Répondez à cette question');
    expect(page.root.querySelector('button')!.textContent).to.not.contain('Passer');
    expect(await page.axe()).to.deep.equal([]);
  });
});

describe('questions', () => {
  it('can be answered with the keyboard only; arrows never answer a list; the answer appears', async () => {
    const page = await mount();
    await tabTo(page, (e) => e.matches('input[type=radio]'));
    await sendKeys({ press: 'ArrowDown' });
    await page.settle();
    expect(page.el.profile.situation).to.be.a('string');
    await tabTo(page, (e) => e.matches('button.aam-primary'));
    await sendKeys({ press: 'Enter' });
    await page.settle();
    // The next question has the focus (the doctor acted): the specialty, a searchable list.
    expect(page.focused()?.getAttribute('role')).to.equal('combobox');
    await sendKeys({ type: 'médecine gén' });
    await page.settle();
    expect(page.listed('Spécialité')).to.include('Médecine générale (MEP inclus)');
    // An arrow moves the highlight; nothing is answered until Enter.
    await sendKeys({ press: 'ArrowDown' });
    await page.settle();
    expect(page.el.profile.specialty).to.equal(undefined);
    await sendKeys({ press: 'Enter' });
    await page.settle();
    expect(page.el.profile.specialty).to.equal('medecine-generale');
    expect(page.asked()).to.include('Spécialité', 'Enter took the option, it did not submit the questions');
    await tabTo(page, (e) => e.matches('input[type=radio]'));
    await sendKeys({ press: ' ' });
    await page.settle();
    expect(page.el.profile.sector).to.equal('1');
    await tabTo(page, (e) => e.matches('button.aam-primary'));
    await sendKeys({ press: 'Enter' });
    await page.settle();
    expect(page.focused()?.id).to.equal('f-patienteleMT');
    await sendKeys({ type: '1 100' });
    await sendKeys({ press: 'Enter' });
    await page.settle();
    expect(page.el.profile.patienteleMT).to.equal(1100);
    expect(page.answer()).to.contain('66 000 €').and.contain('132 000 €');
    expect(await page.axe()).to.deep.equal([]);
  });

  it('takes the only match on Enter in a search box, and says when several remain', async () => {
    const page = await withGP({ situation: 'installe' });
    await page.continue();
    const box = page.input('Spécialité');
    box.focus();
    await sendKeys({ type: 'médecine' });
    await page.settle();
    await sendKeys({ press: 'Enter' });
    await page.settle();
    expect(page.el.profile.specialty, 'several matches: Enter does not guess').to.equal(undefined);
    expect(page.text(page.root.querySelector('.aam-hint'))).to.match(/\d+ résultats/);
    await sendKeys({ type: ' génér' });
    await page.settle();
    expect(page.listed('Spécialité')).to.deep.equal(['Médecine générale (MEP inclus)']);
    await sendKeys({ press: 'Enter' });
    await page.settle();
    expect(page.el.profile.specialty).to.equal('medecine-generale');
  });

  it('keeps what was typed when it is not a number, and says why', async () => {
    const page = await withGP({ situation: 'installe', specialty: 'medecine-generale', sector: '1' });
    await page.fill('Patientèle médecin traitant', 'mille cinq');
    expect(page.input('Patientèle médecin traitant').value).to.equal('mille cinq');
    expect(page.input('Patientèle médecin traitant').getAttribute('aria-invalid')).to.equal('true');
    expect(page.error('Patientèle médecin traitant')).to.contain('Entrez un nombre');
    expect(await page.axe()).to.deep.equal([]);
    await page.fill('Patientèle médecin traitant', '1550');
    expect(page.el.profile.patienteleMT).to.equal(1550);
  });

  it('asks the working time right after eligibility, then the percentile « communiqué par votre CPAM »', async () => {
    const page = await withGP();
    expect(page.asked()).to.deep.equal(['Temps de travail de l’assistant']);
    await page.choose('Temps de travail', 'Temps plein');
    await page.continue();
    expect(page.asked()[0]).to.contain('communiqué par votre CPAM');
    expect(page.answer()).to.contain('132 000 €').and.not.contain('66 000 €');
  });

  it('changes an answer in place; "Préciser" brings a question back and focuses it', async () => {
    const page = await withGP();
    await page.open(/Vos réponses/);
    page.button(/Modifier\s*: Secteur/).click();
    await page.settle();
    expect(page.focused()?.getAttribute('name')).to.equal('f-sector');
    await page.choose('Secteur conventionnel', 'Secteur 2 sans OPTAM');
    expect(page.answer()).to.not.contain('132 000');
    await page.click('OK');
    expect(page.focused()?.id).to.equal('m-sector');
    page.el.profile = GP;
    await page.settle();
    const preciser = [...page.part('answer')!.querySelectorAll('button')].find((b) =>
      /Contrat signé/.test(b.closest('li')?.textContent ?? ''),
    )!;
    preciser.click();
    await page.settle();
    expect(page.asked()).to.deep.equal(['Date de signature du contrat (ou date prévue)']);
    expect(page.focused()?.id).to.equal('f-contractDate');
  });

  it('reads English numbers in English and accepts back what it displays (1,550)', async () => {
    const page = await withGP(
      { situation: 'installe', specialty: 'medecine-generale', sector: '1' },
      html`<aide-assistant-medical as-of=${AS_OF} lang="en"></aide-assistant-medical>`,
    );
    await page.fill('Patientèle médecin traitant', '1,550');
    expect(page.el.profile.patienteleMT).to.equal(1550);
    await page.continue();
    await page.open(/Your answers/);
    page.button(/Change\s*: Patientèle médecin traitant/).click();
    await page.settle();
    expect(page.input('Patientèle médecin traitant').value).to.equal('1,550');
    await page.click('OK');
    expect(page.el.profile.patienteleMT).to.equal(1550);
  });
});

describe('the answer', () => {
  it('comes first: one sentence with its figure, what it assumes, « jusqu’à », the next step', async () => {
    const page = await withGP();
    const answer = page.answer();
    expect(answer).to.contain(
      'Vous pouvez prétendre à l’aide à l’emploi d’un assistant médical : 66 000 € (mi-temps) à 132 000 € (temps plein) sur 5 ans',
    );
    expect(answer).to.contain('temps de travail de l’assistant');
    expect(answer).to.contain('Si votre CPAM vous situe dans la tranche P90 à P94 : 144 000 €');
    expect(answer).to.contain('Et maintenant');
    expect(page.part('answer')!.querySelectorAll('strong.aam-figure')).to.have.length(2);
    expect(page.root.querySelector('[part~=answer]')!.compareDocumentPosition(page.part('questions')!) & Node.DOCUMENT_POSITION_FOLLOWING)
      .to.be.ok;
    expect(await page.axe()).to.deep.equal([]);
  });

  it('is short: few words and tab stops for a typical GP', async () => {
    const page = await withGP();
    expect(page.words()).to.be.below(300);
    expect(page.tabStops()).to.be.below(35);
  });

  it('has its first euro amount on the first screen of a phone', async () => {
    await setViewport({ width: 360, height: 640 });
    const page = await withGP();
    const figure = page.part('answer')!.querySelector('.aam-figure')!;
    expect(figure.getBoundingClientRect().top - page.el.getBoundingClientRect().top).to.be.below(560);
  });

  it('says why when nothing applies, and is axe clean', async () => {
    const page = await withGP({ situation: 'installe', specialty: 'radiologie', sector: 'non-conventionne' });
    expect(page.answer()).to.contain('Aucune des aides proposées ne vous est ouverte');
    expect(page.part('questions')).to.equal(null);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('at exactly 775 patients, asks the percentile rather than showing a result', async () => {
    const page = await withGP({ ...GP, patienteleMT: 775 });
    expect(page.answer()).to.contain('percentile');
    expect(page.answer()).to.not.contain('€');
    await page.click('Indiquer mon percentile');
    expect(page.asked()[0]).to.contain('Percentile');
  });
});

describe('the detail', () => {
  it('is folded: one line per eligible scheme, one line per group of the others', async () => {
    const page = await withGP();
    const summaries = page.summaries();
    expect(summaries.some((s) => /^Aide à l’emploi d’un assistant médical Éligible · 66 000 € – 132 000 €$/.test(s))).to.be.true;
    expect(summaries).to.include('Fermés aux nouveaux contrats (4)');
    expect(page.parts('scheme')).to.have.length(1);
    const closed = await page.open('Fermés aux nouveaux contrats (4)');
    expect(page.text(closed)).to.contain('CAIM').and.contain('1ᵉʳ janvier 2026');
  });

  it('shows the payments year by year for both working times, a small chart, objectives, conditions and sources', async () => {
    const page = await withGP();
    const scheme = await page.open(/^Aide à l’emploi/);
    const table = scheme.querySelector('[part~=payments]')!;
    expect([...table.querySelectorAll('thead th')].map((th) => page.text(th))).to.deep.equal(['Année', '½ ETP', '1 ETP']);
    expect(
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => page.text(td)).join(' | ')),
    ).to.deep.equal(['19 000 € | 38 000 €', '14 000 € | 28 000 €', '11 000 € | 22 000 €', '11 000 € | 22 000 €', '11 000 € | 22 000 €']);
    expect(page.text(table.querySelector('tbody th'))).to.match(/^Année 1/);
    expect(page.text(table.querySelector('tbody th small'))).to.equal('1ᵉʳ décembre 2026');
    const chart = scheme.querySelector('svg')!;
    expect(chart.getBoundingClientRect().height).to.be.above(0).and.below(100);
    expect(page.text(scheme)).to.contain('Objectifs');
    const conditions = await page.open(/^Conditions \(\d\)$/);
    expect(page.text(conditions)).to.contain('secteur 1');
    const sources = await page.open(/^Sources \(\d+\)$/);
    const link = sources.querySelector('a')!;
    expect(link.href).to.match(/^https:/);
    expect(link.rel).to.contain('noopener');
    expect(await page.axe()).to.deep.equal([]);
  });

  it('draws no chart where every year is the same (≥ P95)', async () => {
    const page = await withGP({ ...GP, percentile: 96, option: '1-etp' });
    const scheme = await page.open(/^Aide à l’emploi/);
    expect(scheme.querySelector('svg')).to.equal(null);
    expect(page.text(scheme)).to.contain('38 000 €');
  });

  it('explains estimates once, with a legend, not a badge on every line', async () => {
    const page = await withGP({ ...GP, percentile: 92, option: '1-etp' });
    await page.open(/^Aide à l’emploi/);
    expect(page.root.querySelectorAll('.aam-legend')).to.have.length(1);
    expect(page.text(page.part('base')).match(/estimation/gi)?.length ?? 0).to.be.below(3);
  });
});

describe('webmasters', () => {
  it('fires aide-change (bubbling, composed) with the profile and the simulation', async () => {
    const page = await mount();
    setTimeout(() => (page.el.profile = GP));
    const event = (await oneEvent(page.el, 'aide-change')) as AideChangeEvent;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.profile.patienteleMT).to.equal(1100);
    expect(event.detail.simulation.answer.status).to.equal('eligible');
  });

  it('reset() clears the answers and asks the first question again', async () => {
    const page = await withGP();
    page.el.reset();
    await page.settle();
    expect(page.el.profile).to.deep.equal({});
    expect(page.asked()).to.deep.equal(['Votre situation']);
  });

  it('round-trips the answers through the shared link without touching the page URL, and drops junk', async () => {
    const page = await withGP();
    const before = location.href;
    const link = page.el.shareLink();
    expect(location.href).to.equal(before);
    history.replaceState(null, '', new URL(link).hash.replace('%7D', '%2C%22__proto__%22%3A1%2C%22x%22%3A2%7D'));
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a[0]);
    try {
      const copy = await mount();
      expect(copy.el.profile).to.deep.equal(GP);
      expect(copy.answer()).to.contain('132 000 €');
      expect(warnings.filter((w) => /shared link/.test(String(w)))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('copies the link, or shows it when the clipboard refuses', async () => {
    const page = await withGP();
    const clipboard = navigator.clipboard;
    let written = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (written = t) } });
    await page.click('Copier le lien');
    expect(written).to.contain('#aam=');
    expect(page.text(page.part('toolbar'))).to.contain('Lien copié');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    await page.click('Copier le lien');
    expect(page.part('toolbar')!.querySelector('input')!.value).to.contain('#aam=');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
  });

  it('tells the visitor when a shared link cannot be read, and keeps working', async () => {
    history.replaceState(null, '', '#aam=%7Bbroken');
    const page = await mount();
    expect(page.text(page.part('notices'))).to.contain('lien partagé');
    expect(page.asked()).to.deep.equal(['Votre situation']);
  });

  it('trims and case-folds attributes; a bad one goes to the console, not to the visitor (unless debug)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: unknown) => void warnings.push(String(m));
    try {
      const page = await withGP(
        GP,
        html`<aide-assistant-medical
          as-of=${AS_OF}
          region=" Occitanie "
          schemes="nope,caim"
          lang="fr;<script>"
          compact="false"
        ></aide-assistant-medical>`,
      );
      expect(page.el.simulation!.region).to.equal('occitanie');
      expect(page.el.hasAttribute('compact') && page.el.compact).to.be.false;
      expect(page.part('notices')).to.equal(null);
      expect(warnings.some((w) => /invalid schemes/.test(w))).to.be.true;
      expect(warnings.some((w) => /invalid lang/.test(w))).to.be.true;
      const debug = await withGP(GP, html`<aide-assistant-medical as-of=${AS_OF} schemes="nope" debug></aide-assistant-medical>`);
      expect(debug.text(debug.part('notices'))).to.contain('Attribut schemes');
      expect(await debug.axe()).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('renders whatever it is given as text, never as HTML', async () => {
    const page = await withGP({ ...GP, specialty: '<img src=x onerror="window.pwned=1">' });
    expect(page.root.querySelector('img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('survives properties set from script to odd values', async () => {
    const page = await mount();
    Object.assign(page.el, { region: 42, schemes: null, lang: {}, asOf: [], theme: 7 });
    page.el.profile = 'x' as never;
    await page.settle();
    expect(page.asked().length).to.be.above(0);
  });

  it('prints only itself, with its title, the date, the rules version and the sources as addresses', async () => {
    const page = await withGP();
    await page.open(/^Aide à l’emploi/);
    const printed: boolean[] = [];
    const print = window.print;
    window.print = () => void printed.push(page.el.hasAttribute('data-aam-print'));
    try {
      await page.click('Imprimer');
      expect(printed).to.deep.equal([true]);
      dispatchEvent(new Event('afterprint'));
      expect(page.el.hasAttribute('data-aam-print')).to.be.false;
    } finally {
      window.print = print;
    }
    const sources = page.root.querySelector('.aam-print-only')!;
    expect(page.text(sources)).to.contain('https://www.ameli.fr/');
    expect(page.text(page.part('footer'))).to.match(/Simulation au 1ᵉʳ décembre 2026, règles du/);
  });
});

describe('languages and layouts', () => {
  it('speaks English with lang="en", keeps legal terms French, and switches back (axe clean)', async () => {
    const page = await withGP(GP, html`<aide-assistant-medical as-of=${AS_OF} lang="en"></aide-assistant-medical>`);
    expect(page.text(page.root.querySelector('h2'))).to.equal('Aids for doctors in private practice');
    expect(page.answer()).to.contain('You can claim').and.contain('€132,000');
    expect(page.asked()[0]).to.equal('Assistant’s working time');
    expect(await page.axe()).to.deep.equal([]);
    await page.click('Français');
    expect(page.answer()).to.contain('Vous pouvez prétendre');
  });

  it('lets two instances on one page speak their own language', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<aide-assistant-medical as-of="${AS_OF}" lang="fr"></aide-assistant-medical><aide-assistant-medical as-of="${AS_OF}" lang="en"></aide-assistant-medical>`;
    document.body.append(wrapper);
    try {
      const [fr, en] = [...wrapper.querySelectorAll('aide-assistant-medical')].map((el) => new WidgetPage(el as never));
      for (const p of [fr, en]) p.el.profile = GP;
      for (const p of [fr, en, fr, en]) await p.settle();
      expect(fr.answer()).to.contain('Vous pouvez prétendre');
      expect(en.answer()).to.contain('You can claim');
      expect(fr.asked()[0]).to.equal('Temps de travail de l’assistant');
      expect(en.asked()[0]).to.equal('Assistant’s working time');
    } finally {
      wrapper.remove();
    }
  });

  it('works in the compact layout at 320 px, in the dark theme with a custom accent (axe clean)', async () => {
    await setViewport({ width: 320, height: 640 });
    const page = await withGP(
      GP,
      html`<aide-assistant-medical as-of=${AS_OF} compact theme="dark" accent-color="#ffe600"></aide-assistant-medical>`,
    );
    expect(page.el.scrollWidth).to.be.at.most(320);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('puts the questions beside the answer when wide', async () => {
    await setViewport({ width: 1280, height: 800 });
    const page = await withGP();
    const answer = page.part('answer')!.getBoundingClientRect();
    const questions = page.part('questions')!.getBoundingClientRect();
    expect(questions.left).to.be.above(answer.right - 1);
  });
});
