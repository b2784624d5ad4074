/**
 * Yearly forfait with supplements (COSCOM): base + hôpital de proximité + trainee months, secteur 2 prorated.
 * Rule data: params `base`, `hopital`, `trainee` (per month, × `amountField`), `years`, `renewable`,
 * `maxYears`, `s2` (present: secteur 2 prorated by `opposableShare`), `payMonths`.
 */
import type { SchemeRules } from '../rules/schema.js';
import type { Profile, SchemeResult } from '../types.js';
import { evaluateAid, option, sector2Share, yearly, yearsShown, type Aid } from './aid.js';
import type { Env } from './common.js';

export const evaluateForfait = (scheme: SchemeRules, profile: Profile, env: Env): SchemeResult =>
  evaluateAid(scheme, profile, env, compute);

function compute(aid: Aid): void {
  const base = aid.fig('base')!;
  const hp = aid.fig('hopital');
  const trainee = aid.fig('trainee');
  let amount = base.value;
  if (hp) {
    if (aid.profile.hospitalDeProximite === undefined) aid.ask('hospitalDeProximite');
    else if (aid.profile.hospitalDeProximite) amount += hp.value;
  }
  if (trainee) {
    if (aid.amount === undefined) aid.ask('traineeMonths');
    else amount += trainee.value * aid.amount;
  }
  const s2 = sector2Share(aid);
  amount = Math.round(amount * s2.share);
  const { payments, renewal } = yearly(
    aid,
    new Array<number>(yearsShown(aid)).fill(amount),
    aid.src(base.sources),
    s2.estimate ? s2.note : undefined,
  );
  aid.result.options.push(option(aid, payments, { renewal, ...(s2.note && !s2.estimate ? { notes: [s2.note] } : {}) }));
}
