/**
 * The answer, first and always in view: the engine's sentence with its figure set off, what it assumes
 * (each with a way to settle it), « jusqu'à » figures, and what to do next. Nothing here is computed:
 * every word and figure is the engine's `answer`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Answer, NextStep, Simulation } from '../../engine/types.js';
import type { Ctx } from './context.js';
import { fold, type Folds } from './fold.js';
import { link } from './link.js';

export interface AnswerHandlers {
  /** Brings a question back (an assumption the doctor wants to settle). */
  ask(field: string): void;
  /** Opens (or closes) a view of the assistant's tools: 'cost', 'follow', 'ics'; `button` gets the focus back on close. */
  tool(kind: string, button: HTMLElement): void;
  /** The view open now, if any. */
  readonly toolOpen?: string;
}

/** The sentence, with the headline amounts (as the engine wrote them) set off. */
export function emphasize(text: string, amounts: string[]): (string | TemplateResult)[] {
  const wanted = [...new Set(amounts.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!wanted.length) return [text];
  const parts: (string | TemplateResult)[] = [];
  let rest = text;
  for (;;) {
    let at = -1;
    let found = '';
    for (const w of wanted) {
      const i = rest.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) [at, found] = [i, w];
    }
    if (at < 0) break;
    if (at) parts.push(rest.slice(0, at));
    parts.push(html`<strong class="aam-figure">${found}</strong>`);
    rest = rest.slice(at + found.length);
  }
  if (rest) parts.push(rest);
  return parts;
}

export function answerCard(sim: Simulation | undefined, ctx: Ctx, on: AnswerHandlers, folds: Folds): TemplateResult | typeof nothing {
  const a = sim?.answer;
  if (!a || (a.status === 'pending' && !a.open)) return nothing;
  const amounts = a.total ? [ctx.money(a.total.min), ctx.money(a.total.max)] : [];
  const askable = new Set(a.ask);
  return html`<section class="aam-answer aam-${a.status}" part="answer" aria-labelledby="aam-answer-title">
    <h3 id="aam-answer-title" class="aam-answer-title" tabindex="-1">
      ${
        a.status === 'eligible'
          ? msg('Ce que vous pouvez percevoir', { id: 'answer-title' })
          : a.status === 'ineligible'
            ? msg('Résultat', { id: 'answer-title-none' })
            : msg('À préciser', { id: 'answer-title-open' })
      }
    </h3>
    <p class="aam-lead">
      ${emphasize(a.text, amounts)}${a.estimate ? html` <span class="aam-mark" title=${estimateTitle()}>*</span>` : nothing}
    </p>
    ${a.estimate ? html`<p class="aam-note">* ${estimateTitle()}</p>` : nothing} ${assumptions(a, askable, on)}
    ${
      a.upTo.length
        ? html`<ul class="aam-upto">
            ${a.upTo.map((u) => html`<li>${u.text}</li>`)}
          </ul>`
        : nothing
    }
    ${
      a.open
        ? html`<p>
            <button type="button" class="aam-button" @click=${() => on.ask(a.open!.fields[0] ?? 'percentile')}>
              ${msg('Indiquer mon percentile', { id: 'indiquer-percentile' })}
            </button>
          </p>`
        : nothing
    }
    ${tools(sim, on)} ${nextSteps(a.nextSteps, folds)}
  </section>`;
}

/**
 * The assistant's tools, when the assistant aid is in the answer: its net cost and calendar, and the follow-up
 * once the contract is signed (held, or a signature date in the past). The views come in a chunk of their own.
 */
function tools(sim: Simulation, on: AnswerHandlers) {
  const s = sim.schemes.find((x) => x.id === 'assistant-medical');
  const held = s?.status === 'held';
  if (!held && s?.status !== 'eligible') return nothing;
  const button = (k: string, label: string) =>
    html`<button
      type="button"
      class="aam-button"
      aria-expanded=${on.toolOpen === k}
      @click=${(e: Event) => on.tool(k, e.currentTarget as HTMLElement)}
    >
      ${label}
    </button>`;
  return html`<p class="aam-toolbar">
    ${button('cost', msg('Ce que l’assistant vous coûte', { id: 'outil-cout' }))}
    ${held || (s.options[0]?.payments[0]?.date ?? sim.asOf) < sim.asOf ? button('follow', msg('Suivi de mon contrat', { id: 'outil-suivi' })) : nothing}
    ${button('ics', msg('Ajouter au calendrier', { id: 'outil-calendrier' }))}
  </p>`;
}

const estimateTitle = () =>
  msg('Estimation : montant non publié tel quel, lu dans les textes ; la raison est donnée dans le détail.', { id: 'estimate-legend' });

function assumptions(a: Answer, askable: Set<string>, on: AnswerHandlers) {
  const shown = a.assumes.filter((x) => askable.has(x.field) || x.field === 'contractDate');
  if (!shown.length) return nothing;
  return html`<ul class="aam-assumes">
    ${shown.map(
      (x) =>
        html`<li id=${`aam-assume-${x.field}`}>
          ${x.text}
          <button type="button" class="aam-link" aria-describedby=${`aam-assume-${x.field}`} @click=${() => on.ask(x.field)}>
            ${msg('Préciser', { id: 'preciser' })}
          </button>
        </li>`,
    )}
  </ul>`;
}

/** The next step in one line (whom to contact); how to apply and what to prepare on demand. */
function nextSteps(steps: NextStep[], folds: Folds) {
  if (!steps.length) return nothing;
  const contact = steps.find((s) => s.contact);
  const howTo = steps.filter((s) => !s.contact);
  return html`<div class="aam-next">
    <p>
      <strong>${msg('Et maintenant :', { id: 'et-maintenant' })}</strong>
      ${contact ? (contact.links[0] ? link(contact.links[0].url, contact.text) : contact.text) : nothing}
    </p>
    ${
      howTo.length
        ? fold(folds, 'how-to', msg('Comment faire', { id: 'comment-faire' }), () =>
            howTo.map((s) => html`<p>${s.text}${s.links.filter((l) => l.url).map((l) => html` ${link(l.url, l.title)}`)}</p>`),
          )
        : nothing
    }
  </div>`;
}
