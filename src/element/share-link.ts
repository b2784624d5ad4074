/**
 * The shared link: answers travel in the URL fragment under the widget's own key (`aam=` or
 * `aam-<id>=` for an instance with an id), beside whatever else the host page keeps there.
 * Pure functions; the element never writes the host page's URL, it only builds a link to copy.
 */

type Answers = Record<string, unknown>;

const isPlain = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);

/** Fragment key of an instance: `aam`, or `aam-<id>` when the element has an id. */
export const fragmentKey = (id?: string | null) => (id ? 'aam-' + encodeURIComponent(id) : 'aam');

/** Answers → fragment value (plain values only; nothing else is worth sharing). */
export function encodeAnswers(answers: Answers): string {
  const plain = Object.fromEntries(Object.entries(answers).filter(([, v]) => isPlain(v)));
  return encodeURIComponent(JSON.stringify(plain));
}

/**
 * Reads this widget's answers from a location hash such as `#top&aam=%7B...%7D`.
 * Returns `undefined` when the key is absent and `null` when it is present but unreadable.
 */
export function readAnswers(hash: string, key: string): Answers | null | undefined {
  const part = hash
    .replace(/^#/, '')
    .split('&')
    .find((p) => p.startsWith(key + '='));
  if (part === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(decodeURIComponent(part.slice(key.length + 1)));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    return Object.fromEntries(Object.entries(value as Answers).filter(([, v]) => isPlain(v)));
  } catch {
    return null;
  }
}

/** The page address with this widget's part of the fragment set, other parts kept. */
export function linkWithAnswers(href: string, key: string, answers: Answers): string {
  const [base, hash = ''] = href.split(/#(.*)/s);
  const kept = hash.split('&').filter((p) => p && !p.startsWith(key + '='));
  return base + '#' + [...kept, key + '=' + encodeAnswers(answers)].join('&');
}
