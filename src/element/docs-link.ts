/**
 * Links to the documentation site built from the rules (`npm run docs`, scripts/build-docs.mjs), published at the
 * `docs-base` the webmaster gives. Read with the detail (this module is in its chunk): a value that is not an
 * http(s) address or a path is said once in the console, as the other attributes are, and ignored. Pure but for
 * that message; unit-tested in test/element/docs-base.test.ts and against the built site in test/engine/docs.test.ts.
 */
import { attributeProblem } from './attributes.js';

/**
 * `docs-base` made absolute (against `baseURI`, the page's address) and ending with `/`; `undefined` when it is
 * empty or not usable: another scheme than http(s), spaces, quotes, angle brackets, a query or a fragment.
 */
export function docsBaseOf(value: unknown, baseURI: string): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text || /[\s"'<>\\`?#]/.test(text)) return undefined;
  try {
    const url = new URL(text, baseURI);
    return /^https?:$/.test(url.protocol) ? url.origin + url.pathname.replace(/\/?$/, '/') : undefined;
  } catch {
    return undefined;
  }
}

/** The page of a scheme on the site, at its regime when the result has one: `schemes/<scheme>.html#<regime>`. */
export function docsPage(base: string, scheme: { id: string; regime?: string }): string {
  // The site's ids: lower-cased, anything but a-z, 0-9, `-` and `_` made `-` (rules/README.md, "Documentation pages").
  const slug = (id: string) => id.toLowerCase().replace(/[^a-z0-9_-]/g, '-');
  return `${base}schemes/${slug(scheme.id)}.html${scheme.regime ? `#${slug(scheme.regime)}` : ''}`;
}

const warned = new Set<string>();

/** The base to link to for this attribute value; a bad value is said once in the console. */
export function docsBase(value: unknown): string | undefined {
  const base = docsBaseOf(value, document.baseURI);
  const text = typeof value === 'string' ? value.trim() : '';
  if (text && !base && !warned.has(text)) {
    warned.add(text);
    const p = attributeProblem('docs-base', text, ['https://…/', '/docs/', './docs/']);
    console.warn(`<aide-assistant-medical>: invalid ${p.attribute}="${p.value}"; accepted: ${p.accepted}. Ignored.`);
  }
  return base;
}
