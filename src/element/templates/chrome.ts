/**
 * What frames the answer: the title and one line of purpose with the language switch, the notices a
 * visitor needs (and, with `debug`, the webmaster's), and the line that dates the simulation.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Simulation } from '../../engine/types.js';
import type { AttributeProblem } from '../attributes.js';
import type { Ctx } from './context.js';

export function header(ctx: Ctx, title: string, toggleLang: () => void) {
  const other = ctx.lang === 'fr' ? 'en' : 'fr';
  return html`<div class="aam-head">
    <div>
      <h2 class="aam-title">${title}</h2>
      <p class="aam-purpose">
        ${msg('Quelques questions, et vous savez ce que vous pouvez percevoir, d’après les textes officiels.', { id: 'purpose' })}
      </p>
    </div>
    <button type="button" class="aam-lang" lang=${other} @click=${toggleLang}>${other === 'en' ? 'English' : 'Français'}</button>
  </div>`;
}

export interface Notices {
  /** The shared link could not be read: the visitor's answers from it are lost. */
  badLink: boolean;
  /** A regional rules pack could not be used: the figures are the national ones. */
  packFailed: boolean;
  /** With `debug`: the webmaster's attribute problems and pack details. */
  debug?: { problems: AttributeProblem[]; pack?: string[] };
}

export function notices(n: Notices, sim: Simulation | undefined) {
  const visitor = [
    ...(sim?.notices.map((x) => x.text) ?? []),
    ...(n.badLink ? [msg('Le lien partagé est illisible : ses réponses sont ignorées.', { id: 'lien-partage-est-illisible' })] : []),
    ...(n.packFailed
      ? [
          msg('Les règles régionales n’ont pas pu être chargées : les montants sont ceux des règles nationales.', {
            id: 'pack-failed-visitor',
          }),
        ]
      : []),
  ];
  const debug = n.debug;
  const problems = debug?.problems ?? [];
  const none = !visitor.length && !problems.length && !debug?.pack?.length;
  // The polite live region is always there, empty until a notice comes: a pack that fails after the first
  // render is then announced (a live region created with its text is often not read).
  return html`<div class=${none ? 'aam-live aam-v' : 'aam-live'} role="status">
    ${none ? nothing : noticeList(visitor, problems, debug?.pack)}
  </div>`;
}

function noticeList(visitor: string[], problems: AttributeProblem[], pack: string[] | undefined) {
  return html`<div class="aam-notices" part="notices">
    <ul>
      ${visitor.map((t) => html`<li>${t}</li>`)}
      ${problems.map(
        (p) =>
          html`<li class="aam-debug">
            ${msg(str`Attribut ${p.attribute} : « ${p.value} » n’est pas reconnu, la valeur par défaut est utilisée. Valeurs acceptées : ${p.accepted}.`, { id: 'attribut-n-est-pas' })}
          </li>`,
      )}
      ${pack?.map((t) => html`<li class="aam-debug">${t}</li>`) ?? nothing}
    </ul>
  </div>`;
}

export function footer(sim: Simulation | undefined, ctx: Ctx) {
  if (!sim) return nothing;
  const pack = sim.pack;
  return html`<p class="aam-footer aam-muted" part="footer">
    ${msg(str`Simulation au ${ctx.date(sim.asOf)}, règles du ${ctx.date(sim.rulesVersion)}. Montants maximaux, sous réserve de la décision de votre CPAM.`, { id: 'simulation-regles-montants-maximaux' })}
    ${
      pack
        ? msg(str`Règles complétées par « ${pack.publisher} » (version ${pack.version} du ${ctx.date(pack.date)}).`, { id: 'pack-line' })
        : nothing
    }
  </p>`;
}
