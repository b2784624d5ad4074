// The npm entry (dist/npm/index.js, built by `npm run build`) in a page that has its own Lit: the page's bundler
// (here the test server's module resolution) gives both the same Lit, so the page holds one copy of it. Skipped
// before a build (CI builds first).
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';

const ENTRY = '/dist/npm/index.js';

describe('npm entry', () => {
  it('imports lit by name: one Lit on a page that also uses Lit, and the element is defined', async function () {
    if (!(await fetch(ENTRY, { method: 'HEAD' })).ok) return this.skip();
    const m = (await import(/* @vite-ignore */ ENTRY)) as typeof import('../../src/index.js');
    const versions = (globalThis as { litElementVersions?: string[] }).litElementVersions ?? [];
    expect(versions, 'lit-element loaded once').to.have.length(1);
    expect(Object.getPrototypeOf(m.AideAssistantMedical), 'the element extends the page’s LitElement').to.equal(LitElement);
    expect(customElements.get(m.tagName)).to.equal(m.AideAssistantMedical);
    const el = document.createElement(m.tagName) as InstanceType<typeof m.AideAssistantMedical>;
    el.setAttribute('as-of', '2026-12-01');
    el.profile = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50, option: '1-etp' };
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="answer"]')!.textContent).to.match(/132\s000\s€/);
    } finally {
      el.remove();
    }
  });
});
