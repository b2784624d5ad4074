/**
 * A percentage of fees, capped per year (COTRAM on conventional fees, CSTM on fees earned in ZIP); secteur 2 prorated.
 * Rule data: `amountField` (the fees), params `rate`, `cap`, `years`, `renewable`, `maxYears`, `s2`, `payMonths`;
 * a regime's `revaluedBy` applies the later regime's rate and cap from that regime's start date.
 */
import type { SchemeRules } from '../rules/schema.js';
import type { Profile, SchemeResult } from '../types.js';
import { evaluateAid, option, sector2Share, yearly, yearsShown, type Aid } from './aid.js';
import type { Env } from './common.js';
import { addYears } from '../dates.js';

export const evaluatePercentFees = (scheme: SchemeRules, profile: Profile, env: Env): SchemeResult =>
  evaluateAid(scheme, profile, env, compute);

function compute(aid: Aid): void {
  const fees = aid.amount;
  if (fees === undefined) return aid.ask(aid.scheme.amountField!);
  const s2 = sector2Share(aid);
  // A contract of a regime revalued later (CSTM before 10 Feb 2019) takes the later rates from that date.
  const later = aid.regime.revaluedBy ? aid.scheme.regimes.find((r) => r.id === aid.regime.revaluedBy) : undefined;
  const n = yearsShown(aid);
  const amounts: number[] = [];
  let sources = aid.fig('rate')!.sources;
  for (let i = 0; i < n; i++) {
    const r = later?.signedFrom && addYears(aid.start, i) >= later.signedFrom.date ? later : aid.regime;
    const rate = r.params!.rate;
    const cap = r.params!.cap.value;
    sources = rate.sources;
    amounts.push(Math.min(cap, Math.round(rate.value * fees * s2.share)));
  }
  const { payments, renewal } = yearly(aid, amounts, aid.src(sources), s2.estimate ? s2.note : undefined);
  aid.result.options.push(option(aid, payments, { renewal, ...(s2.note && !s2.estimate ? { notes: [s2.note] } : {}) }));
}
