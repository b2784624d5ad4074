import { expect } from '@open-wc/testing';
import { cleanAnswers, encodeAnswers, fragmentKey, linkWithAnswers, readAnswers, readSharedAnswers } from '../../src/element/share-link.js';

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
    expect(readAnswers('#aam=' + encodeURIComponent('{"a":{"b":1},"sector":"1"}'), 'aam')).to.deep.equal({ sector: '1' });
  });

  it('carries a follow-up beside the answers, unchecked here and not reported as an unknown answer', () => {
    const suivi = { contractDate: '2024-09-15', reviews: [{ date: '2025-03-15', patienteleMT: 950 }] };
    const link = linkWithAnswers('https://example.org/', 'aam', answers, suivi);
    const r = readSharedAnswers(new URL(link).hash, 'aam')!;
    expect(r.answers).to.deep.equal(answers);
    expect(r.followUp).to.deep.equal(suivi);
    expect(r.dropped).to.deep.equal([]);
    expect(decodeURIComponent(linkWithAnswers('https://example.org/', 'aam', answers))).to.not.contain('suivi');
    expect(readSharedAnswers('#aam=' + encodeURIComponent('{"suivi":"x","age":50}'), 'aam')).to.deep.equal({
      answers: { age: 50 },
      dropped: [],
      followUp: 'x',
    });
  });

  it('writes only valid answers, held contracts included', () => {
    expect(decodeURIComponent(encodeAnswers({ a: 1, b: { c: 2 }, d: [1], age: 200, sector: '1' }))).to.equal('{"sector":"1"}');
    const held = { heldContracts: [{ id: 'caim', signed: '2024-01-01', renewed: false }] };
    expect(readAnswers('#aam=' + encodeAnswers(held), 'aam')).to.deep.equal(held);
  });
});

// Issue 12: whatever a fragment holds, only known fields with valid values reach the profile, the
// `aide-change` event and shareLink(); the rest is listed once for the console.
describe('hostile fragments (issue 12)', () => {
  const part = (value: string) => '#aam=' + value;
  const json = (value: unknown) => part(encodeURIComponent(JSON.stringify(value)));
  type Case = { name: string; hash: string; answers: Record<string, unknown> | null | undefined; dropped?: string[] };
  const cases: Case[] = [
    {
      name: '__proto__ key',
      hash: part(encodeURIComponent('{"__proto__":{"sector":"1","polluted":true},"age":40}')),
      answers: { age: 40 },
      dropped: ['__proto__'],
    },
    {
      name: 'constructor and prototype keys',
      hash: json({ constructor: { name: 'x' }, prototype: 1, sector: '2' }),
      answers: { sector: '2' },
      dropped: ['constructor', 'prototype'],
    },
    {
      name: 'huge numbers',
      hash: json({ patienteleMT: 1e308, fileActive: 1e21, age: 45 }),
      answers: { age: 45 },
      dropped: ['patienteleMT', 'fileActive'],
    },
    { name: 'nested objects', hash: json({ sector: { $ne: 1 }, zone: { toString: 'zip' } }), answers: {}, dropped: ['sector', 'zone'] },
    {
      name: 'arrays for scalars',
      hash: json({ sector: ['1'], newlyInstalled: [true] }),
      answers: {},
      dropped: ['sector', 'newlyInstalled'],
    },
    {
      name: '"NaN", "Infinity" and numbers as strings',
      hash: json({ age: 'NaN', patienteleMT: 'Infinity', fileActive: '1550' }),
      answers: {},
      dropped: ['age', 'patienteleMT', 'fileActive'],
    },
    {
      name: 'javascript: and markup in texts',
      hash: json({ specialty: 'javascript:alert(1)', department: '<img src=x onerror=alert(1)>', sector: '1' }),
      answers: { sector: '1' },
      dropped: ['department', 'specialty'],
    },
    { name: 'broken percent-encoding', hash: part('%7B%22age%22%3A4%ZZ'), answers: null },
    { name: 'a lone surrogate', hash: part('%ED%A0%80'), answers: null },
    { name: 'a JSON array', hash: json([{ sector: '1' }]), answers: null },
    { name: 'JSON null', hash: part('null'), answers: null },
    { name: 'a JSON string', hash: json('{"sector":"1"}'), answers: null },
    {
      name: 'the key twice: the first counts',
      hash: json({ sector: '1' }) + '&aam=' + encodeURIComponent('{"sector":"2"}'),
      answers: { sector: '1' },
      dropped: ['aam'],
    },
    { name: 'another widget’s key only', hash: '#aam-autre=' + encodeURIComponent('{"sector":"1"}'), answers: undefined },
    { name: 'a 100 KB fragment', hash: json({ sector: '1', note: 'x'.repeat(100 * 1024) }), answers: null },
    {
      name: 'impossible dates',
      hash: json({ contractDate: '2024-02-30', installationDate: '2024-01-01' }),
      answers: { installationDate: '2024-01-01' },
      dropped: ['contractDate'],
    },
    {
      name: 'out-of-range shares and enums',
      hash: json({ ccamShare: 1.5, option: '2-etp', sector: '2-optam' }),
      answers: { sector: '2-optam' },
      dropped: ['ccamShare', 'option'],
    },
    { name: 'unknown fields', hash: json({ foo: 1, rules: { publisher: 'x' }, age: 50 }), answers: { age: 50 }, dropped: ['foo', 'rules'] },
    { name: 'too many held contracts', hash: json({ heldContracts: new Array(21).fill('caim') }), answers: {}, dropped: ['heldContracts'] },
    {
      name: 'empty values are unanswered, not junk',
      hash: json({ age: null, sector: '', zone: 'zip' }),
      answers: { zone: 'zip' },
      dropped: [],
    },
    { name: 'a lower-case département is normalised', hash: json({ department: '2a' }), answers: { department: '2A' }, dropped: [] },
  ];

  for (const c of cases)
    it(c.name, () => {
      const r = readSharedAnswers(c.hash, 'aam');
      if (c.answers === null || c.answers === undefined) return void expect(r).to.equal(c.answers);
      expect(r!.answers).to.deep.equal(c.answers);
      expect(r!.dropped.map((d) => d.field).sort()).to.deep.equal([...(c.dropped ?? [])].sort());
      for (const d of r!.dropped) expect(d.message).to.be.a('string').and.not.equal('');
      // What was read is a plain profile: no prototype tricks, nothing to pass on that the engine refuses.
      expect(Object.getPrototypeOf(r!.answers)).to.equal(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(readAnswers(c.hash, 'aam')).to.deep.equal(c.answers);
      // Writing it back keeps only the same valid answers.
      expect(cleanAnswers(JSON.parse(decodeURIComponent(encodeAnswers(r!.answers)))).answers).to.deep.equal(c.answers);
    });

  it('counts its cases', () => {
    expect(cases.length).to.be.at.least(15);
    console.log(`share-link fragments: ${cases.length} hostile fragments, only valid answers kept`);
  });

  it('writes links without junk', () => {
    const link = linkWithAnswers('https://example.org/', 'aam', {
      sector: '1',
      age: NaN,
      __proto__: { x: 1 },
      foo: 'bar',
      specialty: 'nope',
    } as never);
    expect(readSharedAnswers(new URL(link).hash, 'aam')).to.deep.equal({ answers: { sector: '1' }, dropped: [] });
  });

  it('the longest valid answers fit well within the fragment limit', () => {
    const long = {
      specialty: 'medecine-generale',
      heldContracts: Array.from({ length: 20 }, () => ({ id: 'x'.repeat(80), signed: '2024-01-01', renewed: true })),
    };
    expect(part(encodeAnswers(long)).length).to.be.below((16 * 1024) / 2);
  });
});
