/**
 * Pure formatting and parsing helpers for the element. No DOM; unit-tested alone.
 * Amounts and dates come from the engine: these only display or read them.
 */

import { ctxFor } from './templates/context.js';
import { isIsoDate } from '../engine/dates.js';

export type UiLang = 'fr' | 'en';

// The templates' formatters: what is displayed is what parseNumber reads back.
/** `19000` → `19 000 €` (fr) or `€19,000` (en). */
export const formatMoney = (amount: number, lang: UiLang): string => ctxFor(lang).money(amount);

/** Plain number with the locale's grouping: `1550` → `1 550`. */
export const formatNumber = (value: number, lang: UiLang): string => ctxFor(lang).number(value);

/** `0.15` → `15 %`. */
export const formatShare = (value: number, lang: UiLang): string => ctxFor(lang).share(value);

/** True for a real calendar date written `YYYY-MM-DD` (the engine's check). */
export { isIsoDate };

/** Grouping separators written by hand or by Intl (spaces of any width, apostrophes) in both languages. */
const SPACES = /[\s\u00a0\u202f'\u2019]/g;
/** A whole number grouped by thousands with `sep`: `1,550`, `12.345.678`. */
const GROUPED = { ',': /^\d{1,3}(,\d{3})+$/, '.': /^\d{1,3}(\.\d{3})+$/ };

/**
 * Reads a number typed by a person, in the page's language and, when unambiguous, in the other:
 * French `1 550`, `1 550,5`, `12,5`, `1.550` (thousands); English `1,550`, `150,000`, `1,550.5`,
 * `12.5`. One separator followed by exactly three digits is ambiguous: it follows the language
 * (French `1,550` is 1.55 and `1.550` is 1550; English `1,550` is 1550 and `1.550` is 1.55).
 * Whatever formatNumber() writes in a language, parseNumber() reads back in that language.
 * Returns `undefined` for an empty string and `NaN` for anything that is not a number.
 */
export function parseNumber(text: string, lang: UiLang = 'fr'): number | undefined {
  let s = text.replace(SPACES, '');
  if (s === '') return undefined;
  const negative = /^[-\u2212]/.test(s);
  if (negative) s = s.slice(1);
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return NaN;
  const at = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  let whole = s;
  let fraction = '';
  if (at >= 0) {
    const sep = s[at] as ',' | '.';
    const other = sep === ',' ? '.' : ',';
    const repeated = s.indexOf(sep) !== at;
    if (s.includes(other)) {
      // Both: the last one is the decimal point, the other groups thousands (`1.550,5`, `1,550.5`).
      whole = s.slice(0, at);
      fraction = s.slice(at + 1);
      if (repeated || !GROUPED[other].test(whole)) return NaN;
    } else if (repeated) {
      if (!GROUPED[sep].test(s)) return NaN;
    } else if (!(GROUPED[sep].test(s) && s[0] !== '0' && sep === (lang === 'en' ? ',' : '.'))) {
      // A single separator is a decimal point unless it groups thousands the language's way.
      whole = s.slice(0, at);
      fraction = s.slice(at + 1);
    }
    whole = whole.replace(/[.,]/g, '');
  }
  const value = Number(`${whole || '0'}.${fraction || '0'}`);
  return negative && value ? -value : value;
}

/** Reads a percentage (`15`, `15 %`, `12,5%`, `12.5%`) into a 0–1 share. */
export function parseShare(text: string, lang: UiLang = 'fr'): number | undefined {
  const value = parseNumber(text.replace(/%/g, ''), lang);
  return value === undefined || isNaN(value) ? value : Math.round(value * 1e4) / 1e6;
}
