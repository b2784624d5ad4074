// What the widget does to the page that hosts it: no request and no storage by default, a layout that the
// page's own CSS cannot break, the entry imported twice, ten different instances on one page, instances
// removed and added again (answers kept, no listener left behind), and the focus never taken on load.
// The count of checks is printed.
import { expect, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { AideAssistantMedical } from '../../src/index.js';
import { WidgetPage } from './page.js';

const AS_OF = '2026-12-01';
const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };

console.log(
  'host page: 8 checks (no request or storage, the same with the assistant’s tools, hostile CSS, entry imported twice, ten instances, removed and re-added, moved after a shared link, focus on load)',
);

beforeEach(() => history.replaceState(null, '', location.pathname + location.search));

/**
 * Puts `template` in the page (open-wc's fixture() waits for an animation frame for plain elements, and a
 * page running beside another one may get none).
 */
const placed: HTMLElement[] = [];
function place<T extends Element>(template: TemplateResult): T {
  const container = document.createElement('div');
  document.body.append(container);
  placed.push(container);
  render(template, container);
  return container.firstElementChild as T;
}
afterEach(() => placed.splice(0).forEach((c) => c.remove()));

/** Counts calls to what sends or stores data, for the duration of `run`. */
async function counting(run: () => Promise<void>): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const restore: (() => void)[] = [];
  const wrap = <T extends object>(target: T, key: keyof T & string, name = key) => {
    const original = target[key] as unknown as (...a: unknown[]) => unknown;
    (target as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      count(name);
      return original.apply(this, args);
    };
    restore.push(() => ((target as Record<string, unknown>)[key] = original));
  };
  wrap(window, 'fetch');
  wrap(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest');
  wrap(navigator, 'sendBeacon');
  for (const key of ['setItem', 'getItem', 'removeItem', 'clear', 'key'] as const) wrap(Storage.prototype, key, `Storage.${key}`);
  wrap(indexedDB, 'open', 'indexedDB.open');
  wrap(window, 'WebSocket');
  wrap(window, 'EventSource');
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => (count('cookie read'), cookie.get!.call(document)),
    set: (v: string) => (count('cookie write'), cookie.set!.call(document, v)),
  });
  restore.push(() => delete (document as { cookie?: string }).cookie);
  for (const storage of ['localStorage', 'sessionStorage'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(window, storage)!;
    Object.defineProperty(window, storage, { configurable: true, get: () => (count(storage), descriptor.get!.call(window)) });
    restore.push(() => Object.defineProperty(window, storage, descriptor));
  }
  try {
    await run();
  } finally {
    restore.reverse().forEach((r) => r());
  }
  return calls;
}

/** Opens every disclosure, those inside opened ones too. */
async function openEverything(page: WidgetPage) {
  for (let round = 0; round < 10; round++) {
    const closed = [...page.root.querySelectorAll('details:not([open]) > summary')].map((s) => page.text(s));
    if (!closed.length) return;
    for (const summary of closed) await page.open(summary);
  }
}

/** Bounding boxes of the widget's parts, relative to the widget, rounded to the half pixel. */
function boxes(page: WidgetPage): Record<string, string> {
  const origin = page.part('base')!.getBoundingClientRect();
  const round = (n: number) => Math.round(n * 2) / 2;
  const out: Record<string, string> = {};
  const all = [...page.root.querySelectorAll<HTMLElement>('[part], button, input, summary, h2, h3, li, td, p')];
  all.forEach((e, i) => {
    if (!e.getClientRects().length) return; // not rendered (print only)
    const r = e.getBoundingClientRect();
    const name = `${i} ${e.getAttribute('part') ?? e.localName} ${page.text(e).slice(0, 24)}`;
    out[name] = [r.left - origin.left, r.top - origin.top, r.width, r.height].map(round).join(' ');
  });
  return out;
}

describe('host page', () => {
  it('makes no request and uses no storage by default, while used fully', async () => {
    const before = performance.getEntriesByType('resource').length;
    const calls = await counting(async () => {
      const page = await WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF} id="w"></aide-assistant-medical>`);
      await page.choose('Votre situation', /installé/i);
      await page.continue();
      page.el.profile = GP;
      await page.settle();
      await openEverything(page);
      await page.click('English');
      await openEverything(page);
      await page.click('Français');
      const print = window.print;
      window.print = () => {};
      try {
        await page.click('Imprimer');
        dispatchEvent(new Event('afterprint'));
      } finally {
        window.print = print;
      }
      page.el.shareLink();
      await page.click('Recommencer');
    });
    expect(calls).to.deep.equal({});
    // What was loaded meanwhile: only the widget's own modules (the detail and English templates, on demand).
    const loaded = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((e) => new URL(e.name))
      .filter((u) => u.origin !== location.origin || !/\.(ts|js)$/.test(u.pathname));
    expect(loaded.map(String)).to.deep.equal([]);
  });

  it('makes no request and uses no storage while the assistant’s tools are used (files are object URLs)', async () => {
    const before = performance.getEntriesByType('resource').length;
    const calls = await counting(async () => {
      const page = await WidgetPage.mount(html`<aide-assistant-medical as-of=${AS_OF} id="t"></aide-assistant-medical>`);
      page.el.profile = { ...GP, option: '1-etp', contractDate: '2024-09-15' };
      await page.settle();
      await page.openTool('Ce que l’assistant vous coûte');
      await page.open('Comment c’est calculé');
      await page.openTool('Ajouter au calendrier');
      expect(page.toolLink('Télécharger le calendrier (.ics)').href).to.match(/^blob:/);
      await page.openTool('Suivi de mon contrat');
      await page.tabTo('Ajouter un point d’étape');
      await page.keys('Enter');
      await page.toolType('Patientèle médecin traitant', '1 200', 2);
      expect(page.toolLink('Exporter (.json)').href).to.match(/^blob:/);
      await page.importFile('{}');
      expect(page.el.shareLink()).to.contain('suivi');
    });
    expect(calls).to.deep.equal({});
    // Loaded meanwhile: the tools' own modules and data only.
    const loaded = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((e) => new URL(e.name))
      .filter((u) => u.origin !== location.origin || !(/\.(ts|js)$/.test(u.pathname) || /^\/rules\/.*\.json$/.test(u.pathname)));
    expect(loaded.map(String)).to.deep.equal([]);
  });

  it('keeps its layout under a hostile page stylesheet', async () => {
    const wrapper = place<HTMLDivElement>(
      html`<div style="display: block; position: static; width: 360px; margin: 0; padding: 0; font: 16px / 1.2 sans-serif">
        <aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>
      </div>`,
    );
    const page = new WidgetPage(wrapper.querySelector('aide-assistant-medical') as AideAssistantMedical);
    page.el.profile = GP;
    await page.settle();
    await page.open(/^Aide à l’emploi/);
    await page.open(/^Vos réponses/);
    const clean = boxes(page);
    const hostile = document.createElement('style');
    hostile.textContent = `
      * { all: unset; }
      button { display: none !important; }
      p { font-size: 40px; }
      div { position: absolute; }
      ul, li, table, td, details, summary, section, form, input { display: inline !important; margin: 3em !important; }
      body { letter-spacing: 3px; word-spacing: 1em; text-transform: uppercase; text-align: center; text-indent: 4em;
             white-space: nowrap; line-height: 3; font-style: italic; font-weight: 700; }
      aide-assistant-medical { line-height: 0.5; container-type: normal; box-sizing: content-box; }`;
    document.head.append(hostile);
    try {
      await page.settle();
      expect(page.part('base')!.getBoundingClientRect().width).to.equal(360);
      expect(boxes(page)).to.deep.equal(clean);
    } finally {
      hostile.remove();
    }
  });

  it('is defined once and keeps working when the entry is imported twice', async () => {
    const before = customElements.get('aide-assistant-medical');
    await import('../../src/index.js?twice' as string);
    expect(customElements.get('aide-assistant-medical')).to.equal(before);
    const page = await WidgetPage.mount();
    page.el.profile = GP;
    await page.settle();
    expect(page.answer()).to.contain('66 000 €');
  });

  it('lets ten instances with different attributes answer independently, in two languages', async () => {
    const configs = [
      { id: 'a' },
      { id: 'b', lang: 'en' },
      { id: 'c', region: 'occitanie' },
      { id: 'd', region: 'centre-val-de-loire', lang: 'en' },
      { id: 'e', schemes: 'assistant-medical', compact: '' },
      { id: 'f', theme: 'dark', 'accent-color': '#ffe600' },
      { id: 'g', specialty: 'medecine-generale' },
      { id: 'h', lang: 'en', compact: '', theme: 'auto' },
      { id: 'i', region: 'nouvelle-aquitaine', 'accent-color': 'teal' },
      { id: 'j', 'as-of': '2025-06-01' },
    ];
    const wrapper = place<HTMLDivElement>(html`<div></div>`);
    for (const config of configs) {
      const el = document.createElement('aide-assistant-medical');
      el.setAttribute('as-of', AS_OF);
      for (const [name, value] of Object.entries(config)) el.setAttribute(name, value);
      wrapper.append(el);
    }
    const pages = [...wrapper.querySelectorAll('aide-assistant-medical')].map((el) => new WidgetPage(el as AideAssistantMedical));
    for (const p of pages) await p.settle();
    const english = (p: WidgetPage) => p.el.getAttribute('lang') === 'en';
    for (const p of pages) {
      expect(p.asked().length, p.el.id).to.be.above(0);
      expect(p.button(english(p) ? /^Continue$/ : /^Continuer$/), p.el.id).to.not.equal(undefined);
    }
    // One answers; the others do not move.
    const [first, ...others] = pages;
    await first.choose('Votre situation', /installé/i);
    expect(first.el.profile.situation).to.be.a('string');
    for (const p of others) expect(p.el.profile, p.el.id).to.deep.equal(p.el.id === 'g' ? { specialty: 'medecine-generale' } : {});
    // Each its own answers, its own language.
    pages.forEach((p, i) => (p.el.profile = { ...GP, patienteleMT: 1000 + i }));
    for (const p of pages) await p.settle();
    pages.forEach((p, i) => {
      expect(p.el.profile.patienteleMT, p.el.id).to.equal(1000 + i);
      expect(p.answer(), p.el.id).to.match(english(p) ? /You can claim.*€66,000/ : /Vous pouvez prétendre.*66 000 €/);
    });
    expect(pages.map((p) => p.el.simulation!.region)).to.deep.equal([
      'national',
      'national',
      'occitanie',
      'centre-val-de-loire',
      'national',
      'national',
      'national',
      'national',
      'nouvelle-aquitaine',
      'national',
    ]);
    expect(pages.map((p) => new URL(p.el.shareLink()).hash.split('=')[0])).to.deep.equal(configs.map((c) => `#aam-${c.id}`));
  });

  it('keeps its answers when removed and added again, and leaves no listener behind', async () => {
    const page = await WidgetPage.mount();
    page.el.profile = GP;
    await page.settle();
    await page.choose('Temps de travail', 'Temps plein');
    const answers = page.el.profile;
    const parent = page.el.parentElement!;
    const counts = { add: 0, remove: 0 };
    const targets = [window, document] as EventTarget[];
    const originals = targets.map((t) => [t.addEventListener, t.removeEventListener] as const);
    targets.forEach((t, i) => {
      t.addEventListener = function (...args: Parameters<EventTarget['addEventListener']>) {
        counts.add++;
        return originals[i][0].apply(this, args);
      };
      t.removeEventListener = function (...args: Parameters<EventTarget['removeEventListener']>) {
        counts.remove++;
        return originals[i][1].apply(this, args);
      };
    });
    try {
      for (let i = 0; i < 20; i++) {
        page.el.remove();
        await page.settle();
        parent.append(page.el);
        await page.settle();
      }
    } finally {
      targets.forEach((t, i) => Object.assign(t, { addEventListener: originals[i][0], removeEventListener: originals[i][1] }));
    }
    expect(counts.add - counts.remove, `${counts.add} added, ${counts.remove} removed`).to.be.at.most(0);
    expect(page.el.profile).to.deep.equal(answers);
    expect(page.answer()).to.contain('132 000 €').and.not.contain('66 000 €');
  });

  it('keeps the doctor’s changes over the shared link when moved in the page', async () => {
    history.replaceState(null, '', '#aam=' + encodeURIComponent(JSON.stringify(GP)));
    const page = await WidgetPage.mount();
    expect(page.el.profile).to.deep.equal(GP);
    await page.open(/Vos réponses/);
    page.button(/Modifier\s*: Secteur/).click();
    await page.settle();
    await page.choose('Secteur conventionnel', 'Secteur 2 sans OPTAM');
    await page.click('OK');
    const parent = page.el.parentElement!;
    page.el.remove();
    parent.append(page.el);
    await page.settle();
    expect(page.el.profile.sector).to.not.equal('1');
  });

  it('never takes the focus or scrolls on load, whatever the instance does meanwhile', async () => {
    const input = place<HTMLInputElement>(html`<input aria-label="champ de la page" />`);
    input.focus();
    const scroll = [scrollX, scrollY];
    history.replaceState(null, '', '#aam-shared=' + encodeURIComponent(JSON.stringify(GP)));
    const wrapper = place<HTMLDivElement>(
      html`<div>
        <aide-assistant-medical as-of=${AS_OF}></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} lang="en"></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} id="shared"></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} specialty="medecine-generale"></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} rules-src="/test/fixtures/packs/example-pack%2Ejson?focus"></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} region="atlantis" debug></aide-assistant-medical>
        <aide-assistant-medical as-of=${AS_OF} rules-src="/no-such-pack.json"></aide-assistant-medical>
      </div>`,
    );
    const pages = [...wrapper.querySelectorAll('aide-assistant-medical')].map((el) => new WidgetPage(el as AideAssistantMedical));
    for (const p of pages) await p.waitFor(() => !p.el.getAttribute('rules-src') || p.el.simulation?.pack || p.notices().length, 'settled');
    expect(pages[2].answer()).to.contain('66 000 €');
    expect(document.activeElement).to.equal(input);
    for (const p of pages) expect(p.focused()).to.equal(null);
    expect([scrollX, scrollY]).to.deep.equal(scroll);
  });
});
