/**
 * The checks ACCESSIBILITY.md cites for RGAA 4.1 criteria that axe alone does not settle: text spacing
 * (10.12), reflow at 320 CSS px and text at 200 % (10.4, 10.11), a visible focus on every control (10.7),
 * no keyboard trap and a focus order that follows the reading order (12.8, 12.9), language changes (8.7).
 */
import { expect, fixture } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { html } from 'lit';
import { WidgetPage } from './page.js';

const GP = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };

async function eligibleGp(): Promise<WidgetPage> {
  const page = await WidgetPage.mount();
  page.el.profile = GP;
  await page.settle();
  expect(page.answer()).to.contain('€');
  return page;
}

/** Elements of the widget whose content overflows their box horizontally (text cut or scrolled away). */
function overflowing(page: WidgetPage): string[] {
  return [...page.root.querySelectorAll<HTMLElement>('*')]
    .filter((e) => e.getClientRects().length && !e.closest('.aam-v, .aam-table, svg') && e.scrollWidth > e.clientWidth + 1)
    .filter((e) => getComputedStyle(e).overflowX !== 'visible' || e.scrollWidth > e.getBoundingClientRect().width + 1)
    .map((e) => `${e.localName}.${e.className}`);
}

/** Controls Tab stops on, in order: a group of radio buttons is one stop (arrows move within it). */
function stops(page: WidgetPage): HTMLElement[] {
  const radios = new Set<string>();
  return [...page.root.querySelectorAll<HTMLElement>('button, a[href], input, summary')].filter((e) => {
    if (!e.getClientRects().length) return false;
    if (e instanceof HTMLInputElement && e.type === 'radio') {
      if (radios.has(e.name)) return false;
      radios.add(e.name);
    }
    return true;
  });
}

afterEach(() => setViewport({ width: 800, height: 600 }));

describe('RGAA 4.1 checks beyond axe', () => {
  it('10.12: the WCAG text spacing loses no content (line height 1.5, paragraphs 2 em, letters 0.12 em, words 0.16 em)', async () => {
    const page = await eligibleGp();
    await page.open(/Aide à l’emploi d’un assistant médical/);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    );
    page.root.adoptedStyleSheets = [...page.root.adoptedStyleSheets, sheet];
    await page.settle();
    expect(overflowing(page)).to.deep.equal([]);
    expect(page.answer()).to.contain('132 000');
  });

  it('10.4 and 10.11: at 320 CSS px (a 1280 px screen at 400 %, or 640 px at 200 %) nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const page = await eligibleGp();
    await page.open(/Aide à l’emploi d’un assistant médical/);
    const frame = page.part('base')!;
    expect(frame.getBoundingClientRect().right).to.be.at.most(320);
    expect(overflowing(page)).to.deep.equal([]);
  });

  it('10.7: every control shows where the focus is', async () => {
    const page = await eligibleGp();
    const controls = stops(page);
    expect(controls.length).to.be.above(8);
    // Reach the first one from the page with the keyboard, so that :focus-visible applies, then go through all.
    const before = document.createElement('button');
    before.textContent = 'avant';
    page.el.before(before);
    before.focus();
    const seen: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      await sendKeys({ press: 'Tab' });
      const f = page.focused();
      if (!f) break;
      const style = getComputedStyle(f);
      seen.push(`${f.localName}:${style.outlineStyle}:${style.outlineWidth}`);
      expect(style.outlineStyle, `${f.localName} ${f.textContent?.trim().slice(0, 30)}`).to.not.equal('none');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    }
    expect(seen.length).to.equal(controls.length);
    before.remove();
  });

  it('12.8 and 12.9: the tab order follows the reading order, and Tab leaves the widget at its end (no trap)', async () => {
    const page = await eligibleGp();
    const before = document.createElement('button');
    before.textContent = 'avant';
    const after = document.createElement('button');
    after.textContent = 'après';
    page.el.before(before);
    page.el.after(after);
    before.focus();
    const tops: number[] = [];
    for (let i = 0; i < 60 && document.activeElement !== after; i++) {
      await sendKeys({ press: 'Tab' });
      const f = page.focused();
      // Measured from the widget's top: the page scrolls as the focus moves.
      if (f && document.activeElement === page.el)
        tops.push(Math.round(f.getBoundingClientRect().top - page.el.getBoundingClientRect().top));
    }
    expect(document.activeElement, 'Tab reaches the page after the widget').to.equal(after);
    expect(tops.length).to.equal(stops(page).length);
    expect(tops, 'top to bottom').to.deep.equal([...tops].sort((a, b) => a - b));
    // Shift+Tab goes back the same way.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(page.el);
    before.remove();
    after.remove();
  });

  it('8.7: an English widget in a French page says so, and the language switch names its language', async () => {
    const el = await fixture<HTMLElement>(html`<aide-assistant-medical lang="en" as-of="2026-12-01"></aide-assistant-medical>`);
    const page = new WidgetPage(el as never);
    await page.settle();
    expect(page.part('base')!.getAttribute('lang')).to.equal('en');
    expect(page.button('Français').getAttribute('lang')).to.equal('fr');
  });
});
