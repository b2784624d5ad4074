/**
 * The interface language, per instance. @lit/localize's runtime mode keeps one active locale for the
 * whole page, so a French and an English widget on one page would speak the language of whichever
 * switched last. Instead, `msg()` is given an implementation that reads the templates of the instance
 * rendering right now: rendering is synchronous, so each instance sets its templates around its own
 * render (and around the few handlers that word a message), and two instances never mix.
 * The English templates are loaded only when an instance needs them.
 *
 * `_installMsgImplementation` is @lit/localize's own hook (its runtime mode uses it the same way). If the
 * page already configured @lit/localize itself (an application sharing our copy of the library), the hook
 * is taken: the widget then follows the page's locale, and says so in the console.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { joinStringsAndValues, type StrResult } from '@lit/localize/internal/str-tag.js';
import type { TemplateMap } from '@lit/localize/internal/types.js';
import type { UiLang } from '../format.js';

let current: TemplateMap | undefined;
let installed: boolean | undefined;
let english: TemplateMap | undefined;
let loading: Promise<TemplateMap> | undefined;

/**
 * @lit/localize's runtime lookup, by explicit id only: every `msg()` of the widget names its id (a test checks
 * it), so the id-hashing code of the library's own runtime is not shipped. No `html` templates are localized.
 */
function lookup(template: string | StrResult, options?: { id?: string }): string {
  const localized = current && options?.id ? current[options.id] : undefined;
  if (typeof localized === 'string') return localized;
  if (localized && 'strTag' in localized && typeof template !== 'string')
    // English templates hold ${n}, the index of the source value: translation may reorder them.
    return joinStringsAndValues(localized.strings, template.values, localized.values as number[]);
  // The source (French) text; not through @lit/localize's defaultMsg, which its extractor takes for a msg() call.
  return typeof template === 'string' ? template : joinStringsAndValues(template.strings, template.values);
}

function install(): boolean {
  if (installed === undefined) {
    try {
      _installMsgImplementation(lookup as Parameters<typeof _installMsgImplementation>[0]);
      installed = true;
    } catch {
      installed = false;
      console.warn('<aide-assistant-medical>: @lit/localize is already configured by the page; the widget follows its locale.');
    }
  }
  return installed;
}

/**
 * Loads English once for the page: the interface's templates, the engine's sentences and, in the widget
 * build, the rule files' English texts (one chunk, fetched only when an instance speaks English).
 */
export function loadEnglish(): Promise<TemplateMap> {
  loading ??= import('../english.js').then((m) => (english = m.templates as TemplateMap));
  return loading;
}

export class LocaleController implements ReactiveController {
  /** The language the instance speaks: its `lang` attribute, or the language switch. */
  lang: UiLang = 'fr';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    install();
  }

  hostConnected(): void {}

  /** True when the instance can render now (its language's templates are loaded). */
  get ready(): boolean {
    return this.lang === 'fr' || english !== undefined;
  }

  /** The English chunk while it is on its way for this instance. */
  get pending(): Promise<unknown> | undefined {
    return this.ready ? undefined : loading;
  }

  set(lang: UiLang): void {
    this.lang = lang;
    if (lang === 'en' && !english) void loadEnglish().then(() => this.host.requestUpdate());
  }

  /** Runs `fn` with this instance's templates active: everything `msg()` returns inside speaks its language. */
  run<T>(fn: () => T): T {
    const previous = current;
    current = this.lang === 'en' ? english : undefined;
    try {
      return fn();
    } finally {
      current = previous;
    }
  }
}
