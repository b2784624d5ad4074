import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../../src/index.js';
import type { AideAssistantMedical, AideChangeEvent } from '../../src/index.js';

declare const axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };

const AS_OF = '2026-03-01';
const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1550, fileActive: 1800, age: 50, newlyInstalled: false };

async function noAxeViolations(el: Element) {
  const { violations } = await axe.run(el);
  expect(violations.map((v) => `${v.id} (${v.nodes.length})`)).to.deep.equal([]);
}

const $ = (el: AideAssistantMedical, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: AideAssistantMedical, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const text = (el: AideAssistantMedical, selector = '.w') => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ');
const active = (el: AideAssistantMedical) => el.shadowRoot!.activeElement as HTMLElement | null;
const asked = (el: AideAssistantMedical) =>
  $$(el, '.q [data-f], .q select, .q input[type=radio]').map((i) => i.dataset.f ?? i.id ?? i.getAttribute('name'));

async function make(template = html`<aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>`) {
  const el = await fixture<AideAssistantMedical>(template);
  await el.updateComplete;
  return el;
}

/** Presses Tab until the focused control inside the widget matches. */
async function tabTo(el: AideAssistantMedical, match: (e: HTMLElement) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const focused = active(el);
    if (focused && match(focused)) return focused;
  }
  throw new Error('focus never reached the expected control');
}

async function settle(el: AideAssistantMedical) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

beforeEach(() => {
  history.replaceState(null, '', location.pathname + location.search);
});

describe('aide-assistant-medical element', () => {
  it('is defined once even if the entry is loaded twice', async () => {
    expect(customElements.get('aide-assistant-medical')).to.be.a('function');
    // A second evaluation of the entry (another copy of the script) must not throw.
    await import('../../src/index.js?again' as string);
    expect(customElements.get('aide-assistant-medical')).to.be.a('function');
  });

  it('starts with the first questions, without taking the focus, and passes axe (empty state)', async () => {
    const before = document.activeElement;
    const el = await make();
    expect(document.activeElement).to.equal(before);
    expect(active(el)).to.equal(null);
    expect($(el, '.q')).to.exist;
    expect($(el, '#f-specialty')).to.exist;
    expect($(el, '.s')!.textContent).to.contain('À compléter');
    await noAxeViolations(el);
  });

  it('can be filled with the keyboard only, and moves to the next group on Enter', async () => {
    const el = await make();
    await tabTo(el, (e) => e.matches('input[type=search]'));
    await sendKeys({ type: 'generale' });
    await settle(el);
    expect($$(el, '#f-specialty option').map((o) => o.textContent)).to.deep.equal(['Médecine générale (MEP inclus)']);
    await sendKeys({ press: 'Tab' });
    expect(active(el)!.id).to.equal('f-specialty');
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect(el.profile.specialty).to.equal('medecine-generale');
    // Sector: radios; arrows select within the group.
    await tabTo(el, (e) => e.matches('input[type=radio][name=f-sector]'));
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(el.profile.sector).to.equal('1');
    await tabTo(el, (e) => e.matches('button.p'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // The next question gets the focus because the doctor asked for it.
    expect(asked(el)).to.deep.equal(['patienteleMT']);
    expect(active(el)!.id).to.equal('f-patienteleMT');
    await sendKeys({ type: '1 550' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(el.profile.patienteleMT).to.equal(1550);
    expect($(el, '.s')!.textContent).to.contain('Éligible');
    expect(text(el, '.sm')).to.contain('1 550');
    await noAxeViolations(el);
  });

  it('keeps what was typed when it is not a number, and says why', async () => {
    const el = await make();
    el.profile = { specialty: 'medecine-generale', sector: '1' };
    await settle(el);
    const input = $(el, '#f-patienteleMT') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'mille cinq' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect((input as HTMLInputElement).value).to.equal('mille cinq');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el, '.er')).to.contain('Entrez un nombre');
    expect(el.profile.patienteleMT).to.equal(undefined);
    await noAxeViolations(el);
    input.value = '1550';
    input.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.profile.patienteleMT).to.equal(1550);
  });

  it('shows an eligible result with reasons, sources, amounts per year, advance/balance, total and chart', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    const scheme = $(el, '[part=scheme]')!;
    expect(scheme.className).to.contain('eligible');
    expect($$(el, '[part=option]').length).to.be.at.least(2);
    const assistant = $(el, '[part=scheme]')!;
    const rows = [...assistant.querySelectorAll('[part=option]:last-of-type tbody tr')];
    expect(rows.length).to.equal(5);
    expect(rows[0].textContent!.replace(/\s/g, '')).to.contain('38000€');
    expect(rows[2].textContent).to.contain('acompte');
    expect(assistant.querySelector('[part=option]:last-of-type')!.textContent).to.match(/Total sur\s+5\s+ans/);
    expect($(el, '[part=option] svg rect')).to.exist;
    const link = $(el, '.rs a') as HTMLAnchorElement;
    expect(link.href).to.match(/^https:/);
    expect(link.rel).to.contain('noopener');
    expect($(el, '.rs cite')!.textContent).to.match(/\.txt/);
    await noAxeViolations(el);
  });

  it('shows an ineligible result with the failed condition (and passes axe)', async () => {
    const el = await make();
    el.profile = { specialty: 'radiologie', sector: '1' };
    await settle(el);
    expect($(el, '[part=scheme]')!.className).to.contain('ineligible');
    expect($(el, '.rs .ko')).to.exist;
    expect($(el, '[part=scheme]')!.querySelector('[part=option]')).to.equal(null);
    await noAxeViolations(el);
  });

  it('labels estimates visibly', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    expect($$(el, '.e').length).to.be.greaterThan(0);
    expect($(el, '.e')!.textContent).to.equal('estimation');
  });

  it('fires aide-change (bubbling, composed) with the profile and the simulation', async () => {
    const el = await make();
    setTimeout(() => (el.profile = GP));
    const event = (await oneEvent(el, 'aide-change')) as AideChangeEvent;
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
    expect(event.detail.profile.patienteleMT).to.equal(1550);
    expect(event.detail.simulation.schemes[0].status).to.equal('eligible');
  });

  it('edits an answer from the summary and updates the result at once', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    ($(el, '#m-sector') as HTMLButtonElement).click();
    await settle(el);
    expect(active(el)!.getAttribute('name')).to.equal('f-sector');
    const noOptam = $$(el, '.ed input[type=radio]')[2] as HTMLInputElement;
    noOptam.click();
    await settle(el);
    expect($(el, '[part=scheme]')!.className).to.contain('ineligible');
    ($(el, '.ed button') as HTMLButtonElement).click();
    await settle(el);
    expect(active(el)!.id).to.equal('m-sector');
  });

  it('reset() clears the answers', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    el.reset();
    await settle(el);
    expect(el.profile).to.deep.equal({});
    expect($(el, '#f-specialty')).to.exist;
  });

  it('round-trips the answers through the shared link, without touching the page URL', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    const before = location.href;
    const link = el.shareLink();
    expect(location.href).to.equal(before);
    expect(link).to.contain('#aam=');
    history.replaceState(null, '', new URL(link).hash);
    const copy = await make();
    expect(copy.profile).to.deep.include(GP);
    expect($(copy, '[part=scheme]')!.className).to.contain('eligible');
  });

  it('copies the link, or shows it when the clipboard is not available', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    const clipboard = navigator.clipboard;
    let written = '';
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (written = t) } });
    ($$(el, '.tb button')[1] as HTMLButtonElement).click();
    await settle(el);
    expect(written).to.contain('#aam=');
    expect(text(el, '.cp')).to.contain('Lien copié');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    ($$(el, '.tb button')[1] as HTMLButtonElement).click();
    await settle(el);
    expect(($(el, '.cp input') as HTMLInputElement).value).to.contain('#aam=');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
  });

  it('reports an unreadable shared link and keeps working', async () => {
    history.replaceState(null, '', '#aam=%7Bbroken');
    const el = await make();
    expect(text(el, '[part=notices]')).to.contain('lien partagé');
    expect($(el, '.q')).to.exist;
  });

  it('warns about invalid attributes in the widget and in the console, and falls back (error state passes axe)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => void warnings.push(String(m));
    try {
      const el = await make(
        html`<aide-assistant-medical
          region="atlantide"
          lang="de"
          as-of="2026-13-45"
          specialty="sorcellerie"
          accent-color="pas-une-couleur"
          schemes="assistant-medical,inconnu"
        ></aide-assistant-medical>`,
      );
      const notices = text(el, '[part=notices]');
      for (const attribute of ['region', 'lang', 'as-of', 'specialty', 'accent-color', 'schemes']) {
        expect(notices).to.contain(`Attribut ${attribute}`);
        expect(warnings.some((w) => w.includes(`invalid ${attribute}=`))).to.equal(true, attribute);
      }
      expect(notices).to.contain('national');
      expect($(el, '[part=scheme]')).to.exist;
      await noAxeViolations(el);
    } finally {
      console.warn = warn;
    }
  });

  it('never throws on a strange profile', async () => {
    const el = await make();
    for (const bad of [null, 42, 'x', [], { patienteleMT: 'beaucoup', sector: 99, age: -3 }]) {
      el.profile = bad as never;
      await settle(el);
    }
    expect(text(el, '[part=notices]')).to.contain('patienteleMT');
    expect($(el, '[part=scheme]')).to.exist;
  });

  it('speaks English with lang="en", keeps legal terms French, and switches back (English state passes axe)', async () => {
    const el = await make(html`<aide-assistant-medical lang="en" as-of=${AS_OF}></aide-assistant-medical>`);
    el.profile = GP;
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(text(el, '.tb')).to.contain('Copy the link');
    expect(text(el, '.sm')).to.contain('Patientèle médecin traitant');
    expect(text(el, '[part=option]:last-of-type')).to.contain('€38,000');
    expect($(el, '.w')!.getAttribute('lang')).to.equal('en');
    await noAxeViolations(el);
    ($(el, '.tb button') as HTMLButtonElement).click();
    await settle(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(text(el, '.tb')).to.contain('Copier le lien');
  });

  it('works in the compact layout at 320 px (and passes axe)', async () => {
    await setViewport({ width: 320, height: 800 });
    const el = await make(html`<aide-assistant-medical compact as-of=${AS_OF}></aide-assistant-medical>`);
    el.profile = GP;
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(getComputedStyle($(el, '.cols')!).display).to.equal('block');
    await noAxeViolations(el);
    await setViewport({ width: 1200, height: 800 });
  });

  it('uses two columns when wide', async () => {
    await setViewport({ width: 1200, height: 800 });
    const el = await make();
    expect(getComputedStyle($(el, '.cols')!).display).to.equal('grid');
  });

  it('derives an accessible accent from accent-color, even a very light one (dark theme passes axe)', async () => {
    const el = await make(html`<aide-assistant-medical accent-color="yellow" theme="dark" as-of=${AS_OF}></aide-assistant-medical>`);
    el.profile = GP;
    await settle(el);
    const button = $(el, '.q button.p, .tb button')!;
    expect(getComputedStyle(button)).to.exist;
    expect(getComputedStyle($(el, '.w')!).backgroundColor).to.equal('rgb(24, 26, 31)');
    await noAxeViolations(el);
  });

  it('keeps several instances independent', async () => {
    // Plain DOM rather than fixture(<div>): fixture waits for an animation frame, which a
    // background test tab may never get.
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<aide-assistant-medical id="a" as-of="${AS_OF}"></aide-assistant-medical>
      <aide-assistant-medical id="b" as-of="${AS_OF}"></aide-assistant-medical>`;
    document.body.append(wrapper);
    const [a, b] = wrapper.querySelectorAll('aide-assistant-medical');
    a.profile = GP;
    await settle(a);
    await settle(b);
    expect(b.profile).to.deep.equal({});
    expect(a.shareLink()).to.contain('#aam-a=');
    wrapper.remove();
  });

  it('prints only itself, with the date and the rules version', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    const print = window.print;
    let printed = false;
    window.print = () => {
      printed = el.hasAttribute('data-aam-print');
    };
    ($$(el, '.tb button')[2] as HTMLButtonElement).click();
    window.print = print;
    expect(printed).to.be.true;
    expect(document.adoptedStyleSheets.length).to.be.greaterThan(0);
    dispatchEvent(new Event('afterprint'));
    expect(el.hasAttribute('data-aam-print')).to.be.false;
    expect(text(el, '[part=footer]')).to.match(/Simulation au .*2026.*règles du \d{4}-\d{2}-\d{2}/);
    const sheets = [...el.shadowRoot!.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText));
    expect(sheets.some((r) => r.startsWith('@media print'))).to.be.true;
  });

  it('pre-selects the specialty attribute', async () => {
    const el = await make(html`<aide-assistant-medical specialty="pediatrie" as-of=${AS_OF}></aide-assistant-medical>`);
    expect(el.profile.specialty).to.equal('pediatrie');
    expect(asked(el)).to.not.include('f-specialty');
  });
  it('shows its first result quickly', async () => {
    const start = performance.now();
    const el = await make();
    expect($(el, '[part=scheme]')).to.exist;
    expect(performance.now() - start).to.be.below(100);
  });

  it('renders whatever it is given as text, never as HTML', async () => {
    const el = await make();
    el.profile = { specialty: '<img src=x onerror="window.__pwned=1">', department: '<b>09</b>' };
    await settle(el);
    expect($(el, 'img, b:not([aria-hidden])')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
  it('follows the visitor’s colour scheme only when theme="auto"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const auto = await make(html`<aide-assistant-medical theme="auto" as-of=${AS_OF}></aide-assistant-medical>`);
      const light = await make();
      expect(getComputedStyle($(auto, '.w')!).backgroundColor).to.equal('rgb(24, 26, 31)');
      expect(getComputedStyle($(light, '.w')!).backgroundColor).to.equal('rgb(255, 255, 255)');
      await noAxeViolations(auto);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
  it('settles when two instances ask for different languages', async () => {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<aide-assistant-medical lang="en" as-of="${AS_OF}"></aide-assistant-medical>
      <aide-assistant-medical as-of="${AS_OF}"></aide-assistant-medical>`;
    document.body.append(wrapper);
    const [a, b] = wrapper.querySelectorAll('aide-assistant-medical');
    await settle(a);
    await settle(b);
    let updates = 0;
    const count = () => updates++;
    a.addEventListener('aide-change', count);
    b.addEventListener('aide-change', count);
    await new Promise((r) => setTimeout(r, 200));
    expect(updates).to.equal(0);
    expect(a.isUpdatePending || b.isUpdatePending).to.be.false;
    wrapper.remove();
  });
  it('lets the doctor add an answer the engine did not ask, such as the contract date', async () => {
    const el = await make();
    el.profile = GP;
    await settle(el);
    const regimeBefore = text(el, '[part=scheme] .mu');
    const add = $(el, '#ad') as HTMLSelectElement;
    add.value = 'contractDate';
    add.dispatchEvent(new Event('change'));
    await settle(el);
    const date = active(el) as HTMLInputElement;
    expect(date.type).to.equal('date');
    date.value = '2022-06-01';
    date.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.profile.contractDate).to.equal('2022-06-01');
    expect(text(el, '[part=scheme] .mu')).to.not.equal(regimeBefore);
    await noAxeViolations(el);
  });
  it('survives properties set from script to odd values', async () => {
    const el = await make();
    const odd = el as unknown as Record<string, unknown>;
    for (const value of [null, undefined, 42, {}, ['a']]) {
      for (const key of ['region', 'schemes', 'lang', 'asOf', 'specialty', 'accentColor', 'theme']) odd[key] = value;
      await settle(el);
      expect($(el, '[part=scheme]'), String(value)).to.exist;
    }
  });
  it('shows a message, not a broken widget, when a result has an unexpected shape', async () => {
    const el = await make();
    const warn = console.warn;
    console.warn = () => {};
    try {
      (el as unknown as { result: unknown }).result = {
        asOf: AS_OF,
        rulesVersion: 'x',
        schemes: [{ id: 'x', title: 'X' }],
        errors: [],
        missing: [],
      };
      el.requestUpdate();
      await settle(el);
      expect(text(el, '.res')).to.contain('Le calcul a échoué');
      expect($(el, '.tb')).to.exist;
    } finally {
      console.warn = warn;
    }
  });
});
