/** ISO date arithmetic on 'YYYY-MM-DD' strings, in UTC calendar days (no time zones involved). */
import type { IsoDate } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function fromParts(y: number, m: number, d: number): IsoDate {
  // Clamp to the month's last day: a contract signed on 29 Feb has its anniversary on 28 Feb.
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${pad(y, 4)}-${pad(m + 1)}-${pad(Math.min(d, last))}`;
}

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  return fromParts(y + Math.floor(m / 12), ((m % 12) + 12) % 12, +date.slice(8, 10));
}

export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

/** Today in UTC, as an ISO date. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Whole years between two dates (age-style: a birthday not yet reached does not count). */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  let years = +to.slice(0, 4) - +from.slice(0, 4);
  if (to.slice(5) < from.slice(5)) years--;
  return years;
}

/** First anniversary of `signed` (including the signature day itself) on or after `date`. */
export function firstAnniversaryOnOrAfter(signed: IsoDate, date: IsoDate): IsoDate {
  if (signed >= date) return signed;
  let n = Math.max(0, yearsBetween(signed, date));
  let a = addYears(signed, n);
  while (a < date) a = addYears(signed, ++n);
  return a;
}
