// The widget in pages under a strict Content Security Policy, then under Trusted Types: each page is a
// same-origin iframe whose own response carries the policy (a Content-Security-Policy header set by the
// test server; a URL iframe does not inherit the parent's policy, and a control at the end proves the
// policy applies). A probe script records every `securitypolicyviolation` and error from the start; the
// widget is used fully (questions, every disclosure, both languages, a rules pack, copy, print, start
// again) and must cause none. Then the pages a webmaster may get wrong: a Trusted Types allow-list without
// Lit's policy, and a page that already runs its own copy of Lit.
import { expect, waitUntil } from '@open-wc/testing';
import type { AideAssistantMedical } from '../../src/index.js';
import { WidgetPage } from './page.js';

/** The strict policy of the brief: nothing inline, no eval, everything from the page's own origin. */
const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'";
/** The one Trusted Types policy the widget creates: Lit's (lit-html). */
const TRUSTED_TYPES = `${STRICT}; require-trusted-types-for 'script'; trusted-types lit-html`;
const PACK = '/test/fixtures/packs/example-pack%2Ejson';

interface Probe {
  violations: string[];
  errors: string[];
}

/** Records violations and errors in the page, from its first script on. */
const probeScript = `(() => {
  const probe = (window.__probe = { violations: [], errors: [] });
  addEventListener('securitypolicyviolation', (e) => probe.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  addEventListener('error', (e) => probe.errors.push(String(e.message || e.type)));
  addEventListener('unhandledrejection', (e) => probe.errors.push(String(e.reason)));
})();`;

async function stash(body: string, query: string): Promise<string> {
  const id = await (await fetch('/__test/stash', { method: 'POST', body })).text();
  return `/__test/stash/${id}?${query}`;
}

/** A page with `policy` as its Content-Security-Policy header, the probe first, then `modules`, then the widget. */
async function policyPage(policy: string, modules: string[] = ['/src/index.ts']) {
  const probe = await stash(probeScript, 'type=text/javascript');
  const page = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page sous CSP</title>
<script src="${probe}"></script>
${modules.map((m) => `<script type="module" src="${m}"></script>`).join('\n')}
</head><body>
<aide-assistant-medical as-of="2026-12-01" rules-src="${PACK}" accent-color="teal"><a href="https://www.ameli.fr/">Les aides aux médecins sur ameli.fr</a></aide-assistant-medical>
</body></html>`;
  const src = await stash(page, `type=text/html&csp=${encodeURIComponent(policy)}`);
  const iframe = document.createElement('iframe');
  iframe.title = 'Page sous CSP';
  iframe.style.cssText = 'width: 900px; height: 700px';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as Window & typeof globalThis & { __probe: Probe };
  return { iframe, win, probe: win.__probe, doc: iframe.contentDocument! };
}

/** Waits until the page defined the element (or failed to). */
async function defined(win: Window & typeof globalThis & { __probe: Probe }) {
  for (let i = 0; i < 200 && !win.customElements.get('aide-assistant-medical') && !win.__probe.errors.length; i++)
    await new Promise((r) => setTimeout(r, 10));
  return win.customElements.get('aide-assistant-medical');
}

/** Opens every disclosure, those that appear inside opened ones too. */
async function openEverything(page: WidgetPage) {
  for (let round = 0; round < 10; round++) {
    const closed = [...page.root.querySelectorAll('details:not([open]) > summary')].map((s) => page.text(s));
    if (!closed.length) return;
    for (const summary of closed) await page.open(summary);
  }
}

/** Uses the widget as a doctor would, every feature once. */
async function useFully(page: WidgetPage, win: Window & typeof globalThis) {
  await page.waitFor(() => page.el.simulation?.pack, 'the pack');
  await page.choose('Votre situation', /installé/i);
  await page.continue();
  await page.search('Spécialité', 'médecine générale');
  await page.press('Spécialité', 'ArrowDown', 'Enter');
  await page.choose('Secteur', 'Secteur 1');
  await page.continue();
  await page.fill('Patientèle médecin traitant', '1 100');
  await page.continue();
  expect(page.answer()).to.contain('66 000 €');
  await openEverything(page);
  await page.click('English');
  await openEverything(page);
  expect(page.answer()).to.contain('€66,000');
  await page.click('Français');
  // The assistant's tools: each view, a follow-up with a review, its file, an import.
  page.el.profile = { ...page.el.profile, contractDate: '2024-09-15' };
  await page.settle();
  await page.openTool('Ce que l’assistant vous coûte');
  await openEverything(page);
  await page.openTool('Ajouter au calendrier');
  await page.toolChoose('Temps de travail', 'Temps plein');
  expect(page.toolLink('Télécharger le calendrier (.ics)').href).to.match(/^blob:/);
  await page.openTool('Suivi de mon contrat');
  await page.tabTo('Ajouter un point d’étape');
  await page.keys('Enter');
  await page.toolType('Patientèle médecin traitant', '1 200', 2);
  expect(page.toolLink('Exporter (.json)').href).to.match(/^blob:/);
  await page.importFile('{ pas un suivi');
  await page.keys('Escape');
  let copied = '';
  Object.defineProperty(win.navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void (copied = t) } });
  await page.click('Copier le lien');
  expect(copied).to.contain('#aam=');
  let printed = 0;
  win.print = () => void printed++;
  await page.click('Imprimer');
  win.dispatchEvent(new Event('afterprint'));
  expect(printed).to.equal(1);
  await page.click('Recommencer');
  expect(page.asked()).to.deep.equal(['Votre situation']);
}

console.log('strict CSP and Trusted Types: 4 pages (strict CSP, Trusted Types with lit-html, without it, with a second Lit)');

const frames: HTMLIFrameElement[] = [];
afterEach(() => frames.splice(0).forEach((f) => f.remove()));

describe('strict CSP and Trusted Types pages', () => {
  for (const [name, policy] of [
    ['a strict CSP', STRICT],
    ['Trusted Types with the documented allow-list (lit-html)', TRUSTED_TYPES],
  ])
    it(`${name}: the widget used fully, 0 violations and 0 errors`, async () => {
      const { iframe, win, probe, doc } = await policyPage(policy);
      frames.push(iframe);
      expect(await defined(win), probe.errors.join('\n')).to.be.a('function');
      const page = new WidgetPage(doc.querySelector('aide-assistant-medical') as AideAssistantMedical);
      await page.settle();
      await useFully(page, win);
      expect(probe.violations, 'violations').to.deep.equal([]);
      expect(probe.errors, 'errors').to.deep.equal([]);
      // The control: the policy does apply to this page.
      expect(() => win.eval('1'), 'eval is blocked').to.throw(/unsafe-eval|EvalError|Content Security Policy/);
      if (policy === TRUSTED_TYPES) expect(() => (doc.body.innerHTML = '<b>x</b>'), 'a string is no TrustedHTML').to.throw(/TrustedHTML/);
      await waitUntil(() => probe.violations.length, 'the control reported as a violation');
      expect(probe.violations.join('\n')).to.match(policy === TRUSTED_TYPES ? /^require-trusted-types-for/m : /^script-src/m);
    });

  it('Trusted Types with an allow-list that omits lit-html: no widget, one error at load, the fallback content shows', async () => {
    const { iframe, win, probe, doc } = await policyPage(`${STRICT}; require-trusted-types-for 'script'; trusted-types my-app`);
    frames.push(iframe);
    expect(await defined(win)).to.equal(undefined);
    expect(probe.errors.join('\n')).to.match(/createPolicy|lit-html/);
    // The violation report comes a task later.
    await waitUntil(() => probe.violations.length, 'the violation reported');
    expect(probe.violations).to.deep.equal(['trusted-types trusted-types-policy lit-html']);
    // Content inside the tag is shown when the element cannot start: a link there is the webmaster's fallback.
    const fallback = doc.querySelector('aide-assistant-medical a')!;
    expect(fallback.getClientRects().length).to.be.above(0);
  });

  it("a page that already runs its own copy of Lit needs 'allow-duplicates' beside lit-html", async () => {
    // The host's Lit is another copy of lit-html (another URL), created before the widget's.
    const hostLit = '/node_modules/lit-html/lit-html.js?host-app';
    const without = await policyPage(TRUSTED_TYPES, [hostLit, '/src/index.ts']);
    frames.push(without.iframe);
    expect(await defined(without.win)).to.equal(undefined);
    expect(without.probe.errors.join('\n')).to.match(/createPolicy|lit-html/);
    const allowed = await policyPage(`${TRUSTED_TYPES} 'allow-duplicates'`, [hostLit, '/src/index.ts']);
    frames.push(allowed.iframe);
    expect(await defined(allowed.win), allowed.probe.errors.join('\n')).to.be.a('function');
    expect(allowed.probe.violations).to.deep.equal([]);
    expect(allowed.probe.errors).to.deep.equal([]);
  });
});
