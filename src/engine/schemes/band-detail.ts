/**
 * What the band-table kind (the assistant médical aid) computes for the detail only, registered with its
 * evaluator on import: the objectives of an option (the first objective rule of the regime that applies and
 * can be computed, its targets per indicator and its text), and the warning when the percentile given
 * contradicts the counts. The engine entries import it, the widget's detail chunk too: the first answer shows
 * neither, and the questions they raise are asked by band-table.ts itself.
 */
import { evaluate, fill, type Variant } from '../conditions.js';
import type { ObjectiveRules, OptionRules } from '../rules/schema.js';
import type { Objectives, Target } from '../types.js';
import type { Aid } from './aid.js';
import { enableBandDetail, indicatorsFor, PERCENTILES, reaches, rowOf, usable, type Indicator, type Placement } from './band-table.js';
import { valueAt, type Env } from './common.js';

/** The first objective rule that applies and can be computed; its targets and text. */
function objectivesFor(aid: Aid, option: OptionRules, placement: Placement): Objectives | undefined {
  const { regime } = aid;
  const fields = indicatorsFor(regime.objectiveIndicators, aid) ?? ['fileActive'];
  for (const rule of regime.objectives ?? []) {
    if (evaluate(rule.when, aid).value !== true) continue;
    const o = objectiveOf(aid, rule, option, placement, fields);
    if (!o) continue;
    // Keep the 0.1 keys for one minor version (see CHANGELOG).
    for (const t of o.targets) if (t.field === 'patienteleMT' || t.field === 'fileActive') o[t.field] = strip(t);
    if (rule.inferred || placement.reason?.estimate) o.estimate = true;
    return o;
  }
  return undefined;
}

const strip = ({ from, target, min }: Target) => (min === undefined ? { from, target } : { from, target, min });

/** `from` plus its share `rate`, truncated as in the worked examples (1 550 × 0.15 = 232.5 → 232; 1 300 × 0.35 is 454.999… in floating point). */
const grow = (from: number, rate: number) => from + Math.trunc(from * rate + 1e-9);

function objectiveOf(
  aid: Aid,
  rule: ObjectiveRules,
  option: OptionRules,
  placement: Placement,
  fields: Indicator[],
): Objectives | undefined {
  const { profile, env } = aid;
  const targets: Target[] = [];
  let estimate = false;
  /** A target for each indicator the doctor gave (`to` undefined: none for that one). */
  const aim = (field: Indicator, to: (from: number) => Omit<Target, 'field' | 'from'> | undefined) => {
    const from = profile[field];
    const t = from === undefined ? undefined : to(from);
    if (t) targets.push({ field, from: from!, ...t });
  };
  const objectives = (refs: readonly string[] = rule.sources, variant: Variant = 'ok'): Objectives => {
    const o: Objectives = { rule: rule.id, targets, text: pickVariant(aid, rule, variant), sources: aid.src(refs) };
    if (estimate) o.estimate = true;
    return o;
  };
  switch (rule.kind) {
    case 'cpam':
      return objectives();
    case 'maintain': {
      const floor = rule.floor?.value ?? 1;
      for (const f of fields) aim(f, (from) => ({ target: from, min: Math.ceil(from * floor - 1e-9) }));
      estimate = !!rule.floor?.inferred;
      return objectives(rule.floor?.sources);
    }
    case 'reach': {
      let refs: readonly string[] | undefined;
      for (const f of fields) {
        const t = rowOf(aid, f)?.[`p${rule.percentile ?? 50}` as 'p50'];
        if (!t) continue;
        refs ??= t.sources;
        if (t.inferred) estimate = true;
        aim(f, (from) => ({ target: Math.max(from, t.value) }));
      }
      return refs ? objectives(refs) : objectives(undefined, 'unknown');
    }
    case 'rate': {
      const row = rule.rates?.[option.id];
      if (!row) return undefined;
      const rate = valueAt(row, placement.index);
      aid.set('rate', percent(rate, env.lang));
      for (const f of fields) aim(f, (from) => ({ target: grow(from, rate) }));
      return objectives(row.sources, rate ? 'ok' : 'ko');
    }
    case 'grid': {
      // A rules pack (a CPAM, a URPS) may publish the grid the national texts leave out.
      const grids = env.rules.objectiveGrids.filter(
        (g) => g.scheme === aid.scheme.id && g.regime === aid.regime.id && g.specialty === profile.specialty && g.option === option.id,
      );
      for (const g of grids)
        aim(g.indicator, (from) => {
          const r = g.rows.find((x) => from >= x.from && (x.to === undefined || from < x.to));
          if (!r) return undefined;
          if (g.inferred) estimate = true;
          return { target: r.add === undefined ? grow(from, r.rate ?? 0) : from + r.add };
        });
      return targets.length ? objectives(grids[0].sources) : undefined;
    }
  }
}

function pickVariant(aid: Aid, rule: ObjectiveRules, variant: Variant): string {
  const t = rule.text;
  const lang = aid.env.lang;
  const raw = (lang === 'en' && t?.en?.[variant]) || t?.[variant] || (lang === 'en' && t?.en?.ok) || t?.ok || '';
  return fill(raw, aid.vars, lang);
}

/** 0.125 → « 12,5 % » (French decimals), « 12.5% » in English. */
function percent(rate: number, lang: Env['lang']): string {
  const n = Math.round(rate * 1000) / 10;
  return lang === 'en' ? `${n}%` : `${String(n).replace('.', ',')}\u00a0%`;
}

/** A percentile that contradicts the counts (percentile 50 with 700 patients MT): the CPAM's figure is kept, with a warning. */
function mismatch(aid: Aid, field: Indicator): void {
  const { percentile } = aid.profile;
  const count = aid.profile[field];
  const row = rowOf(aid, field);
  if (percentile === undefined || count === undefined || !row) return;
  for (const p of PERCENTILES) {
    const t = usable(row, p);
    const above = t && reaches(count, t);
    if (above == null || above === percentile >= p) continue;
    aid.set('p', p);
    aid.set('threshold', t!.value);
    aid.result.notes.push({
      id: 'percentile-incoherent',
      kind: 'warning',
      text: aid.text('percentile.mismatch'),
      sources: aid.src(t!.sources),
    });
    return;
  }
}

enableBandDetail({ objectives: objectivesFor, mismatch });
