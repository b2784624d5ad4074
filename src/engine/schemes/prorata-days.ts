/**
 * Lump sum set by weekly activity, paid on a schedule: CAIM (a table by days per week, not a formula)
 * and the ARS Occitanie aid (prorated by half-days worked).
 *
 * Rule data: `amountField` (days per week); either `steps` (amount by level) or params `amount` and
 * `halfDays` (full amount and the half-days it is for); optional param `hopital` (supplement when
 * `hospitalDeProximite`); `schedule` (share paid at the start of each contract year); `duration`.
 */
import type { Payment } from '../types.js';
import { addYears } from '../dates.js';
import { aidKind, hospitalSupplement, offer, upcoming } from './aid.js';

export const evaluateProrataDays = aidKind((aid) => {
  const days = aid.amount;
  if (days === undefined) return;
  const { regime } = aid;
  let base: number;
  let sources: readonly string[];
  let inferred: string | undefined;
  if (regime.steps) {
    // The row for the largest level reached (the rule file lists them in ascending order).
    const row = [...regime.steps].reverse().find((s) => days >= s.from);
    if (!row) return;
    base = row.value;
    sources = row.sources;
    inferred = row.inferred;
  } else {
    const full = aid.fig('amount')!;
    const half = aid.fig('halfDays')!;
    base = Math.round((full.value * Math.min(Math.floor(days * 2 + 1e-9), half.value)) / half.value);
    sources = full.sources;
    inferred = base < full.value ? half.inferred : undefined;
  }
  const total = base + hospitalSupplement(aid);
  let paid = 0;
  const schedule = regime.schedule ?? [{ year: 1, share: 1, sources: [...(sources ?? [])] }];
  // The first instalment is due at the installation (CAIM: « 50 % à l'installation »), not at the signature.
  const from = aid.profile.installationDate ?? aid.start;
  const payments = schedule.map((s, i) => {
    // The last instalment takes the rounding remainder so that the instalments add up to the total.
    const amount = i === schedule.length - 1 ? total - paid : Math.round(total * s.share);
    paid += amount;
    const p: Payment = { year: s.year, amount, date: addYears(from, s.year - 1), sources: aid.src(s.sources) };
    if (inferred || s.inferred) {
      p.estimate = true;
      p.note = inferred ?? s.inferred;
    }
    return p;
  });
  offer(aid, upcoming(aid, payments));
});
