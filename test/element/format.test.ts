import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ctxFor } from '../../src/element/templates/context.js';
// English dates need the engine's English, which an English instance loads with its templates.
import '../../src/engine/texts-en.js';
import { formatMoney, formatNumber, formatShare, isIsoDate, parseNumber, parseShare } from '../../src/element/format.js';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('parseNumber', () => {
  it('reads numbers as doctors type them', () => {
    expect(parseNumber('1550')).to.equal(1550);
    expect(parseNumber('1 550')).to.equal(1550);
    expect(parseNumber(' 1\u00a0550 ')).to.equal(1550);
    expect(parseNumber('1\u202f550')).to.equal(1550);
    expect(parseNumber('1.550')).to.equal(1550);
    expect(parseNumber('12 345 678')).to.equal(12345678);
    expect(parseNumber('12,5')).to.equal(12.5);
    expect(parseNumber('12.5')).to.equal(12.5);
    expect(parseNumber('0')).to.equal(0);
  });
  it('tells empty from invalid', () => {
    expect(parseNumber('')).to.equal(undefined);
    expect(parseNumber('   ')).to.equal(undefined);
    expect(parseNumber('abc')).to.be.NaN;
    expect(parseNumber('1,2,3')).to.be.NaN;
    expect(parseNumber('12e3')).to.be.NaN;
    expect(parseNumber('1 550 patients')).to.be.NaN;
  });
});

describe('parseNumber by language (issue 12)', () => {
  it('reads English numbers in English', () => {
    expect(parseNumber('150,000', 'en')).to.equal(150000);
    expect(parseNumber('1,550', 'en')).to.equal(1550);
    expect(parseNumber('1,550,000', 'en')).to.equal(1550000);
    expect(parseNumber('1,550.5', 'en')).to.equal(1550.5);
    expect(parseNumber('12.5', 'en')).to.equal(12.5);
    expect(parseNumber('-1,234.56', 'en')).to.equal(-1234.56);
  });
  it('reads French numbers in French, the one-argument call included', () => {
    expect(parseNumber('1 550', 'fr')).to.equal(1550);
    expect(parseNumber('1 550,5', 'fr')).to.equal(1550.5);
    expect(parseNumber('12,5', 'fr')).to.equal(12.5);
    expect(parseNumber('1.550', 'fr')).to.equal(1550);
    expect(parseNumber('1.550.000')).to.equal(1550000);
    expect(parseNumber('\u22121\u202f234,56')).to.equal(-1234.56);
  });
  it('accepts the other language’s forms when they are unambiguous', () => {
    expect(parseNumber('12,5', 'en')).to.equal(12.5);
    expect(parseNumber('1 550', 'en')).to.equal(1550);
    expect(parseNumber('1.550,5', 'en')).to.equal(1550.5);
    expect(parseNumber('1,550.5', 'fr')).to.equal(1550.5);
    expect(parseNumber('12.5', 'fr')).to.equal(12.5);
    expect(parseNumber('0,550', 'en')).to.equal(0.55);
    expect(parseNumber('1234,567', 'en')).to.equal(1234.567);
  });
  it('follows the language when a single separator before three digits is ambiguous', () => {
    expect(parseNumber('1,550', 'fr')).to.equal(1.55);
    expect(parseNumber('1.550', 'en')).to.equal(1.55);
  });
  it('refuses malformed groups and mixed-up separators', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(parseNumber('1,55,000', lang)).to.be.NaN;
      expect(parseNumber('1.550,000.5', lang)).to.be.NaN;
      expect(parseNumber('1,5.5,5', lang)).to.be.NaN;
      expect(parseNumber('-', lang)).to.be.NaN;
      expect(parseNumber('.', lang)).to.be.NaN;
      expect(parseNumber('Infinity', lang)).to.be.NaN;
      expect(parseNumber('0x10', lang)).to.be.NaN;
    }
  });
  it('reads back whatever formatNumber displays, in both languages', () => {
    let checked = 0;
    for (const lang of ['fr', 'en'] as const) {
      fc.assert(
        fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (x) => {
          checked++;
          return parseNumber(formatNumber(x, lang), lang) === x;
        }),
        { numRuns: 2000 },
      );
      fc.assert(
        fc.property(fc.integer({ min: -1e15, max: 1e15 }), (n) => {
          checked++;
          const x = n / 100;
          return parseNumber(formatNumber(x, lang), lang) === x;
        }),
        { numRuns: 2000 },
      );
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
          checked++;
          const share = n / 1000;
          return parseShare(formatShare(share, lang), lang) === share;
        }),
        { numRuns: 500 },
      );
    }
    expect(checked).to.equal(9000);
  });
});

describe('parseShare', () => {
  it('reads a percentage into a 0–1 share', () => {
    expect(parseShare('15')).to.equal(0.15);
    expect(parseShare('15 %')).to.equal(0.15);
    expect(parseShare('12,5%')).to.equal(0.125);
    expect(parseShare('')).to.equal(undefined);
    expect(parseShare('beaucoup')).to.be.NaN;
  });
});

describe('formatting', () => {
  it('formats money without cents, in both languages', () => {
    expect(spaces(formatMoney(19000, 'fr'))).to.equal('19 000 €');
    expect(formatMoney(19000, 'en')).to.equal('€19,000');
  });
  it('formats shares and dates', () => {
    expect(spaces(formatShare(0.15, 'fr'))).to.equal('15 %');
    expect(ctxFor('fr').date('2024-09-01')).to.equal('1ᵉʳ\u00a0septembre 2024');
    expect(ctxFor('en').date('2024-09-01')).to.equal('1 September 2024');
    expect(ctxFor('fr').date('pas une date')).to.equal('pas une date');
  });
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2024-02-29')).to.be.true;
    expect(isIsoDate('2023-02-29')).to.be.false;
    expect(isIsoDate('2024-9-1')).to.be.false;
    expect(isIsoDate(20240901)).to.be.false;
  });
});
