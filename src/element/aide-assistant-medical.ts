import { LitElement, html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import { msg } from '@lit/localize';
import type { Profile, Simulation } from '../engine/types.js';
import { attributeProblem, booleanAttribute, langOf, readAttributes, themeOf, type ReadAttributes } from './attributes.js';
import { styles } from './aide-assistant-medical.styles.js';
import type { AccentController } from './controllers/accent.js';
import { LocaleController } from './controllers/locale.js';
import type { QuestionsController } from './controllers/questions.js';
import type { PackState, RulesPackController } from './controllers/rules-pack.js';
import { ShareLinkController } from './controllers/share-link.js';
import { SimulationController, type AideChangeDetail } from './controllers/simulation.js';
import type { UiLang } from './format.js';
import { answerCard } from './templates/answer.js';
import { footer, header, notices } from './templates/chrome.js';
import { ctxFor } from './templates/context.js';
import type { Folds } from './templates/fold.js';
import type { ToolsController } from './controllers/tools.js';

export type { AideChangeDetail };
/** `aide-change`: the result changed. */
export type AideChangeEvent = CustomEvent<AideChangeDetail>;
/** `aide-result`: the answer has just become complete (it no longer waits for answers); the same detail as `aide-change`. */
export type AideResultEvent = CustomEvent<AideChangeDetail>;
/** What `aide-question` says: which question the doctor answered (a profile field id), never the answer. */
export interface AideQuestionDetail {
  field: string;
}
/** `aide-question`: the doctor answered a question. */
export type AideQuestionEvent = CustomEvent<AideQuestionDetail>;
/** `aide-share`, `aide-print`, `aide-calendar`: the doctor copied the link, printed, downloaded the calendar. No detail. */
export type AideActionEvent = CustomEvent<null>;

type DetailsModule = typeof import('./templates/details.js');
type InteractionModule = typeof import('./interaction.js');

/**
 * The questions and actions, loaded once for the page when the first instance connects (see interaction.ts).
 * `false` when the chunk could not be loaded: the answer still shows, and the console says why.
 */
let interaction: InteractionModule | false | undefined;
let interactionLoading: Promise<unknown> | undefined;
function loadInteraction(): Promise<unknown> {
  interactionLoading ??= import('./interaction.js').then(
    (m) => (interaction = m),
    (error: unknown) => {
      interaction = false;
      console.error('<aide-assistant-medical>: the questions could not be loaded.', error);
    },
  );
  return interactionLoading;
}

/**
 * Resolves once the page has painted (a frame, then a task; at most 100 ms, for a hidden tab): chunks the
 * first paint does not need are requested then, so that their download and parsing never delay it.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    const done = () => setTimeout(resolve);
    requestAnimationFrame(done);
    setTimeout(done, 100);
  });

/**
 * Simulator of the aids French doctors can claim (aide à l'emploi d'un assistant médical, installation
 * and retention aids): a few questions, then the answer first — how much, on what assumption, what to do
 * next — and the detail on demand, every figure with its source. The engine computes everything; this
 * element asks, renders and fires events.
 *
 * @tagname aide-assistant-medical
 *
 * Every event bubbles and is composed (it crosses the shadow boundary); none carries an answer beyond what
 * `aide-change` gives, and the widget itself sends nothing anywhere.
 *
 * @fires {AideChangeEvent} aide-change - Whenever the result changes. `detail: { profile, simulation }`.
 * @fires {AideResultEvent} aide-result - When the answer becomes complete (no longer waiting for answers): the first answer, and again after « Recommencer ». `detail: { profile, simulation }`.
 * @fires {AideQuestionEvent} aide-question - When the doctor answers a question (a new value). `detail: { field }`: the profile field's id, never the value.
 * @fires {AideActionEvent} aide-share - When the doctor asks for the shared link (« Copier le lien »). No detail.
 * @fires {AideActionEvent} aide-print - When the doctor prints the simulation (« Imprimer »). No detail.
 * @fires {AideActionEvent} aide-calendar - When the doctor downloads the assistant aid's calendar (.ics). No detail.
 *
 * @csspart base - The widget's frame.
 * @csspart answer - The answer: one sentence and its figure, assumptions, « jusqu'à », next step.
 * @csspart notices - Notices for the visitor (and, with `debug`, for the webmaster).
 * @csspart questions - The questions on screen now.
 * @csspart summary - The answers given so far, each editable.
 * @csspart result - The detail below the answer.
 * @csspart scheme - One scheme's detail (folded).
 * @csspart status - A scheme's status.
 * @csspart reasons - A scheme's conditions.
 * @csspart payments - A scheme's payments, year by year.
 * @csspart chart - Year-by-year bars, where several years say something.
 * @csspart objectives - The objectives of an option.
 * @csspart tool - The assistant's tool open below the answer: its net cost, the follow-up of the contract, or its calendar.
 * @csspart combination - Combinations of schemes and the pairs that do not add up.
 * @csspart contacts - The region's contacts and local facts.
 * @csspart toolbar - "Copier le lien", "Imprimer", "Recommencer".
 * @csspart footer - Date of the simulation and version of the rules.
 *
 * @cssprop [--aam-accent=#1d4ed8] - Fill of the main button. Prefer the `accent-color` attribute, which keeps contrast AA.
 * @cssprop [--aam-on-accent=#fff] - Text on the accent fill.
 * @cssprop [--aam-link=#1d4ed8] - Links, outlines, focus ring and chart.
 * @cssprop [--aam-bg=#fff] - Background.
 * @cssprop [--aam-fg=#1b1f24] - Text.
 * @cssprop [--aam-muted=#545b64] - Secondary text and input borders.
 * @cssprop [--aam-border=#c9ced6] - Separators.
 * @cssprop [--aam-surface=#f3f5f8] - Background of the blocks.
 * @cssprop [--aam-ok=#17702f] - Met conditions.
 * @cssprop [--aam-ko=#b42318] - Unmet conditions and input errors.
 * @cssprop [--aam-warn=#7a4f00] - Estimates and notices.
 * @cssprop [--aam-radius=0.5rem] - Corner radius.
 * @cssprop [--aam-gap=1rem] - Spacing of the blocks.
 */
export class AideAssistantMedical extends LitElement {
  static override styles = styles;

  /**
   * The reactive properties, declared here rather than with decorators: the first chunk then carries no
   * decorator code. Each property's documentation is on its field below.
   */
  static override properties: PropertyDeclarations = {
    region: {},
    rulesSrc: { attribute: 'rules-src' },
    schemes: {},
    lang: {},
    asOf: { attribute: 'as-of' },
    specialty: {},
    accentColor: { attribute: 'accent-color' },
    compact: { reflect: true, converter: booleanAttribute },
    theme: { reflect: true },
    docsBase: { attribute: 'docs-base' },
    debug: { converter: booleanAttribute },
    answers: { state: true, attribute: false },
    opened: { state: true, attribute: false },
  };

  /** Region id, e.g. `occitanie` (trimmed, any case). Without it, the region of the doctor's département, else `national`. */
  region = '';

  /**
   * URL of a JSON rules pack merged over the built-in rules (absolute or relative to the page). Fetched
   * once, without credentials; the built-in rules apply meanwhile and if the pack is unusable.
   */
  rulesSrc = '';

  /** Comma-separated scheme ids to evaluate, in display order; the region's set when empty. */
  schemes = '';

  /** Interface language: `fr` (default) or `en` (`fr-FR`, `en-GB` too). The widget also has its own switch. */
  override lang = '';

  /** Simulate at another date (`YYYY-MM-DD`); today by default. */
  asOf = '';

  /** Specialty id to pre-select, e.g. `medecine-generale`. */
  specialty = '';

  /** One CSS colour; the widget derives its palette from it, keeping contrast AA. */
  accentColor = '';

  /** Sidebar layout: one column, tighter spacing. `compact="false"` means off. */
  compact = false;

  /** `light` (default), `dark`, or `auto` to follow the visitor's `prefers-color-scheme`. */
  theme?: string;

  /**
   * Where the documentation site built from the rules (`npm run docs`) is published: an http(s) URL or a path,
   * e.g. `https://example.org/aides/docs/`. Each scheme's sources then link to its page there. Read with the
   * detail (a bad value is said in the console then, and ignored).
   */
  docsBase = '';

  /** Shows the webmaster's configuration notices in the widget too (they always go to the console). */
  debug = false;

  /** The current simulation (read only). */
  get simulation(): Simulation | undefined {
    return this.sim.result;
  }

  /** The answers, as a profile for the engine. Setting it pre-fills the widget. */
  get profile(): Profile {
    return { ...this.effectiveProfile() };
  }
  set profile(value: Profile) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      console.warn('<aide-assistant-medical>: `profile` must be an object; ignored.', value);
      return;
    }
    this.answers = { ...value };
    this.questions?.reset();
  }

  /** Clears every answer (attributes such as `specialty` still apply). */
  reset(): void {
    this.answers = {};
    this.questions?.reset();
  }

  /** The current page's address with this widget's answers in the fragment. */
  shareLink(): string {
    return this.share.link(this.answers, this.tools?.shared());
  }

  private answers: Profile = {};
  private readonly locale = new LocaleController(this);
  private readonly sim = new SimulationController(this);
  private readonly share = new ShareLinkController(this);
  /** Created when the questions' chunk is there. */
  private questions?: QuestionsController;
  /** Created when `rules-src` is first set (the pack code is a chunk of its own). */
  private pack?: RulesPackController;
  /** Created when `accent-color` is first set (the palette code is a chunk of its own). */
  private accent?: AccentController;
  /** Created when the doctor first opens a view of the assistant's tools, or a link holds a follow-up (a chunk of its own). */
  private tools?: ToolsController;
  /** Whether the chunks behind `rules-src` and `accent-color` are asked for, and have arrived (or failed). */
  private packCode: 'none' | 'loading' | 'settled' = 'none';
  private accentCode: 'none' | 'loading' | 'settled' = 'none';
  private read: ReadAttributes = readAttributes({ region: '', schemes: '', lang: '', asOf: '', specialty: '', theme: '' });
  /** The pack state and loading flag the attributes were last read with. */
  private readWith?: PackState;
  private readWhileLoading = false;
  private details?: DetailsModule;
  private detailsAsked = false;
  /** Disclosures the doctor opened: their content is rendered only then. */
  private opened = new Set<string>();
  private readonly folds: Folds = {
    isOpen: (key) => this.opened.has(key),
    toggle: (key, open) => {
      if (open === this.opened.has(key)) return;
      const next = new Set(this.opened);
      if (open) next.add(key);
      else next.delete(key);
      this.opened = next;
    },
  };
  private readonly warned = new Set<string>();

  /** @internal The instance's language, for its controllers. */
  get uiLang(): UiLang {
    return this.locale.lang;
  }

  /** @internal The answers with the attributes' presets, as the engine reads them. */
  effectiveProfile(): Profile {
    return this.read.specialty ? { specialty: this.read.specialty, ...this.answers } : this.answers;
  }

  /** @internal Sets (or, with `undefined`, clears) one answer. */
  setAnswer(field: string, value: unknown): void {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[field];
    else answers[field] = value;
    this.answers = answers;
  }

  /** @internal Runs `fn` in the instance's language (for messages worded outside a render). */
  say<T>(fn: () => T): T {
    return this.locale.run(fn);
  }

  /** @internal Answers from the shared link, on connection. */
  restore(answers: Profile): void {
    this.answers = { ...this.answers, ...answers };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Requested at once when the first paint waits for it (see ready()), else right after that paint.
    if (interaction === undefined) this.track(this.answerFirst() ? afterPaint().then(loadInteraction) : loadInteraction());
  }

  /** An answer can be painted before the questions' chunk: answers are known, and the embed is not regional. */
  private answerFirst(): boolean {
    const regional = !['', 'national'].includes(String(this.region).trim().toLowerCase()) || !!String(this.schemes).trim();
    return !regional && Object.keys(this.answers).length > 0;
  }

  /** @internal The rules pack in use, if any (the tools compute with it). */
  get packRules(): unknown {
    return this.pack?.state?.pack;
  }

  /**
   * @internal Opens (or closes, when open) a view of the assistant's tools: `from` is its button, or the follow-up a
   * shared link held (its view opens without taking the focus).
   */
  tool(kind: string, from?: unknown): void {
    this.track(
      // After the detail's chunk: it brings the objectives, which the follow-up reads.
      import('./templates/details.js')
        .then(() => import('./tools.js'))
        .then((m) => {
          if (!this.tools) {
            this.tools = new m.ToolsController(this);
            this.adopt(m.toolStyles);
          }
          return this.tools.show(kind, from);
        }),
    );
  }

  /** Chunks on their way for this instance: `updateComplete` waits for them and the render they bring. */
  private readonly loads = new Set<Promise<unknown>>();
  private track(load: Promise<unknown>): void {
    const done = load
      .catch((error: unknown) => console.error('<aide-assistant-medical>: a part of the widget could not be loaded.', error))
      .finally(() => {
        this.loads.delete(done);
        this.requestUpdate();
      });
    this.loads.add(done);
  }

  /** Resolves once the widget is complete on screen: chunks it asked for (questions, detail, colour, English) included. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (;;) {
      const english = this.locale.pending;
      if (english) this.track(english);
      if (!this.loads.size) return result;
      await Promise.allSettled([...this.loads]);
      result = await super.getUpdateComplete();
    }
  }

  /** The pack's regions and state, once its controller exists. */
  private get packLoading(): boolean {
    return this.pack ? this.pack.loading : this.packCode === 'loading';
  }

  /** Adds a stylesheet that came with a chunk to this instance's shadow root. */
  private adopt(css: CSSResult): void {
    const root = this.renderRoot as ShadowRoot;
    const sheet = css.styleSheet;
    if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /**
   * Loads what this instance's attributes ask for (a pack, a colour) and says whether it can render: its
   * language, its colour and, unless an answer can already be shown, its questions must be there first.
   */
  private ready(): boolean {
    const rulesSrc = typeof this.rulesSrc === 'string' && this.rulesSrc.trim();
    if (rulesSrc && this.packCode === 'none') {
      this.packCode = 'loading';
      const load = import('./controllers/rules-pack.js')
        .then(({ RulesPackController }) => {
          this.pack = new RulesPackController(
            this,
            () => this.rulesSrc,
            () => this.requestUpdate('answers'),
          );
        })
        .catch((error: unknown) => console.error('<aide-assistant-medical>: the rules-pack code could not be loaded.', error))
        .finally(() => (this.packCode = 'settled'));
      this.track(load);
    }
    const accent = typeof this.accentColor === 'string' && this.accentColor.trim();
    if (accent && this.accentCode === 'none') {
      this.accentCode = 'loading';
      const load = import('./controllers/accent.js')
        .then(({ AccentController }) => (this.accent = new AccentController(this)))
        .catch((error: unknown) => console.error('<aide-assistant-medical>: the accent-color code could not be loaded.', error))
        .finally(() => {
          this.accentCode = 'settled';
          this.requestUpdate('accentColor', '');
        });
      this.track(load);
    }
    if (!this.locale.ready) return false;
    // A first paint without the instance's colour would flash the default one.
    if (!this.hasUpdated && this.accentCode === 'loading') return false;
    // The questions' chunk (once per page) comes first when there is nothing else to show yet, and for a
    // regional embed, whose contacts and regional schemes' texts come with it.
    return this.hasUpdated || interaction !== undefined || this.answerFirst();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Properties can be set from script to anything: read them as the strings attributes give.
    for (const key of ['region', 'rulesSrc', 'schemes', 'lang', 'asOf', 'specialty', 'accentColor', 'theme'] as const) {
      const value: unknown = this[key];
      if (value === undefined && key === 'theme') continue; // no theme written: none added to the host
      if (typeof value !== 'string') this[key] = value == null ? '' : (JSON.stringify(value) ?? '');
    }
    if (interaction && !this.questions) {
      this.questions = new interaction.QuestionsController(this);
      this.adopt(interaction.interactionStyles);
    }
    const attributes = ['region', 'schemes', 'lang', 'asOf', 'specialty', 'theme', 'accentColor', 'rulesSrc'] as const;
    // Read again when the pack settles: the regions it adds become valid `region` values then.
    const packSettled = this.pack?.state !== this.readWith || this.packLoading !== this.readWhileLoading;
    if (attributes.some((k) => changed.has(k)) || !this.hasUpdated || packSettled) {
      const pack = (this.readWith = this.pack?.state);
      this.readWhileLoading = this.packLoading;
      this.read = readAttributes(this, pack?.regions ?? [], this.packLoading);
      if (this.accent && !this.accent.apply(this.accentColor))
        this.read.problems.push(attributeProblem('accent-color', this.accentColor, ['#1d4ed8', 'rgb(29 78 216)', 'teal']));
      for (const p of this.read.problems)
        this.warnOnce(
          `${p.attribute}=${p.value}`,
          `<aide-assistant-medical>: invalid ${p.attribute}="${p.value}"; accepted: ${p.accepted}. Using the default.`,
        );
      // Normalised where the page wrote one (the styles read the attribute); never added where it did not.
      const theme = this.theme && themeOf(this.theme);
      if (theme !== this.theme) this.theme = theme;
    }
    const sim = this.sim.compute(
      this.effectiveProfile(),
      { ...this.read.options, lang: this.locale.lang },
      this.pack?.state?.pack,
      this.hasUpdated,
    );
    this.questions?.refresh(sim?.missing ?? []);
    // The detail follows the answer (or the first answer given): its chunk is requested then.
    if (!this.details && !this.detailsAsked && sim && (sim.answer.status !== 'pending' || Object.keys(this.answers).length)) {
      this.detailsAsked = true;
      this.track(
        afterPaint()
          .then(() => import('./templates/details.js'))
          .then((m) => {
            this.details = m;
            this.adopt(m.detailStyles);
          }),
      );
    }
  }

  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    // The language first: an English instance waits for its templates (a few milliseconds, once per page).
    if (changed.has('lang')) this.locale.set(langOf(this.lang));
    return this.ready();
  }

  override render() {
    // The frame holds the layout: the page's CSS reaches the host element, never the frame (see the styles).
    return html`<div class="aam-frame">${this.locale.run(() => this.view())}</div>`;
  }

  private view() {
    const sim = this.sim.result;
    const ctx = ctxFor(this.locale.lang);
    const profile = this.effectiveProfile();
    const first = !Object.keys(this.answers).length;
    const scheme = this.read.options.schemes?.length === 1 ? sim?.schemes[0] : undefined;
    const packProblem = this.pack?.problem ?? sim?.errors.find((e) => e.field === 'rules')?.message;
    const ui = interaction || undefined;
    const q = this.questions;
    return html`<div class="aam" part="base" lang=${ctx.lang}>
      ${header(ctx, scheme?.title ?? msg('Aides aux médecins libéraux', { id: 'titre' }), () => this.toggleLang())}
      ${notices(
        {
          badLink: this.share.unreadable,
          packFailed: !!packProblem,
          debug: this.debug ? { problems: this.read.problems, pack: packProblem ? [packProblem] : [] } : undefined,
        },
        sim,
      )}
      ${
        this.sim.failed
          ? html`<p class="aam-error">
              ${msg('Le calcul a échoué. Vos réponses sont conservées ; réessayez ou rechargez la page.', { id: 'calcul-echoue-reponses-sont' })}
            </p>`
          : answerCard(sim, ctx, this, this.folds)
      }
      ${this.tools?.view(ctx, this.folds)} ${ui && q ? ui.questionsForm(profile, q, ctx, q.handlers, first, this.folds) : nothing}
      ${ui && q ? ui.answersSummary(profile, q, ctx, q.handlers, this.folds) : nothing}
      ${sim && this.details && (sim.answer.status !== 'pending' || !first) ? this.details.details(sim, ctx, this.folds, this.docsBase) : nothing}
      ${
        first || !ui
          ? nothing
          : ui.toolbar(
              { copy: () => void ui.copyLink(this.share, this.shareLink()), print: () => ui.printWidget(this), reset: () => this.reset() },
              { state: this.share.state, link: () => this.shareLink() },
            )
      }
      ${first ? nothing : footer(sim, ctx)}
      <div class="aam-v" role="status" aria-live="polite">${this.sim.announcement}</div>
    </div>`;
  }

  /** @internal The view of the assistant's tools open now, if any. */
  get toolOpen(): string | undefined {
    return this.tools?.open;
  }

  /** @internal "Préciser": brings a question back (once the questions are there). */
  ask(field: string): void {
    void loadInteraction().then(() => {
      if (!this.questions) this.requestUpdate();
      void this.updateComplete.then(() => this.questions?.ask(field));
    });
  }

  private toggleLang(): void {
    this.locale.set(this.locale.lang === 'fr' ? 'en' : 'fr');
    this.requestUpdate();
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aide-assistant-medical': AideAssistantMedical;
  }
  interface HTMLElementEventMap {
    'aide-change': AideChangeEvent;
    'aide-result': AideResultEvent;
    'aide-question': AideQuestionEvent;
    'aide-share': AideActionEvent;
    'aide-print': AideActionEvent;
    'aide-calendar': AideActionEvent;
  }
}
