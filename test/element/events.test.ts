// The widget's lifecycle events as a host page's analytics hear them: each fires once where it should, bubbles
// out of the shadow root (heard on the document, the element as target), and carries no answer beyond what
// `aide-change` gives (`aide-question`: the field's id only).
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import type { AideQuestionEvent } from '../../src/index.js';
import { WidgetPage, type HeardEvent } from './page.js';

const AS_OF = '2026-12-01';
const GP = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };
const mount = () => WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>`);

/** Every event heard bubbled and was composed, with the element as its target. */
function fromTheElement(page: WidgetPage, heard: HeardEvent[]) {
  for (const e of heard) {
    expect(e.bubbles && e.composed, `${e.type} bubbles and is composed`).to.be.true;
    expect(e.target === page.el, `${e.type}: the page sees the element as the target`).to.be.true;
  }
}

beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

describe('lifecycle events', () => {
  it('aide-question names each question answered, never its value; aide-result fires once, with the first complete answer', async () => {
    const page = await mount();
    const heard = page.listen();
    try {
      await page.choose('Votre situation', 'Installé(e) en libéral');
      await page.continue();
      await page.search('Spécialité', 'médecine génér');
      await page.press('Spécialité', 'Enter');
      await page.choose('Secteur conventionnel', 'Secteur 1');
      expect(heard.of('aide-result'), 'no complete answer yet').to.have.length(0);
      await page.continue();
      await page.fill('Patientèle médecin traitant', '1 100');
      expect(page.answer()).to.contain('132 000 €');
      // Refining the answer: more questions answered, the answer stays complete, no second aide-result.
      await page.continue();
      await page.choose('Temps de travail', 'Temps plein');
      await page.continue();

      const questions = heard.of('aide-question');
      expect(questions.map((e) => e.detail)).to.deep.equal([
        { field: 'situation' },
        { field: 'specialty' },
        { field: 'sector' },
        { field: 'patienteleMT' },
        { field: 'option' },
      ]);
      const results = heard.of('aide-result');
      expect(results).to.have.length(1);
      const { profile, simulation } = results[0].detail as { profile: Record<string, unknown>; simulation: { answer: { status: string } } };
      expect(simulation.answer.status).to.equal('eligible');
      expect(profile).to.deep.equal({ situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100 });
      // aide-result comes right after the aide-change of the same result, with the same detail.
      const i = heard.findIndex((e) => e.type === 'aide-result');
      expect(heard[i - 1].type).to.equal('aide-change');
      expect(heard[i - 1].detail).to.equal(results[0].detail);
      // Nothing else: no share, print or calendar without the doctor asking.
      expect(heard.filter((e) => !['aide-change', 'aide-result', 'aide-question'].includes(e.type))).to.deep.equal([]);
      fromTheElement(page, heard);
    } finally {
      heard.stop();
    }
  });

  it('aide-question says nothing of a value typed that is not valid, nor of the same value read again', async () => {
    const page = await mount();
    page.el.profile = { situation: 'installe', specialty: 'medecine-generale', sector: '1' };
    await page.settle();
    const heard = page.listen(['aide-question']);
    const warn = console.warn;
    console.warn = () => {};
    try {
      await page.fill('Patientèle médecin traitant', 'mille cinq');
      console.warn = warn;
      expect(heard).to.have.length(0);
      await page.fill('Patientèle médecin traitant', '1550');
      await page.fill('Patientèle médecin traitant', '1550');
      await page.continue();
      expect(heard.map((e) => e.detail)).to.deep.equal([{ field: 'patienteleMT' }]);
      expect(JSON.stringify(heard[0].detail)).to.not.contain('1550');
      // Typed, the listener's event is an AideQuestionEvent.
      const typed = await new Promise<AideQuestionEvent>((resolve) => {
        page.el.addEventListener('aide-question', resolve, { once: true });
        void page.choose('Temps de travail', 'Mi-temps');
      });
      expect(typed.detail.field).to.equal('option');
    } finally {
      console.warn = warn;
      heard.stop();
    }
  });

  it('aide-result fires again for the answer after « Recommencer », and for a profile the page sets', async () => {
    const page = await mount();
    const heard = page.listen(['aide-result']);
    try {
      page.el.profile = GP;
      await page.settle();
      expect(heard).to.have.length(1);
      page.el.profile = { ...GP, patienteleMT: 1200 };
      await page.settle();
      expect(heard, 'still complete: not again').to.have.length(1);
      await page.click('Recommencer');
      expect(heard).to.have.length(1);
      page.el.profile = GP;
      await page.settle();
      expect(heard).to.have.length(2);
      fromTheElement(page, heard);
    } finally {
      heard.stop();
    }
  });

  it('aide-share, aide-print and aide-calendar fire once per action, with no detail', async () => {
    const page = await mount();
    page.el.profile = { ...GP, option: '1-etp' };
    await page.settle();
    const heard = page.listen(['aide-share', 'aide-print', 'aide-calendar', 'aide-question', 'aide-result']);
    const clipboard = navigator.clipboard;
    const print = window.print;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
    window.print = () => {};
    try {
      await page.click('Copier le lien');
      expect(heard.map((e) => e.type)).to.deep.equal(['aide-share']);
      await page.click('Imprimer');
      dispatchEvent(new Event('afterprint'));
      expect(heard.map((e) => e.type)).to.deep.equal(['aide-share', 'aide-print']);
      await page.openTool('Ajouter au calendrier');
      expect(heard, 'opening the calendar is not downloading it').to.have.length(2);
      const link = page.toolLink('Télécharger le calendrier (.ics)');
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      link.click();
      expect(heard.map((e) => e.type)).to.deep.equal(['aide-share', 'aide-print', 'aide-calendar']);
      expect(heard.map((e) => e.detail)).to.deep.equal([null, null, null]);
      fromTheElement(page, heard);
    } finally {
      heard.stop();
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
      window.print = print;
    }
  });
});
