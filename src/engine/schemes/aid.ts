/**
 * The one evaluation skeleton every kind of scheme shares: situation and scope, the regime for the signature
 * date (or a held contract's), the "closed to new contracts" case with what a holder keeps, conditions →
 * reasons, notes with their `when`, payments, renewals, secteur 2 proration. Each kind file only computes
 * its amounts, through the one rule context below.
 */
import { evaluate, fill, localized, pickText, type Context, type Vars, type Verdict } from '../conditions.js';
import { addMonths, addYears, yearsBetween } from '../dates.js';
import type { Specialty } from '../rules/ruleset.js';
import type { Figure, RegimeRules, SchemeRules, TextRules } from '../rules/schema.js';
import type { HeldContract, IsoDate, Note, OptionResult, Payment, Profile, Reason, SchemeResult, Source } from '../types.js';
import { addFields, Ask, conditionReason, emptyResult, regimeAt, statusOf, type Env } from './common.js';

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
  specialty?: Specialty;
  fig(name: string): Figure | undefined;
  src(refs: readonly string[]): Source[];
  /** Asks for a field, `priority` saying how decisive it is (see `Ask`). */
  ask(field: string, priority?: number): void;
  /** A text of the regime, else of the scheme. */
  text(key: string, variant: 'ok' | 'ko' | 'unknown'): string;
  /** Sets a value tests and texts can read. */
  set(name: string, value: unknown): void;
  get(name: string): unknown;
}

const GENERIC_FR = {
  ended: 'Plus de nouveau contrat depuis le {d}.',
  notYet: 'Ouvert aux contrats signés à partir du {d}.',
  s2: 'Secteur 2\u00a0: montant proratisé selon la part d’activité à tarifs opposables ({share}).',
  s2unknown:
    'Secteur 2\u00a0: montant proratisé selon la part d’activité à tarifs opposables\u202f; indiquez-la (montant maximal affiché).',
  renew: 'Si le contrat est renouvelé.',
  held: 'Contrat signé le {d}\u00a0: vous le conservez.',
  heldUntil: 'Contrat signé le {d}\u00a0: vous le conservez jusqu’au {end}.',
  heldUndated: 'Vous avez signé ce contrat\u00a0: vous le conservez.',
  heldDone: 'Contrat signé le {d}\u00a0: ses versements sont terminés.',
  situation: 'Ne concerne pas votre situation.',
};

/** Texts every kind shares, by language; English is added by texts-en.ts (a separate chunk in the widget's build). */
export const GENERIC: Partial<Record<Env['lang'], typeof GENERIC_FR>> & { fr: typeof GENERIC_FR } = { fr: GENERIC_FR };
const genericTexts = (lang: Env['lang']) => GENERIC[lang] ?? GENERIC_FR;

/** Month names by language (English added by texts-en.ts). */
export const MONTHS: Partial<Record<Env['lang'], string[]>> = {};
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** One date format in every text: « 1ᵉʳ janvier 2026 », « 1 January 2026 ». */
export function textDate(d: IsoDate, lang: Env['lang']): string {
  const day = +d.slice(8, 10);
  const month = +d.slice(5, 7) - 1;
  if (lang === 'en' && MONTHS.en) return `${day} ${MONTHS.en[month]} ${+d.slice(0, 4)}`;
  return `${day === 1 ? '1ᵉʳ' : day}\u00a0${MONTHS_FR[month]} ${+d.slice(0, 4)}`;
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

/** Derived values tests may read, and the answer to ask when they are unknown. */
const ASK_FOR: Record<string, string> = {
  specialtyGroup: 'specialty',
  avenant7Scope: 'specialty',
  specialtyLabel: 'specialty',
  avenant7Local: 'department',
  installedYears: 'installationDate',
  contractYear: 'contractDate',
  band: 'percentile',
};

/** Missing answers by scheme result, with how decisive each is: simulate() orders the questions by it. */
export const askPriorities = new WeakMap<SchemeResult, Map<string, number>>();

/**
 * The one rule context: tests read the profile and a few values derived from it or set by the mechanism
 * (band, derogation…). A class, so that an evaluation allocates one object, not a dozen closures; the
 * profile is never copied nor used as a prototype (slow in V8).
 */
class AidRun implements Aid, Context {
  /** Values set by the mechanism beside the profile's; `vars` reads both. */
  readonly extra: Record<string, unknown> = {};
  readonly ctx: Aid['ctx'] = this;
  readonly vars: (name: string) => unknown;
  regime!: RegimeRules;
  amount: number | undefined;
  readonly specialty?: Specialty;
  readonly priorities = new Map<string, number>();

  constructor(
    readonly scheme: SchemeRules,
    readonly profile: Profile,
    readonly env: Env,
    readonly start: IsoDate,
    readonly held: HeldContract | undefined,
    readonly result: SchemeResult,
    private readonly closed: boolean,
  ) {
    this.vars = (name) => this.get(name);
    this.specialty = profile.specialty ? env.rules.specialties.get(profile.specialty) : undefined;
    askPriorities.set(result, this.priorities);
  }

  get(name: string): unknown {
    const x = this.extra[name];
    if (x !== undefined) return x;
    const p = this.profile;
    switch (name) {
      case 'specialtyGroup':
        return this.specialty?.group;
      case 'avenant7Scope':
        return this.specialty?.avenant7;
      case 'specialtyLabel':
        return this.specialty && localized(this.specialty, 'label', this.env.lang);
      case 'avenant7Local':
        return this.specialty && avenant7Local(this.specialty.id, this.env);
      case 'installedYears':
        return p.installationDate ? yearsFrom(p.installationDate, this.start) : undefined;
      case 'contractYear':
        // A past signature date is a contract already signed: its current contract year.
        return p.contractDate && p.contractDate <= this.env.asOf ? yearsBetween(p.contractDate, this.env.asOf) + 1 : undefined;
      // Answers imply others: the situation, or a patientèle (an installed doctor), settle these two.
      case 'student':
        return p.student ?? (p.situation ? p.situation === 'etudiant' : installedHint(p) ? false : undefined);
      case 'remplacant':
        return p.remplacant ?? (p.situation ? p.situation === 'remplacant' : installedHint(p) ? false : undefined);
    }
    // Contracts held: none when the profile lists none.
    if (name.startsWith('holds.')) return !!p.heldContracts?.some((c) => c.id === name.slice(6));
    return p[name];
  }
  askFor(name: string): string {
    return ASK_FOR[name] ?? name;
  }
  fact(name: string): Verdict {
    const value = name === 'held' ? !!this.held : name === 'closed' ? this.closed : this.extra[name];
    return { value: typeof value === 'boolean' ? value : null, fields: [] };
  }
  fig(name: string): Figure | undefined {
    return this.regime.params?.[name];
  }
  src(refs: readonly string[]): Source[] {
    return this.env.rules.resolve(refs);
  }
  ask(field: string, priority: number = Ask.Amount): void {
    const known = this.priorities.get(field);
    if (known === undefined || priority < known) this.priorities.set(field, priority);
    addFields(this.result.missing, [field]);
  }
  text(key: string, variant: 'ok' | 'ko' | 'unknown'): string {
    const t: TextRules | undefined = this.regime?.texts?.[key] ?? this.scheme.texts?.[key];
    return pickText(t, variant, this.env.lang, this.vars);
  }
  set(name: string, value: unknown): void {
    this.extra[name] = value;
  }
  /** The one note builder: a regime's notes whose `when` holds, texts filled. */
  notes(r: RegimeRules, conditionalOnly = false): Note[] {
    const out: Note[] = [];
    for (const n of r.notes ?? []) {
      if (conditionalOnly && !n.when) continue;
      if (n.when && evaluate(n.when, this).value !== true) continue;
      out.push({
        id: n.id,
        text: fill(localized(n, 'text', this.env.lang), this.vars, this.env.lang),
        sources: this.src(n.sources),
        kind: n.kind ?? 'info',
      });
    }
    return out;
  }
}

/** Answers only an installed (or installing) doctor gives: a patientèle, a contract held, an installation. */
export const installedHint = (p: Profile) =>
  p.patienteleMT !== undefined ||
  p.fileActive !== undefined ||
  !!p.heldContracts?.length ||
  p.installationDate !== undefined ||
  p.firstInstallation !== undefined;

/**
 * Avenant 7/8: is the specialty on the region's list for the doctor's département? 'no-list' where the
 * region publishes none (the national reading applies); undefined while the département is unknown.
 */
function avenant7Local(specialty: string, env: Env): 'listed' | 'not-listed' | 'no-list' | undefined {
  const lists = env.region.avenant7Specialties;
  if (!lists?.length) return 'no-list';
  if (!env.departement) return undefined;
  return lists.some((l) => l.department === env.departement!.code && l.specialties.includes(specialty)) ? 'listed' : 'not-listed';
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
  const generic = genericTexts(env.lang);

  // Not the doctor's situation, or a scheme for some doctors only: nothing to ask (a held contract always counts).
  if (!held) {
    const situation = profile.situation;
    const outside = situation && scheme.situations && !scheme.situations.includes(situation);
    if (outside || (scheme.applies && evaluate(scheme.applies, aid).value !== true)) {
      result.status = 'not-applicable';
      const own = scheme.texts?.applies;
      result.reasons.push({
        id: 'situation',
        ok: false,
        text: !outside && own ? pickText(own, 'unknown', env.lang, aid.vars) : generic.situation,
        sources: aid.src(scheme.sources),
      });
      return result;
    }
  }

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
      text: own ? pickText(own, 'ko', env.lang, aid.vars) : fill(edge.t, { d: textDate(edge.d, env.lang) }, env.lang),
      sources: aid.src(edge.s),
    });
    // Only the notes written for this case (their `when` holds): what replaces the scheme.
    result.notes = aid.notes(before ?? after, true);
    return result;
  }
  aid.regime = regime;
  result.regime = regime.id;
  result.regimeTitle = localized(regime, 'title', env.lang);
  const duration = regime.params?.duration?.value;
  if (held?.signed && duration) aid.set('end', textDate(addYears(held.signed, duration), env.lang));

  if (held) {
    // The conditions were checked when the contract was signed: say what the doctor keeps instead.
    const d = held.signed ? textDate(held.signed, env.lang) : undefined;
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
  if (scheme.apply)
    result.apply = { text: localized(scheme.apply, 'text', env.lang), links: aid.src(scheme.apply.links) };
  if (scheme.prepare)
    result.prepare = { text: localized(scheme.prepare, 'text', env.lang), sources: aid.src(scheme.prepare.sources) };
  if (!result.reasons.some((r) => r.ok === false)) {
    const amountField = scheme.amountField;
    aid.amount = amountField ? (profile[amountField] as number | undefined) : undefined;
    compute(aid);
  }
  // Notes last: the mechanism may have set values their `when` reads.
  result.notes = [...result.notes, ...aid.notes(regime)];
  const refuted = result.reasons.some((r) => r.ok === false);
  if (held) {
    // A held contract whose payments are all behind: kept, ended, not "0 €".
    result.options = result.options.filter((o) => o.payments.length || o.renewal?.length);
    if (!result.options.length && held.signed)
      result.reasons[0].text = fill(generic.heldDone, { d: textDate(held.signed, env.lang) }, env.lang);
  }
  result.status = held ? 'held' : refuted ? 'ineligible' : statusOf(result.reasons);
  if (refuted && !held) {
    result.options = [];
    result.missing = [];
    aid.priorities.clear();
  } else for (const r of result.reasons) if (r.ok === null) for (const f of r.fields ?? []) aid.ask(f, Ask.Eligibility);
  // Most decisive first; equal priorities keep the order the rules gave.
  result.missing.sort((a, b) => (aid.priorities.get(a) ?? Ask.Amount) - (aid.priorities.get(b) ?? Ask.Amount));
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
 * One payment per contract year: `amounts[i]` for year i + 1, paid `payMonths` after the year starts. The
 * signed term's payments count; later years (a renewal, tacit or on conditions) go apart, never in totals.
 * For a contract already held, only what is still to come, in the term that runs now.
 */
export function yearly(aid: Aid, amounts: number[], sources: Source[], estimate?: string): { payments: Payment[]; renewal: Payment[] } {
  const pay = aid.fig('payMonths');
  const term = aid.fig('years')?.value ?? amounts.length;
  const renew = genericTexts(aid.env.lang).renew;
  // The term running on the simulation date (a held contract renewed tacitly is in its k-th term).
  const elapsed = aid.held ? Math.max(0, Math.floor(yearsFrom(aid.start, aid.env.asOf))) : 0;
  const termEnd = (Math.floor(elapsed / term) + 1) * term;
  const payments: Payment[] = [];
  const renewal: Payment[] = [];
  amounts.forEach((amount, i) => {
    const p: Payment = { year: i + 1, amount, date: addMonths(aid.start, i * 12 + (pay?.value ?? 0)), sources };
    const notes: string[] = [];
    if (estimate) notes.push(estimate);
    if (pay?.inferred) notes.push(pay.inferred);
    if (i >= termEnd) notes.push(renew);
    if (notes.length) {
      p.estimate = !!(estimate || pay?.inferred);
      p.note = notes.join(' ');
    }
    if (aid.held && p.date! < aid.env.asOf) return;
    (i < termEnd ? payments : renewal).push(p);
  });
  return { payments, renewal };
}

/** A held contract shows what is still to come; a new one every payment. */
export function upcoming(aid: Aid, payments: Payment[]): Payment[] {
  return aid.held ? payments.filter((p) => !p.date || p.date >= aid.env.asOf) : payments;
}

/**
 * Contract years computed: the contract's length, up to the 5-year horizon when it can be renewed
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
  const g = genericTexts(aid.env.lang);
  const s = aid.profile.opposableShare;
  if (s === undefined) {
    aid.ask('opposableShare');
    return { share: 1, note: g.s2unknown, estimate: true };
  }
  return { share: s, note: fill(g.s2, { share: `${Math.round(s * 100)}\u00a0%` }, aid.env.lang), estimate: !!rule.inferred };
}

export function option(aid: Aid, payments: Payment[], extra: Partial<OptionResult> = {}): OptionResult {
  const o = aid.regime.options[0];
  const out: OptionResult = {
    id: o?.id ?? aid.scheme.id,
    label: (o && localized(o, 'label', aid.env.lang)) || aid.result.title,
    payments,
    total: payments.reduce((t, p) => t + p.amount, 0),
    ...extra,
  };
  if (!out.renewal?.length) delete out.renewal;
  if (payments.some((p) => p.estimate)) out.estimate = true;
  return out;
}

export type { Reason };
