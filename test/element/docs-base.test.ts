// `docs-base`: where the documentation site built from the rules (`npm run docs`) is published. Each scheme's
// sources then begin with a link to its page there, at its regime; a bad value is said once in the console (when
// the detail loads, which reads it) and ignored. That the links land on pages and ids of the site is checked
// against the built site in test/engine/docs.test.ts.
import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import { docsBaseOf, docsPage } from '../../src/element/docs-link.js';
import { WidgetPage } from './page.js';

const AS_OF = '2026-12-01';
const GP = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50 };
const LINK = 'Toutes les règles de cette aide, avec leurs sources';

/** The widget with these attributes and the GP's answers, the assistant aid's sources open. */
async function withSources(attributes: Record<string, string>) {
  const page = await WidgetPage.create({ 'as-of': AS_OF, ...attributes });
  page.el.profile = GP;
  await page.settle();
  const scheme = await page.open(/^Aide à l’emploi/);
  const sources = await page.open(/^Sources/);
  return { page, scheme, sources, docs: [...sources.querySelectorAll('a')].find((a) => a.textContent!.includes(LINK)) };
}

/** Console warnings of the widget while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const said: string[] = [];
  console.warn = (m: unknown) => void (String(m).startsWith('<aide-assistant-medical>') && said.push(String(m)));
  try {
    await run();
  } finally {
    console.warn = warn;
  }
  return said;
}

describe('docs-base', () => {
  it('links the scheme’s sources to its page on the site, at the regime, in a new window', async () => {
    const { page, docs, sources } = await withSources({ 'docs-base': 'https://example.org/aides/docs' });
    expect(docs, 'the link to the site').to.exist;
    expect(docs!.href).to.equal('https://example.org/aides/docs/schemes/assistant-medical.html#convention-2024');
    expect(docs!.target).to.equal('_blank');
    // First in the list, before the texts themselves.
    expect(sources.querySelector('li a')).to.equal(docs);
    expect(await page.axe()).to.deep.equal([]);
  });

  it('takes a path, resolved against the page, and speaks English with the widget', async () => {
    const { docs } = await withSources({ 'docs-base': '/aides/docs/' });
    expect(docs!.href).to.equal(new URL('/aides/docs/schemes/assistant-medical.html#convention-2024', location.href).href);
    const page = await WidgetPage.create({ 'as-of': AS_OF, 'docs-base': './site/', lang: 'en' });
    page.el.profile = GP;
    await page.settle();
    await page.open(/^Employment of a medical assistant|assistant/i);
    const sources = await page.open(/^Sources/);
    const link = [...sources.querySelectorAll('a')].find((a) => a.textContent!.includes('Every rule of this aid'));
    expect(link!.href).to.equal(new URL('./site/schemes/assistant-medical.html#convention-2024', location.href).href);
  });

  it('without it, or with a bad value, the sources are the texts alone; a bad value is said once in the console', async () => {
    const plain = await withSources({});
    expect(plain.docs).to.equal(undefined);
    for (const value of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'https://example.org/docs/?a=1',
      'mailto:x@example.org',
      `https://example.org/${'x'.repeat(10_000)}<script>`,
    ]) {
      let bad!: Awaited<ReturnType<typeof withSources>>;
      const said = await warnings(async () => void (bad = await withSources({ 'docs-base': value })));
      expect(bad.docs === undefined, value.slice(0, 40)).to.be.true;
      expect(said, value.slice(0, 40)).to.have.length(1);
      expect(said[0]).to.match(
        /^<aide-assistant-medical>: invalid docs-base=".{1,61}"; accepted: https:\/\/…\/, \/docs\/, \.\/docs\/\. Ignored\.$/s,
      );
      expect(bad.page.notices(), 'nothing for the visitor').to.deep.equal([]);
    }
  });

  it('is read as it changes', async () => {
    const { page } = await withSources({});
    page.el.docsBase = 'https://example.org/d/';
    await page.settle();
    const link = [...page.disclosure(/^Sources/).querySelectorAll('a')].find((a) => a.textContent!.includes(LINK));
    expect(link!.href).to.equal('https://example.org/d/schemes/assistant-medical.html#convention-2024');
  });
});

describe('docsBaseOf and docsPage (pure)', () => {
  const page = 'https://www.example.org/cpam/simulateur.html?x=1#aam=2';

  it('makes the base absolute and ending with /', () => {
    expect(docsBaseOf('https://docs.example.org', page)).to.equal('https://docs.example.org/');
    expect(docsBaseOf(' https://docs.example.org/aides/ ', page)).to.equal('https://docs.example.org/aides/');
    expect(docsBaseOf('/docs', page)).to.equal('https://www.example.org/docs/');
    expect(docsBaseOf('./docs/', page)).to.equal('https://www.example.org/cpam/docs/');
    expect(docsBaseOf('../docs/', page)).to.equal('https://www.example.org/docs/');
    expect(docsBaseOf('docs', page)).to.equal('https://www.example.org/cpam/docs/');
    expect(docsBaseOf('//cdn.example.org/docs/', page)).to.equal('https://cdn.example.org/docs/');
  });

  it('refuses what is not an http(s) address or a path', () => {
    for (const v of [
      '',
      '  ',
      'javascript:alert(1)',
      'data:,x',
      'ftp://example.org/',
      'https://x/a b/',
      'https://x/"onclick=',
      '/d?q',
      '/d#f',
      42,
      null,
    ])
      expect(docsBaseOf(v, page), String(v)).to.equal(undefined);
  });

  it('writes the site’s page and anchor ids', () => {
    expect(docsPage('https://d/', { id: 'assistant-medical', regime: 'avenant-7-8' })).to.equal(
      'https://d/schemes/assistant-medical.html#avenant-7-8',
    );
    expect(docsPage('https://d/', { id: 'caim' })).to.equal('https://d/schemes/caim.html');
    expect(docsPage('https://d/', { id: 'Pack.Aide/1', regime: 'R 1' })).to.equal('https://d/schemes/pack-aide-1.html#r-1');
  });
});
