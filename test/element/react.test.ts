// `aide-assistant-medical/react` (src/react.ts) as a React application uses it: props reach the element as
// properties (a `profile` object too, which an attribute could not carry), `on…` props hear the element's events,
// and changing a prop updates the widget. React is served by web-test-runner.config.mjs (one bundled instance).
import { expect } from '@open-wc/testing';
import React, { createRoot, flushSync } from 'react';
import { AideAssistantMedical } from '../../src/react.js';
import type { AideAssistantMedical as Element, AideChangeEvent } from '../../src/index.js';

declare module 'react' {
  // The bundle served for the tests also exports these two (react-dom's).
  export const createRoot: typeof import('react-dom/client').createRoot;
  export const flushSync: typeof import('react-dom').flushSync;
}

const GP = { situation: 'installe', specialty: 'medecine-generale', sector: '1', patienteleMT: 1100, age: 50, option: '1-etp' };

describe('React wrapper', () => {
  let host: HTMLDivElement;
  let root: ReturnType<typeof createRoot>;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    root.unmount();
    host.remove();
  });

  it('sets props as properties, hears aide-change through onAideChange, and follows a changed prop', async () => {
    const heard: AideChangeEvent[] = [];
    const render = (region: string) =>
      flushSync(() =>
        root.render(
          React.createElement(AideAssistantMedical, {
            region,
            asOf: '2026-12-01',
            profile: GP,
            onAideChange: (e: AideChangeEvent) => heard.push(e),
          }),
        ),
      );
    render('national');
    const el = host.querySelector('aide-assistant-medical') as Element;
    expect(el, 'the element is rendered').to.exist;
    await el.updateComplete;
    expect(el.region).to.equal('national');
    expect(el.asOf).to.equal('2026-12-01');
    expect(el.profile).to.include({ specialty: 'medecine-generale', patienteleMT: 1100 });
    expect(el.simulation?.answer.status).to.equal('eligible');
    expect(el.shadowRoot!.querySelector('[part~="answer"]')!.textContent).to.match(/132\s000\s€/);
    expect(heard.length, 'aide-change heard').to.be.greaterThan(0);
    expect(heard.at(-1)!.detail.simulation.answer.total?.max).to.equal(132_000);

    render('occitanie');
    await el.updateComplete;
    expect(el.region).to.equal('occitanie');
    expect(el.simulation?.region).to.equal('occitanie');
  });
});
