/**
 * What the installation and retention aids share: the regime for the signature date (or a held
 * contract's), the "closed to new contracts" case with what a holder keeps, conditions → reasons,
 * notes with their `when`, payments, secteur 2 proration. Each kind file only computes its amounts.
 */
import { evaluate, fill, pickText, type Context, type Vars, type Verdict } from '../conditions.js';
import { addMonths, addYears } from '../dates.js';
import type { Figure, RegimeRules, SchemeRules } from '../rules/schema.js';
import type { HeldContract, IsoDate, Note, OptionResult, Payment, Profile, Reason, SchemeResult, Source } from '../types.js';
import { addFields, conditionReason, emptyResult, regimeAt, statusOf, type Env } from './common.js';

export const HORIZON = 5;

export interface Aid {
  scheme: SchemeRules;
  regime: RegimeRules;
  profile: Profile;
  env: Env;
  /** Signature date: the held contract's, else the scheme's date field, else the simulation date. */
  start: IsoDate;
  held?: HeldContract;
  ctx: Context & { vars: Vars };
  result: SchemeResult;
  /** The value of the scheme's amount field, when answered (else it is added to `missing`). */
  amount: number | undefined;
  fig(name: string): Figure | undefined;
  src(refs: readonly string[]): Source[];
  ask(field: string): void;
  text(key: string, variant: 'ok' | 'ko' | 'unknown'): string;
  /** Sets a value texts can interpolate. */
  set(name: string, value: unknown): void;
}

const GENERIC = {
  fr: {
    ended: 'Plus de nouveau contrat depuis le {d}.',
    notYet: 'Ouvert aux contrats signés à partir du {d}.',
    s2: 'Secteur 2 : montant proratisé selon la part d’activité à tarifs opposables ({share}).',
    s2unknown: 'Secteur 2 : montant proratisé selon la part d’activité à tarifs opposables ; indiquez-la (montant maximal affiché).',
    renew: 'Si le contrat est renouvelé.',
    held: 'Contrat signé le {d} : vous le conservez.',
    heldUntil: 'Contrat signé le {d} : vous le conservez jusqu’au {end}.',
    heldUndated: 'Vous avez signé ce contrat : vous le conservez.',
  },
  en: {
    ended: 'No new contracts since {d}.',
    notYet: 'Open to contracts signed from {d}.',
    s2: 'Secteur 2: amount prorated by the share of activity at tarifs opposables ({share}).',
    s2unknown: 'Secteur 2: amount prorated by the share of activity at tarifs opposables; enter it (maximum shown).',
    renew: 'If the contract is renewed.',
    held: 'Contract signed on {d}: you keep it.',
    heldUntil: 'Contract signed on {d}: you keep it until {end}.',
    heldUndated: 'You signed this contract: you keep it.',
  },
};

export function frDate(d: IsoDate, lang: Env['lang']): string {
  return lang === 'en' ? d : `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

const dayMs = 86_400_000;
const yearsFrom = (from: IsoDate, to: IsoDate) => (Date.parse(to) - Date.parse(from)) / dayMs / 365.25;

/** A contract of this scheme the doctor holds and that still runs on `asOf` (a fixed-term one ends after `duration` years). */
export function heldContract(scheme: SchemeRules, profile: Profile, asOf: IsoDate): HeldContract | undefined {
  const c = profile.heldContracts?.find((h) => h.id === scheme.id);
  if (!c) return undefined;
  const last = scheme.regimes[scheme.regimes.length - 1];
  const duration = last.params?.duration?.value;
  if (c.signed && duration && !last.params?.renewable && addYears(c.signed, duration) <= asOf) return undefined;
  return c;
}

/**
 * One evaluation of one aid: the rule context (tests read the profile and a few derived values) and
 * the helpers kind files call. A class, so that an evaluation allocates one object, not a dozen closures.
 */
class AidRun implements Aid, Context {
  /** Values some texts interpolate beside the profile's ({end}, {engagement}). */
  readonly extra: Record<string, unknown> = {};
  readonly ctx: Aid['ctx'] = this;
  readonly vars: (name: string) => unknown;
  regime!: RegimeRules;
  amount: number | undefined;
  private readonly heldIds: string[];
  private readonly specialtyGroup: string | undefined;

  constructor(
    readonly scheme: SchemeRules,
    readonly profile: Profile,
    readonly env: Env,
    readonly start: IsoDate,
    readonly held: HeldContract | undefined,
    readonly result: SchemeResult,
    private readonly closed: boolean,
  ) {
    this.vars = (name) => (this.extra[name] !== undefined ? this.extra[name] : this.profile[name]);
    this.heldIds = profile.heldContracts?.map((c) => c.id) ?? [];
    this.specialtyGroup = profile.specialty ? env.rules.specialties.get(profile.specialty)?.group : undefined;
  }
  get(name: string): unknown {
    if (name === 'installedYears') return this.profile.installationDate ? yearsFrom(this.profile.installationDate, this.start) : undefined;
    if (name === 'specialtyGroup') return this.specialtyGroup;
    // Contracts held: none when the profile lists none.
    if (name.startsWith('holds.')) return this.heldIds.includes(name.slice(6));
    return this.profile[name];
  }
  askFor(name: string): string {
    return name === 'installedYears' ? 'installationDate' : name === 'specialtyGroup' ? 'specialty' : name;
  }
  fact(name: string): Verdict {
    return { value: name === 'held' ? !!this.held : name === 'closed' ? this.closed : null, fields: [] };
  }
  fig(name: string): Figure | undefined {
    return this.regime.params?.[name];
  }
  src(refs: readonly string[]): Source[] {
    return this.env.rules.resolve(refs);
  }
  ask(field: string): void {
    addFields(this.result.missing, [field]);
  }
  text(key: string, variant: 'ok' | 'ko' | 'unknown'): string {
    return pickText(this.scheme.texts?.[key], variant, this.env.lang, this.vars);
  }
  set(name: string, value: unknown): void {
    this.extra[name] = value;
  }
  notes(r: RegimeRules, conditionalOnly = false): Note[] {
    const out: Note[] = [];
    for (const n of r.notes ?? []) {
      if (conditionalOnly && !n.when) continue;
      if (n.when && evaluate(n.when, this).value !== true) continue;
      out.push({
        id: n.id,
        text: fill((this.env.lang === 'en' && n.en) || n.text, this.vars, this.env.lang),
        sources: this.src(n.sources),
        kind: n.kind ?? 'info',
      });
    }
    return out;
  }
}

export function evaluateAid(scheme: SchemeRules, profile: Profile, env: Env, compute: (aid: Aid) => void): SchemeResult {
  const result = emptyResult(scheme, env);
  const held = heldContract(scheme, profile, env.asOf);
  const dateField = scheme.dateField;
  const fieldDate = dateField ? (profile[dateField] as IsoDate | undefined) : undefined;
  const start = held?.signed ?? fieldDate ?? env.asOf;
  const openNow = regimeAt(scheme, start);
  const regime = openNow ?? (held ? scheme.regimes[scheme.regimes.length - 1] : undefined);
  const closed = held ? !regimeAt(scheme, env.asOf) : !regime;
  const aid = new AidRun(scheme, profile, env, start, held, result, closed);
  const generic = GENERIC[env.lang];

  if (!regime) {
    // Closed to new contracts (or not open yet) on that date: say since / from when, and what replaces it.
    const after = scheme.regimes.find((r) => r.signedFrom && start < r.signedFrom.date) ?? scheme.regimes[0];
    const before = [...scheme.regimes].reverse().find((r) => r.signedTo && start > r.signedTo.date);
    const edge = before?.signedTo
      ? { d: dayAfter(before.signedTo.date), s: before.signedTo.sources, t: generic.ended }
      : { d: after.signedFrom?.date ?? start, s: after.signedFrom?.sources ?? scheme.sources, t: generic.notYet };
    const own = scheme.texts?.closed;
    result.status = 'closed';
    result.reasons.push({
      id: 'dates',
      ok: false,
      text: own ? pickText(own, 'ko', env.lang, aid.vars) : fill(edge.t, { d: frDate(edge.d, env.lang) }, env.lang),
      sources: aid.src(edge.s),
    });
    // Only the notes written for this case (their `when` holds): what replaces the scheme.
    result.notes = aid.notes(before ?? after, true);
    return result;
  }
  aid.regime = regime;
  result.regime = regime.id;
  result.regimeTitle = (env.lang === 'en' && regime.title_en) || regime.title;
  const duration = regime.params?.duration?.value;
  if (held?.signed && duration) aid.set('end', frDate(addYears(held.signed, duration), env.lang));

  if (held) {
    // The conditions were checked when the contract was signed: say what the doctor keeps instead.
    const d = held.signed ? frDate(held.signed, env.lang) : undefined;
    const end = aid.extra.end as string | undefined;
    result.reasons.push({
      id: 'contrat-en-cours',
      ok: true,
      text: fill(d ? (end ? generic.heldUntil : generic.held) : generic.heldUndated, { d, end }, env.lang),
      sources: aid.src(regime.signedTo?.sources ?? scheme.sources),
    });
  } else
    for (const c of regime.conditions) {
      const r = conditionReason(c, aid, env);
      if (r) result.reasons.push(r);
    }
  if (dateField && !fieldDate && !held && scheme.texts?.date) {
    result.reasons.push({
      id: 'date',
      ok: null,
      text: pickText(scheme.texts.date, 'unknown', env.lang, aid.vars),
      sources: aid.src(regime.signedFrom?.sources ?? scheme.sources),
      fields: [dateField],
    });
  }
  result.notes = aid.notes(regime);
  if (scheme.apply)
    result.apply = { text: (env.lang === 'en' && scheme.apply.en) || scheme.apply.text, links: aid.src(scheme.apply.links) };
  if (result.reasons.some((r) => r.ok === false)) return result;
  for (const r of result.reasons) if (r.ok === null) addFields(result.missing, r.fields ?? []);

  const amountField = scheme.amountField;
  aid.amount = amountField ? (profile[amountField] as number | undefined) : undefined;
  compute(aid);
  result.status = result.reasons.some((r) => r.ok === false) ? 'ineligible' : closed ? 'closed' : statusOf(result.reasons);
  if (result.status === 'ineligible') {
    result.options = [];
    result.missing = [];
  }
  return result;
}

const nextDays = new Map<IsoDate, IsoDate>();
/** The day after `d` (a regime's last signature day → the first day it is closed), cached: few distinct dates. */
function dayAfter(d: IsoDate): IsoDate {
  let out = nextDays.get(d);
  if (!out) nextDays.set(d, (out = new Date(Date.parse(d) + dayMs).toISOString().slice(0, 10)));
  return out;
}

/**
 * One payment per contract year: `amounts[i]` for year i + 1, paid `payMonths` after the year starts.
 * For a contract already held, only the payments still to come.
 */
export function yearly(aid: Aid, amounts: number[], sources: Source[], estimate?: string): Payment[] {
  const pay = aid.fig('payMonths');
  const years = aid.fig('years')?.value;
  const renew = GENERIC[aid.env.lang].renew;
  return upcoming(
    aid,
    amounts.map((amount, i) => {
      const p: Payment = { year: i + 1, amount, date: addMonths(aid.start, i * 12 + (pay?.value ?? 0)), sources };
      const notes: string[] = [];
      if (estimate) notes.push(estimate);
      if (pay?.inferred) notes.push(pay.inferred);
      if (years && i >= years) notes.push(renew);
      if (notes.length) {
        p.estimate = true;
        p.note = notes.join(' ');
      }
      return p;
    }),
  );
}

/** A held contract shows what is still to come; a new one every payment. */
export function upcoming(aid: Aid, payments: Payment[]): Payment[] {
  return aid.held ? payments.filter((p) => !p.date || p.date >= aid.env.asOf) : payments;
}

/**
 * Contract years shown: the contract's length, up to the 5-year horizon when it can be renewed
 * (for a contract already held, 5 more years from the simulation date), never beyond `maxYears`.
 */
export function yearsShown(aid: Aid): number {
  const years = aid.fig('years')?.value ?? HORIZON;
  let n = years;
  if (aid.fig('renewable')) n = Math.max(years, HORIZON + (aid.held ? Math.max(0, Math.floor(yearsFrom(aid.start, aid.env.asOf))) : 0));
  return Math.min(n, aid.fig('maxYears')?.value ?? n);
}

/**
 * Secteur 2: the share of activity at tarifs opposables the amount is prorated by (1 in secteur 1).
 * Unknown share: 1 (the maximum), `opposableShare` asked for, and the option marked as an estimate.
 */
export function sector2Share(aid: Aid): { share: number; note?: string; estimate?: boolean } {
  const rule = aid.fig('s2');
  const sector = aid.profile.sector;
  if (!rule || (sector !== '2' && sector !== '2-optam')) return { share: 1 };
  const g = GENERIC[aid.env.lang];
  const s = aid.profile.opposableShare;
  if (s === undefined) {
    aid.ask('opposableShare');
    return { share: 1, note: g.s2unknown, estimate: true };
  }
  return { share: s, note: fill(g.s2, { share: `${Math.round(s * 100)} %` }, aid.env.lang), estimate: !!rule.inferred };
}

export function option(aid: Aid, payments: Payment[], extra: Partial<OptionResult> = {}): OptionResult {
  const o = aid.regime.options[0];
  const out: OptionResult = {
    id: o?.id ?? aid.scheme.id,
    label: (aid.env.lang === 'en' && o?.label_en) || o?.label || aid.result.title,
    payments,
    total: payments.reduce((t, p) => t + p.amount, 0),
    ...extra,
  };
  if (payments.some((p) => p.estimate)) out.estimate = true;
  return out;
}

export type { Reason };
