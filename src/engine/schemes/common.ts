/** Pieces every scheme evaluation shares: the environment, regime choice by date, reasons, statuses. */
import type { Variant } from '../conditions.js';
import type { RegionRules } from '../rules/pack-schema.js';
import type { Departement, RuleSet } from '../rules/ruleset.js';
import type { RegimeRules, SchemeRules } from '../rules/schema.js';
import type { IsoDate, Lang, Reason, SchemeResult, Source } from '../types.js';

export interface Env {
  asOf: IsoDate;
  lang: Lang;
  rules: RuleSet;
  /** The region pack in force (national by default). */
  region: RegionRules;
  /** The doctor's département, when known. */
  departement?: Departement;
  /**
   * Missing answers by scheme result, with how decisive each is: simulate() orders the questions by it. One per
   * simulation, not a module WeakMap: a WeakMap insertion per scheme cost more than the rest of its setup.
   */
  priorities?: AskedBy;
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
export const regimeAt = (scheme: SchemeRules, date: IsoDate): RegimeRules | undefined =>
  scheme.regimes.find((r) => (!r.signedFrom || date >= r.signedFrom.date) && (!r.signedTo || date <= r.signedTo.date));

/**
 * Fields asked for, each with its most decisive (lowest) priority, in the order first asked. Two short parallel
 * arrays: a scheme asks a few fields, and a Map per scheme evaluation cost more than the search.
 */
export class Asked {
  readonly fields: string[] = [];
  readonly ranks: number[] = [];

  add(field: string, priority: number): void {
    const i = this.fields.indexOf(field);
    if (i < 0) {
      this.fields.push(field);
      this.ranks.push(priority);
    } else if (priority < this.ranks[i]) this.ranks[i] = priority;
  }

  rankOf(field: string): number | undefined {
    const i = this.fields.indexOf(field);
    return i < 0 ? undefined : this.ranks[i];
  }

  /** The fields ranked, most decisive first; equal priorities keep the order they were first asked in (a stable insertion sort). */
  ranked(): string[] {
    const out: string[] = [];
    const ranks: number[] = [];
    for (let k = 0; k < this.fields.length; k++) {
      const rank = this.ranks[k];
      let i = out.length;
      while (i > 0 && ranks[i - 1] > rank) {
        out[i] = out[i - 1];
        ranks[i] = ranks[i - 1];
        i--;
      }
      out[i] = this.fields[k];
      ranks[i] = rank;
    }
    return out;
  }
}

/** Each scheme result's asked fields, found by identity: a few entries per simulation (a Map grew and rehashed). */
export class AskedBy {
  readonly results: SchemeResult[] = [];
  readonly asked: Asked[] = [];

  set(result: SchemeResult, asked: Asked): void {
    this.results.push(result);
    this.asked.push(asked);
  }

  get(result: SchemeResult): Asked | undefined {
    return this.asked[this.results.indexOf(result)];
  }
}

export function addFields(into: string[], fields: readonly string[]): void {
  for (const f of fields) if (!into.includes(f)) into.push(f);
}

/** The text variant of a verdict. */
export const variantOf = (ok: boolean | null): Variant => (ok === null ? 'unknown' : ok ? 'ok' : 'ko');

/** A yearly row's value at index `i`: the last value repeats for later years. */
export const valueAt = (row: { values: number[] }, i: number) => row.values[Math.min(i, row.values.length - 1)];

/** An explained reason; `fields` only when given. */
export const reason = (id: string, ok: boolean | null, text: string, sources: Source[], fields?: string[]): Reason =>
  fields ? { id, ok, text, sources, fields } : { id, ok, text, sources };

/** A condition is not met. */
export const refuted = (reasons: Reason[]) => reasons.some((r) => r.ok === false);

/** Status from reasons: any false → ineligible; any unanswered → incomplete. */
export function statusOf(reasons: Reason[]): SchemeResult['status'] {
  if (refuted(reasons)) return 'ineligible';
  return reasons.some((r) => r.ok === null) ? 'incomplete' : 'eligible';
}
