/**
 * The one evaluation skeleton every kind of scheme shares: situation and scope, the regime for the signature
 * date (or a held contract's), the "closed to new contracts" case with what a holder keeps, conditions →
 * reasons, notes with their `when`, payments, renewals, secteur 2 proration. Each kind file only computes
 * its amounts, through the one rule context below.
 */
import { evaluate, FALSE, fill, localized, pickText, TRUE, type Context, type Variant, type Vars, type Verdict } from '../conditions.js';
import { addMonths, addYears, dayAfter, dayOf, monthOf, yearOf, yearsBetween } from '../dates.js';
import type { Specialty } from '../rules/ruleset.js';
import type { ConditionRules, Figure, RegimeRules, SchemeRules, TextRules } from '../rules/schema.js';
import type { HeldContract, IsoDate, Note, OptionResult, Payment, Profile, Reason, SchemeResult, Source } from '../types.js';
import { Ask, Asked, reason, refuted, regimeAt, statusOf, variantOf, type Env } from './common.js';

export const HORIZON = 5;

/** The rule context of one scheme's evaluation: what a kind computes with, and the context its tests read. */
export interface Aid extends Context {
  scheme: SchemeRules;
  regime: RegimeRules;
  profile: Profile;
  env: Env;
  /** Signature date: the held contract's, else the scheme's date field, else the simulation date. */
  start: IsoDate;
  held?: HeldContract;
  /** What texts interpolate: the same values as tests read. */
  vars: Vars;
  result: SchemeResult;
  /** The value of the scheme's amount field, when answered (else it is added to `missing`). */
  amount: number | undefined;
  specialty?: Specialty;
  fig(name: string): Figure | undefined;
  src(refs: readonly string[]): Source[];
  /** Asks for a field (it goes to the result's `missing`), `priority` saying how decisive it is (see `Ask`). */
  ask(field: string, priority?: number): void;
  /** A text of the regime, else of the scheme. */
  text(key: string, variant?: Variant): string;
  /** A text's variant in the simulation's language, filled with `vars`. */
  pick(text: TextRules | undefined, variant: Variant): string;
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
  range: 'Entre {a}\u00a0€ et {b}\u00a0€ (unité ambiguë dans le texte).',
  uplift: 'Majoration\u00a0: {label}.',
  perYear: '{rate}/an',
  then: '{list}, puis {tail}',
  outsideRegion:
    '{where} n’est pas en {region}\u00a0: les aides propres à cette région ne s’appliquent pas\u202f; les dispositifs nationaux restent valables.',
};

/**
 * The engine's own texts (those every kind shares, and simulate()'s region notice), by language; English is added by
 * texts-en.ts (a separate chunk in the widget's build).
 */
export const GENERIC: Partial<Record<Env['lang'], typeof GENERIC_FR>> & { fr: typeof GENERIC_FR } = { fr: GENERIC_FR };
export const genericTexts = (lang: Env['lang']) => GENERIC[lang] ?? GENERIC_FR;

/** Month names by language (English added by texts-en.ts). */
export const MONTHS: Partial<Record<Env['lang'], string[]>> = {};
const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** One date format in every text: « 1ᵉʳ janvier 2026 », « 1 January 2026 ». */
export function textDate(d: IsoDate, lang: Env['lang']): string {
  const day = dayOf(d);
  const month = monthOf(d) - 1;
  const year = yearOf(d);
  if (lang === 'en' && MONTHS.en) return `${day} ${MONTHS.en[month]} ${year}`;
  return `${day === 1 ? '1ᵉʳ' : day}\u00a0${MONTHS_FR[month]} ${year}`;
}

const dayMs = 86_400_000;
export const yearsFrom = (from: IsoDate, to: IsoDate) => (Date.parse(to) - Date.parse(from)) / dayMs / 365.25;

/** A contract of this scheme the doctor holds and that still runs on `asOf` (a fixed-term one ends after `duration` years). */
export function heldContract(scheme: SchemeRules, profile: Profile, asOf: IsoDate): HeldContract | undefined {
  const c = profile.heldContracts?.find((h) => h.id === scheme.id);
  if (!c) return undefined;
  const last = scheme.regimes.at(-1)!;
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

/**
 * The one rule context: tests read the profile and a few values derived from it or set by the mechanism
 * (band, derogation…). A class, so that an evaluation allocates one object, not a dozen closures; the
 * profile is never copied nor used as a prototype (slow in V8).
 */
class AidRun implements Aid {
  /** Values set by the mechanism beside the profile's; `vars` reads both. */
  readonly extra: Record<string, unknown> = {};
  /** Texts read their values from the context itself (no closure per evaluation). */
  get vars(): Vars {
    return this;
  }
  regime!: RegimeRules;
  amount: number | undefined;
  readonly specialty?: Specialty;
  readonly priorities = new Asked();

  constructor(
    readonly scheme: SchemeRules,
    readonly profile: Profile,
    readonly env: Env,
    readonly start: IsoDate,
    readonly held: HeldContract | undefined,
    readonly result: SchemeResult,
    private readonly closed: boolean,
  ) {
    this.specialty = profile.specialty ? env.rules.specialties.get(profile.specialty) : undefined;
    env.priorities?.set(result, this.priorities);
  }

  get(name: string): unknown {
    const x = this.extra[name];
    if (x !== undefined) return x;
    const { profile: p, specialty, env } = this;
    switch (name) {
      case 'specialtyGroup':
        return specialty?.group;
      case 'avenant7Scope':
        return specialty?.avenant7;
      case 'specialtyLabel':
        return specialty && localized(specialty, 'label', env.lang);
      case 'avenant7Local':
        return specialty && avenant7Local(specialty.id, env);
      case 'installedYears':
        return p.installationDate ? yearsFrom(p.installationDate, this.start) : undefined;
      case 'contractYear':
        // A past signature date is a contract already signed: its current contract year.
        return p.contractDate && p.contractDate <= env.asOf ? yearsBetween(p.contractDate, env.asOf) + 1 : undefined;
      // Answers imply others: the situation, or a patientèle (an installed doctor), settle these two.
      case 'student':
      case 'remplacant':
        return p[name] ?? (p.situation ? p.situation === (name === 'student' ? 'etudiant' : name) : installedHint(p) ? false : undefined);
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
    return value === true ? TRUE : value === false ? FALSE : { value: null, fields: [] };
  }
  fig(name: string): Figure | undefined {
    return this.regime.params?.[name];
  }
  src(refs: readonly string[]): Source[] {
    return this.env.rules.resolve(refs);
  }
  ask(field: string, priority: number = Ask.Amount): void {
    this.priorities.add(field, priority);
  }
  text(key: string, variant: Variant = 'ok'): string {
    return this.pick(this.regime?.texts?.[key] ?? this.scheme.texts?.[key], variant);
  }
  pick(text: TextRules | undefined, variant: Variant): string {
    return pickText(text, variant, this.env.lang, this.vars);
  }
  set(name: string, value: unknown): void {
    this.extra[name] = value;
  }
  /** The one note builder: a regime's notes whose `when` holds, texts filled, added to `out`. */
  notes(r: RegimeRules, conditionalOnly = false, out: Note[] = []): Note[] {
    for (const n of r.notes ?? []) {
      if ((conditionalOnly && !n.when) || evaluate(n.when, this).value !== true) continue;
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

/** Evaluates a condition into an explained reason; undefined when its `when` rules it out. */
export function conditionReason(c: ConditionRules, aid: Aid): Reason | undefined {
  const w = evaluate(c.when, aid);
  if (w.value === false) return undefined;
  // Unanswered `when`: the condition may not even apply, its own test is not asked yet.
  const v = w.value === null ? w : evaluate(c.test, aid);
  const r = reason(
    c.id,
    v.value,
    aid.pick(c.text, variantOf(v.value)),
    aid.src(c.sources),
    // A copy: verdicts are shared between evaluations, a reason is the caller's to keep.
    v.fields.length || w.value === null ? [...v.fields] : undefined,
  );
  if (c.inferred && w.value) r.estimate = true;
  return r;
}

const NO_TEXTS: NonNullable<SchemeRules['texts']> = {};

export function evaluateAid(scheme: SchemeRules, profile: Profile, env: Env, compute: (aid: Aid) => void): SchemeResult {
  const { lang, asOf } = env;
  const result: SchemeResult = {
    id: scheme.id,
    title: localized(scheme, 'title', lang),
    status: 'ineligible',
    reasons: [],
    missing: [],
    options: [],
    notes: [],
  };
  const { reasons } = result;
  const held = heldContract(scheme, profile, asOf);
  const dateField = scheme.dateField;
  const fieldDate = dateField ? (profile[dateField] as IsoDate | undefined) : undefined;
  const start = held?.signed ?? fieldDate ?? asOf;
  const regime = regimeAt(scheme, start) ?? (held ? scheme.regimes.at(-1) : undefined);
  const closed = held ? !regimeAt(scheme, asOf) : !regime;
  const aid = new AidRun(scheme, profile, env, start, held, result, closed);
  const generic = genericTexts(lang);
  const own = scheme.texts ?? NO_TEXTS;

  // Not the doctor's situation, or a scheme for some doctors only: nothing to ask (a held contract always counts).
  if (!held) {
    const situation = profile.situation;
    const outside = situation && scheme.situations && !scheme.situations.includes(situation);
    if (outside || evaluate(scheme.applies, aid).value !== true) {
      result.status = 'not-applicable';
      reasons.push(
        reason('situation', false, !outside && own.applies ? aid.pick(own.applies, 'unknown') : generic.situation, aid.src(scheme.sources)),
      );
      return result;
    }
  }

  if (!regime) {
    // Closed to new contracts (or not open yet) on that date: say since / from when, and what replaces it.
    const after = scheme.regimes.find((r) => r.signedFrom && start < r.signedFrom.date) ?? scheme.regimes[0];
    let before: RegimeRules | undefined;
    for (const r of scheme.regimes) if (r.signedTo && start > r.signedTo.date) before = r; // the last one
    const edge = before?.signedTo
      ? { d: dayAfter(before.signedTo.date), s: before.signedTo.sources, t: generic.ended }
      : { d: after.signedFrom?.date ?? start, s: after.signedFrom?.sources ?? scheme.sources, t: generic.notYet };
    result.status = 'closed';
    reasons.push(
      reason('dates', false, own.closed ? aid.pick(own.closed, 'ko') : fill(edge.t, { d: textDate(edge.d, lang) }, lang), aid.src(edge.s)),
    );
    // Only the notes written for this case (their `when` holds): what replaces the scheme.
    result.notes = aid.notes(before ?? after, true);
    return result;
  }
  aid.regime = regime;
  result.regime = regime.id;
  result.regimeTitle = localized(regime, 'title', lang);
  const duration = regime.params?.duration?.value;
  const signed = held?.signed && textDate(held.signed, lang);
  const end = signed && duration ? textDate(addYears(held.signed!, duration), lang) : undefined;
  if (end) aid.set('end', end);

  if (held) {
    // The conditions were checked when the contract was signed: say what the doctor keeps instead.
    const text = fill(signed ? (end ? generic.heldUntil : generic.held) : generic.heldUndated, { d: signed, end }, lang);
    reasons.push(reason('contrat-en-cours', true, text, aid.src(regime.signedTo?.sources ?? scheme.sources)));
  } else
    for (const c of regime.conditions) {
      const r = conditionReason(c, aid);
      if (r) reasons.push(r);
    }
  if (dateField && !fieldDate && !held && own.date)
    reasons.push(reason('date', null, aid.pick(own.date, 'unknown'), aid.src(regime.signedFrom?.sources ?? scheme.sources), [dateField]));
  const { apply, prepare } = scheme;
  // Absent until the detail's chunk brings them, in the widget's build (they fold under « Comment faire »).
  if (apply?.text) result.apply = { text: localized(apply, 'text', lang), links: aid.src(apply.links) };
  if (prepare?.text) result.prepare = { text: localized(prepare, 'text', lang), sources: aid.src(prepare.sources) };
  if (!refuted(reasons)) {
    const amountField = scheme.amountField;
    aid.amount = amountField ? (profile[amountField] as number | undefined) : undefined;
    compute(aid);
  }
  // Notes last: the mechanism may have set values their `when` reads.
  aid.notes(regime, false, result.notes);
  const ruledOut = refuted(reasons);
  if (held) {
    // A held contract whose payments are all behind: kept, ended, not "0 €".
    result.options = result.options.filter((o) => o.payments.length || o.renewal?.length);
    if (!result.options.length && signed) reasons[0].text = fill(generic.heldDone, { d: signed }, lang);
  }
  result.status = held ? 'held' : statusOf(reasons);
  const { priorities } = aid;
  const closedOff = ruledOut && !held;
  if (closedOff) result.options = [];
  else for (const r of reasons) if (r.ok === null) for (const f of r.fields ?? []) aid.ask(f, Ask.Eligibility);
  // The fields asked for, most decisive first (equal priorities in the rules' order); none once ruled out.
  result.missing = closedOff ? [] : priorities.ranked();
  return result;
}

/** The evaluator of a kind of scheme: the shared skeleton around the kind's own `compute`. */
export const aidKind =
  (compute: (aid: Aid) => void) =>
  (scheme: SchemeRules, profile: Profile, env: Env): SchemeResult =>
    evaluateAid(scheme, profile, env, compute);

/** The day after `d`: a regime's last signature day → the first day it is closed. */

/** Whole years a contract held has run on the simulation date; 0 for a new contract. */
const elapsed = (aid: Aid) => (aid.held ? Math.max(0, Math.floor(yearsFrom(aid.start, aid.env.asOf))) : 0);

/**
 * Offers one payment per contract year: `amounts[i]` for year i + 1, paid `payMonths` after the year starts.
 * The signed term's payments count; later years (a renewal, tacit or on conditions) go apart, never in totals.
 * For a contract already held, only what is still to come, in the term that runs now. The secteur 2 note
 * goes on each payment when the share is an estimate, else on the option.
 */
export function offerYearly(aid: Aid, amounts: number[], sources: Source[], s2: Sector2): void {
  const pay = aid.fig('payMonths');
  const term = aid.fig('years')?.value ?? amounts.length;
  const estimate = s2.estimate ? s2.note : undefined;
  const renew = genericTexts(aid.env.lang).renew;
  // The term running on the simulation date (a held contract renewed tacitly is in its k-th term).
  const termEnd = (Math.floor(elapsed(aid) / term) + 1) * term;
  const payments: Payment[] = [];
  const renewal: Payment[] = [];
  amounts.forEach((amount, i) => {
    const p: Payment = { year: i + 1, amount, date: addMonths(aid.start, i * 12 + (pay?.value ?? 0)), sources };
    const notes = [estimate, pay?.inferred, i >= termEnd && renew].filter(Boolean);
    if (notes.length) {
      p.estimate = !!(estimate || pay?.inferred);
      p.note = notes.join(' ');
    }
    if (!aid.held || p.date! >= aid.env.asOf) (i < termEnd ? payments : renewal).push(p);
  });
  const extra: Partial<OptionResult> = { renewal };
  if (s2.note && !s2.estimate) extra.notes = [s2.note];
  offer(aid, payments, extra);
}

/** The hôpital de proximité supplement (param `hopital`): asked for while unanswered, 0 until then. */
export function hospitalSupplement(aid: Aid): number {
  const hp = aid.fig('hopital');
  const answer = aid.profile.hospitalDeProximite;
  if (hp && answer === undefined) aid.ask('hospitalDeProximite');
  return hp && answer ? hp.value : 0;
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
  const n = aid.fig('renewable') ? Math.max(years, HORIZON + elapsed(aid)) : years;
  return Math.min(n, aid.fig('maxYears')?.value ?? n);
}

interface Sector2 {
  share: number;
  note?: string;
  estimate?: boolean;
}

/**
 * Secteur 2: the share of activity at tarifs opposables the amount is prorated by (1 in secteur 1).
 * Unknown share: 1 (the maximum), `opposableShare` asked for, and the option marked as an estimate.
 */
export function sector2Share(aid: Aid): Sector2 {
  const rule = aid.fig('s2');
  const { sector, opposableShare: s } = aid.profile;
  if (!rule || (sector !== '2' && sector !== '2-optam')) return { share: 1 };
  const g = genericTexts(aid.env.lang);
  if (s === undefined) {
    aid.ask('opposableShare');
    return { share: 1, note: g.s2unknown, estimate: true };
  }
  return { share: s, note: fill(g.s2, { share: `${Math.round(s * 100)}\u00a0%` }, aid.env.lang), estimate: !!rule.inferred };
}

/** Sum of the payments; only those of the first `years` contract years when given. */
export const totalOf = (payments: readonly Payment[], years = Infinity) =>
  payments.reduce((t, p) => (p.year <= years ? t + p.amount : t), 0);

/** Offers the scheme's one option (the regime's first, else the scheme itself) with these payments. */
export function offer(aid: Aid, payments: Payment[], extra: Partial<OptionResult> = {}): void {
  const o = aid.regime.options[0];
  const out: OptionResult = {
    id: o?.id ?? aid.scheme.id,
    label: (o && localized(o, 'label', aid.env.lang)) || aid.result.title,
    payments,
    total: totalOf(payments),
  };
  Object.assign(out, extra);
  if (!out.renewal?.length) delete out.renewal;
  if (payments.some((p) => p.estimate)) out.estimate = true;
  aid.result.options.push(out);
}

export type { Reason };
