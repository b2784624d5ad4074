/** Pieces every scheme evaluation shares: the environment, regime choice by date, conditions → reasons, statuses. */
import { evaluate, localized, pickText, type Context, type Vars } from '../conditions.js';
import type { RegionRules } from '../rules/pack-schema.js';
import type { Departement, RuleSet } from '../rules/ruleset.js';
import type { ConditionRules, RegimeRules, SchemeRules } from '../rules/schema.js';
import type { IsoDate, Lang, Reason, SchemeResult } from '../types.js';

export interface Env {
  asOf: IsoDate;
  lang: Lang;
  rules: RuleSet;
  /** The region pack in force (national by default). */
  region: RegionRules;
  /** The doctor's département, when known. */
  departement?: Departement;
}

/**
 * How decisive a missing answer is, lowest first: the situation, then what decides eligibility, then what
 * decides the amount, then what only sharpens the details (objectives).
 */
export const Ask = {
  Situation: 0,
  Eligibility: 1,
  /** A choice the amount depends on (the assistant's working time): right after eligibility. */
  Choice: 1.5,
  Amount: 2,
  Detail: 3,
} as const;

/** The regime whose signature window contains `date`. */
export function regimeAt(scheme: SchemeRules, date: IsoDate): RegimeRules | undefined {
  return scheme.regimes.find((r) => (!r.signedFrom || date >= r.signedFrom.date) && (!r.signedTo || date <= r.signedTo.date));
}

export function addFields(into: string[], fields: readonly string[]): void {
  for (const f of fields) if (!into.includes(f)) into.push(f);
}

/** Evaluates a condition into an explained reason; undefined when its `when` rules it out. */
export function conditionReason(c: ConditionRules, ctx: Context & { vars: Vars }, env: Env): Reason | undefined {
  if (c.when) {
    const w = evaluate(c.when, ctx);
    if (w.value === false) return undefined;
    if (w.value === null)
      return {
        id: c.id,
        ok: null,
        text: pickText(c.text, 'unknown', env.lang, ctx.vars),
        sources: env.rules.resolve(c.sources),
        fields: w.fields,
      };
  }
  const v = evaluate(c.test, ctx);
  const reason: Reason = {
    id: c.id,
    ok: v.value,
    text: pickText(c.text, v.value === null ? 'unknown' : v.value ? 'ok' : 'ko', env.lang, ctx.vars),
    sources: env.rules.resolve(c.sources),
  };
  if (v.fields.length) reason.fields = v.fields;
  if (c.inferred) reason.estimate = true;
  return reason;
}

/** Status from reasons: any false → ineligible; any unanswered → incomplete. */
export function statusOf(reasons: Reason[]): SchemeResult['status'] {
  if (reasons.some((r) => r.ok === false)) return 'ineligible';
  return reasons.some((r) => r.ok === null) ? 'incomplete' : 'eligible';
}

/** A scheme's result before evaluation: ineligible, nothing to ask, nothing offered. */
export function emptyResult(scheme: SchemeRules, env: Env): SchemeResult {
  return { id: scheme.id, title: schemeTitle(scheme, env), status: 'ineligible', reasons: [], missing: [], options: [], notes: [] };
}

export function schemeTitle(scheme: SchemeRules, env: Env): string {
  return localized(scheme, 'title', env.lang);
}
