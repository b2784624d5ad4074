/**
 * Yearly forfait with supplements (COSCOM): base + hôpital de proximité + trainee months, secteur 2 prorated.
 * Rule data: params `base`, `hopital`, `trainee` (per month, × `amountField`), `years`, `renewable`,
 * `maxYears`, `s2` (present: secteur 2 prorated by `opposableShare`), `payMonths`.
 */
import { aidKind, hospitalSupplement, offerYearly, sector2Share, yearsShown } from './aid.js';

export const evaluateForfait = aidKind((aid) => {
  const base = aid.fig('base')!;
  const trainee = aid.fig('trainee');
  let amount = base.value + hospitalSupplement(aid);
  if (trainee) {
    if (aid.amount === undefined) aid.ask('traineeMonths');
    else amount += trainee.value * aid.amount;
  }
  const s2 = sector2Share(aid);
  offerYearly(aid, new Array<number>(yearsShown(aid)).fill(Math.round(amount * s2.share)), aid.src(base.sources), s2);
});
