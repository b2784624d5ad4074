/**
 * Aide à l'emploi d'un assistant médical: three regimes by signature date, the patientèle band,
 * amounts per contract year with the 2024 revaluation of older contracts, payment schedule, objectives.
 */
import { evaluate } from '../conditions.js';
import { addMonths, addYears, firstAnniversaryOnOrAfter } from '../dates.js';
import type { Distribution } from '../rules/ruleset.js';
import type { AmountRow, OptionRules, RegimeRules, SchemeRules } from '../rules/schema.js';
import type { ObjectiveTarget, Objectives, OptionResult, Payment, Profile, Reason, SchemeResult, Source } from '../types.js';
import { addFields, conditionReason, emptyResult, makeContext, regimeAt, regimeNotes, statusOf, text, type Env } from './common.js';

type AmountBand = 'standard' | 'p90' | 'p95';
/** Percentile limits of the avenant 7 bands (1: P30–P50 … 5: ≥ P95); index 0 is below P30. */
const AV7_LIMITS = [30, 50, 70, 90, 95] as const;
const PERCENTILE_KEYS = ['p30', 'p50', 'p70', 'p90', 'p95'] as const;
const BAND_LABELS: Record<AmountBand, string> = { standard: 'P30 à P90', p90: 'P90 à P94', p95: 'P95 et plus' };
const YEARS = 5;

interface Band {
  /** Avenant 7 band 1–5, or for later regimes 1 (P30–P50 or unknown side of P50), 2 (P50–P90), 4, 5. */
  index: number;
  amount: AmountBand;
  reason: Reason;
}

function rowFor(dist: Distribution | undefined, specialty: string | undefined, indicator: 'patienteleMT' | 'fileActive') {
  return dist?.rows.find((r) => r.specialty === specialty && r.indicator === indicator);
}

/** Band index 0–5 from a count and a row of thresholds (lower limits inclusive). */
function indexFromCount(count: number, row: NonNullable<ReturnType<typeof rowFor>>): number | undefined {
  let index = 0;
  for (let i = 0; i < PERCENTILE_KEYS.length; i++) {
    const t = row[PERCENTILE_KEYS[i]];
    if (!t) {
      if (i === 0) return undefined;
      continue; // an unpublished intermediate limit (P70) does not hide the higher ones
    }
    if (count >= t.value) index = i + 1;
  }
  return index;
}

const amountBandOf = (index: number): AmountBand => (index >= 5 ? 'p95' : index === 4 ? 'p90' : 'standard');
const indexFromPercentile = (p: number) => AV7_LIMITS.filter((l) => p >= l).length;

export function evaluateAssistantMedical(scheme: SchemeRules, profile: Profile, env: Env): SchemeResult {
  const contractDate = profile.contractDate ?? env.asOf;
  const regime = regimeAt(scheme, contractDate);
  const result = emptyResult(scheme, env);
  if (!regime) {
    result.reasons.push({
      id: 'regime',
      ok: false,
      text: text(scheme, 'regime.none', 'ko', env, {}),
      sources: env.rules.resolve(scheme.regimes[scheme.regimes.length - 1].signedFrom?.sources ?? scheme.sources),
    });
    return result;
  }
  result.regime = regime.id;
  result.regimeTitle = (env.lang === 'en' && regime.title_en) || regime.title;

  // Avenant 7/8 has its own band table and derogations; later regimes share the 2024 logic.
  const isAv7 = regime.id === 'avenant-7-8';
  const dist = env.rules.distributions.find((d) => d.regimes.includes(regime.id));
  const specialty = profile.specialty ? env.rules.specialties.get(profile.specialty) : undefined;
  const group = specialty?.group;
  const pmtRow = rowFor(dist, profile.specialty, 'patienteleMT');
  const faRow = rowFor(dist, profile.specialty, 'fileActive');
  // GPs are placed on their patientèle médecin traitant, other specialties on their file active (S000, S004).
  const indicator = group === 'generaliste' ? 'patienteleMT' : 'fileActive';
  const countRow = indicator === 'patienteleMT' ? pmtRow : faRow;
  const count = profile[indicator];
  const usesCounts = group === 'generaliste';

  const reval = revaluation(scheme, regime, contractDate);
  let thresholdReason: Reason | undefined;
  const ctx = makeContext(profile, env, {
    patienteleP30: () => {
      thresholdReason = threshold();
      return { value: thresholdReason.ok, fields: thresholdReason.fields ?? [] };
    },
    revalued: () => ({ value: !!reval && reval.date <= addYears(contractDate, YEARS - 1), fields: [] }),
  });
  const vars = ctx.vars;
  const extra = ctx.extra;
  extra.indicatorLabel = indicator === 'patienteleMT' ? 'patientèle médecin traitant' : 'file active';
  extra.count = count;
  const sourcesOf = (refs: readonly string[]) => env.rules.resolve(refs);

  /** E5–E7 (2024) and the avenant 7 threshold with its derogations, as one explained reason. */
  function threshold(): Reason {
    const cond = regime!.conditions.find((c) => 'fact' in c.test && c.test.fact === 'patienteleP30')!;
    const sources = sourcesOf(cond.sources);
    const reason = (
      ok: boolean | null,
      key: string,
      variant: 'ok' | 'ko' | 'unknown',
      fields: string[],
      s = sources,
      estimate = false,
    ): Reason => {
      const r: Reason = { id: cond.id, ok, text: text(scheme, key, variant, env, vars), sources: s, fields };
      if (estimate) r.estimate = true;
      return r;
    };
    const p30 = countRow?.p30;
    if (p30) extra.p30 = p30.value;
    if (!specialty) return reason(null, 'p30.unknown', 'unknown', ['specialty']);
    let below: Reason | undefined;
    if (profile.percentile !== undefined) {
      if (profile.percentile >= 30) return reason(true, 'p30.percentile.ok', 'ok', ['percentile']);
      below = reason(false, 'p30.percentile.ko', 'ko', ['percentile']);
    } else if (p30 && count !== undefined) {
      const s = sourcesOf(p30.sources);
      const edge = count === p30.value ? (p30.boundary ?? 'inclusive') : undefined;
      if (edge === 'ambiguous') return reason(true, 'p30.count.boundary', 'ok', [indicator], s, true);
      if (count > p30.value || edge === 'inclusive') return reason(true, isAv7 ? 'p30.count.ok.av7' : 'p30.count.ok', 'ok', [indicator], s);
      below = reason(false, isAv7 ? 'p30.count.ko.av7' : 'p30.count.ko', 'ko', [indicator], s);
    }
    // Derogations to the minimum patientèle, in the order the texts give them.
    const derogations: [string, boolean | undefined, boolean][] = [
      ['newlyInstalled', profile.newlyInstalled, !isAv7],
      ['rqthOrAld', profile.rqthOrAld, false],
    ];
    if (!isAv7) derogations.push(['mixedActivity', profile.mixedActivity, false]);
    if (isAv7 && usesCounts) {
      const share = regime!.params?.['derogation.childrenShare'];
      const fa = regime!.params?.['derogation.childrenFileActive'];
      if (share && fa) {
        const known = profile.childrenShare !== undefined && profile.fileActive !== undefined;
        derogations.push([
          'childrenShare',
          known ? profile.childrenShare! > share.value && profile.fileActive! >= fa.value : undefined,
          false,
        ]);
      }
    }
    const unknown: string[] = [];
    for (const [field, value, estimate] of derogations) {
      if (value === true) {
        const av7 = isAv7 ? '.av7' : '';
        const key =
          field === 'newlyInstalled'
            ? `p30.new${av7}`
            : field === 'rqthOrAld'
              ? `p30.rqth${av7}`
              : field === 'mixedActivity'
                ? 'p30.mixed'
                : 'p30.children';
        return reason(true, key, 'ok', [field], sources, estimate);
      }
      if (value === undefined) unknown.push(field === 'childrenShare' && profile.childrenShare !== undefined ? 'fileActive' : field);
    }
    if (below) {
      if (!unknown.length) return below;
      below.ok = null;
      below.fields = unknown;
      return below;
    }
    if (p30) return reason(null, 'p30.unknown.count', 'unknown', [indicator]);
    return reason(null, 'p30.unknown.specialist', 'unknown', ['percentile', 'newlyInstalled']);
  }

  for (const c of regime.conditions) {
    const r = conditionReason(c, ctx, env);
    if (!r) continue;
    result.reasons.push(thresholdReason && r.id === thresholdReason.id ? thresholdReason : r);
  }

  // The band sets the amount (P90, P95) and, under avenant 7, the objective rates.
  const band = patienteleBand();
  if (band) result.reasons.push(band.reason);

  // The option the doctor asked for must be open at the signature date.
  const openOptions: OptionRules[] = [];
  const optionFields: string[] = [];
  for (const o of regime.options) {
    if (o.open === false) continue;
    if (o.when) {
      const w = evaluate(o.when, ctx);
      if (w.value === null) addFields(optionFields, w.fields);
      if (w.value !== true) continue;
    }
    openOptions.push(o);
  }
  if (profile.option && !openOptions.some((o) => o.id === profile.option)) {
    const asked = findOption(scheme, profile.option);
    extra.optionLabel = asked ? label(asked) : profile.option;
    extra.openOptions = openOptions.map(label).join(', ');
    result.reasons.push({
      id: 'option',
      ok: false,
      text: text(scheme, 'option.closed', 'ko', env, vars),
      sources: sourcesOf(regime.signedFrom?.sources ?? scheme.sources),
      fields: ['option'],
    });
  }

  result.status = statusOf(result.reasons);
  result.notes = regimeNotes(regime, ctx, env);
  if (reval && reval.date === reval.regime.signedFrom?.date && contractDate < reval.date)
    result.notes.push({
      id: 'revalorisation-22-juin',
      kind: 'estimate',
      text: text(scheme, 'reval.boundary', 'ok', env, vars),
      sources: sourcesOf(reval.regime.signedFrom.sources),
    });
  if (result.status === 'ineligible') return result;

  for (const r of result.reasons) if (r.ok === null) addFields(result.missing, r.fields ?? []);
  addFields(result.missing, optionFields);
  if (band && !result.reasons.some((r) => r.ok === false)) {
    for (const o of openOptions) {
      if (profile.option && o.id !== profile.option) continue;
      result.options.push(optionResult(o, band));
    }
  }
  addFields(result.missing, objectiveFields());
  if (scheme.apply)
    result.apply = { text: (env.lang === 'en' && scheme.apply.en) || scheme.apply.text, links: sourcesOf(scheme.apply.links) };
  return result;

  function label(o: OptionRules): string {
    return (env.lang === 'en' && o.label_en) || o.label;
  }

  function patienteleBand(): Band | undefined {
    const bandReason = (key: string, index: number, estimate: boolean, sources: Source[], fields: string[]): Band => {
      const amount = amountBandOf(index);
      extra.bandLabel = isAv7 && index >= 1 && index <= 3 ? `${['P30 à P50', 'P50 à P70', 'P70 à P90'][index - 1]}` : BAND_LABELS[amount];
      const reason: Reason = { id: 'tranche', ok: true, text: text(scheme, key, 'ok', env, vars), sources, fields };
      if (estimate) reason.estimate = true;
      return { index, amount, reason };
    };
    if (profile.percentile !== undefined) {
      return bandReason('band.percentile', Math.max(1, indexFromPercentile(profile.percentile)), false, sourcesOf(scheme.sources), [
        'percentile',
      ]);
    }
    if (isAv7 && usesCounts && pmtRow && profile.patienteleMT !== undefined) {
      const pmtIndex = indexFromCount(profile.patienteleMT, pmtRow);
      {
        if (!faRow || profile.fileActive === undefined) return undefined;
        const faIndex = indexFromCount(profile.fileActive, faRow) ?? 0;
        const index = Math.max(1, pmtIndex === 5 || faIndex === 5 ? 5 : Math.min(pmtIndex ?? 0, faIndex));
        const split = pmtIndex !== faIndex && index < 5;
        const inferred = !!(pmtRow.p90?.inferred || faRow.p90?.inferred);
        return bandReason(
          split ? 'band.split' : 'band.count2019',
          index,
          split || inferred,
          sourcesOf(pmtRow.p90?.sources ?? scheme.sources),
          ['patienteleMT', 'fileActive'],
        );
      }
    }
    if (!isAv7 && countRow?.p90 && countRow.p95 && count !== undefined) {
      const index = indexFromCount(count, countRow);
      if (index !== undefined) {
        const estimate = !!(countRow.p90.inferred || countRow.p95.inferred);
        return bandReason(estimate ? 'band.count' : 'band.count.sourced', Math.max(1, index), estimate, sourcesOf(countRow.p90.sources), [
          indicator,
        ]);
      }
    }
    if (profile.newlyInstalled === true) return bandReason('band.new', 1, true, sourcesOf(scheme.sources), ['newlyInstalled']);
    if (!specialty) return undefined; // the specialty question comes first
    const unknown =
      isAv7 && usesCounts && pmtRow
        ? profile.patienteleMT !== undefined
          ? 'fileActive'
          : 'patienteleMT'
        : countRow?.p90 && countRow.p95
          ? indicator
          : 'percentile';
    result.reasons.push({
      id: 'tranche',
      ok: null,
      text: text(scheme, 'band.unknown', 'unknown', env, vars),
      sources: sourcesOf(scheme.sources),
      fields: [unknown],
    });
    return undefined;
  }

  function optionResult(option: OptionRules, b: Band): OptionResult {
    const payments: Payment[] = [];
    let total = 0;
    let estimate = false;
    for (let year = 1; year <= YEARS; year++) {
      const start = addYears(contractDate, year - 1);
      const revalued = reval && start >= reval.date ? findOptionIn(reval.regime, option.id) : undefined;
      const source = revalued ?? option;
      let row: AmountRow | undefined = source.amounts[b.amount] ?? source.amounts.standard;
      if (row && year < (row.firstYear ?? 1)) row = option.amounts[b.amount] ?? option.amounts.standard;
      if (!row) continue;
      const amount = row.values[Math.min(year - (row.firstYear ?? 1), row.values.length - 1)];
      const p: Payment = { year, amount, date: start, table: revalued ? reval!.regime.id : regime!.id, sources: sourcesOf(row.sources) };
      if (year >= 3) {
        p.advance = Math.round(amount / 2);
        p.balanceMax = amount - p.advance;
        p.balanceDate = addMonths(addYears(contractDate, year), 2);
      }
      if (year === 1) p.note = text(scheme, 'year1.date', 'ok', env, vars);
      if (row.inferred) {
        p.estimate = true;
        p.note = row.inferred;
        estimate = true;
      }
      payments.push(p);
      total += amount;
    }
    const out: OptionResult = { id: option.id, label: label(option), payments, total };
    // An amount read on an estimated band is itself an estimate, whatever the table says.
    if (b.reason.estimate) out.notes = [text(scheme, 'band.estimated.amount', 'ok', env, vars)];
    if (estimate || b.reason.estimate) out.estimate = true;
    const objectives = objectivesFor(option, b);
    if (objectives) out.objectives = objectives;
    return out;
  }

  function objectivesFor(option: OptionRules, b: Band): Objectives | undefined {
    const both = group === 'generaliste' || group === 'pediatrie';
    const pmt = profile.patienteleMT;
    const fa = profile.fileActive;
    const sources = (refs: readonly string[]) => sourcesOf(refs);
    if (isAv7) {
      const rates = regime!.tables?.[`objectiveRates.${option.id}`];
      if (!usesCounts || !rates)
        return { text: text(scheme, 'obj.av7.cpam', 'ok', env, vars), sources: sourcesOf(scheme.sources), estimate: true };
      const rate = rates.values[Math.min(Math.max(b.index, 1), 5) - 1];
      extra.rate = `${Math.round(rate * 1000) / 10} %`;
      const grow = (from: number): ObjectiveTarget => ({ from, target: from + Math.trunc(from * rate + 1e-9) }); // 1 300 × 0.35 is 454.999… in floating point
      const o: Objectives = { text: text(scheme, rate ? 'obj.av7' : 'obj.av7.maintain', 'ok', env, vars), sources: sources(rates.sources) };
      if (pmt !== undefined) o.patienteleMT = grow(pmt);
      if (fa !== undefined) o.fileActive = grow(fa);
      if (b.reason.estimate) o.estimate = true;
      return o;
    }
    if (regime!.revaluedBy) return undefined; // règlement arbitral: the contract's own objectives (see notes)
    const params = regime!.params ?? {};
    if (profile.newlyInstalled) {
      const p50mt = pmtRow?.p50;
      const p50fa = faRow?.p50;
      if (!p50mt && !p50fa) return { text: text(scheme, 'obj.new.cpam', 'ok', env, vars), sources: sourcesOf(scheme.sources) };
      const o: Objectives = { text: text(scheme, 'obj.new', 'ok', env, vars), sources: sources((p50mt ?? p50fa)!.sources) };
      if (p50mt && pmt !== undefined) o.patienteleMT = { from: pmt, target: Math.max(pmt, p50mt.value) };
      if (p50fa && fa !== undefined) o.fileActive = { from: fa, target: Math.max(fa, p50fa.value) };
      if (p50mt?.inferred || p50fa?.inferred) o.estimate = true;
      return o;
    }
    const maintain = (floor: number, key: string, refs: readonly string[]): Objectives => {
      const keep = (from: number): ObjectiveTarget => ({ from, target: from, min: Math.ceil(from * floor - 1e-9) });
      const o: Objectives = { text: text(scheme, key, 'ok', env, vars), sources: sources(refs), estimate: true };
      if (both && pmt !== undefined) o.patienteleMT = keep(pmt);
      if (fa !== undefined) o.fileActive = keep(fa);
      return o;
    };
    const ageFrom = params['obj.age65.from'];
    const ageFloor = params['obj.age65.floor'];
    if (ageFrom && ageFloor && profile.age !== undefined && profile.age >= ageFrom.value)
      return maintain(ageFloor.value, 'obj.age65', ageFloor.sources);
    const p95Floor = params['obj.p95.floor'];
    if (p95Floor && b.amount === 'p95' && both) return maintain(p95Floor.value, 'obj.p95', p95Floor.sources);
    // A rules pack (a CPAM, a URPS) may publish the grid the national texts leave out.
    const grids = env.rules.objectiveGrids.filter(
      (g) => g.scheme === scheme.id && g.regime === regime!.id && g.specialty === profile.specialty && g.option === option.id,
    );
    if (grids.length) {
      const o: Objectives = { text: text(scheme, 'obj.grid', 'ok', env, vars), sources: sourcesOf(grids[0].sources) };
      for (const g of grids) {
        const from = g.indicator === 'patienteleMT' ? pmt : fa;
        const row = from === undefined ? undefined : g.rows.find((r) => from >= r.from && (r.to === undefined || from < r.to));
        if (from === undefined || !row) continue;
        o[g.indicator] = { from, target: from + (row.add ?? Math.trunc(from * (row.rate ?? 0) + 1e-9)) };
        if (g.inferred) o.estimate = true;
      }
      if (o.patienteleMT || o.fileActive) return o;
    }
    // S004 states the individual objective for P50–P95 only; below P50 the texts are silent.
    return { text: text(scheme, b.index <= 1 ? 'obj.cpam.p30p50' : 'obj.cpam', 'ok', env, vars), sources: sourcesOf(scheme.sources) };
  }

  /** Answers that would sharpen the objectives once eligibility is settled. */
  function objectiveFields(): string[] {
    if (!result.options.length) return [];
    const fields: string[] = [];
    if (usesCounts && profile.patienteleMT === undefined) fields.push('patienteleMT');
    if (profile.fileActive === undefined) fields.push('fileActive');
    if (!isAv7 && !regime!.revaluedBy && profile.newlyInstalled === undefined) fields.push('newlyInstalled');
    if (!isAv7 && !regime!.revaluedBy && profile.age === undefined && profile.newlyInstalled !== true) fields.push('age');
    return fields;
  }
}

function findOption(scheme: SchemeRules, id: string): OptionRules | undefined {
  for (const r of scheme.regimes) for (const o of r.options) if (o.id === id) return o;
  return undefined;
}

function findOptionIn(regime: RegimeRules, id: string): OptionRules | undefined {
  return regime.options.find((o) => o.id === id);
}

/** For contracts of a regime revalued by a later one: the later regime and the first anniversary it applies from. */
function revaluation(scheme: SchemeRules, regime: RegimeRules, contractDate: string): { regime: RegimeRules; date: string } | undefined {
  if (!regime.revaluedBy) return undefined;
  const later = scheme.regimes.find((r) => r.id === regime.revaluedBy);
  if (!later?.signedFrom) return undefined;
  return { regime: later, date: firstAnniversaryOnOrAfter(contractDate, later.signedFrom.date) };
}
