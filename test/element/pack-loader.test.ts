import { expect } from '@open-wc/testing';
import { loadPack } from '../../src/element/pack-loader.js';

/** Serves `body` as JSON for the duration of `run`. */
async function serving(body: string, run: () => Promise<void>) {
  const original = window.fetch;
  window.fetch = async () => new Response(body, { headers: { 'content-type': 'application/json' } });
  try {
    await run();
  } finally {
    window.fetch = original;
  }
}

describe('pack loader (issue 12)', () => {
  it('reports a null body as a problem of its own instead of ignoring it', async () => {
    await serving('null', async () => {
      const load = await loadPack('https://example.org/null-pack.json', document.baseURI);
      expect(load.pack).to.equal(undefined);
      expect(load.problem).to.equal('empty');
    });
  });

  it('passes other JSON on to the engine, which refuses what is not a pack', async () => {
    await serving('[1, 2, 3]', async () => {
      const load = await loadPack('https://example.org/array-pack.json', document.baseURI);
      expect(load.problem).to.equal(undefined);
      expect(load.pack).to.deep.equal([1, 2, 3]);
    });
  });
});
