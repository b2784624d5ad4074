// Malformed attributes, as a CMS, a copy-paste or an attacker writes them: the widget never throws, still
// asks its first question, keeps the visitor free of webmaster notices (unless `debug`), and says each bad
// value once in the console, shortened. Then the pure reader, `readAttributes`. The count is printed.
import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import { booleanAttribute, langOf, readAttributes, themeOf } from '../../src/element/attributes.js';
import { regionIds, schemeIds } from '../../src/engine/core.js';
import { WidgetPage } from './page.js';

const AS_OF = '2026-12-01';
const PACK_FAILED = 'Les règles régionales n’ont pas pu être chargées : les montants sont ceux des règles nationales.';
const HUGE = 'x'.repeat(100_000);
const SCRIPT = '<script>window.pwned = 1</script>';
const IMG = '<img src=x onerror="window.pwned = 1">';

interface Case {
  attribute: string;
  value: string;
  /** The value is refused: one console message says so (an error for a pack that cannot be used). */
  bad?: boolean;
  /** What the widget does with it. */
  check?: (page: WidgetPage) => void;
}

const bad = (attribute: string, ...values: string[]): Case[] => values.map((value) => ({ attribute, value, bad: true }));
const good = (attribute: string, value: string, check: (page: WidgetPage) => void): Case => ({ attribute, value, check });
const schemesOf = (page: WidgetPage) => page.el.simulation!.schemes.map((s) => s.id);
const title = (page: WidgetPage) => page.text(page.root.querySelector('h2'));

const cases: Case[] = [
  // region
  good('region', '', (p) => expect(p.el.simulation!.region).to.equal('national')),
  good('region', '   ', (p) => expect(p.el.simulation!.region).to.equal('national')),
  good('region', 'OCCITANIE', (p) => expect(p.el.simulation!.region).to.equal('occitanie')),
  good('region', 'centre-val-de-loire  ', (p) => expect(p.el.simulation!.region).to.equal('centre-val-de-loire')),
  ...bad('region', 'atlantis', SCRIPT, 'javascript:alert(1)', HUGE, 'île-de-france', '42', '{"id":"occitanie"}', 'null', 'undefined'),
  ...bad('region', 'occitanie,occitanie', 'occitanie occitanie', '\u202eeinatiCCO'),
  // schemes
  good('schemes', ' CAIM , Assistant-Medical ', (p) => expect(schemesOf(p)).to.deep.equal(['caim', 'assistant-medical'])),
  good('schemes', 'cde,cde,,cde', (p) => expect(schemesOf(p)).to.deep.equal(['cde'])),
  good('schemes', ',,,', (p) => expect(schemesOf(p)).to.include('assistant-medical')),
  {
    attribute: 'schemes',
    value: new Array(100_000).fill('cde').join(','),
    bad: true,
    check: (p) => expect(schemesOf(p)).to.deep.equal(['cde']),
  },
  ...bad('schemes', 'nope', SCRIPT, HUGE, '["caim"]', 'null', 'caim;cesp'),
  // lang
  good('lang', 'EN', (p) => expect(title(p)).to.equal('Aids for doctors in private practice')),
  good('lang', ' en-GB ', (p) => expect(title(p)).to.equal('Aids for doctors in private practice')),
  good('lang', 'fr-FR', (p) => expect(title(p)).to.equal('Aides aux médecins libéraux')),
  ...bad('lang', 'fr;<script>', 'klingon', 'null', 'fr-', 'en_GB', HUGE, 'ﬀr'),
  // as-of
  good('as-of', ` ${AS_OF} `, (p) => expect(p.el.simulation!.asOf).to.equal(AS_OF)),
  good('as-of', '', (p) => expect(p.el.simulation!.asOf).to.match(/^\d{4}-\d{2}-\d{2}$/)),
  ...bad('as-of', '2026-02-30', '2026-13-01', '01/12/2026', '99999-01-01', 'yesterday', '2026-12-01T00:00', 'null', '0'),
  // specialty
  good('specialty', 'CARDIOLOGIE ', (p) => expect(p.el.profile.specialty).to.equal('cardiologie')),
  ...bad('specialty', 'dentiste', IMG, HUGE, '__proto__', 'constructor', 'undefined'),
  // accent-color
  good('accent-color', '#ffe600', () => {}),
  good('accent-color', 'Teal', () => {}),
  ...bad(
    'accent-color',
    'not-a-colour',
    'url(javascript:alert(1))',
    'red; background: url(https://evil.example/)',
    '#12',
    'expression(alert(1))',
    HUGE,
  ),
  // theme
  good('theme', 'DARK', (p) => expect(p.el.getAttribute('theme')).to.equal('dark')),
  { attribute: 'theme', value: 'neon', bad: true, check: (p) => expect(p.el.getAttribute('theme')).to.equal('light') },
  ...bad('theme', SCRIPT, 'null', 'light dark'),
  // compact and debug: boolean attributes, where a CMS may write "false"
  ...['false', 'FALSE ', '0', 'off', 'no'].map((v) =>
    good('compact', v, (p) => expect(p.el.compact || p.el.matches('[compact]'), `compact="${v}"`).to.be.false),
  ),
  ...['', 'true', 'compact'].map((v) =>
    good('compact', v, (p) => expect(p.el.compact && p.el.matches('[compact]'), `compact="${v}"`).to.be.true),
  ),
  good('debug', 'false', (p) => expect(p.el.debug).to.be.false),
  // rules-src: nothing to download, or something that cannot be a pack
  good('rules-src', '', () => {}),
  good('rules-src', '   ', () => {}),
  ...bad('rules-src', 'javascript:alert(1)', 'data:application/json,{}', HUGE, SCRIPT, 'null'),
];

const refused = cases.filter((c) => c.bad);
console.log(`malformed attributes: ${cases.length} values (${refused.length} refused, ${cases.length - refused.length} accepted as meant)`);

/** Messages the widget wrote to the console while `run` ran. */
async function console$(run: () => Promise<void>): Promise<string[]> {
  const { error, warn } = console;
  const said: string[] = [];
  const keep = (...args: unknown[]) => void (String(args[0]).startsWith('<aide-assistant-medical>') && said.push(String(args[0])));
  Object.assign(console, { error: keep, warn: keep });
  try {
    await run();
  } finally {
    Object.assign(console, { error, warn });
  }
  return said;
}

/** The widget with this one attribute (and a fixed date unless the date is what is tested). */
async function widget(c: Case, extra: Record<string, string> = {}): Promise<WidgetPage> {
  const page = await WidgetPage.create({ ...(c.attribute === 'as-of' ? {} : { 'as-of': AS_OF }), ...extra, [c.attribute]: c.value });
  if (c.attribute === 'rules-src' && c.bad) await page.waitFor(() => page.notices().length, 'the pack notice');
  return page;
}

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 20)}… (${value.length} characters)` : JSON.stringify(value));

describe('malformed attributes', () => {
  let errors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => void errors.push('reason' in e ? e.reason : e.message);
  beforeEach(() => {
    errors = [];
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    expect(errors, 'nothing thrown').to.deep.equal([]);
    expect((window as { pwned?: unknown }).pwned).to.equal(undefined);
  });

  for (const c of cases)
    it(`${c.attribute}=${shown(c.value)}: ${c.bad ? 'refused, said once in the console' : 'read as meant'}; the first question is asked`, async () => {
      let page!: WidgetPage;
      const said = await console$(async () => void (page = await widget(c)));
      expect(page.asked().length, 'a question is asked').to.be.above(0);
      expect(page.root.querySelector('img, script, iframe')).to.equal(null);
      c.check?.(page);
      if (!c.bad) {
        expect(said, 'no console message').to.deep.equal([]);
        expect(page.notices()).to.deep.equal([]);
        return;
      }
      expect(said, said.join('\n')).to.have.length(1);
      if (c.attribute === 'rules-src') {
        // A pack that cannot be used: the visitor learns that the figures are the national ones.
        expect(page.notices()).to.deep.equal([PACK_FAILED]);
        expect(said[0]).to.match(/^<aide-assistant-medical>: the rules pack .{1,121} could not be used \(/);
        return;
      }
      expect(page.notices(), 'nothing for the visitor').to.deep.equal([]);
      const [, attribute, quoted] = said[0].match(/^<aide-assistant-medical>: invalid ([\w-]+)="(.*)"; accepted: /s) ?? [];
      expect(attribute).to.equal(c.attribute);
      expect(quoted.length, 'the value shortened').to.be.at.most(61);
      // A list too long is counted, not quoted.
      if (c.value.trim().length > 60) expect(quoted).to.match(c.value.length > 100_000 ? /^\(100000\)$/ : /…$/);
    });

  it('shows the webmaster each refused value with `debug`, shortened, and keeps the widget usable (axe clean)', async () => {
    for (const c of refused.filter((x) => x.attribute !== 'rules-src')) {
      let page!: WidgetPage;
      await console$(async () => void (page = await widget(c, { debug: '' })));
      const notes = page.webmasterNotices();
      expect(notes, `${c.attribute}=${shown(c.value)}`).to.have.length(1);
      expect(notes[0]).to.contain(`Attribut ${c.attribute}`);
      const quoted = notes[0].match(/« (.*) » n’est pas reconnu/s)![1];
      expect(quoted.length, `${c.attribute}=${shown(c.value)}`).to.be.at.most(61);
      expect(page.asked().length).to.be.above(0);
      if (c === refused[0]) expect(await page.axe()).to.deep.equal([]);
    }
  });

  it('says nothing to the visitor with debug="false"', async () => {
    let page!: WidgetPage;
    await console$(async () => void (page = await WidgetPage.create({ 'as-of': AS_OF, region: 'atlantis', debug: 'false' })));
    expect(page.notices()).to.deep.equal([]);
  });
});

describe('readAttributes (pure)', () => {
  const none = { region: '', schemes: '', lang: '', asOf: '', specialty: '', theme: '' };

  it('reads nothing from nothing, and complains of nothing', () => {
    expect(readAttributes(none)).to.deep.equal({ options: {}, lang: 'fr', specialty: undefined, problems: [] });
  });

  it('trims and case-folds every value before judging it', () => {
    const r = readAttributes({
      region: ' Occitanie ',
      schemes: ' CAIM ,Cesp',
      lang: ' EN-gb',
      asOf: ' 2026-03-01 ',
      specialty: 'Cardiologie ',
      theme: ' Dark',
    });
    expect(r.options).to.deep.equal({ region: 'occitanie', schemes: ['caim', 'cesp'], asOf: '2026-03-01' });
    expect(r.lang).to.equal('en');
    expect(r.specialty).to.equal('cardiologie');
    expect(r.problems).to.deep.equal([]);
  });

  it('accepts every built-in region and scheme id', () => {
    for (const region of regionIds) expect(readAttributes({ ...none, region }).options.region).to.equal(region);
    expect(readAttributes({ ...none, schemes: schemeIds.join(',') }).options.schemes).to.deep.equal(schemeIds);
  });

  it('accepts a pack’s region once the pack is there, and judges no unknown region while it loads', () => {
    expect(readAttributes({ ...none, region: 'ma-region' }, ['ma-region']).options.region).to.equal('ma-region');
    expect(readAttributes({ ...none, region: 'ma-region' }, [], true).problems).to.deep.equal([]);
    expect(readAttributes({ ...none, region: 'ma-region' }).problems.map((p) => p.attribute)).to.deep.equal(['region']);
  });

  it('quotes a bad value back shortened to 60 characters and an ellipsis', () => {
    const [problem] = readAttributes({ ...none, region: 'é'.repeat(100_000) }).problems;
    expect(problem.value).to.equal('é'.repeat(60) + '…');
    expect(readAttributes({ ...none, region: 'x'.repeat(60) }).problems[0].value).to.equal('x'.repeat(60));
  });

  it('keeps known schemes once, in order, caps a list at 100 ids and says so', () => {
    expect(readAttributes({ ...none, schemes: 'cesp,caim,cesp' }).options.schemes).to.deep.equal(['cesp', 'caim']);
    const long = readAttributes({ ...none, schemes: new Array(100_000).fill('caim').join(',') });
    expect(long.options.schemes).to.deep.equal(['caim']);
    expect(long.problems).to.deep.equal([{ attribute: 'schemes', value: '(100000)', accepted: schemeIds.join(', ') }]);
    const mixed = readAttributes({ ...none, schemes: 'nope,caim,<b>' });
    expect(mixed.options.schemes).to.deep.equal(['caim']);
    expect(mixed.problems[0].value).to.equal('nope,<b>');
  });

  it('refuses impossible dates and anything but YYYY-MM-DD', () => {
    for (const asOf of ['2026-02-29', '2026-02-30', '2026-00-10', '2026-1-01', '20260301', '2026-03-01T00:00Z', '+02026-03-01'])
      expect(
        readAttributes({ ...none, asOf }).problems.map((p) => p.attribute),
        asOf,
      ).to.deep.equal(['as-of']);
    expect(readAttributes({ ...none, asOf: '2028-02-29' }).options.asOf).to.equal('2028-02-29');
  });

  it('refuses a language it cannot speak rather than guessing, and reads en/fr tags', () => {
    for (const lang of ['fr;<script>', 'de', 'english', 'fr-', 'en_GB']) {
      const r = readAttributes({ ...none, lang });
      expect(r.lang, lang).to.equal('fr');
      expect(
        r.problems.map((p) => p.attribute),
        lang,
      ).to.deep.equal(['lang']);
    }
    expect(langOf('en-US')).to.equal('en');
    expect(langOf('FR-ca')).to.equal('fr');
    expect(langOf(42)).to.equal('fr');
  });

  it('refuses unknown specialties and themes; the theme falls back to light', () => {
    expect(readAttributes({ ...none, specialty: '__proto__' }).specialty).to.equal(undefined);
    expect(readAttributes({ ...none, theme: 'neon' }).problems.map((p) => p.attribute)).to.deep.equal(['theme']);
    expect(themeOf(' AUTO ')).to.equal('auto');
    expect(themeOf('neon')).to.equal('light');
    expect(themeOf(undefined)).to.equal('light');
  });

  it('reads a boolean attribute written "false", "0", "off" or "no" as off', () => {
    const read = booleanAttribute.fromAttribute;
    expect([null, 'false', ' FALSE ', '0', 'off', 'No'].map(read)).to.deep.equal([false, false, false, false, false, false]);
    expect(['', 'true', 'compact', 'yes'].map(read)).to.deep.equal([true, true, true, true]);
    expect([true, false].map(booleanAttribute.toAttribute)).to.deep.equal(['', null]);
  });

  it('never throws on values of the wrong type', () => {
    const odd = { region: 42, schemes: null, lang: {}, asOf: [], specialty: Symbol('x'), theme: undefined } as never;
    expect(() => readAttributes(odd)).to.not.throw();
  });
});
