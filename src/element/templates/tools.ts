/**
 * The assistant's tools, below the answer: « Ce que l'assistant vous coûte », « Suivi de mon contrat »,
 * « Ajouter au calendrier ». Each view says its answer first (one sentence, its figure set off), then the
 * figures, then the inputs it was computed with (prefilled from the answers), then, folded, how it is computed
 * and its sources. Every figure is the engine's and an estimate: one legend says so. Pure functions of
 * (data, ctx); the state is the tools controller's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AssistantCost, CostYear } from '../../engine/cost.js';
import type { FollowUp } from '../../engine/follow-up.js';
import { valueLabel } from '../interaction.js';
import { INDICATORS, MAX_REVIEWS, OPTIONS, type FollowUpData, type Indicator } from '../follow-up-data.js';
import type { Ctx } from './context.js';
import { mark, sourceList } from './details.js';
import { fold, type Folds } from './fold.js';

export interface ToolHandlers {
  close(): void;
  /** Text typed in a field (kept as is). */
  type(path: string, text: string): void;
  /** Reads a typed field (on change). */
  read(path: string, text: string): void;
  /** A choice (radio, list). */
  set(path: string, value: unknown): void;
  addReview(): void;
  removeReview(index: number): void;
  importFile(input: HTMLInputElement): void;
  undoImport(): void;
  /** The calendar's file is being downloaded (fires `aide-calendar`). */
  calendar(): void;
}

/** What the doctor typed and not yet accepted, and why. */
export interface FieldState {
  drafts: Record<string, string>;
  errors: Record<string, string>;
}

export interface CostInputs {
  option?: string;
  level: number;
  grossMonthly?: number;
  consultationPrice?: number;
  percentile?: number;
  contractDate: string;
}

const id = (path: string) => `t-${path.replace(/[^\w-]/g, '-')}`;

const titles = {
  cost: () => msg('Ce que l’assistant vous coûte', { id: 'outil-cout' }),
  follow: () => msg('Suivi de mon contrat', { id: 'outil-suivi' }),
  ics: () => msg('Ajouter au calendrier', { id: 'outil-calendrier' }),
};

/** The view's frame: a region under the answer with its heading and a close button (Escape closes it too). */
export function toolFrame(kind: keyof typeof titles, _ctx: Ctx, on: ToolHandlers, body: unknown): TemplateResult {
  const title = titles[kind]();
  const keydown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      on.close();
    }
  };
  return html`<section class="aam-tool" part="tool" aria-labelledby="aam-tool-title" @keydown=${keydown}>
    <div class="aam-tool-head">
      <h3 id="aam-tool-title" tabindex="-1">${title}</h3>
      <button type="button" class="aam-button" @click=${on.close}>
        ${msg('Fermer', { id: 'fermer' })}<span class="aam-v"> : ${title}</span>
      </button>
    </div>
    ${body}
  </section>`;
}

// —— fields ———————————————————————————————————————————————————————————————————————————————————

function textField(
  path: string,
  label: unknown,
  value: string,
  f: FieldState,
  on: ToolHandlers,
  options: { date?: boolean; integer?: boolean; hint?: unknown } = {},
) {
  const i = id(path);
  const error = f.errors[path];
  const describedBy = [options.hint ? `${i}-h` : '', error ? `${i}-e` : ''].filter(Boolean).join(' ');
  return html`<div class="aam-field">
    <label for=${i}>${label}</label>
    <input
      id=${i}
      type=${options.date ? 'date' : 'text'}
      inputmode=${options.date ? nothing : options.integer ? 'numeric' : 'decimal'}
      autocomplete="off"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${f.drafts[path] ?? value}
      @input=${(e: Event) => on.type(path, (e.target as HTMLInputElement).value)}
      @change=${(e: Event) => on.read(path, (e.target as HTMLInputElement).value)}
    />
    ${options.hint ? html`<small id=${`${i}-h`}>${options.hint}</small>` : nothing}
    ${error ? html`<p class="aam-error" id=${`${i}-e`}>${error}</p>` : nothing}
  </div>`;
}

const num = (n: number | undefined, ctx: Ctx) => (n === undefined ? '' : ctx.number(n));

function optionField(path: string, value: string | undefined, on: ToolHandlers) {
  return html`<fieldset class="aam-field">
    <legend>${msg('Temps de travail de l’assistant', { id: 'temps-travail-assistant' })}</legend>
    <div class="aam-choices">
      ${OPTIONS.map(
        (o) =>
          html`<label
            ><input type="radio" name=${id(path)} .checked=${value === o} @change=${() => on.set(path, o)} />${valueLabel(o)}</label
          >`,
      )}
    </div>
  </fieldset>`;
}

const dateField = (path: string, value: string | undefined, f: FieldState, on: ToolHandlers, label?: unknown) =>
  textField(path, label ?? msg('Date de signature du contrat', { id: 'outil-date-signature' }), value ?? '', f, on, { date: true });

const legend = (text: unknown) => html`<p class="aam-legend">* ${text}</p>`;

// —— « Ce que l'assistant vous coûte » ——————————————————————————————————————————————————————————

/** « Années 3 à 5 », « Année 1 », « Chaque année » (every year of the contract), « Années 1, 3 ». */
function yearsLabel(years: number[], all: number): string {
  if (years.length === all) return msg('Chaque année', { id: 'cout-chaque-annee' });
  if (years.length === 1) return msg(str`Année ${years[0]}`, { id: 'cout-annee' });
  const [first, last] = [years[0], years[years.length - 1]];
  return last - first + 1 === years.length && years.length > 2
    ? msg(str`Années ${first} à ${last}`, { id: 'cout-annees-a' })
    : msg(str`Années ${years.slice(0, -1).join(', ')} et ${last}`, { id: 'cout-annees' });
}

/** `a` or « a à b », as the engine's figures go. */
function range(values: number[], format: (n: number) => string): string {
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  return lo === hi ? format(lo) : msg(str`${format(lo)} à ${format(hi)}`, { id: 'cout-de-a' });
}

/** A sentence with its figure set off and marked as an estimate. */
function figureText(text: string, figure: string) {
  const at = figure ? text.indexOf(figure) : -1;
  if (at < 0) return html`${text}${mark(true)}`;
  return html`${text.slice(0, at)}<strong class="aam-figure">${figure}</strong>${mark(true)}${text.slice(at + figure.length)}`;
}

/** The answer: what the assistant costs after the aid each year, and the consultations that pay for it. */
function costLead(r: AssistantCost, ctx: Ctx) {
  const years = r.years;
  if (!years.length) return nothing;
  if (years.some((y) => y.net === null)) {
    const cost = range(
      years.map((y) => y.employerCost),
      ctx.money,
    );
    return html`<p class="aam-lead">${figureText(msg(str`Coût employeur : ${cost} par an.`, { id: 'cout-sans-aide' }), cost)}</p>`;
  }
  const costly = years.filter((y) => y.net! > 0);
  const covered = years.filter((y) => y.net! <= 0);
  const label = (ys: CostYear[]) =>
    yearsLabel(
      ys.map((y) => y.year),
      years.length,
    );
  let first: unknown = nothing;
  if (costly.length) {
    const figure = range(
      costly.map((y) => y.net!),
      ctx.money,
    );
    const consultations = range(
      costly.map((y) => y.breakEvenConsultations!),
      ctx.number,
    );
    const patients = range(
      costly.map((y) => y.breakEvenPatients!),
      ctx.number,
    );
    first = figureText(
      msg(
        str`${label(costly)} : l’assistant vous coûte ${figure} par an après l’aide, soit ${consultations} consultations de plus par an (environ ${patients} patients de plus).`,
        { id: 'cout-lead' },
      ),
      figure,
    );
  }
  const second = covered.length ? msg(str`${label(covered)} : l’aide dépasse son coût.`, { id: 'cout-couvert' }) : '';
  return html`<p class="aam-lead">${first} ${second}</p>`;
}

/** Consecutive years with the same figures, shown as one row (« Années 3 à 5 »). */
function costRows(years: CostYear[], ctx: Ctx) {
  const same = (a: CostYear, b: CostYear) =>
    a.employerCost === b.employerCost && a.aid === b.aid && a.net === b.net && a.breakEvenConsultations === b.breakEvenConsultations;
  const groups: CostYear[][] = [];
  for (const y of years) {
    const last = groups[groups.length - 1];
    if (last && same(last[0], y)) last.push(y);
    else groups.push([y]);
  }
  const money = (n: number | null) => (n === null ? '—' : ctx.money(n));
  const count = (n: number | null) => (n === null ? '—' : ctx.number(n));
  return groups.map((g) => {
    const y = g[0];
    return html`<tr>
      <th scope="row">
        ${range(
          g.map((x) => x.year),
          String,
        )}
      </th>
      <td>${money(y.net)}</td>
      <td>${count(y.breakEvenConsultations)}</td>
      <td>${count(y.breakEvenPatients)}</td>
      <td>${ctx.money(y.employerCost)}</td>
      <td>${money(y.aid)}</td>
    </tr>`;
  });
}

const ratio = (n: number, ctx: Ctx) => new Intl.NumberFormat(ctx.lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 3 }).format(n);

/** How the figures are computed: the engine's notes, the employer-cost ratios, what is left out. */
function costMethod(r: AssistantCost, ctx: Ctx) {
  return html`${r.notes.map((n) => html`<p>${n.text}</p>`)}
    <ul>
      ${r.ratios.map((b) => {
        const [low, high] = [b.points[0], b.points[b.points.length - 1]];
        const [atSmic, atTop, top, none] = [low.ratio, high.ratio, high.grossToSmic, b.withoutReduction].map((n) => ratio(n, ctx));
        return html`<li>
          ${msg(
            str`Depuis le ${ctx.date(b.from)} : coût employeur = brut × ${atSmic} au SMIC, × ${atTop} à ${top} SMIC (× ${none} sans allègement) ; taux AT/MP supposé : ${ctx.share(b.atmp)}.`,
            { id: 'cout-ratio' },
          )}
        </li>`;
      })}
    </ul>
    <p>${msg('Non compris :', { id: 'cout-non-compris' })}</p>
    <ul>
      ${r.excluded.map((e) => html`<li>${e}</li>`)}
    </ul>`;
}

export function costView(
  r: AssistantCost | undefined,
  band: string | undefined,
  i: CostInputs,
  f: FieldState,
  ctx: Ctx,
  on: ToolHandlers,
  folds: Folds,
) {
  const aidNote =
    !r || !r.years.length
      ? nothing
      : r.years.some((y) => y.aid === null)
        ? msg('Aide non calculée : complétez vos réponses pour la connaître. Le coût est donné sans l’aide.', { id: 'cout-aide-inconnue' })
        : r.aidStatus === 'ineligible'
          ? msg('Pas d’aide pour ces réponses : le coût est entier.', { id: 'cout-sans-droit' })
          : r.aidStatus === 'incomplete'
            ? msg('Aide de la tranche la plus basse, sous réserve d’éligibilité : complétez vos réponses.', { id: 'cout-aide-basse' })
            : nothing;
  return html`${
      r
        ? html`${costLead(r, ctx)} ${aidNote === nothing ? nothing : html`<p class="aam-note aam-warning">${aidNote}</p>`}
            <div class="aam-table" role="region" tabindex="0" aria-labelledby="aam-cost-caption">
              <table>
                <caption id="aam-cost-caption" class="aam-v">
                  ${msg('Par année du contrat', { id: 'cout-par-annee' })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${msg('Année', { id: 'annee' })}</th>
                    <th scope="col">${msg('Coût après l’aide', { id: 'cout-net' })}${mark(true)}</th>
                    <th scope="col">${msg('Consultations en plus', { id: 'cout-consultations' })}</th>
                    <th scope="col">${msg('Patients en plus', { id: 'cout-patients' })}</th>
                    <th scope="col">${msg('Coût employeur', { id: 'cout-employeur' })}${mark(true)}</th>
                    <th scope="col">${msg('Aide', { id: 'cout-aide' })}</th>
                  </tr>
                </thead>
                <tbody>
                  ${costRows(r.years, ctx)}
                </tbody>
              </table>
            </div>
            ${legend(
              msg(
                'Estimations : salaire minimum de la convention collective (ou SMIC), charges patronales après allègements ; aide maximale de chaque année, modulée à partir de l’année 3 selon vos objectifs.',
                { id: 'cout-legende' },
              ),
            )}`
        : html`<p>${msg('Choisissez le temps de travail de l’assistant pour voir ce qu’il vous coûte.', { id: 'cout-choisir-option' })}</p>`
    }
    <div class="aam-tool-form">
      <h4>${msg('Vos hypothèses', { id: 'cout-hypotheses' })}</h4>
      ${optionField('c.option', i.option, on)}
      <div class="aam-field">
        <label for="t-c-level">${msg('Niveau de l’assistant (convention collective)', { id: 'cout-niveau' })}</label>
        <select
          id="t-c-level"
          ?disabled=${i.grossMonthly !== undefined}
          @change=${(e: Event) => on.set('c.level', Number((e.target as HTMLSelectElement).value))}
        >
          ${[5, 6, 7, 8, 9].map((n) => html`<option value=${n} ?selected=${i.level === n}>${msg(str`Niveau ${n}`, { id: 'cout-niveau-n' })}</option>`)}
        </select>
      </div>
      ${textField('c.gross', msg('ou salaire brut mensuel versé (€)', { id: 'cout-salaire' }), num(i.grossMonthly, ctx), f, on, {
        hint: msg('Remplace le niveau ; jamais moins que le SMIC.', { id: 'cout-salaire-aide' }),
      })}
      ${textField(
        'c.price',
        msg('Prix d’une consultation (€)', { id: 'cout-prix' }),
        num(i.consultationPrice ?? r?.years[0]?.consultationPrice, ctx),
        f,
        on,
      )}
      ${textField(
        'c.percentile',
        msg('Votre percentile (communiqué par la CPAM)', { id: 'cout-percentile' }),
        num(i.percentile, ctx),
        f,
        on,
        {
          hint: band ? msg(str`Aide de la tranche ${band}.`, { id: 'cout-tranche' }) : undefined,
        },
      )}
      ${dateField('c.date', i.contractDate, f, on)}
    </div>
    ${r ? fold(folds, 'tool:cost-method', msg('Comment c’est calculé', { id: 'outil-methode' }), () => costMethod(r, ctx)) : nothing}
    ${r ? sourceList('tool-cost', r.sources, folds) : nothing}`;
}

// —— « Suivi de mon contrat » ——————————————————————————————————————————————————————————————————

const indicatorLabel = (k: Indicator) =>
  k === 'patienteleMT'
    ? msg('Patientèle médecin traitant', { id: 'suivi-patientele-mt' })
    : msg('File active', { id: 'suivi-file-active' });

function progress(r: FollowUp, ctx: Ctx) {
  const review = r.latestReview;
  if (!r.objective || !review) return nothing;
  const rows = INDICATORS.filter((k) => r.objective![k] && r.attainment[k] !== undefined);
  if (!rows.length) return nothing;
  return html`<div class="aam-progress">
    ${rows.map((k) => {
      const o = r.objective![k]!;
      const rate = r.attainment[k]!;
      return html`<div>
        <span id=${`aam-progress-${k}`}>${indicatorLabel(k)}</span>
        <progress aria-labelledby=${`aam-progress-${k}`} max="100" value=${Math.round(rate * 100)}></progress>
        <span
          ><strong>${ctx.share(rate)}</strong> ·
          ${msg(str`${ctx.number(review[k] ?? 0)} sur ${ctx.number(o.target)} (${ctx.number(o.from)} à la signature)`, { id: 'suivi-compte' })}</span
        >
      </div>`;
    })}
  </div>`;
}

function followLead(r: FollowUp, ctx: Ctx) {
  const rate = r.attainment.rate;
  const b = r.balanceEstimate;
  const first =
    rate !== null && r.latestReview
      ? figureText(
          msg(str`Vous êtes à ${ctx.share(rate)} de votre objectif, au point d’étape du ${ctx.date(r.latestReview.date)}.`, {
            id: 'suivi-lead',
          }),
          ctx.share(rate),
        )
      : !r.objective
        ? msg('Entrez l’objectif que votre CPAM vous a fixé pour voir où vous en êtes.', { id: 'suivi-sans-objectif' })
        : msg('Entrez les chiffres d’un point d’étape pour voir où vous en êtes.', { id: 'suivi-sans-point' });
  return html`<p class="aam-lead">
      ${first}
      ${
        b.amount !== null
          ? html`${msg(str`Solde estimé de l’année ${b.year} : ${ctx.money(b.amount)} (sur ${ctx.money(b.max ?? 0)} au plus).`, {
              id: 'suivi-solde',
            })}${mark(true)}`
          : nothing
      }
    </p>
    ${r.nextReview ? html`<p>${msg(str`Prochain point d’étape : ${ctx.date(r.nextReview)}.`, { id: 'suivi-prochain' })}</p>` : nothing}
    ${
      r.objective?.origin === 'engine'
        ? html`<p class="aam-note aam-estimate">
            ${msg(str`Objectif des règles, à confirmer avec votre CPAM : ${r.objective.text}`, { id: 'suivi-objectif-regles' })}${mark(true)}
          </p>`
        : nothing
    }
    ${r.notes.filter((n) => n.kind === 'cpam').map((n) => html`<p class="aam-note">${n.text}</p>`)}`;
}

function counts(prefix: string, values: Partial<Record<Indicator, number>>, f: FieldState, ctx: Ctx, on: ToolHandlers) {
  return INDICATORS.map((k) => textField(`${prefix}.${k}`, indicatorLabel(k), num(values[k], ctx), f, on, { integer: true }));
}

export interface FollowData {
  result?: FollowUp;
  /** Reviews (by their place in the doctor's list) the engine did not count: dated outside the contract. */
  reviewErrors: Set<number>;
}

export function followView(
  d: FollowData,
  data: FollowUpData,
  file: { url: string; name: string },
  note: { text: string; error?: boolean; undo?: unknown } | undefined,
  f: FieldState,
  ctx: Ctx,
  on: ToolHandlers,
  folds: Folds,
) {
  const r = d.result;
  return html`${
      r
        ? html`${followLead(r, ctx)} ${progress(r, ctx)}
          ${
            r.attainment.rate !== null || r.balanceEstimate.amount !== null
              ? legend(
                  msg(
                    'Estimations : taux d’atteinte et solde calculés en proportion de vos chiffres ; la formule officielle n’est pas publiée.',
                    {
                      id: 'suivi-legende',
                    },
                  ),
                )
              : nothing
          }`
        : html`<p>${msg('Indiquez la date de signature et le temps de travail de l’assistant.', { id: 'suivi-contrat-manquant' })}</p>`
    }
    <div class="aam-tool-form">
      <fieldset class="aam-group-fields aam-top">
        <legend>${msg('Votre contrat', { id: 'suivi-contrat' })}</legend>
        ${dateField('f.date', data.contractDate, f, on)} ${optionField('f.option', data.option, on)}
      </fieldset>
      <fieldset class="aam-group-fields">
        <legend>${msg('À la signature', { id: 'suivi-initial' })}</legend>
        ${counts('f.initial', data.initial, f, ctx, on)}
      </fieldset>
      <fieldset class="aam-group-fields">
        <legend>${msg('Objectif fixé par la CPAM', { id: 'suivi-objectif' })}</legend>
        ${counts('f.objective', data.objective, f, ctx, on)}
      </fieldset>
      ${data.reviews.map(
        (rev, i) =>
          html`<fieldset class="aam-group-fields">
            <legend>${msg(str`Point d’étape ${i + 1}`, { id: 'suivi-point' })}</legend>
            ${dateField(`f.reviews.${i}.date`, rev.date, f, on, msg('Date', { id: 'suivi-date' }))}
            ${counts(`f.reviews.${i}`, rev, f, ctx, on)}
            <button type="button" class="aam-link" @click=${() => on.removeReview(i)}>
              ${msg('Retirer', { id: 'suivi-retirer' })}<span class="aam-v">
                : ${msg(str`Point d’étape ${i + 1}`, { id: 'suivi-point' })}</span
              >
            </button>
            ${
              d.reviewErrors.has(i)
                ? html`<p class="aam-error">
                    ${msg('Date hors du contrat ou à venir : ce point n’est pas compté.', { id: 'suivi-point-hors' })}
                  </p>`
                : nothing
            }
          </fieldset>`,
      )}
      ${
        data.reviews.length < MAX_REVIEWS
          ? html`<p>
              <button type="button" class="aam-button" id="aam-add-review" @click=${on.addReview}>
                ${msg('Ajouter un point d’étape', { id: 'suivi-ajouter-point' })}
              </button>
            </p>`
          : nothing
      }
    </div>
    <div class="aam-tool-files">
      <p>
        ${msg('Ce suivi n’est enregistré nulle part : exportez-le, ou copiez le lien de la simulation, qui le contient.', {
          id: 'suivi-nulle-part',
        })}
      </p>
      <p class="aam-tool-actions">
        ${file.url ? html`<a class="aam-button" href=${file.url} download=${file.name}>${msg('Exporter (.json)', { id: 'suivi-exporter' })}</a>` : nothing}
        <label class="aam-button aam-file"
          >${msg('Importer un suivi (.json)', { id: 'suivi-importer' })}<input
            type="file"
            accept=".json,application/json"
            @change=${(e: Event) => on.importFile(e.target as HTMLInputElement)}
        /></label>
      </p>
      <p role="status" class=${note?.error ? 'aam-error' : ''}>
        ${note?.text ?? nothing}
        ${
          note?.undo
            ? html`<button type="button" class="aam-link" @click=${on.undoImport}>
                ${msg('Revenir au suivi précédent', { id: 'suivi-annuler-import' })}
              </button>`
            : nothing
        }
      </p>
    </div>
    ${
      r
        ? fold(
            folds,
            'tool:follow-method',
            msg('Comment c’est calculé', { id: 'outil-methode' }),
            () => html`<p>${r.balanceEstimate.method}</p>`,
          )
        : nothing
    }
    ${r ? sourceList('tool-follow', r.sources, folds) : nothing}`;
}

// —— « Ajouter au calendrier » ————————————————————————————————————————————————————————————————

export interface CalendarData {
  text: string;
  url: string;
  contractDate: string;
  payments: number;
  reviews: number;
}

export function calendarView(c: CalendarData | undefined, i: CostInputs, f: FieldState, _ctx: Ctx, on: ToolHandlers) {
  return html`${
      !c
        ? html`<p>${msg('Choisissez le temps de travail de l’assistant.', { id: 'ics-choisir-option' })}</p>`
        : c.text
          ? html`<p>
                ${msg(
                  str`Dans ce fichier : les ${c.payments} versements de l’aide, les ${c.reviews} points d’étape avec la CPAM et la date limite du CQP de votre assistant.`,
                  { id: 'ics-contenu' },
                )}
              </p>
              <p>
                <a class="aam-primary" href=${c.url} download=${`aide-assistant-medical-${c.contractDate}.ics`} @click=${on.calendar}
                  >${msg('Télécharger le calendrier (.ics)', { id: 'ics-telecharger' })}</a
                >
              </p>`
          : html`<p class="aam-note aam-warning">${msg('Aucun versement à inscrire pour ces réponses.', { id: 'ics-vide' })}</p>`
    }
    <div class="aam-tool-form">${optionField('c.option', i.option, on)} ${dateField('c.date', i.contractDate, f, on)}</div>`;
}
