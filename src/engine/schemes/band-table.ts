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
import { evaluate, fill, localized } from '../conditions.js';
import { addMonths, addYears, firstAnniversaryOnOrAfter } from '../dates.js';
import type { Distribution } from '../rules/ruleset.js';
import type { AmountRow, BandsRules, ObjectiveRules, OptionRules, RegimeRules, SchemeRules, ThresholdRules } from '../rules/schema.js';
import type { Alternative, Objectives, OptionResult, Payment, Reason, Target } from '../types.js';
import { aidKind, HORIZON, type Aid } from './aid.js';
import { addFields, Ask, conditionReason, type Env } from './common.js';

export const evaluateBandTable = aidKind(compute);

type Indicator = 'patienteleMT' | 'fileActive';
type Row = Distribution['rows'][number];
const PERCENTILES = [30, 50, 70, 90, 95] as const;

/** Where the doctor stands among the bands: one band, or the bands still possible (lowest first). */
interface Placement {
  /** Index of the band the payments use: the band, or the lowest one still possible. */
  index: number;
  /** Higher bands still possible while the band is not settled. */
  higher: number[];
  reason?: Reason;
}

/** The distribution of each regime, per rule set (a pack may bring its own thresholds). */
const distributions = new WeakMap<readonly Distribution[], Map<string, Distribution | null>>();

function distributionOf(env: Env, regime: RegimeRules): Distribution | undefined {
  const all = env.rules.distributions;
  let byRegime = distributions.get(all);
  if (!byRegime) distributions.set(all, (byRegime = new Map<string, Distribution | null>()));
  let d = byRegime.get(regime.id);
  if (d === undefined) byRegime.set(regime.id, (d = all.find((x) => x.regimes.includes(regime.id)) ?? null));
  return d ?? undefined;
}

function compute(aid: Aid): void {
  const { regime, profile, env, result } = aid;
  const contractDate = aid.start;
  const years = regime.payment?.years ?? HORIZON;
  const reval = revaluation(aid.scheme, regime, contractDate);
  aid.set('revalued', !!reval && reval.date <= addYears(contractDate, years - 1));
  const dist = distributionOf(env, regime);
  const rowOf = (field: Indicator): Row | undefined => dist?.rows.find((r) => r.specialty === profile.specialty && r.indicator === field);
  const fields = aid.specialty ? indicatorsFor(regime.bands?.indicators, aid) : undefined;
  const main = fields?.[0];
  if (main) {
    aid.set('indicatorLabel', indicatorLabel(main));
    aid.set('count', profile[main]);
  }

  aid.set('derogation', ''); // none until a derogation waives the threshold: tests on it are never "unanswered"
  if (regime.threshold) result.reasons.push(threshold(aid, regime.threshold, main, main && rowOf(main)));
  const bands = regime.bands;
  const placement = bands ? place(aid, bands, fields, rowOf) : { index: 0, higher: [] };
  const level = bands?.levels[placement.index];
  if (level) {
    aid.set('band', level.id);
    aid.set('bandLabel', localized(level, 'label', env.lang));
  }
  if (placement.reason) result.reasons.push(placement.reason);
  if (bands && main) mismatch(aid, main, rowOf(main));

  // The option asked for must be open at the signature date.
  const open: OptionRules[] = [];
  const unknown: string[] = [];
  for (const o of regime.options) {
    if (o.open === false) continue;
    if (o.when) {
      const w = evaluate(o.when, aid);
      if (w.value === null) addFields(unknown, w.fields);
      if (w.value !== true) continue;
    }
    open.push(o);
  }
  // `option` names one of this scheme's options (another scheme may read it: the second assistant reads the first contract's).
  const asked = profile.option ? findOption(aid.scheme, profile.option) : undefined;
  const chosen = asked?.id;
  if (chosen && !open.some((o) => o.id === chosen)) {
    aid.set('optionLabel', label(asked, env));
    aid.set('openOptions', open.map((o) => label(o, env)).join(', '));
    result.reasons.push({
      id: 'option',
      ok: false,
      text: aid.text('option.closed', 'ko'),
      sources: aid.src(regime.signedFrom?.sources ?? aid.scheme.sources),
      fields: ['option'],
    });
  }
  if (result.reasons.some((r) => r.ok === false)) return;

  for (const f of unknown) aid.ask(f, Ask.Eligibility);
  // The assistant's working time is the doctor's choice: never assumed, asked right after eligibility.
  if (!chosen && open.length > 1) {
    aid.ask('option', Ask.Choice);
    result.choose = 'option';
  }
  if (placement.higher.length) aid.ask('percentile', Ask.Amount);
  const levelKey = level?.amounts ?? 'standard';
  for (const o of open) {
    if (chosen && o.id !== chosen) continue;
    result.options.push(optionResult(aid, o, placement, levelKey, reval));
  }
  if (result.options.length) for (const f of objectiveFields(aid)) aid.ask(f, Ask.Detail);
  if (reval && reval.date === reval.regime.signedFrom?.date && contractDate < reval.date)
    result.notes.push({
      id: 'revalorisation-22-juin',
      kind: 'estimate',
      text: aid.text('reval.boundary', 'ok'),
      sources: aid.src(reval.regime.signedFrom.sources),
    });
}

const label = (o: OptionRules, env: Env) => localized(o, 'label', env.lang);

/** The indicator fields of the first entry whose `when` holds (undefined while it cannot be told). */
function indicatorsFor(entries: BandsRules['indicators'] | undefined, aid: Aid): Indicator[] | undefined {
  for (const e of entries ?? []) {
    const w = e.when ? evaluate(e.when, aid).value : true;
    if (w === null) return undefined;
    if (w) return e.fields;
  }
  return undefined;
}

/** Legal terms, kept in French in both languages. */
const indicatorLabel = (field: Indicator) => (field === 'patienteleMT' ? 'patientèle médecin traitant' : 'file active');

/** A threshold usable to place a count: published for this distribution, not inferred. */
const usable = (row: Row | undefined, p: number) => {
  const t = row?.[`p${p}` as 'p30'];
  return t && !t.inferred ? t : undefined;
};

/** The minimum patientèle, or the derogation that waives it, as one explained reason. */
function threshold(aid: Aid, t: ThresholdRules, field: Indicator | undefined, row: Row | undefined): Reason {
  const { profile, env } = aid;
  const sources = aid.src(t.sources);
  const reason = (ok: boolean | null, key: string, variant: 'ok' | 'ko' | 'unknown', fields: string[], s = sources): Reason => ({
    id: t.id,
    ok,
    text: aid.text(key, variant),
    sources: s,
    fields,
  });
  if (!aid.specialty || !field) return reason(null, 'threshold.unknown', 'unknown', ['specialty']);
  const th = usable(row, t.percentile);
  if (th) aid.set('threshold', th.value);
  const count = profile[field];
  let below: Reason | undefined;
  let boundary = false;
  if (profile.percentile !== undefined) {
    if (profile.percentile >= t.percentile) return reason(true, 'threshold.percentile', 'ok', ['percentile']);
    below = reason(false, 'threshold.percentile', 'ko', ['percentile']);
  } else if (th && count !== undefined) {
    const s = aid.src(th.sources);
    const edge = count === th.value ? (th.boundary ?? 'inclusive') : undefined;
    if (edge === 'ambiguous') {
      // The texts disagree on this very count: not eligible until the CPAM's percentile settles it.
      boundary = true;
      below = { ...reason(null, 'threshold.boundary', 'unknown', ['percentile'], s), estimate: true };
    } else if (count > th.value || edge === 'inclusive') return reason(true, 'threshold.count', 'ok', [field], s);
    else below = reason(false, 'threshold.count', 'ko', [field], s);
  }
  // Derogations to the minimum patientèle, in the order the texts give them.
  const unknown: string[] = [];
  for (const d of t.derogations ?? []) {
    const r = conditionReason(d, aid, env);
    if (!r) continue;
    if (r.ok === true) {
      aid.set('derogation', d.id);
      return { ...r, id: t.id, fields: r.fields ?? [] };
    }
    if (r.ok === null) addFields(unknown, r.fields ?? []);
  }
  if (below) {
    if (!unknown.length && !boundary) return below;
    below.ok = null;
    below.fields = [...(boundary ? ['percentile'] : []), ...unknown];
    return below;
  }
  if (th) return reason(null, 'threshold.unknown.count', 'unknown', [field]);
  return reason(null, 'threshold.unknown.percentile', 'unknown', ['percentile', ...unknown]);
}

/**
 * The band: from the percentile the doctor gives, else from counts through published thresholds only.
 * While it is not settled, the lowest band possible is used and the higher ones are offered apart.
 */
function place(aid: Aid, bands: BandsRules, fields: Indicator[] | undefined, rowOf: (f: Indicator) => Row | undefined): Placement {
  const { profile } = aid;
  const levels = bands.levels;
  const top = levels.length - 1;
  // Levels ascend (checked when the rules are validated): the last one starting at or below p.
  const indexOf = (p: number) => levels.reduce((found, l, i) => (l.from <= p ? i : found), 0);
  const sources = aid.src(bands.sources);
  const used: string[] = [];
  const settled = (index: number, key: string, fieldsUsed: string[], estimate = false): Placement => {
    setLabel(aid, levels[index]);
    // A band read from counts cites the thresholds that placed it; one from a percentile, the band table.
    const refs = used.length ? aid.src([...new Set(used)]) : sources;
    const reason: Reason = { id: 'tranche', ok: true, text: aid.text(key, 'ok'), sources: refs, fields: fieldsUsed };
    if (estimate) reason.estimate = true;
    return { index, higher: [], reason };
  };
  if (profile.percentile !== undefined) return settled(indexOf(profile.percentile), 'band.percentile', ['percentile']);
  if (!fields) return { index: 0, higher: [] }; // the specialty question comes first

  // For each indicator, the bands its count leaves possible: [lowest, highest].
  const spans: [number, number][] = [];
  for (const f of fields) {
    const count = profile[f];
    const row = rowOf(f);
    // A count that published thresholds would place is worth asking before the percentile.
    if (count === undefined && PERCENTILES.some((p) => usable(row, p))) aid.ask(f, Ask.Amount);
    let lo = 0;
    let hi = 100;
    if (count !== undefined)
      for (const p of PERCENTILES) {
        const t = usable(row, p);
        if (!t) continue;
        if (count === t.value && t.boundary === 'ambiguous') continue; // this count tells nothing about this limit
        if (count > t.value || (count === t.value && t.boundary !== 'exclusive')) lo = Math.max(lo, p);
        else hi = Math.min(hi, p);
        used.push(...t.sources);
      }
    // Bands [from, next from) meeting [lo, hi); a count under the first band (a derogation) uses the first.
    let first = -1;
    let last = -1;
    levels.forEach((l, i) => {
      const next = i < top ? levels[i + 1].from : 101;
      if (l.from < hi && next > lo) {
        if (first < 0) first = i;
        last = i;
      }
    });
    spans.push(first < 0 ? [0, 0] : [first, last]);
  }
  const settledSpans = spans.every(([a, b]) => a === b);
  if (settledSpans) {
    const indexes = spans.map(([a]) => a);
    const index = bands.topAny && indexes.includes(top) ? top : Math.min(...indexes);
    // Indicators in different bands: the texts do not say which prevails (S001); the lower one is used.
    const split = new Set(indexes).size > 1 && index < top;
    return settled(index, split ? 'band.split' : 'band.count', fields, split);
  }
  const lowest = Math.min(...spans.map(([a]) => a));
  const highest = bands.topAny ? Math.max(...spans.map(([, b]) => b)) : Math.min(...spans.map(([, b]) => b));
  setLabel(aid, levels[lowest]);
  const higher: number[] = [];
  for (let i = lowest + 1; i <= Math.max(lowest, highest); i++) higher.push(i);
  const reason: Reason = { id: 'tranche', ok: true, text: aid.text('band.unknown', 'unknown'), sources, fields: ['percentile'] };
  return { index: lowest, higher, reason };
}

function setLabel(aid: Aid, level: BandsRules['levels'][number]): void {
  aid.set('bandLabel', localized(level, 'label', aid.env.lang));
}

/** A percentile that contradicts the counts (percentile 50 with 700 patients MT): the CPAM's figure is kept, with a warning. */
function mismatch(aid: Aid, field: Indicator, row: Row | undefined): void {
  const { percentile } = aid.profile;
  const count = aid.profile[field];
  if (percentile === undefined || count === undefined || !row) return;
  for (const p of PERCENTILES) {
    const t = usable(row, p);
    if (!t || (count === t.value && t.boundary === 'ambiguous')) continue;
    const above = count > t.value || (count === t.value && t.boundary !== 'exclusive');
    if (above === percentile >= p) continue;
    aid.set('p', p);
    aid.set('threshold', t.value);
    aid.result.notes.push({
      id: 'percentile-incoherent',
      kind: 'warning',
      text: aid.text('percentile.mismatch', 'ok'),
      sources: aid.src(t.sources),
    });
    return;
  }
}

/** Amount row of an option for a band, taking a revaluing regime's table from its first anniversary. */
function optionResult(aid: Aid, option: OptionRules, placement: Placement, levelKey: string, reval: Revaluation | undefined): OptionResult {
  const { regime, env } = aid;
  const out: OptionResult = { id: option.id, label: label(option, env), payments: [], total: 0 };
  const short = localized(option, 'short', env.lang);
  if (short) out.short = short;
  if (!Object.keys(option.amounts).length) {
    // Not published: set with the CPAM (a rules pack may give the table).
    out.amountUnknown = true;
    const note = aid.text('amount.cpam', 'ok');
    if (note) out.notes = [note];
    return out;
  }
  const own = paymentsFor(aid, option, levelKey, reval);
  out.payments = own.payments;
  out.total = sum(own.payments);
  if (own.estimate) out.estimate = true;
  if (placement.reason?.estimate) {
    out.estimate = true;
    out.notes = [aid.text('band.estimated.amount', 'ok')].filter(Boolean);
  }
  // Higher bands still possible: their amounts beside, never as the payments.
  const bands = regime.bands;
  const seen = new Set([levelKey]);
  const alternatives: Alternative[] = [];
  for (const i of bands ? placement.higher : []) {
    if (!bands) break;
    const level = bands.levels[i];
    const key = level.amounts ?? 'standard';
    if (seen.has(key) || !option.amounts[key]) continue;
    seen.add(key);
    setLabel(aid, level);
    const alt = paymentsFor(aid, option, key, reval);
    alternatives.push({
      band: level.id,
      text: aid.text('band.alternative', 'ok'),
      payments: alt.payments,
      total: sum(alt.payments),
      sources: aid.src(option.amounts[key].sources),
    });
  }
  if (bands) {
    const level = bands.levels[placement.index];
    setLabel(aid, level);
    out.band = { id: level.id, label: localized(level, 'label', env.lang) };
  }
  if (alternatives.length) out.alternatives = alternatives;
  const objectives = objectivesFor(aid, option, placement);
  if (objectives) out.objectives = objectives;
  return out;
}

const sum = (payments: Payment[]) => payments.reduce((t, p) => t + p.amount, 0);

function paymentsFor(aid: Aid, option: OptionRules, levelKey: string, reval: Revaluation | undefined) {
  const { regime } = aid;
  const contractDate = aid.start;
  const pay = regime.payment;
  const years = pay?.years ?? HORIZON;
  const payments: Payment[] = [];
  let estimate = false;
  const year1 = aid.text('year1.date', 'ok');
  for (let year = 1; year <= years; year++) {
    const start = addYears(contractDate, year - 1);
    const revalued = reval && start >= reval.date ? reval.regime.options.find((o) => o.id === option.id) : undefined;
    const rowOf = (o: OptionRules): AmountRow | undefined => o.amounts[levelKey] ?? o.amounts.standard;
    let row = rowOf(revalued ?? option);
    if (row && year < (row.firstYear ?? 1)) row = rowOf(option);
    if (!row || year < (row.firstYear ?? 1)) continue;
    const amount = row.values[Math.min(year - (row.firstYear ?? 1), row.values.length - 1)];
    const p: Payment = { year, amount, date: start, table: revalued ? reval!.regime.id : regime.id, sources: aid.src(row.sources) };
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
      estimate = true;
    }
    payments.push(p);
  }
  return { payments, estimate };
}

/** The first objective rule that applies and can be computed; its targets and text. */
function objectivesFor(aid: Aid, option: OptionRules, placement: Placement): Objectives | undefined {
  const { regime } = aid;
  const rules = regime.objectives;
  if (!rules?.length) return undefined;
  const fields = indicatorsFor(regime.objectiveIndicators, aid) ?? ['fileActive'];
  for (const rule of rules) {
    if (rule.when && evaluate(rule.when, aid).value !== true) continue;
    const o = objectiveOf(aid, rule, option, placement, fields);
    if (!o) continue;
    // Keep the 0.1 keys for one minor version (see CHANGELOG).
    for (const t of o.targets) if (t.field === 'patienteleMT' || t.field === 'fileActive') o[t.field] = strip(t);
    if (rule.inferred) o.estimate = true;
    if (placement.reason?.estimate) o.estimate = true;
    return o;
  }
  return undefined;
}

const strip = ({ from, target, min }: Target) => (min === undefined ? { from, target } : { from, target, min });

function objectiveOf(
  aid: Aid,
  rule: ObjectiveRules,
  option: OptionRules,
  placement: Placement,
  fields: Indicator[],
): Objectives | undefined {
  const { profile, env } = aid;
  const base = (targets: Target[], variant: 'ok' | 'ko' | 'unknown' = 'ok', refs: readonly string[] = rule.sources): Objectives => ({
    rule: rule.id,
    targets,
    text: pickVariant(aid, rule, variant),
    sources: aid.src(refs),
  });
  switch (rule.kind) {
    case 'cpam':
      return base([]);
    case 'maintain': {
      const floor = rule.floor?.value ?? 1;
      const targets: Target[] = [];
      for (const f of fields) {
        const from = profile[f];
        if (from !== undefined) targets.push({ field: f, from, target: from, min: Math.ceil(from * floor - 1e-9) });
      }
      const o = base(targets, 'ok', rule.floor?.sources ?? rule.sources);
      if (rule.floor?.inferred) o.estimate = true;
      return o;
    }
    case 'reach': {
      const dist = distributionOf(env, aid.regime);
      const targets: Target[] = [];
      let estimate = false;
      let refs: readonly string[] | undefined;
      for (const f of fields) {
        const t = dist?.rows.find((r) => r.specialty === profile.specialty && r.indicator === f)?.[`p${rule.percentile ?? 50}` as 'p50'];
        if (!t) continue;
        refs ??= t.sources;
        if (t.inferred) estimate = true;
        const from = profile[f];
        if (from !== undefined) targets.push({ field: f, from, target: Math.max(from, t.value) });
      }
      if (!refs) return base([], 'unknown');
      const o = base(targets, 'ok', refs);
      if (estimate) o.estimate = true;
      return o;
    }
    case 'rate': {
      const row = rule.rates?.[option.id];
      if (!row) return undefined;
      const rate = row.values[Math.min(placement.index, row.values.length - 1)];
      aid.set('rate', percent(rate, env.lang));
      const targets: Target[] = [];
      // Truncated as in the worked examples (1 550 × 0.15 = 232.5 → 232); 1 300 × 0.35 is 454.999… in floating point.
      for (const f of fields) {
        const from = profile[f];
        if (from !== undefined) targets.push({ field: f, from, target: from + Math.trunc(from * rate + 1e-9) });
      }
      return base(targets, rate ? 'ok' : 'ko', row.sources);
    }
    case 'grid': {
      // A rules pack (a CPAM, a URPS) may publish the grid the national texts leave out.
      const grids = env.rules.objectiveGrids.filter(
        (g) => g.scheme === aid.scheme.id && g.regime === aid.regime.id && g.specialty === profile.specialty && g.option === option.id,
      );
      const targets: Target[] = [];
      let estimate = false;
      for (const g of grids) {
        const from = profile[g.indicator];
        const r = from === undefined ? undefined : g.rows.find((x) => from >= x.from && (x.to === undefined || from < x.to));
        if (from === undefined || !r) continue;
        targets.push({ field: g.indicator, from, target: from + (r.add ?? Math.trunc(from * (r.rate ?? 0) + 1e-9)) });
        if (g.inferred) estimate = true;
      }
      if (!targets.length) return undefined;
      const o = base(targets, 'ok', grids[0].sources);
      if (estimate) o.estimate = true;
      return o;
    }
  }
}

function pickVariant(aid: Aid, rule: ObjectiveRules, variant: 'ok' | 'ko' | 'unknown'): string {
  const t = rule.text;
  const lang = aid.env.lang;
  const raw = (lang === 'en' && t.en?.[variant]) || t[variant] || (lang === 'en' && t.en?.ok) || t.ok || '';
  return fill(raw, aid.vars, lang);
}

/** 0.125 → « 12,5 % » (French decimals), « 12.5% » in English. */
function percent(rate: number, lang: Env['lang']): string {
  const n = Math.round(rate * 1000) / 10;
  return lang === 'en' ? `${n}%` : `${String(n).replace('.', ',')}\u00a0%`;
}

/** Answers that would sharpen the objectives once eligibility is settled: the fields the rules read. */
function objectiveFields(aid: Aid): string[] {
  const { regime, profile } = aid;
  const out: string[] = [];
  const fields = indicatorsFor(regime.objectiveIndicators, aid) ?? [];
  for (const f of fields) if (profile[f] === undefined) out.push(f);
  for (const rule of regime.objectives ?? []) {
    if (!rule.when) break; // an unconditional rule ends the list: later rules cannot apply
    const w = evaluate(rule.when, aid);
    if (w.value === true) break;
    if (w.value === null) for (const f of w.fields) if (f !== 'percentile' && !out.includes(f)) out.push(f);
  }
  return out;
}

interface Revaluation {
  regime: RegimeRules;
  date: string;
}

function findOption(scheme: SchemeRules, id: string): OptionRules | undefined {
  for (const r of scheme.regimes) for (const o of r.options) if (o.id === id) return o;
  return undefined;
}

/** For contracts of a regime revalued by a later one: the later regime and the first anniversary it applies from. */
function revaluation(scheme: SchemeRules, regime: RegimeRules, contractDate: string): Revaluation | undefined {
  if (!regime.revaluedBy) return undefined;
  const later = scheme.regimes.find((r) => r.id === regime.revaluedBy);
  if (!later?.signedFrom) return undefined;
  return { regime: later, date: firstAnniversaryOnOrAfter(contractDate, later.signedFrom.date) };
}
