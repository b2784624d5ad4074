/**
 * The question flow: which few questions are on screen (the engine's `missing`, grouped), what the doctor
 * typed (kept, even when it is not valid yet), the answer being edited, the searchable lists' state, and
 * where the focus goes after an action the doctor took (never on load).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { profileFields } from '../../engine/widget.js';
import type { Profile } from '../../engine/types.js';
import { groupOf } from '../field-groups.js';
import type { QuestionHandlers } from '../templates/questions.js';
import { formatNumber, isIsoDate, parseNumber, parseShare, type UiLang } from '../format.js';
import { fire } from '../events.js';

export interface QuestionsHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The answers as the engine reads them (attributes' presets included). */
  effectiveProfile(): Profile;
  setAnswer(field: string, value: unknown): void;
  /** Words a message in the instance's language. */
  say<T>(fn: () => T): T;
  readonly uiLang: UiLang;
}

/** A searchable list's state: what is typed, which option the arrows highlight, whether the list shows. */
export interface PickerState {
  text: string;
  active: number;
  open: boolean;
}

/** Fields asked together at most (one screen of questions). */
const MAX_GROUP = 3;

export class QuestionsController implements ReactiveController {
  /** Fields asked now; fixed while the doctor answers them, so the focus never jumps. */
  group: string[] = [];
  /** Fields passed over: not asked again unless the doctor asks to. */
  skipped = new Set<string>();
  /** What was typed and not yet accepted (invalid, or not submitted), by field. */
  drafts: Record<string, string> = {};
  errors: Record<string, string> = {};
  /** An answer being changed in place ("Modifier"). */
  editing = '';
  pickers: Record<string, PickerState> = {};
  /** The doctor has answered at least once: the first group can no longer be passed over by accident. */
  private started = false;

  constructor(private readonly host: QuestionsHost) {
    host.addController(this);
  }

  /** What the question templates call, bound once. */
  readonly handlers: QuestionHandlers = {
    choose: (f, v) => this.choose(f, v),
    type: (f, t) => this.type(f, t),
    read: (f, t) => this.read(f, t),
    pick: (f, state) => {
      Object.assign(this.picker(f), state);
      this.host.requestUpdate();
    },
    submit: () => this.submit(),
    skip: () => this.skip(),
    edit: (f) => this.edit(f),
    closeEdit: () => this.closeEdit(),
  };

  hostConnected(): void {}

  /** Fields the widget can ask (known, not a list, not answered, not passed over). */
  askable(field: string): boolean {
    const spec = profileFields[field];
    return !!spec && spec.type !== 'contracts' && this.host.effectiveProfile()[field] === undefined && !this.skipped.has(field);
  }

  /** After a new result: if nothing is being asked, the next few questions, in the engine's order. */
  refresh(missing: readonly string[]): void {
    if (this.group.length) return;
    const open = missing.filter((f) => this.askable(f));
    if (!open.length) return;
    const first = groupOf(open[0]);
    this.group = open.filter((f) => groupOf(f) === first).slice(0, MAX_GROUP);
  }

  reset(): void {
    this.group = [];
    this.skipped.clear();
    this.drafts = {};
    this.errors = {};
    this.editing = '';
    this.pickers = {};
    this.started = false;
  }

  /** A choice (radio, list): taken at once; the result updates, the questions stay until "Continuer". */
  choose(field: string, value: unknown): void {
    delete this.drafts[field];
    delete this.errors[field];
    this.skipped.delete(field);
    this.started = true;
    this.answer(field, value);
  }

  /**
   * Sets an answer the doctor gave; `aide-question` says which question was answered (its field id, never the
   * value) when it got a new value. Clearing an answer is not answering it.
   */
  private answer(field: string, value: unknown): void {
    const before = this.host.effectiveProfile()[field];
    this.host.setAnswer(field, value);
    if (value !== undefined && value !== before) fire(this.host, 'aide-question', { field });
  }

  /** Text typed in a field: kept as is; read when it is complete (on change or on "Continuer"). */
  type(field: string, text: string): void {
    this.drafts = { ...this.drafts, [field]: text };
  }

  /** Reads a typed answer; keeps the text and explains when it is not valid. Returns false on an error. */
  read(field: string, text: string): boolean {
    const spec = profileFields[field];
    const { drafts, errors } = this;
    delete errors[field];
    let value: unknown = text.trim() || undefined;
    let error = '';
    if (spec.type === 'date') {
      if (value !== undefined && !isIsoDate(value))
        error = this.host.say(() => msg('Entrez une date complète.', { id: 'entrez-date-complete' }));
    } else if (spec.type !== 'string' && spec.type !== 'enum' && spec.type !== 'boolean') {
      const share = spec.type === 'share';
      const lang = this.host.uiLang;
      // What the widget displays in this language, it reads back (1 550 / 1,550).
      const n = share ? parseShare(text, lang) : parseNumber(text, lang);
      value = n;
      const [min, max] = [spec.min ?? -Infinity, spec.max ?? Infinity];
      if (n === undefined) error = '';
      else if (isNaN(n)) error = this.host.say(() => msg('Entrez un nombre, par exemple 1 550.', { id: 'entrez-nombre-par-exemple' }));
      else if (spec.type === 'integer' && !Number.isInteger(n))
        error = this.host.say(() => msg('Entrez un nombre entier.', { id: 'entrez-nombre-entier' }));
      else if (n < min || n > max) {
        const [lo, hi] = share ? [min * 100, max * 100] : [min, max];
        error = this.host.say(() =>
          msg(str`Entrez un nombre entre ${formatNumber(lo, lang)} et ${formatNumber(hi, lang)}.`, { id: 'entrez-nombre-entre' }),
        );
      }
    }
    if (error) {
      this.drafts = { ...drafts, [field]: text };
      this.errors = { ...errors, [field]: error };
      console.warn(`<aide-assistant-medical>: "${text.slice(0, 40)}" is not a valid ${field}.`);
      this.host.requestUpdate();
      return false;
    }
    const rest = { ...drafts };
    delete rest[field];
    this.drafts = rest;
    this.errors = { ...errors };
    if (value !== undefined) this.started = true;
    this.skipped.delete(field);
    this.answer(field, value);
    return true;
  }

  /**
   * "Continuer": reads what was typed, then moves on. The very first questions cannot be passed over
   * by accident: without any answer, the doctor is told so and stays there.
   */
  submit(): void {
    let ok = true;
    for (const f of this.group) if (this.drafts[f] !== undefined) ok = this.read(f, this.drafts[f]) && ok;
    const profile = this.host.effectiveProfile();
    const unanswered = this.group.filter((f) => profile[f] === undefined);
    if (ok && !this.started && unanswered.length === this.group.length) {
      const f = this.group[0];
      this.errors = {
        ...this.errors,
        [f]: this.host.say(() => msg('Répondez à cette question pour continuer.', { id: 'repondez-pour-continuer' })),
      };
      ok = false;
    }
    if (!ok) {
      this.host.requestUpdate();
      return void this.focusLater('[aria-invalid="true"], .aam-q fieldset[aria-invalid="true"] input');
    }
    this.leave(unanswered);
  }

  /** "Passer": the doctor chooses not to answer these now. */
  skip(): void {
    this.leave(this.group.filter((f) => this.host.effectiveProfile()[f] === undefined));
  }

  private leave(unanswered: string[]): void {
    for (const f of unanswered) this.skipped.add(f);
    this.group = [];
    this.host.requestUpdate();
    // The doctor acted: the next question gets the focus, or the answer when none is left.
    this.focusLater('.aam-q input, .aam-q select, #aam-answer-title');
  }

  /** "Préciser" / "Modifier": brings one question back, answered or not, and focuses it. */
  ask(field: string): void {
    this.skipped.delete(field);
    this.editing = '';
    this.group = [field];
    this.host.requestUpdate();
    this.focusLater(`#f-${cssId(field)}, [name="f-${cssId(field)}"]`);
  }

  edit(field: string): void {
    this.editing = field;
    this.host.requestUpdate();
    this.focusLater(`.aam-edit input, .aam-edit select`);
  }

  closeEdit(): void {
    const field = this.editing;
    if (this.drafts[field] !== undefined && !this.read(field, this.drafts[field])) {
      this.host.requestUpdate();
      return void this.focusLater('[aria-invalid="true"]');
    }
    this.editing = '';
    this.host.requestUpdate();
    this.focusLater(`#m-${cssId(field)}`);
  }

  picker(field: string): PickerState {
    return (this.pickers[field] ??= { text: '', active: -1, open: false });
  }

  /** Focus after an action of the doctor's, once the next render is on screen. */
  focusLater(selector: string): void {
    void this.host.updateComplete.then(() => {
      const target = (this.host.renderRoot as ParentNode).querySelector<HTMLElement>(selector);
      target?.focus();
    });
  }
}

/** Field names are plain identifiers; ids built from them stay valid selectors. */
export const cssId = (field: string) => field.replace(/[^\w-]/g, '_');
