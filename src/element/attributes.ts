/**
 * The webmaster's attributes, read into engine options. Values are trimmed and case-folded before they
 * are judged (`region="Occitanie "` is `occitanie`); a value that still makes no sense is reported as a
 * problem for the console (and, with `debug`, in the widget): a visitor never sees it.
 * Pure and unit-tested; the element only gives it its attribute strings.
 */
import { regionIds, schemeIds, specialties } from '../engine/widget.js';
import type { SimulateOptions } from '../engine/types.js';
import { isIsoDate } from '../engine/dates.js';
import type { UiLang } from './format.js';

export interface AttributeProblem {
  attribute: string;
  /** The value as given, shortened: a 100 KB attribute is not copied into a notice. */
  value: string;
  accepted: string;
}

export interface Attributes {
  region: string;
  schemes: string;
  lang: string;
  asOf: string;
  specialty: string;
  theme?: string;
}

export interface ReadAttributes {
  options: SimulateOptions;
  lang: UiLang;
  /** The specialty to pre-select, when it is a known one. */
  specialty?: string;
  problems: AttributeProblem[];
}

const THEMES = ['light', 'dark', 'auto'];
/** Longest value quoted back in a notice. */
const QUOTE = 60;
/** More scheme ids than the rules could hold are not walked (the engine caps them too). */
const MAX_IDS = 100;

const fold = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
const quote = (value: string) => (value.length > QUOTE ? `${value.slice(0, QUOTE)}…` : value);

/** A refused value, quoted back shortened (60 characters and an ellipsis at most). */
export const attributeProblem = (attribute: string, value: string, accepted: readonly string[]): AttributeProblem => ({
  attribute,
  value: quote(value),
  accepted: accepted.join(', '),
});

/**
 * Reads the attributes. `packRegions` are the region ids a loaded rules pack adds (a pack may define a
 * region the built-in rules do not know); while a pack is loading, an unknown region is not yet a problem.
 */
export function readAttributes(a: Attributes, packRegions: readonly string[] = [], packLoading = false): ReadAttributes {
  const problems: AttributeProblem[] = [];
  const reject = (attribute: string, value: string, accepted: readonly string[]) =>
    problems.push(attributeProblem(attribute, value, accepted));
  const options: SimulateOptions = {};

  const region = fold(a.region);
  if (region) {
    if (regionIds.includes(region) || packRegions.includes(region)) options.region = region;
    else if (!packLoading) reject('region', a.region, [...regionIds, ...packRegions]);
  }

  const ids = fold(a.schemes)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length) {
    const asked = ids.slice(0, MAX_IDS);
    const known = [...new Set(asked.filter((id) => schemeIds.includes(id)))];
    const unknown = asked.filter((id) => !schemeIds.includes(id));
    if (unknown.length || ids.length > MAX_IDS) reject('schemes', unknown.slice(0, 5).join(',') || `(${ids.length})`, schemeIds);
    if (known.length) options.schemes = known;
  }

  const lang = langOf(a.lang);
  if (fold(a.lang) && !LANG_TAG.test(fold(a.lang))) reject('lang', a.lang, ['fr', 'en']);

  const asOf = typeof a.asOf === 'string' ? a.asOf.trim() : '';
  if (asOf) {
    if (isIsoDate(asOf)) options.asOf = asOf;
    else reject('as-of', a.asOf, ['AAAA-MM-JJ']);
  }

  const wanted = fold(a.specialty);
  const specialty = wanted && specialties.some((s) => s.id === wanted) ? wanted : undefined;
  if (wanted && !specialty)
    reject(
      'specialty',
      a.specialty,
      specialties.map((s) => s.id),
    );

  const theme = fold(a.theme);
  if (theme && !THEMES.includes(theme)) reject('theme', a.theme ?? '', THEMES);

  return { options, lang, specialty, problems };
}

/** A language tag: fr, en, or one with a region (fr-FR, en-GB); anything else is refused, not guessed. */
const LANG_TAG = /^(fr|en)(-[a-z0-9]{2,8})*$/;

/** The interface language an attribute asks for (French unless it is clearly English). */
export const langOf = (value: unknown): UiLang => {
  const tag = fold(value);
  return LANG_TAG.test(tag) && tag.startsWith('en') ? 'en' : 'fr';
};

/** The theme to reflect: a known value, else light. */
export const themeOf = (value: unknown) => (THEMES.includes(fold(value)) ? fold(value) : 'light');

/** A boolean attribute a CMS may write as `compact="false"`: that means off. */
export const booleanAttribute = {
  fromAttribute: (value: string | null) => value !== null && !['false', '0', 'off', 'no'].includes(fold(value)),
  toAttribute: (value: boolean) => (value ? '' : null),
};
