/**
 * A percentage of fees, capped per year (COTRAM on conventional fees, CSTM on fees earned in ZIP); secteur 2 prorated.
 * Rule data: `amountField` (the fees), params `rate`, `cap`, `years`, `renewable`, `maxYears`, `s2`, `payMonths`;
 * a regime's `revaluedBy` applies the later regime's rate and cap from that regime's start date.
 */
import { addYears } from '../dates.js';
import { aidKind, offerYearly, sector2Share, yearsShown } from './aid.js';

export const evaluatePercentFees = aidKind((aid) => {
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
    const { rate, cap } = r.params!;
    sources = rate.sources;
    amounts.push(Math.min(cap.value, Math.round(rate.value * fees * s2.share)));
  }
  offerYearly(aid, amounts, aid.src(sources), s2);
});
