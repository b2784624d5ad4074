import { expect } from '@open-wc/testing';
import { formatDate, formatMoney, formatShare, isIsoDate, parseNumber, parseShare } from '../../src/element/format.js';

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
    expect(formatDate('2024-09-01', 'fr')).to.match(/^1 sept\.? 2024$/);
    expect(formatDate('2024-09-01', 'en')).to.match(/^1 Sept? 2024$/);
    expect(formatDate('pas une date', 'fr')).to.equal('pas une date');
  });
  it('recognises real ISO dates only', () => {
    expect(isIsoDate('2024-02-29')).to.be.true;
    expect(isIsoDate('2023-02-29')).to.be.false;
    expect(isIsoDate('2024-9-1')).to.be.false;
    expect(isIsoDate(20240901)).to.be.false;
  });
});
