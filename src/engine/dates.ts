/** ISO date arithmetic on 'YYYY-MM-DD' strings, in UTC calendar days (no time zones involved). */
import type { IsoDate } from './types.js';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Positions of the digits in YYYY-MM-DD. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/**
 * The number written by the digits from `from` to `to` (excluded), by hand: `+date.slice()` builds a string and
 * hashes it to convert it, on the hot path (dates are read on every call).
 */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + date.charCodeAt(i) - 48;
  return n;
}
export const yearOf = (d: string) => digits(d, 0, 4);
export const monthOf = (d: string) => digits(d, 5, 7);
export const dayOf = (d: string) => digits(d, 8, 10);

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  // Digits checked by hand (no regular expression, no match array): the profile's dates are checked on every call.
  for (const i of DIGITS) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const month = monthOf(value);
  const day = dayOf(value);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeap(yearOf(value)) ? 29 : DAYS[month - 1]);
}

/** Two digits (months, days); a year keeps four. By hand: payment dates are built on the hot path. */
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const year = (y: number) => (y >= 1000 ? `${y}` : String(y).padStart(4, '0'));

function fromParts(y: number, m: number, d: number): IsoDate {
  // Clamp to the month's last day: a contract signed on 29 Feb has its anniversary on 28 Feb.
  const last = m === 1 && isLeap(y) ? 29 : DAYS[m];
  return `${year(y)}-${two(m + 1)}-${two(Math.min(d, last))}`;
}

/** Dates already computed, by start date then months added: a payment schedule asks the same few, call after call. */
const later = new Map<IsoDate, IsoDate[]>();

/** Adds whole months, clamping the day to the target month's length. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (months < 0 || months > 240) return monthsAfter(date, months);
  let row = later.get(date);
  if (!row) {
    // Bounded: a long-running page simulating many dates keeps the last few thousand.
    if (later.size >= 4096) later.clear();
    later.set(date, (row = []));
  }
  return (row[months] ??= monthsAfter(date, months));
}

function monthsAfter(date: IsoDate, months: number): IsoDate {
  const y = yearOf(date);
  const m = monthOf(date) - 1 + months;
  return fromParts(y + Math.floor(m / 12), ((m % 12) + 12) % 12, dayOf(date));
}

/** Same day `years` later; 29 February falls back to 28 February in common years. */
/** The next day (a closed regime's end → the day the scheme is closed from); by hand, no Date object. */
export function dayAfter(date: IsoDate): IsoDate {
  const y = yearOf(date);
  const m = monthOf(date) - 1;
  const d = dayOf(date);
  const last = m === 1 && isLeap(y) ? 29 : DAYS[m];
  return d < last ? fromParts(y, m, d + 1) : m === 11 ? fromParts(y + 1, 0, 1) : fromParts(y, m + 1, 1);
}

export const addYears = (date: IsoDate, years: number): IsoDate => addMonths(date, years * 12);

/** Today in UTC, as an ISO date. */
export function today(): IsoDate {
  return new Date().toISOString().slice(0, 10);
}

/** Whole years between two dates (age-style: a birthday not yet reached does not count). */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  let years = yearOf(to) - yearOf(from);
  if (monthOf(to) * 100 + dayOf(to) < monthOf(from) * 100 + dayOf(from)) years--;
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
