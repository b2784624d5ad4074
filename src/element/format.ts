/**
 * Pure formatting and parsing helpers for the element. No DOM; unit-tested alone.
 * Amounts and dates come from the engine: these only display or read them.
 */

export type UiLang = 'fr' | 'en';

const intlLocale = (lang: UiLang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

/** `19000` → `19 000 €` (fr) or `€19,000` (en). */
export function formatMoney(amount: number, lang: UiLang): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** Plain number with the locale's grouping: `1550` → `1 550`. */
export function formatNumber(value: number, lang: UiLang): string {
  return new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: 2 }).format(value);
}

/** `0.15` → `15 %`. */
export function formatShare(value: number, lang: UiLang): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(value + 'T00:00:00Z');
  return !isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `2024-09-01` → `1 sept. 2024` / `1 Sept 2024`; anything else is returned as given. */
export function formatDate(iso: string, lang: UiLang): string {
  if (!isIsoDate(iso)) return String(iso);
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}

/**
 * Reads a number typed by a person: `1 550`, `1550`, `1 550,5`, `1.550` (French thousands),
 * `12,5`. Returns `undefined` for an empty string and `NaN` for anything that is not a number.
 */
export function parseNumber(text: string): number | undefined {
  // Spaces of any kind (including the narrow no-break space Intl writes) group thousands.
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  else s = s.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

/** Reads a percentage (`15`, `15 %`, `12,5%`) into a 0–1 share. */
export function parseShare(text: string): number | undefined {
  const value = parseNumber(text.replace(/%/g, ''));
  return value === undefined || isNaN(value) ? value : Math.round(value * 1e4) / 1e6;
}
