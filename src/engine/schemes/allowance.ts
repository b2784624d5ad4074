/**
 * Monthly allowance with an engagement of as many months, with a minimum (CESP).
 * Rule data: `amountField` (months of allowance), params `monthly`, `minMonths`; text `engagement`.
 */
import type { Payment } from '../types.js';
import { addYears } from '../dates.js';
import { aidKind, offer } from './aid.js';

export const evaluateAllowance = aidKind((aid) => {
  const months = aid.amount;
  if (months === undefined) return aid.ask(aid.scheme.amountField!);
  const monthly = aid.fig('monthly')!;
  const sources = aid.src(monthly.sources);
  const payments: Payment[] = [];
  // Paid monthly: one line per 12 months received.
  for (let y = 0; y * 12 < months; y++)
    payments.push({ year: y + 1, amount: monthly.value * Math.min(12, months - y * 12), date: addYears(aid.start, y), sources });
  aid.set('engagement', Math.max(months, aid.fig('minMonths')?.value ?? 0));
  const engagement = aid.text('engagement');
  offer(aid, payments, engagement ? { notes: [engagement] } : {});
});
