import { expect } from '@open-wc/testing';
import { encodeAnswers, fragmentKey, linkWithAnswers, readAnswers } from '../../src/element/share-link.js';

describe('share link', () => {
  const answers = { specialty: 'medecine-generale', patienteleMT: 1550, newlyInstalled: false };

  it('round-trips answers through the fragment', () => {
    const link = linkWithAnswers('https://example.org/page?x=1', 'aam', answers);
    expect(link.startsWith('https://example.org/page?x=1#aam=')).to.be.true;
    expect(readAnswers(new URL(link).hash, 'aam')).to.deep.equal(answers);
  });

  it('keeps the rest of the host fragment and replaces only its own part', () => {
    const once = linkWithAnswers('https://example.org/#top&aam=old&other=2', 'aam', answers);
    expect(once).to.match(/#top&other=2&aam=/);
    expect(readAnswers(new URL(once).hash, 'other')).to.equal(null);
  });

  it('gives each instance with an id its own key', () => {
    expect(fragmentKey()).to.equal('aam');
    expect(fragmentKey('gauche')).to.equal('aam-gauche');
    const link = linkWithAnswers('https://example.org/#aam=%7B%7D', 'aam-gauche', answers);
    expect(readAnswers(new URL(link).hash, 'aam')).to.deep.equal({});
    expect(readAnswers(new URL(link).hash, 'aam-gauche')).to.deep.equal(answers);
  });

  it('ignores what is not its own, and reports what it cannot read', () => {
    expect(readAnswers('', 'aam')).to.equal(undefined);
    expect(readAnswers('#section-2', 'aam')).to.equal(undefined);
    expect(readAnswers('#aam=%7Bnot-json', 'aam')).to.equal(null);
    expect(readAnswers('#aam=%5B1%2C2%5D', 'aam')).to.equal(null);
    expect(readAnswers('#aam=' + encodeURIComponent('{"a":{"b":1},"c":2}'), 'aam')).to.deep.equal({ c: 2 });
  });

  it('drops values that are not plain', () => {
    expect(decodeURIComponent(encodeAnswers({ a: 1, b: { c: 2 }, d: [1] }))).to.equal('{"a":1}');
  });
});
