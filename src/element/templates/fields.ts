/**
 * One question's control: radios for a choice, a text field for a number or a date, a searchable list
 * (combobox) for the specialty and the département. Arrow keys only move within a control; nothing is
 * answered by a mere arrow key, and Enter in a search box takes the highlighted or the only match.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { profileFields } from '../../engine/widget.js';
import { cssId, type PickerState } from '../controllers/questions.js';
import { question, valueLabel } from '../field-labels.js';
import type { Ctx } from './context.js';
import { fold, type Folds } from './fold.js';

export interface FieldHandlers {
  choose(field: string, value: unknown): void;
  type(field: string, text: string): void;
  read(field: string, text: string): void;
  /** The searchable list changed (typed text, highlight, open). */
  pick(field: string, state: Partial<PickerState>): void;
}

export interface FieldData {
  field: string;
  value: unknown;
  draft?: string;
  error?: string;
  /** Choices of a searchable list: [value, label]. */
  items?: [string, string][];
  picker?: PickerState;
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function fieldControl(d: FieldData, ctx: Ctx, on: FieldHandlers, folds: Folds) {
  const spec = profileFields[d.field];
  const q = question(d.field);
  const id = `f-${cssId(d.field)}`;
  const helpOpen = !!q.help && folds.isOpen(`help:${d.field}`);
  const help = q.help
    ? fold(
        folds,
        `help:${d.field}`,
        html`${msg('Aide', { id: 'aide' })}<span class="aam-v"> : ${q.label}</span>`,
        () => html`<p id=${`${id}-h`}>${q.help}</p>`,
        {
          class: 'aam-help',
        },
      )
    : nothing;
  const describedBy = [helpOpen && `${id}-h`, d.error && `${id}-e`].filter(Boolean).join(' ') || nothing;
  const error = d.error ? html`<p class="aam-error" id=${`${id}-e`}>${d.error}</p>` : nothing;

  if (d.items) return picker(d, id, q.label, describedBy, help, error, on);
  if (spec.type === 'boolean' || spec.type === 'enum') {
    const choices: [unknown, string][] =
      spec.type === 'boolean'
        ? [
            [true, msg('Oui', { id: 'oui' })],
            [false, msg('Non', { id: 'non' })],
          ]
        : (spec.values ?? []).filter((v) => !(d.field === 'option' && v === '1/3-etp')).map((v) => [v, valueLabel(v)]);
    return html`<fieldset class="aam-field" aria-describedby=${describedBy} aria-invalid=${d.error ? 'true' : 'false'}>
      <legend>${q.label}</legend>
      ${help}
      <div class="aam-choices">
        ${choices.map(
          ([choice, label]) =>
            html`<label
              ><input type="radio" name=${id} .checked=${d.value === choice} @change=${() => on.choose(d.field, choice)} />${label}</label
            >`,
        )}
      </div>
      ${error}
    </fieldset>`;
  }
  const date = spec.type === 'date';
  const shown =
    d.draft ??
    (d.value === undefined
      ? ''
      : typeof d.value === 'number'
        ? ctx.number(spec.type === 'share' ? d.value * 100 : d.value)
        : typeof d.value === 'string'
          ? d.value
          : JSON.stringify(d.value));
  return html`<div class="aam-field">
    <label for=${id}>${q.label}</label>
    ${help}
    <input
      id=${id}
      data-field=${d.field}
      type=${date ? 'date' : 'text'}
      inputmode=${date || spec.type === 'string' ? nothing : spec.type === 'integer' ? 'numeric' : 'decimal'}
      autocomplete="off"
      aria-invalid=${d.error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${shown}
      @input=${(e: Event) => on.type(d.field, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => on.read(d.field, (e.target as HTMLInputElement).value)}
    />
    ${error}
  </div>`;
}

/**
 * A searchable list as an ARIA 1.2 combobox: typing filters, arrows move the highlight (and open the list),
 * Enter takes the highlighted option or the only one left, Escape closes. A click takes an option.
 */
function picker(
  d: FieldData,
  id: string,
  label: string,
  describedBy: string | typeof nothing,
  help: unknown,
  error: unknown,
  on: FieldHandlers,
) {
  const state = d.picker ?? { text: '', active: -1, open: false };
  const items = d.items!;
  const chosen = items.find(([value]) => value === d.value);
  const filter = plain(state.text.trim());
  const shown = state.open || filter ? items.filter(([, text]) => plain(text).includes(filter)) : [];
  const listId = `${id}-list`;
  const active = shown[state.active];
  const take = (value: string) => {
    on.pick(d.field, { text: '', active: -1, open: false });
    on.choose(d.field, value);
  };
  const keydown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const list = state.open || filter ? shown : items;
      if (!list.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = state.active < 0 ? (step > 0 ? 0 : list.length - 1) : (state.active + step + list.length) % list.length;
      on.pick(d.field, { active: next, open: true });
    } else if (e.key === 'Enter') {
      // Never submits the questions: Enter takes the highlighted option, or the only one left.
      e.preventDefault();
      const one = active ?? (shown.length === 1 ? shown[0] : undefined);
      if (one) take(one[0]);
    } else if (e.key === 'Escape' && (state.open || state.text)) {
      e.preventDefault();
      on.pick(d.field, { text: '', active: -1, open: false });
    }
  };
  const hint =
    filter && shown.length > 1 && !active
      ? msg(str`${shown.length} résultats : flèches pour choisir, Entrée pour valider.`, { id: 'picker-hint' })
      : filter && !shown.length
        ? msg('Aucun résultat.', { id: 'picker-none' })
        : '';
  return html`<div class="aam-field aam-picker">
    <label id=${`${id}-l`} for=${id}>${label}</label>
    ${help}
    <input
      id=${id}
      role="combobox"
      aria-labelledby=${`${id}-l`}
      aria-autocomplete="list"
      aria-expanded=${shown.length ? 'true' : 'false'}
      aria-controls=${listId}
      aria-activedescendant=${active ? `${id}-o-${shown.indexOf(active)}` : nothing}
      aria-describedby=${describedBy}
      aria-invalid=${d.error ? 'true' : 'false'}
      autocomplete="off"
      placeholder=${chosen ? chosen[1] : msg('Tapez pour chercher…', { id: 'tapez-pour-chercher' })}
      .value=${state.text}
      @input=${(e: Event) => on.pick(d.field, { text: (e.target as HTMLInputElement).value, active: -1, open: true })}
      @keydown=${keydown}
    />
    ${chosen && !state.text ? html`<p class="aam-chosen">${chosen[1]}</p>` : nothing}
    <ul id=${listId} role="listbox" aria-label=${label} ?hidden=${!shown.length}>
      ${shown.map(
        ([value, text], i) =>
          // The options are not focusable: the combobox input handles the keys (ARIA 1.2 pattern); a click is for pointers.
          // eslint-disable-next-line lit-a11y/click-events-have-key-events
          html`<li
            id=${`${id}-o-${i}`}
            role="option"
            aria-selected=${i === state.active ? 'true' : 'false'}
            class=${value === d.value ? 'aam-current' : ''}
            @click=${() => take(value)}
          >
            ${text}
          </li>`,
      )}
    </ul>
    <p class="aam-hint" aria-live="polite">${hint}</p>
    ${error}
  </div>`;
}
