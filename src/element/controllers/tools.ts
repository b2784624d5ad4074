/**
 * The assistant's tools, below the answer (issue 13): what the assistant costs after the aid, the follow-up of
 * a signed contract, and its calendar. One view open at a time, opened by the doctor from the answer (the focus
 * goes to its heading, and back to the button on close) or, for a follow-up a shared link held, on load (the
 * focus is not taken). Every input is prefilled from the answers and can be changed here without changing them;
 * what is typed and not valid stays in its field with a message. The engine computes every figure
 * (assistantCost, followUp, paymentCalendar); this controller keeps the inputs, the follow-up the doctor keeps,
 * and the files it offers (object URLs, revoked when replaced, on close and on disconnection). Nothing is
 * stored: the follow-up lives in the view, in the shared link when the doctor copies it, and in the file they
 * export.
 */
import { nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import costsTable from '../../../rules/tables/costs.json';
import { enableToolPacks, reviewDates } from '../../engine/assistant-tools.js';
import { paymentCalendar } from '../../engine/calendar.js';
import { assistantCost, type AssistantCost } from '../../engine/cost.js';
import { followUp } from '../../engine/follow-up.js';
import type { CostsTable } from '../../engine/rules/schema.js';
import { simulate } from '../../engine/simulate.js';
import type { Profile, Simulation } from '../../engine/types.js';
import {
  cleanFollowUp,
  followUpFile,
  INDICATORS,
  isEmpty,
  MAX_COUNT,
  MAX_FILE_BYTES,
  MAX_REVIEWS,
  OPTIONS,
  readFollowUpFile,
  type Counts,
  type FollowUpData,
  type Indicator,
} from '../follow-up-data.js';
import { isIsoDate } from '../../engine/dates.js';
import type { UiLang } from '../format.js';
import { parseNumber } from '../interaction.js';
import { ctxFor } from '../templates/context.js';
import type { Ctx } from '../templates/context.js';
import type { Folds } from '../templates/fold.js';
import {
  calendarView,
  costView,
  followView,
  toolFrame,
  type CalendarData,
  type FollowData,
  type ToolHandlers,
} from '../templates/tools.js';
import { fire } from '../events.js';

const costs = costsTable as unknown as CostsTable;

export interface ToolsHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly simulation?: Simulation;
  /** The rules pack in use, if any. */
  readonly packRules: unknown;
  readonly uiLang: UiLang;
  effectiveProfile(): Profile;
  /** Words a message in the instance's language (outside a render). */
  say<T>(fn: () => T): T;
}

export type ToolKind = 'cost' | 'follow' | 'ics';
const KINDS: readonly string[] = ['cost', 'follow', 'ics'];

/** How a typed field is read: its kind and bounds. */
function specOf(path: string): { kind: 'date' | 'number'; min: number; max: number; integer: boolean } {
  if (path.endsWith('date')) return { kind: 'date', min: 0, max: 0, integer: false };
  if (path === 'c.price') return { kind: 'number', min: 1, max: 1000, integer: false };
  if (path === 'c.gross') return { kind: 'number', min: 1, max: 100_000, integer: false };
  if (path === 'c.percentile') return { kind: 'number', min: 0, max: 100, integer: false };
  return { kind: 'number', min: 0, max: MAX_COUNT, integer: true };
}

let packsEnabled: Promise<void> | undefined;

export class ToolsController implements ReactiveController {
  /** The view open now ('' for none). */
  open: ToolKind | '' = '';
  /** The button that opened it: the focus goes back there on close. */
  private opener?: HTMLElement;
  /** The cost's and the calendar's inputs the doctor changed here (by path: 'c.option', 'c.level'…). */
  private values: Record<string, unknown> = {};
  /** The follow-up as the doctor keeps it, once they changed it (or a link or a file gave it); else the answers' prefill. */
  private follow?: FollowUpData;
  /** What was typed and not accepted (not valid yet), and why, by path. */
  drafts: Record<string, string> = {};
  errors: Record<string, string> = {};
  /** The outcome of the last import, said by the view's live region. */
  importNote?: { text: string; error?: boolean; undo?: FollowUpData };
  /** The files offered for download: one object URL per kind, revoked when replaced or no longer shown. */
  private urls = new Map<string, { text: string; url: string }>();
  private memo = new Map<string, { key: unknown[]; value: unknown }>();

  constructor(private readonly host: ToolsHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.revoke();
  }

  /** What the view templates call, bound once. */
  readonly handlers: ToolHandlers = {
    close: () => this.close(),
    type: (path, text) => void (this.drafts[path] = text),
    read: (path, text) => this.read(path, text),
    set: (path, value) => this.set(path, value),
    addReview: () => this.addReview(),
    removeReview: (i) => this.removeReview(i),
    importFile: (input) => void this.importFile(input),
    undoImport: () => this.undoImport(),
    calendar: () => fire(this.host, 'aide-calendar'),
  };

  /**
   * Opens a view (closes it when it is the one open): `from` is the button the doctor pressed (the focus goes
   * to the view's heading), or a follow-up a shared link held (restored, opened without taking the focus).
   */
  async show(kind: string, from?: unknown): Promise<void> {
    if (!KINDS.includes(kind)) return;
    await this.packs();
    if (from instanceof HTMLElement) {
      if (this.open === kind) return this.close(false);
      this.revoke();
      this.open = kind as ToolKind;
      this.opener = from;
      this.host.requestUpdate();
      return this.focusLater('#aam-tool-title');
    }
    const restored = cleanFollowUp(from);
    if (!restored) return console.warn('<aide-assistant-medical>: the follow-up in the shared link is not readable; ignored.');
    if (restored.dropped.length)
      console.warn(`<aide-assistant-medical>: the shared follow-up's ${restored.dropped.join(', ')} ignored (unknown or invalid).`);
    this.follow = restored.data;
    this.open ||= 'follow';
    this.host.requestUpdate();
  }

  /** Closes the view; the focus goes back to the button that opened it (unless the doctor pressed that button). */
  close(refocus = true): void {
    this.open = '';
    this.revoke();
    this.host.requestUpdate();
    const opener = this.opener;
    if (refocus)
      void this.host.updateComplete.then(() =>
        (opener?.isConnected ? opener : (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('#aam-answer-title'))?.focus(),
      );
  }

  /** The follow-up to put in the shared link: only when the doctor entered one (or a link or a file gave it). */
  shared(): FollowUpData | undefined {
    return this.follow && !isEmpty(this.follow) ? this.follow : undefined;
  }

  /** The open view, or nothing. */
  view(ctx: Ctx, folds: Folds): TemplateResult | typeof nothing {
    const sim = this.host.simulation;
    const scheme = sim?.schemes.find((s) => s.id === 'assistant-medical');
    if (!this.open || !sim || (scheme?.status !== 'eligible' && scheme?.status !== 'held')) return nothing;
    const on = this.handlers;
    const field = { drafts: this.drafts, errors: this.errors };
    const inputs = this.costInputs(sim);
    if (this.open === 'cost')
      return toolFrame('cost', ctx, on, costView(this.cost(sim), this.aid(sim)?.band, inputs, field, ctx, on, folds));
    if (this.open === 'follow') {
      const data = this.followData();
      const file = { url: this.exportLink(data), name: `suivi-assistant-medical-${sim.asOf}.json` };
      return toolFrame('follow', ctx, on, followView(this.followUp(sim, data), data, file, this.importNote, field, ctx, on, folds));
    }
    return toolFrame('ics', ctx, on, calendarView(this.calendar(sim), inputs, field, ctx, on));
  }

  // —— inputs ——————————————————————————————————————————————————————————————————————————————

  /** The cost's and calendar's inputs: what the doctor changed here, else the answers. */
  costInputs(sim: Simulation) {
    const p = this.host.effectiveProfile();
    const v = (path: string, fallback: unknown) => (path in this.values ? this.values[path] : fallback);
    return {
      option: v('c.option', OPTIONS.includes(p.option as string) ? p.option : undefined) as string | undefined,
      level: v('c.level', costs.levels.default) as number,
      grossMonthly: v('c.gross', undefined) as number | undefined,
      consultationPrice: v('c.price', undefined) as number | undefined,
      percentile: v('c.percentile', p.percentile) as number | undefined,
      contractDate: v('c.date', this.prefill().contractDate ?? sim.asOf) as string,
    };
  }

  /** The follow-up from the answers: signature date (or the held contract's), working time, patient counts. */
  private prefill(): FollowUpData {
    const p = this.host.effectiveProfile();
    const held = Array.isArray(p.heldContracts) ? p.heldContracts.find((c) => c?.id === 'assistant-medical') : undefined;
    const initial: Counts = {};
    for (const k of INDICATORS) if (typeof p[k] === 'number') initial[k] = p[k];
    return {
      contractDate: isIsoDate(p.contractDate) ? p.contractDate : isIsoDate(held?.signed) ? held.signed : undefined,
      option: OPTIONS.includes(p.option as string) ? p.option : undefined,
      initial,
      objective: {},
      reviews: [],
    };
  }

  followData(): FollowUpData {
    return this.follow ?? this.prefill();
  }

  /** Reads a typed field; keeps the text and explains when it is not valid. */
  private read(path: string, text: string): void {
    const spec = specOf(path);
    const lang = this.host.uiLang;
    const t = text.trim();
    let value: unknown;
    let error = '';
    if (spec.kind === 'date') {
      value = t || undefined;
      if (t && !isIsoDate(t)) error = this.host.say(() => msg('Entrez une date complète.', { id: 'entrez-date-complete' }));
    } else {
      const n = parseNumber(t, lang);
      value = n;
      if (n === undefined) value = undefined;
      else if (isNaN(n)) error = this.host.say(() => msg('Entrez un nombre, par exemple 1 550.', { id: 'entrez-nombre-par-exemple' }));
      else if (spec.integer && !Number.isInteger(n))
        error = this.host.say(() => msg('Entrez un nombre entier.', { id: 'entrez-nombre-entier' }));
      else if (n < spec.min || n > spec.max) {
        const [lo, hi] = [spec.min, spec.max];
        error = this.host.say(() =>
          msg(str`Entrez un nombre entre ${formatNumber(lo, lang)} et ${formatNumber(hi, lang)}.`, { id: 'entrez-nombre-entre' }),
        );
      }
    }
    if (error) {
      this.drafts[path] = text;
      this.errors[path] = error;
      this.host.requestUpdate();
      return;
    }
    this.set(path, value);
  }

  /** Sets an input (undefined clears it: back to the answers' value for the cost, empty for the follow-up). */
  private set(path: string, value: unknown): void {
    delete this.drafts[path];
    delete this.errors[path];
    if (path.startsWith('c.')) {
      this.values[path] = value;
    } else {
      const f = (this.follow ??= this.prefill());
      const [, a, b, c] = path.split('.');
      if (a === 'date') f.contractDate = value as string | undefined;
      else if (a === 'option') f.option = value as string;
      else if (a === 'initial' || a === 'objective') setCount(f[a], b as Indicator, value);
      else if (a === 'reviews' && f.reviews[Number(b)]) {
        const r = f.reviews[Number(b)];
        if (c === 'date') r.date = (value as string | undefined) ?? r.date;
        else setCount(r, c as Indicator, value);
      }
      this.importNote = undefined;
    }
    this.host.requestUpdate();
  }

  /** A new review, dated on the latest semester review date past (the doctor can change it); the focus goes to it. */
  private addReview(): void {
    const f = (this.follow ??= this.prefill());
    if (f.reviews.length >= MAX_REVIEWS) return;
    const asOf = this.host.simulation?.asOf ?? '';
    const taken = new Set(f.reviews.map((r) => r.date));
    const dates = f.contractDate ? reviewDates(costs, f.contractDate).filter((d) => d <= asOf && !taken.has(d)) : [];
    f.reviews.push({ date: dates[dates.length - 1] ?? asOf });
    this.importNote = undefined;
    this.host.requestUpdate();
    this.focusLater(`#t-f-reviews-${f.reviews.length - 1}-patienteleMT`);
  }

  private removeReview(i: number): void {
    const f = (this.follow ??= this.prefill());
    f.reviews.splice(i, 1);
    // The drafts and errors of the rows below move up with them.
    for (const store of [this.drafts, this.errors])
      for (const key of Object.keys(store)
        .filter((k) => k.startsWith('f.reviews.'))
        .sort()) {
        const [, , n, rest] = key.split('.');
        const value = store[key];
        delete store[key];
        if (Number(n) !== i) store[`f.reviews.${Number(n) > i ? Number(n) - 1 : n}.${rest}`] = value;
      }
    this.importNote = undefined;
    this.host.requestUpdate();
    this.focusLater('#aam-add-review');
  }

  /** Reads a file the doctor chose: at most 16 KB of JSON in the follow-up's format; refused with a message otherwise. */
  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let result: ReturnType<typeof readFollowUpFile>;
    try {
      result = file.size > MAX_FILE_BYTES ? { problem: 'size' } : readFollowUpFile(await file.text());
    } catch {
      result = { problem: 'json' };
    }
    if ('problem' in result) {
      const problem = result.problem;
      this.importNote = {
        error: true,
        text: this.host.say(() =>
          problem === 'size'
            ? msg('Fichier refusé : trop volumineux pour un suivi (16 Ko au plus).', { id: 'suivi-import-taille' })
            : problem === 'empty'
              ? msg('Fichier refusé : il ne contient aucun chiffre de suivi utilisable.', { id: 'suivi-import-vide' })
              : msg('Fichier refusé : ce n’est pas un suivi exporté par ce simulateur.', { id: 'suivi-import-format' }),
        ),
      };
    } else {
      const previous = this.followData();
      this.follow = result.data;
      for (const store of [this.drafts, this.errors]) for (const k of Object.keys(store)) if (k.startsWith('f.')) delete store[k];
      const n = result.data.reviews.length;
      this.importNote = {
        text: this.host.say(() => msg(str`Suivi importé (points d’étape : ${n}).`, { id: 'suivi-importe' })),
        undo: isEmpty(previous) ? undefined : previous,
      };
      if (result.dropped.length) console.warn(`<aide-assistant-medical>: the imported follow-up's ${result.dropped.join(', ')} ignored.`);
    }
    this.host.requestUpdate();
  }

  /** Nothing typed is lost: the follow-up an import replaced comes back. */
  private undoImport(): void {
    const undo = this.importNote?.undo;
    if (!undo) return;
    this.follow = undo;
    this.importNote = { text: this.host.say(() => msg('Suivi précédent rétabli.', { id: 'suivi-retabli' })) };
    this.host.requestUpdate();
    this.focusLater('#t-f-date');
  }

  // —— figures (the engine's) ——————————————————————————————————————————————————————————————

  /** The rules pack, for the tools too: its code is already loaded when a pack is in use. */
  private async packs(): Promise<void> {
    if (this.host.packRules === undefined) return;
    packsEnabled ??= import('../../engine/rules/pack.js').then((m) => enableToolPacks(m.compilePack));
    await packsEnabled;
  }

  private options(sim: Simulation) {
    const rules = this.host.packRules;
    if (rules !== undefined && !packsEnabled) void this.packs().then(() => this.host.requestUpdate());
    return { asOf: sim.asOf, lang: this.host.uiLang, ...(rules !== undefined && { rules }) };
  }

  /** The same inputs give the same result (renders are frequent): computed again only when one changes. */
  private cached<T>(name: string, key: unknown[], compute: () => T): T {
    const hit = this.memo.get(name);
    if (hit && hit.key.length === key.length && hit.key.every((k, i) => k === key[i])) return hit.value as T;
    const value = compute();
    this.memo.set(name, { key, value });
    return value;
  }

  private cost(sim: Simulation): AssistantCost | undefined {
    const i = this.costInputs(sim);
    if (!i.option) return undefined;
    const profile = { ...this.host.effectiveProfile(), percentile: i.percentile };
    const options = this.options(sim);
    return this.cached('cost', [JSON.stringify([i, profile, options.asOf, options.lang]), options.rules], () =>
      assistantCost(
        {
          option: i.option!,
          level: i.level,
          grossMonthly: i.grossMonthly,
          consultationPrice: i.consultationPrice,
          contractDate: i.contractDate,
          profile,
        },
        options,
      ),
    );
  }

  private followUp(sim: Simulation, data: FollowUpData): FollowData {
    if (!data.contractDate || !data.option) return { reviewErrors: new Set() };
    // Only the reviews with a figure count; their place in the doctor's list is kept for the messages.
    const counted = data.reviews.map((r, i) => [r, i] as const).filter(([r]) => INDICATORS.some((k) => r[k] !== undefined));
    const options = this.options(sim);
    const profile = this.host.effectiveProfile();
    return this.cached('follow', [JSON.stringify([data, profile, options.asOf, options.lang]), options.rules], () => {
      const result = followUp(
        {
          contractDate: data.contractDate!,
          option: data.option!,
          initial: data.initial,
          objective: Object.keys(data.objective).length ? data.objective : undefined,
          reviews: counted.map(([r]) => r),
          profile,
        },
        options,
      );
      const reviewErrors = new Set<number>();
      for (const e of result.errors) {
        const m = /^reviews\[(\d+)\]/.exec(e.field);
        if (m) reviewErrors.add(counted[Number(m[1])]?.[1] ?? -1);
      }
      return { result, reviewErrors };
    });
  }

  /**
   * The assistant aid alone for the view's inputs (working time, signature date, percentile): the band it pays
   * and the simulation the calendar is written from.
   */
  private aid(sim: Simulation): { sim: Simulation; band?: string; option: string; contractDate: string } | undefined {
    const i = this.costInputs(sim);
    if (!i.option) return undefined;
    const profile = { ...this.host.effectiveProfile(), option: i.option, contractDate: i.contractDate, percentile: i.percentile };
    const { rules, lang } = this.options(sim);
    return this.cached('aid', [JSON.stringify([profile, sim.asOf, sim.region, lang]), rules], () => {
      const one = simulate(profile, {
        asOf: sim.asOf,
        region: sim.region,
        lang,
        schemes: ['assistant-medical'],
        ...(rules !== undefined && { rules }),
      });
      const band = one.schemes[0]?.options.find((o) => o.id === i.option)?.band?.label;
      return { sim: one, band, option: i.option!, contractDate: i.contractDate };
    });
  }

  /** The calendar of the chosen working time and signature date. */
  private calendar(sim: Simulation): CalendarData | undefined {
    const aid = this.aid(sim);
    if (!aid) return undefined;
    return this.cached('ics', [aid], () => {
      const text = paymentCalendar(aid.sim, { scheme: 'assistant-medical', option: aid.option });
      const payments = aid.sim.schemes[0]?.options.find((o) => o.id === aid.option)?.payments.filter((p) => p.date) ?? [];
      return {
        text,
        url: text ? this.url('ics', text, 'text/calendar') : '',
        contractDate: aid.contractDate,
        payments: payments.length,
        reviews: reviewDates(costs, aid.contractDate).length,
      };
    });
  }

  /** The follow-up as a file to download. */
  private exportLink(data: FollowUpData): string {
    return isEmpty(data) ? '' : this.url('json', followUpFile(data), 'application/json');
  }

  /** One object URL per kind of file, for its current text; the previous one is revoked. */
  private url(kind: string, text: string, type: string): string {
    const had = this.urls.get(kind);
    if (had?.text === text) return had.url;
    if (had) URL.revokeObjectURL(had.url);
    const url = URL.createObjectURL(new Blob([text], { type }));
    this.urls.set(kind, { text, url });
    return url;
  }

  private revoke(): void {
    for (const { url } of this.urls.values()) URL.revokeObjectURL(url);
    this.urls.clear();
    this.memo.delete('ics');
  }

  /** Focus after an action of the doctor's, once the next render is on screen. */
  private focusLater(selector: string): void {
    void this.host.updateComplete.then(() => (this.host.renderRoot as ParentNode).querySelector<HTMLElement>(selector)?.focus());
  }
}

/** As the questions write it (the same message, the same id). */
const formatNumber = (n: number, lang: UiLang) => ctxFor(lang).number(n);

function setCount(target: Counts, key: Indicator, value: unknown): void {
  if (typeof value === 'number') target[key] = value;
  else delete target[key];
}
