import { expect } from '@open-wc/testing';
import { contrast, DARK_BACKGROUND, DARK_SURFACE, derivePalette, LIGHT_SURFACE, parseColor, type Rgb } from '../../src/element/palette.js';

const rgb = (hex: string) => parseColor(hex)!;

describe('parseColor', () => {
  it('reads hex and rgb() colours', () => {
    expect(parseColor('#fff')).to.deep.equal([255, 255, 255]);
    expect(parseColor('#1D4ED8')).to.deep.equal([29, 78, 216]);
    expect(parseColor('rgb(10, 20, 30)')).to.deep.equal([10, 20, 30]);
    expect(parseColor('rgb(10 20 30 / 50%)')).to.deep.equal([10, 20, 30]);
    expect(parseColor('rgba(10, 20, 30, 0.5)')).to.deep.equal([10, 20, 30]);
  });
  it('rejects the rest', () => {
    for (const bad of ['', 'bleu', '#12', '#12345g', 'rgb(300, 0, 0)', 'url(x)']) expect(parseColor(bad)).to.equal(undefined);
  });
});

describe('derivePalette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).to.be.closeTo(21, 0.01);
    expect(contrast(rgb('#777'), rgb('#fff'))).to.be.closeTo(4.48, 0.01);
  });

  // Any colour, including the hardest (mid greys, yellow, white, black), keeps AA.
  const samples: Rgb[] = [];
  for (let r = 0; r <= 255; r += 51) for (let g = 0; g <= 255; g += 51) for (let b = 0; b <= 255; b += 51) samples.push([r, g, b]);
  samples.push(rgb('#777777'), rgb('#767676'), rgb('#ffeb3b'), rgb('#00ff00'));

  it('keeps AA for text on the accent, and for the accent as text on light and dark backgrounds', () => {
    for (const color of samples) {
      const p = derivePalette(color);
      expect(contrast(rgb(p.accent), rgb(p.onAccent)), `${p.accent} / ${p.onAccent}`).to.be.at.least(4.5);
      expect(contrast(rgb(p.accentOnLight), [255, 255, 255]), `${p.accentOnLight} on white`).to.be.at.least(4.5);
      expect(contrast(rgb(p.accentOnDark), DARK_BACKGROUND), `${p.accentOnDark} on dark`).to.be.at.least(4.5);
      // Links also sit on the blocks' surfaces (questions, cards): darker in light mode, lighter in dark mode.
      expect(contrast(rgb(p.accentOnLight), LIGHT_SURFACE), `${p.accentOnLight} on the light surface`).to.be.at.least(4.5);
      expect(contrast(rgb(p.accentOnDark), DARK_SURFACE), `${p.accentOnDark} on the dark surface`).to.be.at.least(4.5);
    }
  });

  it('keeps a dark enough colour unchanged', () => {
    const p = derivePalette(rgb('#1d4ed8'));
    expect(p.accent).to.equal('#1d4ed8');
    expect(p.onAccent).to.equal('#ffffff');
    expect(p.accentOnLight).to.equal('#1d4ed8');
  });
});
