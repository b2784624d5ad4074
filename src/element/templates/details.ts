/**
 * The detail, on demand and folded: per scheme the payments year by year (and a chart where several years
 * say something), the objectives, the notes, the conditions and the sources; the schemes that do not apply,
 * one line per group; the combinations; the region's contacts; and, for print, every source as an address.
 * Loaded after the first answer: nothing here is needed to show it.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { changedByPack } from '../../engine/widget.js';
import { detailTexts } from '../../engine/rules/detail.js';
// The options' objectives: computed from now on (the first answer does not show them).
import '../../engine/schemes/band-detail.js';
import { restoreTexts } from '../../engine/rules/ruleset.js';
import type { OptionResult, Payment, Reason, SchemeResult, Simulation, Source } from '../../engine/types.js';
import type { Ctx } from './context.js';
import { fold, type Folds } from './fold.js';
import { isWebAddress, link } from './link.js';
import { docsBase as docsBaseOf, docsPage } from '../docs-link.js';

export { detailStyles } from './details.styles.js';

// The widget's split build leaves the rules' sources and detail texts out of its first chunk: they arrive with this one.
if (detailTexts) restoreTexts(detailTexts);

const ESTIMATE = '*';

function statusLabel(status: SchemeResult['status']): string {
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
 * Everything below the answer. `docs`: the `docs-base` attribute, where the documentation site is published; each
 * scheme's sources then begin with a link to its page there.
 */
export function details(sim: Simulation, ctx: Ctx, folds: Folds, docs?: string): TemplateResult {
  const docsBase = docsBaseOf(docs);
  const shown = sim.schemes.filter(
    (s) => s.status === 'eligible' || s.status === 'held' || (s.status === 'incomplete' && s.options.length),
  );
  const estimates = shown.some((s) => s.options.some((o) => o.estimate || o.objectives?.estimate) || s.reasons.some((r) => r.estimate));
  return html`<section class="aam-details" part="result" aria-labelledby="aam-details-title">
    <h3 id="aam-details-title" class="aam-details-title">${msg('Le détail', { id: 'le-detail' })}</h3>
    ${shown.map((s) => scheme(s, ctx, folds, docsBase))} ${groups(sim, folds)} ${combinations(sim, ctx, folds)} ${contacts(sim, folds)}
    ${
      estimates
        ? html`<p class="aam-legend">
            ${ESTIMATE}
            ${msg('Estimation : montant ou règle que les textes ne publient pas tel quel ; la raison est donnée à côté.', { id: 'legend-estimation' })}
          </p>`
        : nothing
    }
    ${printSources(sim, shown)}
  </section>`;
}

/** The estimate mark beside a figure (the legend explains it once). */
export const mark = (on: unknown) =>
  on ? html`<span class="aam-mark" aria-label=${msg('estimation', { id: 'estimation' })}>${ESTIMATE}</span>` : nothing;

/** Within 5 years, as the answer counts. */
const total = (o: OptionResult) => o.total;

function schemeTotal(s: SchemeResult, ctx: Ctx): string {
  const known = s.options.filter((o) => !o.amountUnknown);
  if (!known.length) return s.options.length ? msg('montant fixé avec votre CPAM', { id: 'montant-cpam' }) : '';
  const values = known.map(total);
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const min = known.find((o) => o.totalMin !== undefined)?.totalMin;
  if (min !== undefined) return `${ctx.money(min)} – ${ctx.money(hi)}`;
  return lo === hi || !s.choose ? ctx.money(hi) : `${ctx.money(lo)} – ${ctx.money(hi)}`;
}

function scheme(s: SchemeResult, ctx: Ctx, folds: Folds, docsBase?: string) {
  const total = schemeTotal(s, ctx);
  const summary = html`<span class="aam-scheme-title">${s.title}</span>
    <span class="aam-scheme-meta"
      ><span part="status">${statusLabel(s.status)}</span>${total ? html` · <span class="aam-scheme-total">${total}</span>` : nothing}</span
    >`;
  return fold(folds, `scheme:${s.id}`, summary, () => schemeBody(s, ctx, folds, docsBase), {
    class: `aam-scheme aam-${s.status}`,
    part: 'scheme',
  });
}

function schemeBody(s: SchemeResult, ctx: Ctx, folds: Folds, docsBase?: string) {
  const options = s.options;
  const sources = unique([
    ...options.flatMap((o) => o.payments.flatMap((p) => p.sources)),
    ...s.reasons.flatMap((r) => r.sources),
    ...options.flatMap((o) => o.objectives?.sources ?? []),
    ...s.notes.flatMap((n) => n.sources),
  ]);
  const changedBy = changedByPack(options.flatMap((o) => o.payments.flatMap((p) => p.sources)));
  return html`<div class="aam-scheme-body">
    ${s.regimeTitle ? html`<p class="aam-muted">${s.regimeTitle}</p>` : nothing}
    ${changedBy ? html`<p class="aam-changed">${msg(str`Montants modifiés par ${changedBy}.`, { id: 'modifie-par' })}</p>` : nothing}
    ${paymentsTable(
      options.filter((o) => o.payments.length),
      ctx,
    )}
    ${chart(options)}
    ${
      options.flatMap((o) => o.alternatives ?? []).length
        ? html`<ul class="aam-upto">
            ${options.flatMap((o) => (o.alternatives ?? []).map((a) => html`<li>${a.text} (${o.short ?? o.label}) : ${ctx.money(a.total)}</li>`))}
          </ul>`
        : nothing
    }
    ${options.filter((o) => o.amountUnknown).map((o) => html`<p>${o.label} : ${o.notes?.join(' ') ?? ''}</p>`)} ${objectives(options, ctx)}
    ${s.notes.map((n) => html`<p class="aam-note aam-${n.kind ?? 'info'}">${n.text}${mark(n.kind === 'estimate')}</p>`)}
    ${options.flatMap((o) => (o.amountUnknown ? [] : (o.notes ?? []))).map((n) => html`<p class="aam-note">${n}</p>`)} ${reasons(s, folds)}
    ${
      s.apply
        ? html`<p>
            <strong>${msg('Pour en bénéficier :', { id: 'pour-beneficier' })}</strong> ${s.apply.text}
            ${s.apply.links.filter((l) => isWebAddress(l.url)).map((l) => html` ${link(l.url, l.title)}`)}
          </p>`
        : nothing
    }
    ${sourceList(s.id, sources, folds, docsBase && docsPage(docsBase, s))}
  </div>`;
}

/** Years as rows, options as columns: ½ ETP beside 1 ETP, renewal years apart. */
function paymentsTable(options: OptionResult[], ctx: Ctx) {
  if (!options.length) return nothing;
  const years = [...new Set(options.flatMap((o) => o.payments.map((p) => p.year)))].sort((a, b) => a - b);
  const renewal = [...new Set(options.flatMap((o) => (o.renewal ?? []).map((p) => p.year)))].sort((a, b) => a - b);
  const cell = (list: Payment[], year: number) => {
    const p = list.find((x) => x.year === year);
    return p ? html`${ctx.money(p.amount)}${mark(p.estimate)}` : '—';
  };
  const dateOf = (year: number) => options.flatMap((o) => [...o.payments, ...(o.renewal ?? [])]).find((p) => p.year === year)?.date;
  const row = (year: number, pick: (o: OptionResult) => Payment[]) => {
    const date = dateOf(year);
    return html`<tr>
      <th scope="row">${msg(str`Année ${year}`, { id: 'annee-n' })}${date ? html`<br /><small>${ctx.date(date)}</small>` : nothing}</th>
      ${options.map((o) => html`<td>${cell(pick(o), year)}</td>`)}
    </tr>`;
  };
  return html`<div class="aam-table">
    <table part="payments">
      <caption class="aam-v">
        ${msg('Versements par année de contrat', { id: 'versements-par-annee' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Année', { id: 'annee' })}</th>
          ${options.map((o) => html`<th scope="col">${o.label}${mark(o.estimate)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${years.map((y) => row(y, (o) => o.payments))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${msg('Total', { id: 'total' })}</th>
          ${options.map((o) => html`<td>${ctx.money(o.total)}</td>`)}
        </tr>
      </tfoot>
      ${
        renewal.length
          ? html`<tbody class="aam-renewal">
              <tr>
                <th scope="rowgroup" colspan=${options.length + 1}>
                  ${msg('Si le contrat est renouvelé (non compté)', { id: 'si-renouvele' })}
                </th>
              </tr>
              ${renewal.map((y) => row(y, (o) => o.renewal ?? []))}
            </tbody>`
          : nothing
      }
    </table>
  </div>`;
}

const BAR = 24;
const GAP = 8;
const HEIGHT = 56;

/**
 * Bars of the highest option, year by year, when several years differ (a chart then says something the
 * table says less quickly); the solid part is paid whatever the objectives. Decorative: the table carries
 * the same figures for assistive technologies.
 */
function chart(options: OptionResult[]) {
  const o = options.reduce<OptionResult | undefined>((b, x) => (!b || x.total > b.total ? x : b), undefined);
  const payments = o?.payments ?? [];
  if (payments.length < 3 || new Set(payments.map((p) => p.amount)).size < 2) return nothing;
  const scale = Math.max(...payments.map((p) => p.amount));
  const h = (v: number) => (v / scale) * HEIGHT;
  return html`<svg class="aam-chart" part="chart" aria-hidden="true" viewBox="0 0 ${payments.length * (BAR + GAP)} ${HEIGHT + 12}">
    ${payments.map((p, i) => {
      const x = i * (BAR + GAP) + GAP / 2;
      return svg`<rect class="aam-bar-light" x=${x} y=${HEIGHT - h(p.amount)} width=${BAR} height=${h(p.amount)} />
        <rect x=${x} y=${HEIGHT - h(p.advance ?? p.amount)} width=${BAR} height=${h(p.advance ?? p.amount)} />
        <text x=${x + BAR / 2} y=${HEIGHT + 10}>${p.year}</text>`;
    })}
  </svg>`;
}

function objectives(options: OptionResult[], ctx: Ctx) {
  const withObjectives = options.filter((o) => o.objectives);
  if (!withObjectives.length) return nothing;
  const label = (field: string) =>
    field === 'patienteleMT'
      ? msg('Patientèle médecin traitant', { id: 'patientele-medecin-traitant' })
      : field === 'fileActive'
        ? msg('File active', { id: 'file-active' })
        : field;
  // One block when the options share the objective's text (and targets).
  const same = withObjectives.every((o) => JSON.stringify(o.objectives) === JSON.stringify(withObjectives[0].objectives));
  return html`<div class="aam-objectives" part="objectives">
    <h4>${msg('Objectifs', { id: 'objectifs' })}</h4>
    ${(same ? withObjectives.slice(0, 1) : withObjectives).map(
      (o) =>
        html`${same ? nothing : html`<p><strong>${o.label}</strong></p>`}
          <p>${o.objectives!.text}${mark(o.objectives!.estimate)}</p>
          ${
            o.objectives!.targets.length
              ? html`<ul>
                  ${o.objectives!.targets.map(
                    (t) =>
                      html`<li>
                        ${label(t.field)} : ${ctx.number(t.from)} → <strong>${ctx.number(t.target)}</strong>
                        ${t.min !== undefined ? msg(str`(au moins ${ctx.number(t.min)})`, { id: 'au-moins' }) : nothing}
                      </li>`,
                  )}
                </ul>`
              : nothing
          }`,
    )}
  </div>`;
}

function reasons(s: SchemeResult, folds: Folds) {
  const list = s.reasons;
  if (!list.length) return nothing;
  const icon = (r: Reason) =>
    r.ok === true
      ? ['✓', msg('Condition remplie :', { id: 'condition-remplie' })]
      : r.ok === false
        ? ['✗', msg('Condition non remplie :', { id: 'condition-non-remplie' })]
        : ['?', msg('À préciser :', { id: 'a-preciser' })];
  return fold(
    folds,
    `conditions:${s.id}`,
    msg(str`Conditions (${list.length})`, { id: 'conditions-n' }),
    () =>
      html`<ul class="aam-reasons" part="reasons">
        ${list.map((r) => {
          const [i, label] = icon(r);
          return html`<li class=${r.ok === true ? 'aam-ok' : r.ok === false ? 'aam-ko' : 'aam-open'}>
            <b aria-hidden="true">${i}</b><span class="aam-v">${label} </span>${r.text}${mark(r.estimate)}
          </li>`;
        })}
      </ul>`,
  );
}

const unique = (sources: Source[]) => [...new Map(sources.map((s) => [s.ref, s])).values()];

/**
 * A folded list of sources, each a link where it has an address; `docs`, the scheme's page on the documentation
 * site, comes first (the rules in full, every figure with its sources).
 */
export function sourceList(id: string, sources: Source[], folds: Folds, docs?: string) {
  if (!sources.length && !docs) return nothing;
  return fold(
    folds,
    `sources:${id}`,
    msg(str`Sources (${sources.length})`, { id: 'sources' }),
    () =>
      html`<ul class="aam-sources">
        ${docs ? html`<li>${link(docs, msg('Toutes les règles de cette aide, avec leurs sources', { id: 'docs-regles' }))}</li>` : nothing}
        ${sources.map((s) => html`<li>${isWebAddress(s.url) ? link(s.url, s.title || s.ref) : html`<cite>${s.title || s.ref}</cite>`}</li>`)}
      </ul>`,
  );
}

/** The schemes that do not apply: one line per group, the names and the reason on demand. */
function groups(sim: Simulation, folds: Folds) {
  const of = (status: SchemeResult['status']) =>
    sim.schemes.filter((s) => s.status === status && !(status === 'incomplete' && s.options.length));
  const first = (s: SchemeResult, ok: boolean | null) => s.reasons.find((r) => r.ok === ok)?.text ?? '';
  const group = (list: SchemeResult[], title: string, why: (s: SchemeResult) => string) =>
    list.length
      ? fold(
          folds,
          `group:${list[0].status}`,
          title,
          () =>
            html`<ul>
              ${list.map((s) => html`<li><strong>${s.title}</strong>${why(s) ? html` — ${why(s)}` : nothing}</li>`)}
            </ul>`,
          { class: 'aam-group' },
        )
      : nothing;
  const closed = of('closed');
  return html`${group(of('incomplete'), msg(str`En attente de vos réponses (${of('incomplete').length})`, { id: 'groupe-a-preciser' }), (s) => first(s, null))}
  ${group(of('ineligible'), msg(str`Non éligible (${of('ineligible').length})`, { id: 'groupe-non-eligible' }), (s) => first(s, false))}
  ${group(closed, msg(str`Fermés aux nouveaux contrats (${closed.length})`, { id: 'groupe-fermes' }), (s) =>
    [first(s, false), ...s.notes.map((n) => n.text)].join(' '),
  )}
  ${group(of('not-applicable'), msg(str`Ne concernent pas votre situation (${of('not-applicable').length})`, { id: 'groupe-non-concernes' }), () => '')}`;
}

function combinations(sim: Simulation, ctx: Ctx, folds: Folds) {
  const [best, ...others] = sim.combinations;
  const excluded = sim.exclusions.filter((e) => e.kind === 'excluded');
  if (!best || (!others.length && !excluded.length)) return nothing;
  const title = (id: string) => sim.schemes.find((s) => s.id === id)?.title ?? id;
  const names = (ids: readonly string[]) => ids.map(title).join(' + ');
  const amount = (c: (typeof sim.combinations)[number]) =>
    c.totalMin !== undefined ? `${ctx.money(c.totalMin)} – ${ctx.money(c.total)}` : ctx.money(c.total);
  // A scheme whose amount is not known yet counts 0 in the total: said beside it.
  const pending = (c: (typeof sim.combinations)[number]) => {
    const unknown = (c.pending ?? []).map(title).join(', ');
    return unknown ? html` <em>${msg(str`(montant encore inconnu : ${unknown})`, { id: 'montant-encore-inconnu' })}</em>` : nothing;
  };
  return fold(
    folds,
    'combinations',
    msg('Cumuls et combinaisons', { id: 'cumuls' }),
    () =>
      html`<ul>
          <li><strong>${names(best.schemes)}</strong> : ${amount(best)}${pending(best)}</li>
          ${others.map(
            (c) =>
              html`<li>
                ${names(c.schemes)} : ${amount(c)}${pending(c)}
                ${c.uncertain ? html`<em>${msg('(si votre CPAM accepte le cumul)', { id: 'si-cpam-accepte' })}</em>` : nothing}
              </li>`,
          )}
        </ul>
        ${
          excluded.length
            ? html`<p><strong>${msg('Non cumulables :', { id: 'non-cumulables' })}</strong></p>
                <ul>
                  ${excluded.map((e) => html`<li>${names(e.schemes)} — ${e.reason}</li>`)}
                </ul>`
            : nothing
        }`,
    { class: 'aam-group', part: 'combination' },
  );
}

function contacts(sim: Simulation, folds: Folds) {
  const info = sim.regionInfo;
  if (!info.contacts.length && !info.facts.length) return nothing;
  return fold(
    folds,
    'contacts',
    msg(str`Contacts : ${info.title}`, { id: 'contacts' }),
    () =>
      html`<ul>
          ${info.contacts.map(
            (c) =>
              html`<li>
                ${isWebAddress(c.url) ? link(c.url, c.label) : c.label}
                ${c.email && /^[^\s@<>"':;,()]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(c.email) ? html` · <a href=${'mailto:' + c.email}>${c.email}</a>` : nothing}
                ${c.phone && /^\+?[\d .-]{6,20}$/.test(c.phone) ? html` · <a href=${'tel:' + c.phone.replace(/[ .-]/g, '')}>${c.phone}</a>` : nothing}
              </li>`,
          )}
        </ul>
        ${info.facts.map((f) => html`<p class="aam-note">${f.text}</p>`)}`,
    { class: 'aam-group', part: 'contacts' },
  );
}

/** For print only: every source of what is shown, as a readable address. */
function printSources(sim: Simulation, shown: SchemeResult[]) {
  const all = unique([
    ...sim.answer.sources,
    ...shown.flatMap((s) => [
      ...s.reasons.flatMap((r) => r.sources),
      ...s.options.flatMap((o) => [...o.payments.flatMap((p) => p.sources), ...(o.objectives?.sources ?? [])]),
      ...(s.apply?.links ?? []),
    ]),
  ]);
  if (!all.length) return nothing;
  return html`<section class="aam-print-only" aria-hidden="true">
    <h4>${msg('Sources', { id: 'sources-title' })}</h4>
    <ol>
      ${all.map((s) => html`<li>${s.title}${isWebAddress(s.url) ? html` — ${s.url}` : nothing}</li>`)}
    </ol>
  </section>`;
}
