/**
 * A yearly amount table by patientèle band (the assistant médical aid): a minimum patientèle with its
 * derogations, the band that sets the amount row, the contract's payment schedule (advance and balance),
 * the revaluation of older contracts by a later regime, and the objectives as an ordered list of rules.
 *
 * Rule data (regime): `threshold` { percentile, derogations }, `bands` { indicators, levels, topAny },
 * `payment` { years, advanceFrom, advanceShare, balanceDelayMonths }, `objectives` and
 * `objectiveIndicators`, `revaluedBy`; options with `amounts` by band (none: set with the CPAM). Thresholds
 * come from tables/percentiles.json (the distribution whose `regimes` lists the regime); a count places a
 * doctor in a band only through a threshold published for that distribution, never through an inferred one.
 */
import { evaluate, localized } from '../conditions.js';
import { addMonths, addYears, firstAnniversaryOnOrAfter } from '../dates.js';
import type { Distribution } from '../rules/ruleset.js';
import type { AmountRow, BandsRules, OptionRules, RegimeRules, SchemeRules, ThresholdRules } from '../rules/schema.js';
import type { Alternative, Objectives, OptionResult, Payment, Reason } from '../types.js';
import { aidKind, conditionReason, HORIZON, totalOf, type Aid } from './aid.js';
import { addFields, Ask, reason, refuted, valueAt, variantOf, type Env } from './common.js';

export type Indicator = 'patienteleMT' | 'fileActive';
type Row = Distribution['rows'][number];
type Threshold = NonNullable<Row['p30']>;
type Level = BandsRules['levels'][number];
export const PERCENTILES = [30, 50, 70, 90, 95] as const;

/** Where the doctor stands among the bands: one band, or the bands still possible (lowest first). */
export interface Placement {
  /** Index of the band the payments use: the band, or the lowest one still possible. */
  index: number;
  /** Higher bands still possible while the band is not settled. */
  higher: number[];
  reason?: Reason;
}

/** The thresholds of the doctor's specialty for an indicator, in the distribution of the regime (a pack may bring its own). */
/**
 * What only the detail shows: an option's objectives (what the doctor commits to reach) and the warning when
 * the percentile given contradicts the counts. ./band-detail.ts registers it; the engine entries load it with
 * the rest, the widget with its detail, after the first answer (which shows neither).
 */
export interface BandDetail {
  objectives(aid: Aid, option: OptionRules, placement: Placement): Objectives | undefined;
  mismatch(aid: Aid, field: Indicator): void;
}
let detail: BandDetail | undefined;
export function enableBandDetail(computations: BandDetail): void {
  detail = computations;
}

export const rowOf = ({ env, regime, profile }: Aid, field: Indicator): Row | undefined =>
  env.rules.distributions
    .find((x) => x.regimes.includes(regime.id))
    ?.rows.find((r) => r.specialty === profile.specialty && r.indicator === field);

/** The row's key of each percentile, built once (a key built per read is a new string to hash each time). */
const KEYS = Object.fromEntries(PERCENTILES.map((p) => [p, `p${p}`])) as Record<number, 'p30' | undefined>;

/** A threshold usable to place a count: published for this distribution, not inferred. */
export const usable = (row: Row | undefined, p: number) => {
  const t = row?.[KEYS[p] ?? (`p${p}` as 'p30')];
  return t && !t.inferred ? t : undefined;
};

/** Whether a count reaches a threshold (its `boundary` says for the threshold itself); null when the texts disagree on that very count. */
export const reaches = (count: number, t: Threshold) =>
  count === t.value ? (t.boundary === 'ambiguous' ? null : t.boundary !== 'exclusive') : count > t.value;

export const evaluateBandTable = aidKind((aid) => {
  const { regime, profile, env, result } = aid;
  const contractDate = aid.start;
  const reval = revaluation(aid.scheme, regime, contractDate);
  aid.set('revalued', !!reval && reval.date <= addYears(contractDate, (regime.payment?.years ?? HORIZON) - 1));
  const fields = aid.specialty ? indicatorsFor(regime.bands?.indicators, aid) : undefined;
  const main = fields?.[0];
  if (main) {
    aid.set('indicatorLabel', indicatorLabel(main));
    aid.set('count', profile[main]);
  }

  aid.set('derogation', ''); // none until a derogation waives the threshold: tests on it are never "unanswered"
  if (regime.threshold) result.reasons.push(threshold(aid, regime.threshold, main));
  const bands = regime.bands;
  const placement: Placement = bands ? place(aid, bands, fields) : { index: 0, higher: [] };
  const level = bands?.levels[placement.index];
  if (level) {
    aid.set('band', level.id);
    setLabel(aid, level);
  }
  if (placement.reason) result.reasons.push(placement.reason);
  if (bands && main) detail?.mismatch(aid, main);

  // The option asked for must be open at the signature date.
  const open: OptionRules[] = [];
  const unknown: string[] = [];
  for (const o of regime.options)
    if (o.open !== false) {
      const w = evaluate(o.when, aid);
      if (w.value === null) addFields(unknown, w.fields);
      else if (w.value) open.push(o);
    }
  // `option` names one of this scheme's options (another scheme may read it: the second assistant reads the first contract's).
  const asked = profile.option ? findOption(aid.scheme, profile.option) : undefined;
  const chosen = asked?.id;
  if (asked && !open.some((o) => o.id === chosen)) {
    aid.set('optionLabel', label(asked, env));
    aid.set('openOptions', open.map((o) => label(o, env)).join(', '));
    const refs = regime.signedFrom?.sources ?? aid.scheme.sources;
    result.reasons.push(reason('option', false, aid.text('option.closed', 'ko'), aid.src(refs), ['option']));
  }
  if (refuted(result.reasons)) return;

  for (const f of unknown) aid.ask(f, Ask.Eligibility);
  // The assistant's working time is the doctor's choice: never assumed, asked right after eligibility.
  if (!chosen && open.length > 1) {
    aid.ask('option', Ask.Choice);
    result.choose = 'option';
  }
  if (placement.higher.length) aid.ask('percentile', Ask.Amount);
  const levelKey = level?.amounts ?? 'standard';
  for (const o of open) if (!chosen || o.id === chosen) result.options.push(optionResult(aid, o, placement, levelKey, reval));
  if (result.options.length) for (const f of objectiveFields(aid)) aid.ask(f, Ask.Detail);
  if (reval && reval.date === reval.regime.signedFrom?.date && contractDate < reval.date)
    result.notes.push({
      id: 'revalorisation-22-juin',
      kind: 'estimate',
      text: aid.text('reval.boundary'),
      sources: aid.src(reval.regime.signedFrom.sources),
    });
});

const label = (o: OptionRules, env: Env) => localized(o, 'label', env.lang);

/** The indicator fields of the first entry whose `when` holds (undefined while it cannot be told). */
export function indicatorsFor(entries: BandsRules['indicators'] | undefined, aid: Aid): Indicator[] | undefined {
  for (const e of entries ?? []) {
    const w = evaluate(e.when, aid).value;
    if (w !== false) return w ? e.fields : undefined;
  }
  return undefined;
}

/** Legal terms, kept in French in both languages. */
const indicatorLabel = (field: Indicator) => (field === 'patienteleMT' ? 'patientèle médecin traitant' : 'file active');

/** The minimum patientèle, or the derogation that waives it, as one explained reason. */
function threshold(aid: Aid, t: ThresholdRules, field: Indicator | undefined): Reason {
  const { profile } = aid;
  const sources = aid.src(t.sources);
  const say = (ok: boolean | null, key: string, fields: string[], s = sources) => reason(t.id, ok, aid.text(key, variantOf(ok)), s, fields);
  if (!aid.specialty || !field) return say(null, 'threshold.unknown', ['specialty']);
  const th = usable(rowOf(aid, field), t.percentile);
  if (th) aid.set('threshold', th.value);
  const count = profile[field];
  let below: Reason | undefined;
  let boundary = false;
  if (profile.percentile !== undefined) {
    const ok = profile.percentile >= t.percentile;
    below = say(ok, 'threshold.percentile', ['percentile']);
    if (ok) return below;
  } else if (th && count !== undefined) {
    const s = aid.src(th.sources);
    const ok = reaches(count, th);
    // The texts disagree on this very count: not eligible until the CPAM's percentile settles it.
    boundary = ok === null;
    below = say(boundary ? null : ok, boundary ? 'threshold.boundary' : 'threshold.count', boundary ? ['percentile'] : [field], s);
    if (boundary) below.estimate = true;
    if (ok) return below;
  }
  // Derogations to the minimum patientèle, in the order the texts give them.
  const unknown: string[] = [];
  for (const d of t.derogations ?? []) {
    const r = conditionReason(d, aid);
    if (r?.ok) {
      aid.set('derogation', d.id);
      // A copy under the threshold's id (not a spread: V8's slow path).
      return Object.assign({}, r, { id: t.id, fields: r.fields ?? [] });
    }
    if (r?.ok === null) addFields(unknown, r.fields ?? []);
  }
  if (below) {
    if (!unknown.length && !boundary) return below;
    below.ok = null;
    below.fields = boundary ? ['percentile', ...unknown] : unknown;
    return below;
  }
  return th ? say(null, 'threshold.unknown.count', [field]) : say(null, 'threshold.unknown.percentile', ['percentile', ...unknown]);
}

/**
 * The band: from the percentile the doctor gives, else from counts through published thresholds only.
 * While it is not settled, the lowest band possible is used and the higher ones are offered apart.
 */
function place(aid: Aid, bands: BandsRules, fields: Indicator[] | undefined): Placement {
  const { profile } = aid;
  const { levels, topAny } = bands;
  const top = levels.length - 1;
  const sources = aid.src(bands.sources);
  const used: string[] = [];
  const settled = (index: number, key: string, fieldsUsed: string[], estimate = false): Placement => {
    setLabel(aid, levels[index]);
    // A band read from counts cites the thresholds that placed it; one from a percentile, the band table.
    const r = reason('tranche', true, aid.text(key), used.length ? aid.src([...new Set(used)]) : sources, fieldsUsed);
    if (estimate) r.estimate = true;
    return { index, higher: [], reason: r };
  };
  const { percentile } = profile;
  // Levels ascend (checked when the rules are validated): the last one starting at or below the percentile.
  if (percentile !== undefined)
    return settled(
      levels.reduce((found, l, i) => (l.from <= percentile ? i : found), 0),
      'band.percentile',
      ['percentile'],
    );
  if (!fields) return { index: 0, higher: [] }; // the specialty question comes first

  // For each indicator, the bands its count leaves possible: lowest and highest.
  const lows: number[] = [];
  const highs: number[] = [];
  for (const f of fields) {
    const count = profile[f];
    const row = rowOf(aid, f);
    // A count that published thresholds would place is worth asking before the percentile.
    if (count === undefined && PERCENTILES.some((p) => usable(row, p))) aid.ask(f, Ask.Amount);
    let lo = 0;
    let hi = 100;
    if (count !== undefined)
      for (const p of PERCENTILES) {
        const t = usable(row, p);
        const above = t && reaches(count, t);
        if (above == null) continue; // no threshold, or this count tells nothing about this limit
        if (above) lo = Math.max(lo, p);
        else hi = Math.min(hi, p);
        // Absent until the detail's chunk, in the widget's build (see scripts/rules-split.mjs).
        used.push(...(t!.sources ?? []));
      }
    // Bands [from, next from) meeting [lo, hi); a count under the first band (a derogation) uses the first.
    let first = -1;
    let last = -1;
    levels.forEach((l, i) => {
      if (l.from < hi && (i < top ? levels[i + 1].from : 101) > lo) {
        if (first < 0) first = i;
        last = i;
      }
    });
    lows.push(Math.max(first, 0));
    highs.push(Math.max(last, 0));
  }
  const lowest = Math.min(...lows);
  if (lows.every((a, i) => a === highs[i])) {
    const index = topAny && lows.includes(top) ? top : lowest;
    // Indicators in different bands: the texts do not say which prevails (S001); the lower one is used.
    const split = new Set(lows).size > 1 && index < top;
    return settled(index, split ? 'band.split' : 'band.count', fields, split);
  }
  const highest = topAny ? Math.max(...highs) : Math.min(...highs);
  setLabel(aid, levels[lowest]);
  const higher: number[] = [];
  for (let i = lowest + 1; i <= highest; i++) higher.push(i);
  return { index: lowest, higher, reason: reason('tranche', true, aid.text('band.unknown', 'unknown'), sources, ['percentile']) };
}

const setLabel = (aid: Aid, level: Level) => aid.set('bandLabel', localized(level, 'label', aid.env.lang));

/** Amount row of an option for a band, taking a revaluing regime's table from its first anniversary. */
function optionResult(aid: Aid, option: OptionRules, placement: Placement, levelKey: string, reval: Revaluation | undefined): OptionResult {
  const { regime, env } = aid;
  const out: OptionResult = { id: option.id, label: label(option, env), payments: [], total: 0 };
  const short = localized(option, 'short', env.lang);
  if (short) out.short = short;
  if (!Object.keys(option.amounts).length) {
    // Not published: set with the CPAM (a rules pack may give the table).
    out.amountUnknown = true;
    const note = aid.text('amount.cpam');
    if (note) out.notes = [note];
    return out;
  }
  const payments = (out.payments = paymentsFor(aid, option, levelKey, reval));
  out.total = totalOf(payments);
  if (payments.some((p) => p.estimate)) out.estimate = true;
  if (placement.reason?.estimate) {
    out.estimate = true;
    out.notes = [aid.text('band.estimated.amount')].filter(Boolean);
  }
  // Higher bands still possible (there are only with bands): their amounts beside, never as the payments.
  const levels = regime.bands?.levels;
  if (placement.higher.length) {
    const seen = new Set([levelKey]);
    const alternatives: Alternative[] = [];
    for (const i of placement.higher) {
      const level = levels![i];
      const key = level.amounts ?? 'standard';
      if (seen.has(key) || !option.amounts[key]) continue;
      seen.add(key);
      setLabel(aid, level);
      const alt = paymentsFor(aid, option, key, reval);
      alternatives.push({
        band: level.id,
        text: aid.text('band.alternative'),
        payments: alt,
        total: totalOf(alt),
        sources: aid.src(option.amounts[key].sources),
      });
    }
    if (alternatives.length) out.alternatives = alternatives;
  }
  if (levels) {
    const level = levels[placement.index];
    setLabel(aid, level);
    out.band = { id: level.id, label: localized(level, 'label', env.lang) };
  }
  const objectives = detail?.objectives(aid, option, placement);
  if (objectives) out.objectives = objectives;
  return out;
}

const amountsOf = (o: OptionRules, levelKey: string): AmountRow | undefined => o.amounts[levelKey] ?? o.amounts.standard;

function paymentsFor(aid: Aid, option: OptionRules, levelKey: string, reval: Revaluation | undefined): Payment[] {
  const { regime } = aid;
  const contractDate = aid.start;
  const pay = regime.payment;
  const payments: Payment[] = [];
  const year1 = aid.text('year1.date');
  const own = amountsOf(option, levelKey);
  // The revaluing regime's option, looked up once (not per year).
  const revaluing = reval && findIn(reval.regime, option.id);
  const revalued = revaluing && amountsOf(revaluing, levelKey);
  for (let year = 1; year <= (pay?.years ?? HORIZON); year++) {
    const start = addYears(contractDate, year - 1);
    const later = revaluing && start >= reval.date;
    let row = later ? revalued : own;
    if (row && year < (row.firstYear ?? 1)) row = own;
    if (!row || year < (row.firstYear ?? 1)) continue;
    const amount = valueAt(row, year - (row.firstYear ?? 1));
    const p: Payment = { year, amount, date: start, table: later ? reval.regime.id : regime.id, sources: aid.src(row.sources) };
    // The contract's own schedule: the 2024 advance and balance do not apply to an avenant 7 contract.
    if (pay?.advanceFrom && year >= pay.advanceFrom) {
      p.advance = Math.round(amount * (pay.advanceShare ?? 0.5));
      p.balanceMax = amount - p.advance;
      p.balanceDate = addMonths(addYears(contractDate, year), pay.balanceDelayMonths ?? 0);
    }
    if (year === 1 && year1) p.note = year1;
    if (row.inferred) {
      p.estimate = true;
      p.note = row.inferred;
    }
    payments.push(p);
  }
  return payments;
}

/** Answers that would sharpen the objectives once eligibility is settled: the fields the rules read. */
function objectiveFields(aid: Aid): string[] {
  const { regime, profile } = aid;
  const out: string[] = [];
  for (const f of indicatorsFor(regime.objectiveIndicators, aid) ?? []) if (profile[f] === undefined) out.push(f);
  for (const rule of regime.objectives ?? []) {
    if (!rule.when) break; // an unconditional rule ends the list: later rules cannot apply
    const w = evaluate(rule.when, aid);
    if (w.value === true) break;
    if (w.value === null)
      addFields(
        out,
        w.fields.filter((f) => f !== 'percentile'),
      );
  }
  return out;
}

interface Revaluation {
  regime: RegimeRules;
  date: string;
}

function findIn(regime: RegimeRules, id: string): OptionRules | undefined {
  for (const o of regime.options) if (o.id === id) return o;
  return undefined;
}

function findOption(scheme: SchemeRules, id: string): OptionRules | undefined {
  for (const r of scheme.regimes) {
    const o = findIn(r, id);
    if (o) return o;
  }
  return undefined;
}

/** For contracts of a regime revalued by a later one: the later regime and the first anniversary it applies from. */
function revaluation(scheme: SchemeRules, regime: RegimeRules, contractDate: string): Revaluation | undefined {
  const later = regime.revaluedBy ? scheme.regimes.find((r) => r.id === regime.revaluedBy) : undefined;
  return later?.signedFrom && { regime: later, date: firstAnniversaryOnOrAfter(contractDate, later.signedFrom.date) };
}
