/**
 * Estimate of the year-3+ aid from objective attainment. The official formula is not public
 * (DOMAIN.md §2.1, TABLES.md §3): this is a linear prorata, always flagged as an estimate.
 */
import type { ObjectiveTarget } from './types.js';

export interface ModulationInput {
  /** Maximum aid for the contract year (€), e.g. 22 000. */
  amount: number;
  objectives: { patienteleMT?: ObjectiveTarget; fileActive?: ObjectiveTarget };
  /** Counts reached at the end of the year. */
  achieved: { patienteleMT?: number; fileActive?: number };
}

export interface ModulationEstimate {
  /** 0–1 attainment used: the lowest of the indicators (both count for GPs and pediatricians). */
  rate: number;
  rates: { patienteleMT?: number; fileActive?: number };
  /** Estimated aid due for the year. */
  due: number;
  /** 50 % advance paid at the anniversary. */
  advance: number;
  /** Estimated balance; never negative (whether an advance can be reclaimed is not published). */
  balance: number;
  estimate: true;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** Attainment of one objective: progress towards the target, or the share of the floor kept. */
function attainment(o: ObjectiveTarget, achieved: number): number {
  if (o.target > o.from) return clamp01((achieved - o.from) / (o.target - o.from));
  const floor = o.min ?? o.target;
  return floor <= 0 || achieved >= floor ? 1 : clamp01(achieved / floor);
}

export function estimateModulation(input: ModulationInput): ModulationEstimate {
  const amount = Number.isFinite(input?.amount) && input.amount > 0 ? input.amount : 0;
  const rates: ModulationEstimate['rates'] = {};
  for (const key of ['patienteleMT', 'fileActive'] as const) {
    const o = input?.objectives?.[key];
    const a = input?.achieved?.[key];
    if (o && typeof a === 'number' && Number.isFinite(a)) rates[key] = attainment(o, a);
  }
  const values = Object.values(rates);
  const rate = values.length ? Math.min(...values) : 1;
  const advance = Math.round(amount / 2);
  const due = Math.round(amount * rate);
  return { rate, rates, due, advance, balance: Math.max(0, due - advance), estimate: true };
}
