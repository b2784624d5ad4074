import { expect } from '@open-wc/testing';
import { describeLoad, loadPack } from '../../src/element/pack-loader.js';

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
      expect(describeLoad(load)).to.equal('empty: the body is JSON null');
    });
  });

  it('describes each problem in a few words, the details shortened', () => {
    const url = 'https://example.org/p.json';
    expect(describeLoad({ url })).to.equal('');
    expect(describeLoad({ url, problem: 'http', detail: '404' })).to.equal('http: HTTP status 404');
    expect(describeLoad({ url, problem: 'type', detail: 'text/html' })).to.equal('type: served as text/html, not as JSON');
    expect(describeLoad({ url, problem: 'size' })).to.equal('size: larger than 512 KB');
    expect(describeLoad({ url, problem: 'network', detail: 'timeout' })).to.equal('network: no answer within 10 s');
    expect(describeLoad({ url, problem: 'url', detail: 'javascript:' })).to.equal('url: not an http: or https: address (javascript:)');
    const long = describeLoad({ url, problem: 'json', detail: 'x'.repeat(100_000) });
    expect(long.length).to.be.below(150);
    expect(long).to.match(/^json: not JSON \(x+…\)$/);
  });

  it('passes other JSON on to the engine, which refuses what is not a pack', async () => {
    await serving('[1, 2, 3]', async () => {
      const load = await loadPack('https://example.org/array-pack.json', document.baseURI);
      expect(load.problem).to.equal(undefined);
      expect(load.pack).to.deep.equal([1, 2, 3]);
    });
  });
});
