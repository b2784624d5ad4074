/**
 * What every template receives besides its data: the language and formatters built once per language
 * (Intl objects are slow to create; a render used to build dozens). Templates are pure functions of
 * (data, ctx): no `this`, no state, testable with a fixture.
 */
import type { UiLang } from '../format.js';

export interface Ctx {
  lang: UiLang;
  /** 19000 → « 19 000 € » / « €19,000 ». */
  money(amount: number): string;
  /** 1550 → « 1 550 ». */
  number(value: number): string;
  /** 0.15 → « 15 % ». */
  share(value: number): string;
  /** 2026-12-01 → « 1ᵉʳ déc. 2026 » / « 1 Dec 2026 ». */
  date(iso: string): string;
}

const contexts: Partial<Record<UiLang, Ctx>> = {};

export function ctxFor(lang: UiLang): Ctx {
  let ctx = contexts[lang];
  if (ctx) return ctx;
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  ctx = {
    lang,
    money: (n) => money.format(n),
    number: (n) => number.format(n),
    share: (n) => share.format(n),
    date: (iso) => {
      const d = new Date(`${iso}T00:00:00Z`);
      if (isNaN(d.getTime())) return iso;
      const text = date.format(d);
      // French writes the first day of a month « 1ᵉʳ ».
      return lang === 'fr' ? text.replace(/^1 /, '1ᵉʳ\u00a0') : text;
    },
  };
  return (contexts[lang] = ctx);
}
