import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { departements, profileFields, regionIds, schemeIds, simulate, specialties } from '../engine/core.js';
import { compilePack } from '../engine/rules/pack.js';
import { enablePacks } from '../engine/simulate.js';
import type {
  Combination,
  Contact,
  OptionResult,
  Profile,
  SchemeResult,
  SchemeStatus,
  SimulateOptions,
  Simulation,
  Source,
} from '../engine/types.js';
import { styles } from './aide-assistant-medical.styles.js';
import { formatDate, formatMoney, formatNumber, formatShare, isIsoDate, parseNumber, parseShare, type UiLang } from './format.js';
import { useLocale } from './localization.js';
import { derivePalette, parseColor, type Rgb } from './palette.js';
import { loadPack, maxPackKb, type PackLoad } from './pack-loader.js';
import { paymentsChart } from './parts/payments-chart.js';
import { nextGroup, question, valueLabel } from './questions.js';
import { fragmentKey, linkWithAnswers, readAnswers } from './share-link.js';

/** Detail of the `aide-change` event. */
export interface AideChangeDetail {
  profile: Profile;
  simulation: Simulation;
}
export type AideChangeEvent = CustomEvent<AideChangeDetail>;

interface AttributeNotice {
  attribute: string;
  value: string;
  accepted: string;
}

const THEMES = ['light', 'dark', 'auto'];
const isUrl = (url?: string): url is string => !!url && /^https?:\/\//i.test(url);
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Any CSS colour → RGB: hex and rgb() by the pure parser, names and other syntaxes by the browser. */
function resolveColor(value: string): Rgb | undefined {
  const rgb = parseColor(value);
  if (rgb || !globalThis.CSS?.supports('color', value)) return rgb;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = value;
  return parseColor(String(context.fillStyle));
}

function statusLabel(status: SchemeStatus): string {
  return {
    eligible: msg('Éligible', { id: 'eligible' }),
    ineligible: msg('Non éligible', { id: 'non-eligible' }),
    incomplete: msg('À compléter', { id: 'a-completer' }),
    closed: msg('Fermé aux nouveaux contrats', { id: 'ferme-aux-nouveaux-contrats' }),
    held: msg('Contrat en cours', { id: 'contrat-en-cours' }),
    'not-applicable': msg('Ne vous concerne pas', { id: 'ne-vous-concerne-pas' }),
  }[status];
}

/**
 * Simulator of the aids for French doctors (aide à l'emploi d'un assistant médical, and more
 * schemes as the rules grow): asks only the questions that decide the answer, then shows
 * eligibility with its reasons and sources, and the amounts per contract year.
 *
 * @tagname aide-assistant-medical
 *
 * @fires aide-change - Whenever the result changes. `detail: { profile, simulation }`. Bubbles and is composed.
 *
 * @csspart base - The widget's frame.
 * @csspart notices - Notices about invalid attributes or answers.
 * @csspart toolbar - Language switch, "Copier le lien", "Imprimer", "Recommencer".
 * @csspart questions - The current group of questions.
 * @csspart summary - The answers given so far, each editable.
 * @csspart result - The result column.
 * @csspart scheme - One scheme's result card.
 * @csspart status - Status badge of a scheme (eligible, not eligible, to complete, closed).
 * @csspart reasons - The list of reasons of a scheme.
 * @csspart option - One option (e.g. ½ ETP, 1 ETP) with its payments.
 * @csspart chart - Year-by-year chart of an option's payments.
 * @csspart payments - Table of an option's payments.
 * @csspart objectives - Objectives of an option.
 * @csspart combination - The best allowed combination of schemes, the other ones and the exclusions.
 * @csspart contacts - The region's contacts and local facts.
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
 * @cssprop [--aam-ok=#17702f] - "Eligible" and met conditions.
 * @cssprop [--aam-ko=#b42318] - "Not eligible", unmet conditions and input errors.
 * @cssprop [--aam-warn=#7a4f00] - Estimates, notices and conditions awaiting an answer.
 * @cssprop [--aam-radius=0.5rem] - Corner radius.
 * @cssprop [--aam-gap=1rem] - Spacing of the blocks.
 */
@localized()
export class AideAssistantMedical extends LitElement {
  static override styles = styles;

  /**
   * Region id, e.g. `occitanie`. Without it, the region of the doctor's département (when the
   * rules have one for it), else `national`.
   */
  @property() region = '';

  /**
   * URL of a JSON rules pack merged over the built-in rules (absolute or relative to the page).
   * Fetched once, without credentials; the widget works on the built-in rules meanwhile and if
   * the pack is unusable.
   */
  @property({ attribute: 'rules-src' }) rulesSrc = '';

  /** Comma-separated scheme ids to evaluate, in display order; the region's set when empty. */
  @property() schemes = '';

  /** Interface language: `fr` (default) or `en`. The widget also has its own switch. */
  @property() override lang = '';

  /** Simulate at another date (`YYYY-MM-DD`); today by default. */
  @property({ attribute: 'as-of' }) asOf = '';

  /** Specialty id to pre-select, e.g. `medecine-generale`. */
  @property() specialty = '';

  /** One CSS colour; the widget derives its palette from it, keeping contrast AA. */
  @property({ attribute: 'accent-color' }) accentColor = '';

  /** Sidebar layout: one column, tighter spacing. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** `light` (default), `dark`, or `auto` to follow the visitor's `prefers-color-scheme`. */
  @property({ reflect: true }) theme = 'light';

  /** The current simulation (read only). */
  get simulation(): Simulation | undefined {
    return this.result;
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
    this.startOver();
  }

  /** Clears every answer (attributes such as `specialty` still apply). */
  reset(): void {
    this.answers = {};
    this.startOver();
  }

  @state() private answers: Profile = {};
  @state() private uiLang: UiLang = 'fr';
  /** Fields asked now; fixed while the doctor answers them, so focus never jumps. */
  @state() private group: string[] = [];
  @state() private skipped: string[] = [];
  @state() private editing = '';
  @state() private drafts: Record<string, string> = {};
  @state() private fieldErrors: Record<string, string> = {};
  /** Text typed in the search box of a list (specialty, département), by field. */
  @state() private filters: Record<string, string> = {};
  @state() private shareState: '' | 'copied' | 'manual' = '';
  @state() private badLink = false;

  private result?: Simulation;
  private failed = false;
  private notices: AttributeNotice[] = [];
  private options: SimulateOptions = {};
  private accentSheet?: CSSStyleSheet;
  private announcement = '';
  private dispatched?: Simulation;
  private warned = new Set<string>();
  /** The `rules-src` download: undefined when none, `{ url }` while loading. */
  private pack?: PackLoad;

  override connectedCallback(): void {
    super.connectedCallback();
    const shared = readAnswers(globalThis.location?.hash ?? '', fragmentKey(this.id));
    if (shared) this.answers = { ...this.answers, ...shared };
    else if (shared === null) {
      this.badLink = true;
      this.warn('link', `<aide-assistant-medical>: the #${fragmentKey(this.id)}= part of the URL is not readable; ignored.`);
    }
  }

  override willUpdate(changed: PropertyValues): void {
    // Properties can be set from script to anything: read them as the strings attributes give.
    for (const key of ['region', 'rulesSrc', 'schemes', 'lang', 'asOf', 'specialty', 'accentColor', 'theme'] as const) {
      const value: unknown = this[key];
      if (typeof value !== 'string') this[key] = value == null ? '' : (JSON.stringify(value) ?? '');
    }
    if (changed.has('lang')) {
      const lang = this.lang.slice(0, 2).toLowerCase();
      this.uiLang = lang === 'en' ? 'en' : 'fr';
    }
    if (changed.has('rulesSrc')) this.fetchPack();
    if (['region', 'rulesSrc', 'schemes', 'lang', 'asOf', 'specialty', 'accentColor', 'theme'].some((k) => changed.has(k))) {
      this.checkAttributes();
    }
    // Only when this instance's language changes: instances with different languages would
    // otherwise keep switching the page-wide locale back and forth.
    if (changed.has('uiLang')) useLocale(this.uiLang);
    if (['answers', 'region', 'rulesSrc', 'schemes', 'asOf', 'specialty', 'uiLang'].some((k) => changed.has(k))) {
      this.recompute();
    }
  }

  override updated(): void {
    const simulation = this.result;
    if (simulation && simulation !== this.dispatched) {
      this.dispatched = simulation;
      this.dispatchEvent(
        new CustomEvent<AideChangeDetail>('aide-change', {
          bubbles: true,
          composed: true,
          detail: { profile: this.profile, simulation },
        }),
      );
    }
  }

  /** Starts (or reuses) the download of `rules-src`; the result is used when it arrives. */
  private fetchPack() {
    const src = this.rulesSrc.trim();
    if (!src) return void (this.pack = undefined);
    this.pack = { url: src };
    void loadPack(src, document.baseURI).then((load) => {
      if (this.rulesSrc.trim() !== src) return;
      if (load.pack !== undefined) enablePacks(compilePack);
      this.pack = load;
      if (load.problem)
        console.error(
          `<aide-assistant-medical>: rules pack ${load.url} not used (${load.problem} ${load.detail ?? ''}); built-in rules used.`,
        );
      this.checkAttributes();
      this.recompute();
      this.requestUpdate();
    });
  }

  private warn(key: string, message: string) {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }

  /** Validates the attributes into engine options; each bad value gives a notice and a warning. */
  private checkAttributes() {
    const notices: AttributeNotice[] = [];
    const reject = (attribute: string, value: string, accepted: readonly string[]) => {
      notices.push({ attribute, value, accepted: accepted.join(', ') });
      this.warn(
        attribute + '=' + value,
        `<aide-assistant-medical>: invalid ${attribute}="${value}"; accepted: ${accepted.join(', ')}. Using the default.`,
      );
    };
    const options: SimulateOptions = {};
    // A pack may add regions: the engine checks the id once the pack is there.
    if (this.region && this.pack?.pack !== undefined) options.region = this.region;
    else if (this.region && !regionIds.includes(this.region)) {
      if (!this.pack || this.pack.problem) reject('region', this.region, regionIds);
    } else if (this.region) options.region = this.region;
    if (this.schemes.trim()) {
      const ids = this.schemes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const known = ids.filter((id) => schemeIds.includes(id));
      if (known.length < ids.length) reject('schemes', ids.filter((id) => !known.includes(id)).join(','), schemeIds);
      if (known.length) options.schemes = known;
    }
    if (this.lang && !/^(fr|en)\b/i.test(this.lang)) reject('lang', this.lang, ['fr', 'en']);
    if (this.asOf) {
      if (isIsoDate(this.asOf)) options.asOf = this.asOf;
      else reject('as-of', this.asOf, [msg('une date AAAA-MM-JJ', { id: 'date-aaaa-mm-jj' })]);
    }
    if (this.specialty && !specialties.some((s) => s.id === this.specialty)) {
      reject(
        'specialty',
        this.specialty,
        specialties.map((s) => s.id),
      );
    }
    if (this.theme && !THEMES.includes(this.theme)) reject('theme', this.theme, THEMES);
    this.applyAccent(reject);
    this.notices = notices;
    this.options = options;
  }

  private applyAccent(reject: (attribute: string, value: string, accepted: string[]) => void) {
    const rgb = this.accentColor ? resolveColor(this.accentColor) : undefined;
    if (this.accentColor && !rgb) reject('accent-color', this.accentColor, ['#1d4ed8', 'rgb(29 78 216)', 'teal']);
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root?.adoptedStyleSheets) return;
    if (!this.accentSheet) {
      this.accentSheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.accentSheet];
    }
    // A constructed sheet, not a style attribute: allowed under a strict style-src CSP.
    const p = rgb && derivePalette(rgb);
    this.accentSheet.replaceSync(p ? `:host{--_a:${p.accent};--_oa:${p.onAccent};--_l:${p.accentOnLight};--_ld:${p.accentOnDark}}` : '');
  }

  private effectiveProfile(): Profile {
    const preset = this.specialty && specialties.some((s) => s.id === this.specialty) ? { specialty: this.specialty } : {};
    return { ...preset, ...this.answers };
  }

  private recompute() {
    const previous = this.result;
    try {
      const rules = this.pack?.pack;
      this.result = simulate(this.effectiveProfile(), { ...this.options, lang: this.uiLang, ...(rules !== undefined && { rules }) });
      this.failed = false;
    } catch (error) {
      // The engine is not supposed to throw; a broken rules pack must still not break the page.
      this.result = undefined;
      this.failed = true;
      console.warn('<aide-assistant-medical>: the simulation failed.', error);
    }
    for (const e of this.result?.errors ?? []) {
      if (e.field !== 'rules') this.warn('error:' + e.field + String(e.value), `<aide-assistant-medical>: ${e.message}`);
      else if (!this.warned.has('rules:' + this.pack?.url)) {
        this.warned.add('rules:' + this.pack?.url);
        console.error(`<aide-assistant-medical>: rules pack ${this.pack?.url} is invalid; built-in rules used.`, e.details ?? e.message);
      }
    }
    if (!this.group.length) this.group = this.nextQuestions();
    if (this.hasUpdated) {
      // Announce what changed, not every scheme again: the page may show many.
      const before = new Map(previous?.schemes.map((s) => [s.id, s.status]));
      const changed = this.result?.schemes.filter((s) => before.get(s.id) !== s.status) ?? [];
      this.announcement = !this.result
        ? msg('Le calcul a échoué.', { id: 'calcul-echoue' })
        : changed.length
          ? changed.map((s) => `${s.title} : ${statusLabel(s.status)}`).join('. ')
          : msg('Résultat mis à jour.', { id: 'resultat-mis-a-jour' });
    }
  }

  private askable = (field: string) => {
    const spec = profileFields[field];
    return !!spec && spec.type !== 'contracts' && this.effectiveProfile()[field] === undefined && !this.skipped.includes(field);
  };

  private nextQuestions() {
    return nextGroup(this.result?.missing ?? [], this.askable);
  }

  private startOver() {
    this.skipped = [];
    this.editing = '';
    this.drafts = {};
    this.fieldErrors = {};
    this.filters = {};
    this.group = [];
    this.shareState = '';
  }

  // ——— Answers ———

  private setAnswer(field: string, value: unknown) {
    const answers = { ...this.answers };
    if (value === undefined) delete answers[field];
    else answers[field] = value;
    this.answers = answers;
    this.skipped = this.skipped.filter((f) => f !== field);
  }

  /** Reads what was typed in a text field; keeps the text and explains when it is not valid. */
  private answerText(field: string, text: string) {
    const spec = profileFields[field];
    const drafts = { ...this.drafts };
    const errors = { ...this.fieldErrors };
    delete drafts[field];
    delete errors[field];
    let value: unknown = text.trim() || undefined;
    let error = '';
    if (spec.type === 'date') {
      if (value !== undefined && !isIsoDate(value)) error = msg('Entrez une date complète.', { id: 'entrez-date-complete' });
    } else if (spec.type !== 'string') {
      const share = spec.type === 'share';
      const n = share ? parseShare(text) : parseNumber(text);
      value = n;
      const [min, max] = [spec.min ?? -Infinity, spec.max ?? Infinity];
      if (n === undefined) error = '';
      else if (isNaN(n)) error = msg('Entrez un nombre, par exemple 1 550.', { id: 'entrez-nombre-par-exemple' });
      else if (spec.type === 'integer' && !Number.isInteger(n)) error = msg('Entrez un nombre entier.', { id: 'entrez-nombre-entier' });
      else if (n < min || n > max) {
        const [lo, hi] = share ? [min * 100, max * 100] : [min, max];
        error = msg(str`Entrez un nombre entre ${formatNumber(lo, this.uiLang)} et ${formatNumber(hi, this.uiLang)}.`, {
          id: 'entrez-nombre-entre',
        });
      }
    }
    if (error) {
      drafts[field] = text;
      errors[field] = error;
      this.warn('input:' + field + text, `<aide-assistant-medical>: "${text}" is not a valid ${field}.`);
    } else this.setAnswer(field, value);
    this.drafts = drafts;
    this.fieldErrors = errors;
  }

  private submitGroup(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    form.querySelectorAll<HTMLInputElement>('input[data-f]').forEach((input) => this.answerText(input.dataset.f!, input.value));
    if (this.group.some((f) => this.fieldErrors[f])) {
      void this.updateComplete.then(() => this.focus$('[aria-invalid="true"]'));
      return;
    }
    const profile = this.effectiveProfile();
    this.skipped = [...this.skipped, ...this.group.filter((f) => profile[f] === undefined)];
    this.group = [];
    this.group = this.nextQuestions();
    void this.updateComplete.then(() => this.focus$('.q input, .q select') || this.focus$('#rh'));
  }

  private focus$(selector: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    return !!target;
  }

  private edit(field: string) {
    this.editing = field;
    void this.updateComplete.then(() => this.focus$('.ed input, .ed select'));
  }

  private closeEdit() {
    const field = this.editing;
    if (this.fieldErrors[field]) return void this.focus$('[aria-invalid="true"]');
    this.editing = '';
    void this.updateComplete.then(() => this.focus$(`#m-${CSS.escape(field)}`));
  }

  // ——— Toolbar ———

  private toggleLang() {
    this.uiLang = this.uiLang === 'fr' ? 'en' : 'fr';
  }

  private async copyLink() {
    this.shareState = '';
    const link = this.shareLink();
    try {
      await navigator.clipboard.writeText(link);
      this.shareState = 'copied';
      this.announcement = msg('Lien copié.', { id: 'lien-copie' });
    } catch {
      // No clipboard (insecure page, permission refused): show the link to copy by hand.
      this.shareState = 'manual';
    }
  }

  /** The current page's address with this widget's answers in the fragment. */
  shareLink(): string {
    return linkWithAnswers(location.href, fragmentKey(this.id), this.answers);
  }

  private print() {
    // Print only this widget: hide the rest of the host page for the duration of the print.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(
      '@media print{body *{visibility:hidden!important}[data-aam-print]{visibility:visible!important;position:absolute;inset:0 0 auto}}',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    this.setAttribute('data-aam-print', '');
    addEventListener(
      'afterprint',
      () => {
        this.removeAttribute('data-aam-print');
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      },
      { once: true },
    );
    print();
  }

  // ——— Rendering ———

  override render() {
    const sim = this.result;
    const lang = this.uiLang;
    const other = lang === 'fr' ? 'en' : 'fr';
    let schemes: unknown = nothing;
    try {
      if (sim)
        schemes = html`${this.renderRulesLine(sim)}
        ${sim.notices.map((n) => html`<p class="nt">${n.text} ${this.renderSources(n.sources)}</p>`)} ${this.renderBest(sim, lang)}
        ${sim.schemes.map((s) => this.renderScheme(s, lang))} ${this.renderContacts(sim)}`;
    } catch (error) {
      // A result of an unexpected shape (e.g. from a rules pack) must not break the widget.
      console.warn('<aide-assistant-medical>: could not show the result.', error);
      this.failed = true;
    }
    return html`<div class="w" part="base" lang=${lang}>
      ${this.renderNotices()}
      <div class="tb" part="toolbar">
        <button type="button" lang=${other} @click=${this.toggleLang}>${other === 'en' ? 'English' : 'Français'}</button>
        <button type="button" @click=${this.copyLink}>${msg('Copier le lien', { id: 'copier-lien' })}</button>
        <button type="button" @click=${this.print}>${msg('Imprimer', { id: 'imprimer' })}</button>
        <button type="button" @click=${this.reset}>${msg('Recommencer', { id: 'recommencer' })}</button>
      </div>
      ${
        this.shareState === 'copied'
          ? html`<p class="cp">
              ${msg('Lien copié : collez-le pour partager ou reprendre cette simulation.', { id: 'lien-copie-collez-pour' })}
            </p>`
          : this.shareState === 'manual'
            ? html`<p class="cp">
                <label>${msg('Copiez ce lien :', { id: 'copiez-lien' })}<input readonly .value=${this.shareLink()} /></label>
              </p>`
            : nothing
      }
      <div class="cols">
        <div>${this.renderQuestions()} ${this.renderSummary()}</div>
        <div class="res" part="result">
          <h2 id="rh" tabindex="-1">${msg('Résultat', { id: 'resultat' })}</h2>
          ${
            this.failed
              ? html`<p class="er">
                  ${msg('Le calcul a échoué. Vos réponses sont conservées ; réessayez ou rechargez la page.', { id: 'calcul-echoue-reponses-sont' })}
                </p>`
              : schemes
          }
        </div>
      </div>
      ${
        sim
          ? html`<p class="ft mu" part="footer">
              ${msg(str`Simulation au ${formatDate(sim.asOf, lang)}, règles du ${sim.rulesVersion}. Montants maximaux, sous réserve de la décision de votre CPAM.`, { id: 'simulation-regles-montants-maximaux' })}
            </p>`
          : nothing
      }
      <div class="v" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  /** Where the rules come from when a pack is configured: loading, or its publisher and version. */
  private renderRulesLine(sim: Simulation) {
    const p = sim.pack;
    if (p)
      return html`<p class="mu">
        ${msg(str`Règles complétées par « ${p.publisher} », version ${p.version} du ${formatDate(p.date, this.uiLang)}.`, { id: 'pack-line' })}
      </p>`;
    return this.pack && !this.pack.problem && this.pack.pack === undefined
      ? html`<p class="mu">${msg('Chargement des règles complémentaires…', { id: 'pack-loading' })}</p>`
      : nothing;
  }

  /** The best allowed combination on top, the other ones, and the pairs that do not add up. */
  private renderBest(sim: Simulation, lang: UiLang) {
    const [best, ...others] = sim.combinations;
    if (sim.schemes.length < 2 || !best) return nothing;
    const title = (id: string) => sim.schemes.find((s) => s.id === id)?.title ?? id;
    const names = (ids: readonly string[]) => ids.map(title).join(' + ');
    const money = (n: number) => formatMoney(n, lang);
    const total = (c: Combination) => `${c.totalMin !== undefined ? `${money(c.totalMin)} – ` : ''}${money(c.total)}`;
    const unsure = (best.uncertain ?? []).map(
      (pair) => sim.exclusions.find((e) => String(e.schemes) === String(pair)) ?? { schemes: pair, reason: '', sources: [] },
    );
    const excluded = sim.exclusions.filter((e) => e.kind !== 'unknown');
    return html`<section class="sc cb" part="combination">
      <h3>${msg('Meilleure combinaison', { id: 'best-combination' })}</h3>
      <p>
        <strong>${names(best.schemes)}</strong>${best.estimate ? this.estimateBadge() : nothing}<br />
        ${msg('Total sur 5 ans :', { id: 'total-5-ans' })} <strong>${total(best)}</strong> ${msg('au maximum', { id: 'au-maximum' })}
      </p>
      <table>
        <caption class="v">
          ${msg('Montants par année, meilleure combinaison', { id: 'best-per-year' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Année', { id: 'annee' })}</th>
            <th scope="col">${msg('Montant max.', { id: 'montant-max' })}</th>
          </tr>
        </thead>
        <tbody>
          ${best.perYear.map(
            (amount, i) =>
              html`<tr>
                <th scope="row">${i + 1}</th>
                <td>${money(amount)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <ul class="rs">
        ${
          best.pending?.length
            ? html`<li class="un">
                <b aria-hidden="true">?</b
                >${msg(str`Montant encore inconnu, compté 0 € : ${names(best.pending)}. Répondez aux questions pour le préciser.`, { id: 'best-pending' })}
              </li>`
            : nothing
        }
        ${
          unsure.length
            ? html`<li class="un">
                <b aria-hidden="true">?</b>
                <details class="h">
                  <summary>${msg(str`Cumul que les textes ne confirment pas (${unsure.length})`, { id: 'best-uncertain' })}</summary>
                  <ul>
                    ${unsure.map((e) => html`<li>${names(e.schemes)}${e.reason ? ` : ${e.reason}` : ''} ${this.renderSources(e.sources)}</li>`)}
                  </ul>
                </details>
              </li>`
            : nothing
        }
      </ul>
      ${
        others.length
          ? html`<h4>${msg('Autres combinaisons possibles', { id: 'other-combinations' })}</h4>
              <ul>
                ${others.slice(0, 4).map((c) => html`<li>${names(c.schemes)} : ${total(c)}${c.estimate ? this.estimateBadge() : nothing}</li>`)}
              </ul>`
          : nothing
      }
      ${
        excluded.length
          ? html`<h4>${msg('Non cumulables', { id: 'exclusions' })}</h4>
              <ul class="rs">
                ${excluded.map(
                  (e) =>
                    html`<li class="ko"><b aria-hidden="true">✗</b>${names(e.schemes)} : ${e.reason} ${this.renderSources(e.sources)}</li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  /** The region's contacts (links only for web addresses, e-mails and phone numbers that check out) and local facts. */
  private renderContacts(sim: Simulation) {
    const info = sim.regionInfo;
    if (!info.contacts.length && !info.facts.length) return nothing;
    const link = (href: string, text: string) => html`<a href=${href}>${text}</a>`;
    const contact = (c: Contact) =>
      html`<li>
        ${isUrl(c.url) ? this.newWindow(c.url, c.label) : c.label}
        ${c.email && /^[^\s@<>"':;,()]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(c.email) ? html` · ${link('mailto:' + c.email, c.email)}` : nothing}
        ${c.phone && /^\+?[\d .-]{6,20}$/.test(c.phone) ? html` · ${link('tel:' + c.phone.replace(/[ .-]/g, ''), c.phone)}` : nothing}
        ${this.renderSources(c.sources)}
      </li>`;
    return html`<section class="sc ct" part="contacts">
      <h3>${msg(str`Contacts : ${info.title}`, { id: 'contacts' })}</h3>
      <ul>
        ${info.contacts.map(contact)}
      </ul>
      ${info.facts.map((f) => html`<p class="nt">${f.text} ${this.renderSources(f.sources)}</p>`)}
    </section>`;
  }

  private renderNotices() {
    const all = this.result?.errors ?? [];
    const errors = all.filter((e) => e.field !== 'rules');
    const invalid = all.find((e) => e.field === 'rules');
    const pack = this.renderPackProblem(invalid?.details ?? (invalid && [{ path: '', message: invalid.message }]));
    if (!this.notices.length && !errors.length && !this.badLink && !pack) return nothing;
    return html`<ul class="n" part="notices">
      ${this.notices.map(
        (n) =>
          html`<li>
            ${msg(str`Attribut ${n.attribute} : « ${n.value} » n'est pas reconnu, la valeur par défaut est utilisée. Valeurs acceptées : ${n.accepted}.`, { id: 'attribut-n-est-pas' })}
          </li>`,
      )}
      ${errors.map((e) => html`<li>${e.message}</li>`)}
      ${this.badLink ? html`<li>${msg('Le lien partagé est illisible : ses réponses sont ignorées.', { id: 'lien-partage-est-illisible' })}</li>` : nothing}
      ${pack}
    </ul>`;
  }

  /** One notice for an unusable rules pack: why, and its first problems (the console has them all). */
  private renderPackProblem(details?: { path: string; message: string }[]) {
    const load = this.pack;
    if (!load || (!load.problem && !details)) return '';
    const reason = details
      ? msg(str`${details.length} problème(s) dans son contenu`, { id: 'pack-problemes' })
      : {
          url: msg('adresse refusée (http ou https seulement)', { id: 'pack-url' }),
          http: msg('le serveur a répondu par une erreur', { id: 'pack-http' }),
          type: msg('ce n’est pas un fichier JSON (type de contenu)', { id: 'pack-type' }),
          size: msg(str`fichier trop gros (plus de ${maxPackKb} Ko)`, { id: 'pack-size' }),
          network: msg('téléchargement impossible ou sans réponse en 10 secondes', { id: 'pack-network' }),
          json: msg('JSON illisible', { id: 'pack-json' }),
        }[load.problem!];
    return html`<li>
      ${msg(str`Le pack de règles ${load.url} n’est pas utilisé : ${reason}. Le simulateur fonctionne avec ses règles intégrées.`, { id: 'pack-invalide' })}
      ${load.detail ? html`<small>(${load.detail})</small>` : nothing}
      ${
        details?.length
          ? html`<ul>
              ${details.slice(0, 3).map((d) => html`<li>${d.path ? html`<code>${d.path}</code> : ` : nothing}${d.message}</li>`)}
            </ul>`
          : nothing
      }
    </li>`;
  }

  private renderQuestions() {
    if (!this.group.length) return nothing;
    const first = !Object.keys(this.answers).length;
    return html`<form class="q" part="questions" novalidate @submit=${this.submitGroup}>
      <h2>${msg('Vos questions', { id: 'questions' })}</h2>
      ${first ? html`<p class="mu">${msg('Seules les questions utiles sont posées ; le résultat se met à jour à chaque réponse.', { id: 'seules-questions-utiles-sont' })}</p>` : nothing}
      ${this.group.map((f) => this.renderField(f))}
      <button class="p">${msg('Continuer', { id: 'continuer' })}</button>
    </form>`;
  }

  private renderSummary() {
    const profile = this.effectiveProfile();
    const shown = (f: string) => profileFields[f] && profileFields[f].type !== 'contracts' && !this.group.includes(f);
    const fields = [...Object.keys(profile), ...this.skipped, this.editing].filter((f, i, all) => f && shown(f) && all.indexOf(f) === i);
    if (!fields.length) return nothing;
    // Fields the engine did not ask for (it uses a default, e.g. the contract date): open for "what if".
    const extra = Object.keys(profileFields).filter((f) => shown(f) && question(f).group < 9 && !fields.includes(f));
    return html`<section class="sm" part="summary">
      <h2>${msg('Vos réponses', { id: 'reponses' })}</h2>
      <ul>
        ${fields.map((f) => {
          const label = question(f).label;
          if (this.editing === f)
            return html`<li class="ed">
              ${this.renderField(f)}<button type="button" @click=${this.closeEdit}>${msg('OK', { id: 'ok' })}</button>
            </li>`;
          return html`<li>
            <span>${label}</span><strong>${this.displayValue(f, profile[f])}</strong>
            <button type="button" class="lk" id=${'m-' + f} @click=${() => this.edit(f)}>
              ${msg('Modifier', { id: 'modifier' })}<span class="v"> : ${label}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${
        extra.length
          ? html`<label for="ad">${msg('Préciser une autre réponse', { id: 'preciser-autre-reponse' })}</label>
              <select id="ad" @change=${this.addField}>
                <option value="">${msg('Choisir…', { id: 'choisir' })}</option>
                ${extra.map((f) => html`<option value=${f}>${question(f).label}</option>`)}
              </select>`
          : nothing
      }
    </section>`;
  }

  private addField(event: Event) {
    const select = event.target as HTMLSelectElement;
    const field = select.value;
    select.value = '';
    if (field) this.edit(field);
  }

  private displayValue(field: string, answer: unknown): string {
    // Host-provided values may be of any type; show them as they came.
    const value =
      typeof answer === 'object' && answer !== null ? JSON.stringify(answer) : (answer as string | number | boolean | undefined);
    const type = profileFields[field]?.type;
    const lang = this.uiLang;
    if (value === undefined) return msg('Non renseigné', { id: 'non-renseigne' });
    if (typeof value === 'boolean') return value ? msg('Oui', { id: 'oui' }) : msg('Non', { id: 'non' });
    if (typeof value === 'number') return type === 'share' ? formatShare(value, lang) : formatNumber(value, lang);
    if (field === 'specialty') {
      const s = specialties.find((s) => s.id === value);
      return s ? this.specialtyLabel(s) : String(value);
    }
    if (field === 'department') {
      const d = departements.find((d) => d.code === value);
      if (d) return `${d.code} · ${d.name}`;
    }
    if (type === 'date') return formatDate(String(value), lang);
    return valueLabel(String(value));
  }

  private renderField(field: string) {
    const spec = profileFields[field];
    const q = question(field);
    const value = this.effectiveProfile()[field];
    const id = 'f-' + field;
    const error = this.fieldErrors[field];
    const help = q.help
      ? html`<details class="h">
          <summary>${msg('Aide', { id: 'aide' })}<span class="v"> : ${q.label}</span></summary>
          <p id=${id + '-h'}>${q.help}</p>
        </details>`
      : nothing;
    const describedBy = [q.help && id + '-h', error && id + '-e'].filter(Boolean).join(' ') || nothing;

    if (field === 'specialty')
      return this.renderPick(
        field,
        q.label,
        value,
        specialties.map((s) => [s.id, this.specialtyLabel(s)]),
        msg('Rechercher une spécialité', { id: 'rechercher-specialite' }),
        msg('Aucune spécialité ne correspond.', { id: 'aucune-specialite-ne-correspond' }),
      );
    if (field === 'department')
      return this.renderPick(
        field,
        q.label,
        value,
        departements.map((d) => [d.code, `${d.code} · ${d.name}`]),
        msg('Rechercher un département (nom ou numéro)', { id: 'rechercher-departement' }),
        msg('Aucun département ne correspond.', { id: 'aucun-departement' }),
      );
    if (spec.type === 'boolean' || spec.type === 'enum') {
      const choices: [unknown, string][] =
        spec.type === 'boolean'
          ? [
              [true, msg('Oui', { id: 'oui' })],
              [false, msg('Non', { id: 'non' })],
            ]
          : (spec.values ?? []).map((v) => [v, valueLabel(v)]);
      return html`<fieldset class="f" aria-describedby=${describedBy}>
        <legend>${q.label}</legend>
        ${help}
        <div class="t">
          ${choices.map(
            ([choice, label]) =>
              html`<label
                ><input
                  type="radio"
                  name=${id}
                  .checked=${value === choice}
                  @change=${() => this.setAnswer(field, choice)}
                />${label}</label
              >`,
          )}
        </div>
      </fieldset>`;
    }
    const shown =
      this.drafts[field] ??
      (value === undefined
        ? ''
        : typeof value !== 'number'
          ? typeof value === 'string'
            ? value
            : JSON.stringify(value)
          : formatNumber(spec.type === 'share' ? value * 100 : value, this.uiLang));
    const date = spec.type === 'date';
    return html`<div class="f">
      <label for=${id}>${q.label}</label>
      ${help}
      <input
        id=${id}
        data-f=${field}
        type=${date ? 'date' : 'text'}
        inputmode=${date || spec.type === 'string' ? nothing : spec.type === 'integer' ? 'numeric' : 'decimal'}
        autocomplete="off"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy}
        .value=${shown}
        @change=${(e: Event) => this.answerText(field, (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="er" id=${id + '-e'}>${error}</p>` : nothing}
    </div>`;
  }

  private specialtyLabel(s: { label: string; label_en?: string }) {
    return (this.uiLang === 'en' && s.label_en) || s.label;
  }

  /** Searchable list (specialty, département): a filter box above a list box, both usable with the keyboard. */
  private renderPick(field: string, label: string, value: unknown, items: [string, string][], search: string, none: string) {
    const id = 'f-' + field;
    const filter = fold((this.filters[field] ?? '').trim());
    const shown = items.filter(([key, text]) => key === value || fold(text).includes(filter));
    return html`<div class="f">
      <label for=${id}>${label}</label>
      <input
        type="search"
        aria-label=${search}
        placeholder=${msg('Rechercher…', { id: 'rechercher' })}
        .value=${this.filters[field] ?? ''}
        @input=${(e: Event) => (this.filters = { ...this.filters, [field]: (e.target as HTMLInputElement).value })}
      />
      <select id=${id} size="6" @change=${(e: Event) => this.setAnswer(field, (e.target as HTMLSelectElement).value)}>
        ${shown.map(([key, text]) => html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
      </select>
      ${shown.length ? nothing : html`<p class="mu">${none}</p>`}
    </div>`;
  }

  private renderScheme(s: SchemeResult, lang: UiLang) {
    const met = s.reasons.filter((r) => r.ok === true);
    const open = s.reasons.filter((r) => r.ok !== true);
    const scale = Math.max(0, ...s.options.flatMap((o) => o.payments.map((p) => p.amount)));
    const more = html`${s.notes.map(
      (n) =>
        html`<p class="nt ${n.kind ?? ''}">
          ${n.text}${n.kind === 'estimate' ? this.estimateBadge() : nothing} ${this.renderSources(n.sources)}
        </p>`,
    )}
    ${
      s.apply
        ? html`<p>
            <strong>${msg('Pour en bénéficier :', { id: 'pour-beneficier' })}</strong> ${s.apply.text} ${this.renderSources(s.apply.links)}
          </p>`
        : nothing
    }`;
    return html`<article class="sc ${s.status}" part="scheme">
      <h3>${s.title}</h3>
      <p>
        <span class="s" part="status">${statusLabel(s.status)}</span>
        ${s.regimeTitle ? html`<span class="mu">${s.regimeTitle}</span>` : nothing}
      </p>
      <ul class="rs" part="reasons">
        ${open.map((r) => this.renderReason(r.ok, r.text, r.sources, r.estimate))}
      </ul>
      ${
        met.length
          ? html`<details>
              <summary>${msg(str`Conditions remplies (${met.length})`, { id: 'conditions-remplies' })}</summary>
              <ul class="rs">
                ${met.map((r) => this.renderReason(true, r.text, r.sources, r.estimate))}
              </ul>
            </details>`
          : nothing
      }
      ${s.options.map((o) => this.renderOption(o, scale, lang))}
      ${
        // Only an eligible scheme, or a closed one the doctor holds (what is kept, until when), shows its
        // notes at once: the others stay short, details on demand.
        s.status === 'eligible' || (s.status === 'closed' && s.options.length)
          ? more
          : s.notes.length || s.apply
            ? html`<details>
                <summary>${msg('En savoir plus', { id: 'en-savoir-plus' })}</summary>
                ${more}
              </details>`
            : nothing
      }
    </article>`;
  }

  private renderReason(ok: boolean | null, text: string, sources: Source[], estimate?: boolean) {
    const [icon, label] =
      ok === true
        ? ['✓', msg('Condition remplie :', { id: 'condition-remplie' })]
        : ok === false
          ? ['✗', msg('Condition non remplie :', { id: 'condition-non-remplie' })]
          : ['?', msg('À préciser :', { id: 'a-preciser' })];
    return html`<li class=${ok === true ? 'ok' : ok === false ? 'ko' : 'un'}>
      <b aria-hidden="true">${icon}</b><span class="v">${label} </span>${text}${estimate ? this.estimateBadge() : nothing}
      ${this.renderSources(sources)}
    </li>`;
  }

  private estimateBadge() {
    return html`<span class="e">${msg('estimation', { id: 'estimation' })}</span>`;
  }

  private newWindow(url: string, label: string) {
    return html`<a href=${url} target="_blank" rel="noopener noreferrer"
      >${label}<span class="v"> ${msg('(nouvelle fenêtre)', { id: 'nouvelle-fenetre' })}</span></a
    >`;
  }

  /** Sources as links when they have a web address, else as a citation of the seed reference. */
  private renderSources(sources: readonly Source[] = []) {
    if (!sources.length) return nothing;
    return html`<details class="h">
      <summary>${msg(str`Sources (${sources.length})`, { id: 'sources' })}</summary>
      <ul>
        ${sources.map(
          (s) =>
            html`<li>
              ${
                isUrl(s.url)
                  ? this.newWindow(s.url, s.title || s.ref)
                  : html`<cite>${s.title && s.title !== s.ref ? `${s.title}, ${s.ref}` : s.ref}</cite>`
              }${s.publisher && !s.title.includes(s.publisher) ? html` <small>(${msg(str`pack de ${s.publisher}`, { id: 'pack-publisher' })})</small>` : nothing}
            </li>`,
        )}
      </ul>
    </details>`;
  }

  private renderOption(o: OptionResult, scale: number, lang: UiLang) {
    const money = (n: number) => formatMoney(n, lang);
    const objectives = o.objectives;
    const target = (label: string, t?: { from: number; target: number; min?: number }) =>
      t
        ? html`<li>
            ${label} : ${formatNumber(t.from, lang)} → <strong>${formatNumber(t.target, lang)}</strong>
            ${t.min !== undefined ? msg(str`(au moins ${formatNumber(t.min, lang)})`, { id: 'au-moins' }) : nothing}
          </li>`
        : nothing;
    return html`<section class="op" part="option">
      <h4>${o.label}${o.estimate ? this.estimateBadge() : nothing}</h4>
      <p>
        ${o.payments.length > 1 ? msg(str`Total sur ${o.payments.length} ans :`, { id: 'total-sur-ans' }) : msg('Total :', { id: 'total' })}
        <strong>${o.totalMin !== undefined ? `${money(o.totalMin)} – ` : ''}${money(o.total)}</strong>
        ${msg('au maximum', { id: 'au-maximum' })}
      </p>
      ${paymentsChart(o.payments, scale)}
      ${
        o.payments.some((p) => p.advance !== undefined)
          ? html`<p class="lg" aria-hidden="true">
              ${msg('Foncé : versé quels que soient les objectifs ; clair : solde selon les objectifs.', { id: 'fonce-verse-quels-soient' })}
            </p>`
          : nothing
      }
      <table part="payments">
        <caption class="v">
          ${msg(str`Versements, ${o.label}`, { id: 'versements' })}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Année', { id: 'annee' })}</th>
            <th scope="col">${msg('Montant max.', { id: 'montant-max' })}</th>
            <th scope="col">${msg('Versement', { id: 'versement' })}</th>
          </tr>
        </thead>
        <tbody>
          ${o.payments.map(
            (p) =>
              html`<tr>
                <th scope="row">${p.year}${p.date ? html`<br /><small>${formatDate(p.date, lang)}</small>` : nothing}</th>
                <td>${money(p.amount)}${p.estimate && !o.estimate ? this.estimateBadge() : nothing}</td>
                <td>
                  ${
                    p.advance !== undefined
                      ? html`${msg('acompte', { id: 'acompte' })} ${money(p.advance)}<br /><small
                            >+ ${msg('solde jusqu’à', { id: 'solde-jusqu' })} ${money(p.balanceMax ?? 0)}</small
                          >`
                      : msg('en une fois', { id: 'en-une-fois' })
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        objectives
          ? html`<div part="objectives">
              <p><strong>${msg('Objectifs', { id: 'objectifs' })}</strong>${objectives.estimate ? this.estimateBadge() : nothing}</p>
              <ul>
                ${target(msg('Patientèle médecin traitant', { id: 'patientele-medecin-traitant' }), objectives.patienteleMT)}
                ${target(msg('File active', { id: 'file-active' }), objectives.fileActive)}
              </ul>
              <p>${objectives.text} ${this.renderSources(objectives.sources)}</p>
            </div>`
          : nothing
      }
      ${o.notes?.map((n) => html`<p class="nt">${n}</p>`)}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'aide-assistant-medical': AideAssistantMedical;
  }
  interface HTMLElementEventMap {
    'aide-change': AideChangeEvent;
  }
}
