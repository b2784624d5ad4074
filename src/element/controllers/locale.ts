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
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { TemplateMap } from '@lit/localize/internal/types.js';
import type { UiLang } from '../format.js';

let current: TemplateMap | undefined;
let installed: boolean | undefined;
let english: TemplateMap | undefined;
let loading: Promise<TemplateMap> | undefined;

function install(): boolean {
  if (installed === undefined) {
    try {
      _installMsgImplementation(((template: Parameters<typeof runtimeMsg>[1], options: Parameters<typeof runtimeMsg>[2]) =>
        runtimeMsg(current, template, options)) as Parameters<typeof _installMsgImplementation>[0]);
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
  loading ??= Promise.all([
    import('../../locales/en.js'),
    import('../../engine/rules/english.js'),
    import('../../engine/rules/ruleset.js'),
    // The engine's own English (the answer's sentences, dates): registered on import.
    import('../../engine/texts-en.js'),
  ]).then(([ui, rules, { restoreTexts }]) => {
    if (rules.englishTexts) restoreTexts(rules.englishTexts);
    return (english = ui.templates as TemplateMap);
  });
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
