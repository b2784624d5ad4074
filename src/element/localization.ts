/**
 * @lit/localize runtime setup. French is the source locale; English templates are imported
 * statically so the bundle stays one file. Configured lazily, on first use, so that importing
 * the element class has no side effect.
 *
 * The active locale is per page (a lit-localize limit): the last instance to change language
 * sets it for all. Engine texts follow each instance's own `lang`.
 */
import { configureLocalization } from '@lit/localize';
import * as en from '../locales/en.js';
import type { UiLang } from './format.js';

let setLocale: ((locale: string) => Promise<void>) | undefined;
let current: UiLang = 'fr';

export function useLocale(lang: UiLang): void {
  setLocale ??= configureLocalization({
    sourceLocale: 'fr',
    targetLocales: ['en'],
    loadLocale: async () => en,
  }).setLocale;
  if (lang !== current) {
    current = lang;
    // setLocale only rejects for unknown locales, which UiLang rules out.
    void setLocale(lang);
  }
}
