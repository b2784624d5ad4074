/**
 * The few questions on screen now, and the answers given so far (each can be changed in place).
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { departements, profileFields, specialties } from '../../engine/widget.js';
import type { Profile } from '../../engine/types.js';
import { cssId, type QuestionsController } from '../controllers/questions.js';
import { question, valueLabel } from '../field-labels.js';
import type { Ctx } from './context.js';
import { fieldControl, type FieldData, type FieldHandlers } from './fields.js';
import { fold, type Folds } from './fold.js';

export interface QuestionHandlers extends FieldHandlers {
  submit(): void;
  skip(): void;
  edit(field: string): void;
  closeEdit(): void;
}

/** The searchable lists' items, in the instance's language (a pack's specialties included when known). */
function itemsFor(field: string, lang: Ctx['lang']): [string, string][] | undefined {
  if (field === 'specialty') return specialties.map((s) => [s.id, (lang === 'en' && s.label_en) || s.label]);
  if (field === 'department') return departements.map((d) => [d.code, `${d.code} · ${d.name}`]);
  return undefined;
}

export function fieldData(field: string, profile: Profile, q: QuestionsController, ctx: Ctx): FieldData {
  return {
    field,
    value: profile[field],
    draft: q.drafts[field],
    error: q.errors[field],
    items: itemsFor(field, ctx.lang),
    picker: q.pickers[field],
  };
}

export function questionsForm(profile: Profile, q: QuestionsController, ctx: Ctx, on: QuestionHandlers, firstTime: boolean, folds: Folds) {
  if (!q.group.length) return nothing;
  const submit = (e: Event) => {
    e.preventDefault();
    on.submit();
  };
  return html`<form class="aam-q" part="questions" novalidate aria-label=${msg('Questions', { id: 'questions' })} @submit=${submit}>
    ${q.group.map((f) => fieldControl(fieldData(f, profile, q, ctx), ctx, on, folds))}
    <div class="aam-actions">
      <button class="aam-primary">${msg('Continuer', { id: 'continuer' })}</button>
      ${firstTime ? nothing : html`<button type="button" class="aam-link" @click=${on.skip}>${msg('Passer', { id: 'passer' })}</button>`}
    </div>
  </form>`;
}

/** A given answer as words: the label of a choice, a number in the locale, a date. */
export function displayValue(field: string, answer: unknown, ctx: Ctx): string {
  const value = typeof answer === 'object' && answer !== null ? JSON.stringify(answer) : (answer as string | number | boolean | undefined);
  const type = profileFields[field]?.type;
  if (value === undefined) return msg('Non renseigné', { id: 'non-renseigne' });
  if (typeof value === 'boolean') return value ? msg('Oui', { id: 'oui' }) : msg('Non', { id: 'non' });
  if (typeof value === 'number') return type === 'share' ? ctx.share(value) : ctx.number(value);
  const item = itemsFor(field, ctx.lang)?.find(([key]) => key === value);
  if (item) return item[1];
  if (type === 'date') return ctx.date(String(value));
  return valueLabel(String(value));
}

/** The answers given (and those passed over), folded: each can be changed where it is. */
export function answersSummary(profile: Profile, q: QuestionsController, ctx: Ctx, on: QuestionHandlers, folds: Folds) {
  const shown = (f: string) => profileFields[f] && profileFields[f].type !== 'contracts' && !q.group.includes(f);
  const fields = [...Object.keys(profile), ...q.skipped, q.editing].filter((f, i, all) => f && shown(f) && all.indexOf(f) === i);
  if (!fields.length) return nothing;
  // Open while an answer is being changed in it, whatever the doctor did with the disclosure.
  const open: Folds = { isOpen: (k) => !!q.editing || folds.isOpen(k), toggle: (k, o) => folds.toggle(k, o) };
  return fold(
    open,
    'answers',
    msg(str`Vos réponses (${fields.length})`, { id: 'vos-reponses' }),
    () =>
      html`<ul>
        ${fields.map((f) => {
          const label = question(f).label;
          if (q.editing === f)
            return html`<li class="aam-edit">
              ${fieldControl(fieldData(f, profile, q, ctx), ctx, on, folds)}
              <button type="button" class="aam-button" @click=${on.closeEdit}>${msg('OK', { id: 'ok' })}</button>
            </li>`;
          return html`<li>
            <span>${label}</span><strong>${displayValue(f, profile[f], ctx)}</strong>
            <button type="button" class="aam-link" id=${`m-${cssId(f)}`} @click=${() => on.edit(f)}>
              ${msg('Modifier', { id: 'modifier' })}<span class="aam-v"> : ${label}</span>
            </button>
          </li>`;
        })}
      </ul>`,
    { class: 'aam-summary', part: 'summary' },
  );
}
