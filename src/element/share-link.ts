/**
 * The shared link: answers travel in the URL fragment under the widget's own key (`aam=` or
 * `aam-<id>=` for an instance with an id), beside whatever else the host page keeps there.
 * Pure functions; the element never writes the host page's URL, it only builds a link to copy.
 *
 * Anyone can write a fragment: only the profile fields the engine knows, with values it accepts
 * (its own normalizeProfile, and a known specialty), are read or written; the rest is dropped and
 * listed so that the element can say so once in the console.
 */
import { normalizeProfile, profileFields } from '../engine/profile.js';
import { specialties } from '../engine/widget.js';
import type { Profile } from '../engine/types.js';

type Answers = Record<string, unknown>;

/** Something a fragment held that the widget does not use. */
export interface DroppedAnswer {
  field: string;
  value: unknown;
  message: string;
}

/**
 * Longest fragment part read. Every field answered with the longest values the engine accepts
 * encodes to about 6 KB; anything longer is not a link this widget wrote.
 */
export const MAX_FRAGMENT_LENGTH = 16 * 1024;

/**
 * Where a contract's follow-up travels beside the answers (checked by the `tools` chunk, which alone reads it:
 * see follow-up-data.ts). Not a profile field name.
 */
export const FOLLOW_UP_KEY = 'suivi';

const builtinSpecialties = specialties.map((s) => s.id);

/** Fragment key of an instance: `aam`, or `aam-<id>` when the element has an id. */
export const fragmentKey = (id?: string | null) => (id ? 'aam-' + encodeURIComponent(id) : 'aam');

/** Shortened copy of a dropped value, for the console (a fragment may be long). */
const preview = (v: unknown) => (typeof v === 'string' && v.length > 80 ? v.slice(0, 80) + '…' : v);

/**
 * Keeps the answers the engine accepts. `known` lists the specialty ids in force (a rules pack may
 * add some); by default the built-in ones.
 */
export function cleanAnswers(
  answers: unknown,
  known: readonly string[] = builtinSpecialties,
): { answers: Profile; dropped: DroppedAnswer[] } {
  const { profile, errors } = normalizeProfile(answers);
  const dropped: DroppedAnswer[] = errors.map((e) => ({ field: e.field, value: preview(e.value), message: e.message }));
  if (profile.specialty !== undefined && !known.includes(profile.specialty)) {
    dropped.push({ field: 'specialty', value: preview(profile.specialty), message: 'Spécialité inconnue.' });
    delete profile.specialty;
  }
  // normalizeProfile ignores fields it does not know (a host may pass extra data): here they are junk (but a follow-up).
  if (answers && typeof answers === 'object' && !Array.isArray(answers))
    for (const [field, value] of Object.entries(answers))
      if (!Object.hasOwn(profileFields, field) && field !== FOLLOW_UP_KEY && value !== undefined && value !== null && value !== '')
        dropped.push({ field, value: preview(value), message: 'Champ inconnu.' });
  return { answers: profile, dropped };
}

/** Answers → fragment value (the valid answers only), with a follow-up already checked, if any. */
export function encodeAnswers(answers: Answers, followUp?: object): string {
  return encodeURIComponent(JSON.stringify({ ...cleanAnswers(answers).answers, [FOLLOW_UP_KEY]: followUp }));
}

/**
 * Reads this widget's answers from a location hash such as `#top&aam=%7B...%7D`, keeping only
 * valid answers and listing what it dropped, and the follow-up as written (unchecked). Returns
 * `undefined` when the key is absent and `null` when it is present but unreadable (not JSON, not an
 * object, broken encoding, too long).
 */
export function readSharedAnswers(
  hash: string,
  key: string,
  known?: readonly string[],
): { answers: Profile; dropped: DroppedAnswer[]; followUp?: unknown } | null | undefined {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((p) => p.startsWith(key + '='));
  if (!parts.length) return undefined;
  const raw = parts[0].slice(key.length + 1);
  if (raw.length > MAX_FRAGMENT_LENGTH) return null;
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw));
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const r: { answers: Profile; dropped: DroppedAnswer[]; followUp?: unknown } = cleanAnswers(value, known);
  if (Object.hasOwn(value, FOLLOW_UP_KEY)) r.followUp = (value as Answers)[FOLLOW_UP_KEY];
  if (parts.length > 1)
    r.dropped.push({ field: key, value: parts.length, message: 'Clé répétée dans le lien : seule la première compte.' });
  return r;
}

/**
 * The valid answers of `readSharedAnswers`, without the list of what was dropped.
 * Returns `undefined` when the key is absent and `null` when it is present but unreadable.
 */
export function readAnswers(hash: string, key: string): Profile | null | undefined {
  const r = readSharedAnswers(hash, key);
  return r && r.answers;
}

/** The page address with this widget's part of the fragment set (answers, and a follow-up if any), other parts kept. */
export function linkWithAnswers(href: string, key: string, answers: Answers, followUp?: object): string {
  const [base, hash = ''] = href.split(/#(.*)/s);
  const kept = hash.split('&').filter((p) => p && !p.startsWith(key + '='));
  return base + '#' + [...kept, key + '=' + encodeAnswers(answers, followUp)].join('&');
}
