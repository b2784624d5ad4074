/**
 * The follow-up of an assistant contract as the doctor keeps it: contract date, working time, patient counts
 * at the signature, the objective the CPAM gave and the counts at each review. It travels in the shared link
 * (under `suivi`, beside the answers) and in a small JSON file the doctor exports and imports; it is stored
 * nowhere else. Pure functions: anyone can write a link or a file, so only known fields with valid values are
 * kept, within limits, and what is dropped is listed.
 */
import { isIsoDate } from '../engine/dates.js';

export type Indicator = 'patienteleMT' | 'fileActive';
export const INDICATORS: readonly Indicator[] = ['patienteleMT', 'fileActive'];
export type Counts = Partial<Record<Indicator, number>>;

export interface Review extends Counts {
  date: string;
}

export interface FollowUpData {
  contractDate?: string;
  option?: string;
  initial: Counts;
  objective: Counts;
  reviews: Review[];
}

/** Working times the follow-up knows (those of the aid's table of costs). */
export const OPTIONS = ['1/2-etp', '1-etp'];
/** A contract lasts 5 years with a review every 6 months: 10 reviews. */
export const MAX_REVIEWS = 10;
/** Largest patient count read (the engine's own bound). */
export const MAX_COUNT = 100_000;
/** Largest file imported: a full follow-up is about 1 KB. */
export const MAX_FILE_BYTES = 16 * 1024;
/** What an exported file says it is. */
export const FILE_FORMAT = 'aide-assistant-medical/suivi';

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;

function counts(value: unknown, path: string, dropped: string[]): Counts {
  const out: Counts = {};
  if (value === undefined) return out;
  if (!isObject(value)) {
    dropped.push(path);
    return out;
  }
  for (const k of INDICATORS) {
    const v = own(value, k);
    if (isCount(v)) out[k] = v;
    else if (v !== undefined && v !== null) dropped.push(`${path}.${k}`);
  }
  for (const k of Object.keys(value)) if (!INDICATORS.includes(k as Indicator)) dropped.push(`${path}.${k}`);
  return out;
}

/** True when the follow-up holds nothing. */
export const isEmpty = (d: FollowUpData) =>
  !d.contractDate && !d.option && !Object.keys(d.initial).length && !Object.keys(d.objective).length && !d.reviews.length;

/**
 * Keeps what the engine can use of a follow-up read from a link or a file: a contract date, a known working
 * time, counts (whole numbers from 0 to 100 000), at most 10 dated reviews with at least one count, in date
 * order. Returns null when `raw` is not an object or holds nothing usable.
 */
export function cleanFollowUp(raw: unknown): { data: FollowUpData; dropped: string[] } | null {
  if (!isObject(raw)) return null;
  const dropped: string[] = [];
  const data: FollowUpData = { initial: {}, objective: {}, reviews: [] };
  const contractDate = own(raw, 'contractDate');
  if (isIsoDate(contractDate)) data.contractDate = contractDate;
  else if (contractDate !== undefined) dropped.push('contractDate');
  const option = own(raw, 'option');
  if (typeof option === 'string' && OPTIONS.includes(option)) data.option = option;
  else if (option !== undefined) dropped.push('option');
  data.initial = counts(own(raw, 'initial'), 'initial', dropped);
  data.objective = counts(own(raw, 'objective'), 'objective', dropped);
  const reviews = own(raw, 'reviews');
  if (Array.isArray(reviews)) {
    reviews.forEach((r: unknown, i) => {
      const { date, ...rest } = isObject(r) ? r : {};
      const c = isObject(r) ? counts(rest, `reviews[${i}]`, dropped) : {};
      if (!isIsoDate(date) || !Object.keys(c).length || data.reviews.length >= MAX_REVIEWS) dropped.push(`reviews[${i}]`);
      else data.reviews.push({ date, ...c });
    });
    data.reviews.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  } else if (reviews !== undefined) dropped.push('reviews');
  const known = ['contractDate', 'option', 'initial', 'objective', 'reviews', 'format', 'version'];
  for (const k of Object.keys(raw)) if (!known.includes(k)) dropped.push(k);
  return isEmpty(data) ? null : { data, dropped };
}

/** The follow-up as an exported file's text (small, readable, with its format and version). */
export function followUpFile(data: FollowUpData): string {
  return JSON.stringify({ format: FILE_FORMAT, version: 1, ...data }, null, 2) + '\n';
}

/** Why a file was refused: too large, not JSON, another kind of file, or nothing usable in it. */
export type ImportProblem = 'size' | 'json' | 'format' | 'empty';

/** Reads an imported file's text (already within the size limit); never throws. */
export function readFollowUpFile(text: string): { data: FollowUpData; dropped: string[] } | { problem: ImportProblem } {
  if (text.length > MAX_FILE_BYTES) return { problem: 'size' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'json' };
  }
  if (!isObject(value)) return { problem: 'format' };
  const format = own(value, 'format');
  if (format !== undefined && format !== FILE_FORMAT) return { problem: 'format' };
  return cleanFollowUp(value) ?? { problem: 'empty' };
}
