/**
 * Monthly allowance with an engagement of as many months, with a minimum (CESP).
 * Rule data: `amountField` (months of allowance), params `monthly`, `minMonths`; text `engagement`.
 */
import type { SchemeRules } from '../rules/schema.js';
import type { Payment, Profile, SchemeResult } from '../types.js';
import { evaluateAid, option, type Aid } from './aid.js';
import { addYears } from '../dates.js';
import type { Env } from './common.js';

export const evaluateAllowance = (scheme: SchemeRules, profile: Profile, env: Env): SchemeResult =>
  evaluateAid(scheme, profile, env, compute);

function compute(aid: Aid): void {
  const months = aid.amount;
  if (months === undefined) return aid.ask(aid.scheme.amountField!);
  const monthly = aid.fig('monthly')!;
  const min = aid.fig('minMonths');
  const sources = aid.src(monthly.sources);
  const payments: Payment[] = [];
  // Paid monthly: one line per 12 months received.
  for (let y = 0; y * 12 < months; y++)
    payments.push({ year: y + 1, amount: monthly.value * Math.min(12, months - y * 12), date: addYears(aid.start, y), sources });
  aid.set('engagement', Math.max(months, min?.value ?? 0));
  const engagement = aid.text('engagement', 'ok');
  aid.result.options.push(option(aid, payments, engagement ? { notes: [engagement] } : {}));
}
