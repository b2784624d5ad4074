/**
 * Accent palette derived from one colour, keeping WCAG 2.1 AA contrast whatever colour is given.
 * Pure and unit-tested; the element only turns the result into CSS custom properties.
 */

export type Rgb = [number, number, number];

export interface Palette {
  /** Fill of primary buttons and chart bars (the colour as given). */
  accent: string;
  /** Text on `accent`: black or white, whichever contrasts more (always ≥ 4.58:1). */
  onAccent: string;
  /** Accent for text, links and focus rings on a light background (≥ 4.5:1 on white and on the blocks' `LIGHT_SURFACE`). */
  accentOnLight: string;
  /** Same on the dark background of `theme="dark"` (≥ 4.5:1 on `DARK_BACKGROUND` and on the blocks' `DARK_SURFACE`). */
  accentOnDark: string;
}

export const DARK_BACKGROUND: Rgb = [24, 26, 31];
/** Background of the blocks (questions, cards), the harder one for links in each theme. */
export const LIGHT_SURFACE: Rgb = [243, 245, 248];
export const DARK_SURFACE: Rgb = [35, 38, 45];

/** `#rgb`, `#rrggbb`, `rgb(r, g, b)` / `rgb(r g b)` → `[r, g, b]`; `undefined` otherwise. */
export function parseColor(text: string): Rgb | undefined {
  const s = text.trim().toLowerCase();
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (m) {
    const hex = m[1].length === 3 ? m[1].replace(/./g, '$&$&') : m[1];
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  }
  m = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*([,/]\s*[\d.]+%?\s*)?\)$/.exec(s);
  if (m) {
    const rgb = [m[1], m[2], m[3]].map(Number) as Rgb;
    return rgb.every((c) => c <= 255) ? rgb : undefined;
  }
  return undefined;
}

const channel = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export const toHex = (rgb: Rgb) => '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');

/** Mixes `color` toward `target` step by step until it reaches `ratio` against `background`. */
function reach(color: Rgb, target: Rgb, background: Rgb, ratio: number): Rgb {
  for (let t = 0; t <= 1; t += 0.02) {
    const mixed = color.map((c, i) => c + (target[i] - c) * t) as Rgb;
    if (contrast(mixed, background) >= ratio) return mixed.map(Math.round) as Rgb;
  }
  return target;
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

export function derivePalette(color: Rgb): Palette {
  return {
    accent: toHex(color),
    onAccent: contrast(color, WHITE) >= contrast(color, BLACK) ? '#ffffff' : '#000000',
    accentOnLight: toHex(reach(color, BLACK, LIGHT_SURFACE, 4.6)),
    accentOnDark: toHex(reach(color, WHITE, DARK_SURFACE, 4.6)),
  };
}
