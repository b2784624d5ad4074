/**
 * What every template receives besides its data: the language and its formatters. Templates are pure
 * functions of (data, ctx): no `this`, no state, testable with a fixture.
 *
 * The formatters are the engine's own, so that a figure reads the same in the answer's sentence (the engine
 * writes it) and around it, and because creating `Intl` formatters costs a browser about 200 ms the first
 * time in a page (the locale data loads): the first answer would wait for it.
 */
import { money } from '../../engine/answer.js';
import { formatNumber } from '../../engine/conditions.js';
import { textDate } from '../../engine/schemes/aid.js';
import { isIsoDate } from '../../engine/dates.js';
import type { UiLang } from '../format.js';

export interface Ctx {
  lang: UiLang;
  /** 19000 → « 19 000 € » / « €19,000 ». */
  money(amount: number): string;
  /** 1550 → « 1 550 ». */
  number(value: number): string;
  /** 0.15 → « 15 % ». */
  share(value: number): string;
  /** 2026-12-01 → « 1ᵉʳ décembre 2026 » / « 1 December 2026 »; anything else as given. */
  date(iso: string): string;
}

const contexts: Partial<Record<UiLang, Ctx>> = {};

export function ctxFor(lang: UiLang): Ctx {
  return (contexts[lang] ??= {
    lang,
    money: (n) => money(n, lang),
    number: (n) => formatNumber(n, lang),
    share: (n) => `${formatNumber(Math.round(n * 1000) / 10, lang)}${lang === 'en' ? '%' : '\u202f%'}`,
    date: (iso) => (isIsoDate(iso) ? textDate(iso, lang) : iso),
  });
}
