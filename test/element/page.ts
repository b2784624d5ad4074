/**
 * A page object for <aide-assistant-medical>: tests speak of questions, answers, parts and buttons by
 * their role, label and text, never by position or private field, so the markup can change freely.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { AideAssistantMedical } from '../../src/index.js';
import '../../src/index.js';

declare const axe: { run(context: Element): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };

/** The events the widget fires. */
/** Console errors and warnings while `run` runs (the console is put back after). */
export async function capturing(run: (logged: { errors: string[]; warnings: string[] }) => Promise<void>) {
  const { error, warn } = console;
  const logged = { errors: [] as string[], warnings: [] as string[] };
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  console.error = (...args: unknown[]) => void logged.errors.push(text(args));
  console.warn = (...args: unknown[]) => void logged.warnings.push(text(args));
  try {
    await run(logged);
  } finally {
    Object.assign(console, { error, warn });
  }
}

export const WIDGET_EVENTS = ['aide-change', 'aide-result', 'aide-question', 'aide-share', 'aide-print', 'aide-calendar'] as const;

/** An event of the widget as the page heard it. */
export interface HeardEvent {
  type: string;
  detail: unknown;
  bubbles: boolean;
  composed: boolean;
  /** Who the page sees as the target (the shadow root's inside is retargeted to the element). */
  target: EventTarget | null;
}

const normalize = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const matches = (text: string, wanted: string | RegExp) => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text));

export class WidgetPage {
  constructor(readonly el: AideAssistantMedical) {}

  static async mount(template: TemplateResult = html`<aide-assistant-medical as-of="2026-12-01"></aide-assistant-medical>`) {
    const el = await fixture<AideAssistantMedical>(template);
    const page = new WidgetPage(el);
    await page.settle();
    return page;
  }

  /** A widget made as a page's HTML makes it: its attributes set before it is connected. */
  static async create(attributes: Record<string, string>) {
    const el = document.createElement('aide-assistant-medical');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    return WidgetPage.mount(html`${el}`);
  }

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  /** Waits for the render, the lazily loaded detail and any follow-up render. */
  async settle(): Promise<void> {
    // Lazily loaded pieces (the detail, English) arrive within a few tasks.
    for (let i = 0; i < 6; i++) {
      await this.el.updateComplete;
      await new Promise((r) => setTimeout(r, i < 2 ? 0 : 5));
    }
  }

  part(name: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  parts(name: string): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
  }

  text(of: Element | null = this.part('base')): string {
    return normalize(of?.textContent);
  }

  /** The answer card's text ('' while there is none). */
  answer(): string {
    return this.text(this.part('answer'));
  }

  /** Labels of the questions on screen now. */
  asked(): string[] {
    const form = this.part('questions');
    if (!form) return [];
    return [...form.querySelectorAll('.aam-field')].map((f) => normalize(f.querySelector(':scope > legend, :scope > label')?.textContent));
  }

  private field(label: string | RegExp): HTMLElement {
    const fields = [...this.root.querySelectorAll<HTMLElement>('.aam-field')];
    const found = fields.find((f) => matches(normalize(f.querySelector(':scope > legend, :scope > label')?.textContent), label));
    if (!found) throw new Error(`no question ${String(label)} among ${this.asked().join(' | ')}`);
    return found;
  }

  /** The text box, date or combobox of a question. */
  input(label: string | RegExp): HTMLInputElement {
    return this.field(label).querySelector<HTMLInputElement>('input:not([type=radio])')!;
  }

  /** Clicks the radio labelled `option` of the question `label`. */
  async choose(label: string | RegExp, option: string | RegExp): Promise<void> {
    const choice = [...this.field(label).querySelectorAll('label')].find((l) => matches(normalize(l.textContent), option));
    if (!choice) throw new Error(`no choice ${String(option)} for ${String(label)}`);
    choice.querySelector('input')!.click();
    await this.settle();
  }

  /** Types into a text question, as a person would (input, then change). */
  async fill(label: string | RegExp, text: string): Promise<void> {
    const input = this.input(label);
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** Types into a searchable list (without choosing). */
  async search(label: string | RegExp, text: string): Promise<void> {
    const input = this.input(label);
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await this.settle();
  }

  /** Options a searchable list shows now. */
  listed(label: string | RegExp): string[] {
    return [...this.field(label).querySelectorAll('[role=option]')].map((o) => normalize(o.textContent));
  }

  error(label: string | RegExp): string {
    return normalize(this.field(label).querySelector('.aam-error')?.textContent);
  }

  button(name: string | RegExp): HTMLButtonElement {
    const b = [...this.root.querySelectorAll('button')].find((x) => matches(normalize(x.textContent), name));
    if (!b) throw new Error(`no button ${String(name)}`);
    return b;
  }

  async click(name: string | RegExp): Promise<void> {
    this.button(name).click();
    await this.settle();
  }

  async continue(): Promise<void> {
    await this.click(/^Continuer$|^Continue$/);
  }

  /** The disclosure whose summary reads `summary`. */
  disclosure(summary: string | RegExp): HTMLDetailsElement {
    const d = [...this.root.querySelectorAll<HTMLDetailsElement>('details')].find((x) =>
      matches(normalize(x.querySelector(':scope > summary')?.textContent), summary),
    );
    if (!d) throw new Error(`no disclosure ${String(summary)}`);
    return d;
  }

  summaries(): string[] {
    return [...this.root.querySelectorAll('details > summary')].map((s) => normalize(s.textContent));
  }

  async open(summary: string | RegExp): Promise<HTMLDetailsElement> {
    const d = this.disclosure(summary);
    if (!d.open) {
      d.querySelector<HTMLElement>(':scope > summary')!.click();
      await new Promise((r) => d.addEventListener('toggle', r, { once: true }));
    }
    await this.settle();
    return this.disclosure(summary);
  }

  /** Focusable controls a keyboard user tabs through. */
  tabStops(): number {
    const selector =
      'a[href],button:not([disabled]),input:not([type=hidden]):not([disabled]),select,textarea,summary,[tabindex]:not([tabindex="-1"])';
    return [...this.root.querySelectorAll<HTMLElement>(selector)].filter(
      (e) => e.getClientRects().length && !e.closest('details:not([open]) > :not(summary)'),
    ).length;
  }

  /** Words a reader sees (disclosures' contents are rendered only when open). */
  words(): number {
    const hidden = (e: Element | null) => !e || !(e as HTMLElement).getClientRects().length || !!e.closest('.aam-v');
    const walk = (n: Node): string[] =>
      n.nodeType === Node.TEXT_NODE
        ? hidden(n.parentElement)
          ? []
          : [n.textContent ?? '']
        : n.nodeName === 'STYLE'
          ? []
          : [...n.childNodes].flatMap(walk);
    return walk(this.root)
      .join(' ')
      .split(/[\s\u00a0\u202f]+/)
      .filter((w) => /[\p{L}\d]/u.test(w)).length;
  }

  /** Waits (settling between checks) until `done` holds; fails with `what` after a few seconds. */
  async waitFor(done: () => unknown, what: string): Promise<void> {
    await waitUntil(done, `${what}: never happened`, { timeout: 5000 });
    await this.settle();
  }

  /** Every notice in the widget, visitor's and webmaster's. */
  notices(): string[] {
    return [...(this.part('notices')?.querySelectorAll('li') ?? [])].map((li) => normalize(li.textContent));
  }

  /** The notices meant for the webmaster only (shown with `debug`). */
  webmasterNotices(): string[] {
    return [...(this.part('notices')?.querySelectorAll('li.aam-debug') ?? [])].map((li) => normalize(li.textContent));
  }

  /** The polite live region (`role="status"`) whose text includes `text`, if any. */
  announcer(text: string | RegExp): HTMLElement | undefined {
    return [...this.root.querySelectorAll<HTMLElement>('[role=status]')].find((r) => matches(normalize(r.textContent), text));
  }

  /** The polite live regions on screen. */
  liveRegions(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('[role=status], [aria-live=polite]')];
  }

  /** Addresses of the links in `of` (a part or a disclosure). */
  links(of: Element | null): string[] {
    return [...(of?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href') ?? '');
  }

  /** Focuses the text box or combobox of a question and presses keys, as a keyboard user does. */
  async press(label: string | RegExp, ...keys: string[]): Promise<void> {
    this.input(label).focus();
    for (const key of keys) {
      await sendKeys({ press: key });
      await this.settle();
    }
  }

  /** The option a searchable list highlights now ('' when none). */
  highlighted(label: string | RegExp): string {
    const input = this.input(label);
    const id = input.getAttribute('aria-activedescendant');
    return id ? normalize(this.root.getElementById(id)?.textContent) : '';
  }

  focused(): HTMLElement | null {
    return this.root.activeElement as HTMLElement | null;
  }

  /** Presses Tab until the focused control inside the widget matches `match` (its text, or a test on it). */
  async tabTo(match: string | RegExp | ((e: HTMLElement) => boolean), max = 60): Promise<HTMLElement> {
    const test = typeof match === 'function' ? match : (e: HTMLElement) => matches(normalize(e.textContent), match);
    for (let i = 0; i < max; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = this.focused();
      if (focused && test(focused)) return focused;
    }
    throw new Error(`focus never reached ${String(match)}`);
  }

  /** Presses keys where the focus is, and waits for what they bring. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await sendKeys({ press: key });
      await this.settle();
    }
  }

  // —— the assistant's tools (net cost, follow-up, calendar) ——————————————————————————————

  /** The tools the answer offers: the labels of its buttons. */
  tools(): string[] {
    return [...(this.part('answer')?.querySelectorAll('button[aria-expanded]') ?? [])].map((b) => normalize(b.textContent));
  }

  /** The button that opens the tool named `name`. */
  toolButton(name: string | RegExp): HTMLButtonElement {
    const b = [...(this.part('answer')?.querySelectorAll<HTMLButtonElement>('button[aria-expanded]') ?? [])].find((x) =>
      matches(normalize(x.textContent), name),
    );
    if (!b) throw new Error(`no tool ${String(name)} among ${this.tools().join(' | ')}`);
    return b;
  }

  /** Opens a tool as a keyboard user does: Tab to its button, Enter. */
  async openTool(name: string | RegExp): Promise<HTMLElement> {
    const button = this.toolButton(name);
    await this.tabTo((e) => e === button);
    await this.keys('Enter');
    await this.waitFor(() => this.tool(), `the ${String(name)} view`);
    return this.tool()!;
  }

  /** The tool's view open now, if any. */
  tool(): HTMLElement | null {
    return this.part('tool');
  }

  /** Its heading. */
  toolTitle(): string {
    return this.text(this.tool()?.querySelector('h3') ?? null);
  }

  /** The answer sentence of the open view (its first paragraph). */
  toolLead(): string {
    return this.text(this.tool()?.querySelector('.aam-lead, .aam-tool-head + p') ?? null);
  }

  private toolField(label: string | RegExp, nth = 0): HTMLElement {
    const fields = [...(this.tool()?.querySelectorAll<HTMLElement>('.aam-field') ?? [])].filter((f) =>
      matches(normalize(f.querySelector(':scope > legend, :scope > label')?.textContent), label),
    );
    if (!fields[nth]) throw new Error(`no field ${String(label)} (#${nth}) in the open view`);
    return fields[nth];
  }

  /** A text box or list of the open view (the `nth` one with that label: the follow-up repeats labels). */
  toolInput(label: string | RegExp, nth = 0): HTMLInputElement & HTMLSelectElement {
    return this.toolField(label, nth).querySelector('input:not([type=radio]), select')!;
  }

  /**
   * Types into a field of the open view with the keyboard: focus, select what is there, type, Tab. A date is
   * set as the browser's date picker hands it over (its keyboard entry follows the browser's locale).
   */
  async toolType(label: string | RegExp, text: string, nth = 0): Promise<void> {
    const input = this.toolInput(label, nth);
    if (input.type === 'date') {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return this.settle();
    }
    input.focus();
    input.select();
    if (text) await sendKeys({ type: text });
    else await sendKeys({ press: 'Backspace' });
    await this.keys('Tab');
  }

  /** Chooses a radio of the open view with the keyboard (focus the group's radio, Space). */
  async toolChoose(label: string | RegExp, option: string | RegExp): Promise<void> {
    const choice = [...this.toolField(label).querySelectorAll('label')].find((l) => matches(normalize(l.textContent), option));
    if (!choice) throw new Error(`no choice ${String(option)} for ${String(label)}`);
    choice.querySelector('input')!.focus();
    await this.keys(' ');
  }

  /** The error said under a field of the open view. */
  toolError(label: string | RegExp, nth = 0): string {
    return normalize(this.toolField(label, nth).querySelector('.aam-error')?.textContent);
  }

  /** A link of the open view by its text (downloads). */
  toolLink(text: string | RegExp): HTMLAnchorElement {
    const a = [...(this.tool()?.querySelectorAll('a') ?? [])].find((x) => matches(normalize(x.textContent), text));
    if (!a) throw new Error(`no link ${String(text)} in the open view`);
    return a;
  }

  /** The cost table's rows: each row's cells' text. */
  costRows(): string[][] {
    return [...(this.tool()?.querySelectorAll('table tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => normalize(c.textContent)),
    );
  }

  /** The follow-up's progress bars: label, value (0–100) and the text beside them. */
  progress(): { label: string; value: number; text: string }[] {
    return [...(this.tool()?.querySelectorAll('progress') ?? [])].map((p) => ({
      label: normalize(this.root.getElementById(p.getAttribute('aria-labelledby') ?? '')?.textContent),
      value: p.value,
      text: normalize(p.nextElementSibling?.textContent),
    }));
  }

  /** Chooses a file for the open view's import (what the browser's file picker would hand over). */
  async importFile(content: string | Uint8Array, name = 'suivi.json', type = 'application/json'): Promise<void> {
    const input = this.tool()!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File([content], name, { type }));
    input.files = files.files;
    const before = this.toolStatus();
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await this.waitFor(() => this.toolStatus() && this.toolStatus() !== before, 'the import outcome');
  }

  /** What the open view's live region says (an import's outcome). */
  toolStatus(): string {
    return this.text(this.tool()?.querySelector('[role=status]') ?? null);
  }

  /**
   * Records the widget's events as the host page's script hears them: on the document, so only events that
   * bubble out of the shadow root (composed) are heard. `stop()` removes the listeners.
   */
  listen(types: readonly string[] = WIDGET_EVENTS): HeardEvent[] & { stop(): void; of(type: string): HeardEvent[] } {
    const heard: HeardEvent[] = [];
    const record = (e: Event) =>
      heard.push({ type: e.type, detail: (e as CustomEvent).detail, bubbles: e.bubbles, composed: e.composed, target: e.target });
    for (const t of types) document.addEventListener(t, record);
    return Object.assign(heard, {
      stop: () => types.forEach((t) => document.removeEventListener(t, record)),
      of: (type: string) => heard.filter((e) => e.type === type),
    });
  }

  async axe(): Promise<string[]> {
    const { violations } = await axe.run(this.el);
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  }
}
