/**
 * Majorations as a percentage of a forfait the doctor knows (FMT socle, from 2026). Each rule option is a
 * majoration with its yearly rates; how they stack is a rule parameter (unclear in the texts: max by default).
 * Without the forfait's amount, the rates are shown with an example and the amount is asked for.
 * Rule data: `amountField` (the forfait, €), options with `when` and `amounts.rate` (rate by year, the last
 * repeating; the option 'primo' counts its years from the installation), params `stack` (1: rates add up,
 * 0: the highest applies) and `example` (the forfait used in the example); texts `none`, `example`.
 */
import { evaluate, fill, formatNumber, localized } from '../conditions.js';
import type { OptionRules, RegimeRules } from '../rules/schema.js';
import type { OptionResult, Payment, Source } from '../types.js';
import { aidKind, genericTexts, HORIZON, totalOf, yearsFrom, type Aid } from './aid.js';
import { addFields, reason, valueAt } from './common.js';
import { addYears } from '../dates.js';
import { cached, renewedCache } from '../cached.js';
import { rulesGeneration } from '../rules/ruleset.js';

/**
 * The sources of a regime's rates, one array per regime (resolved sources are cached by array), gathered again
 * when the rules' texts are restored (the widget's detail brings the sources).
 */
const rateRefsCache = renewedCache(rulesGeneration, () => new WeakMap<RegimeRules, string[]>());
const rateRefs = (regime: RegimeRules) =>
  cached(rateRefsCache, regime, (r) => [...new Set(r.options.flatMap((o) => o.amounts.rate?.sources ?? []))]);

export const evaluatePercentForfait = aidKind(compute);

const rateAt = (o: OptionRules, i: number) => valueAt(o.amounts.rate, i);
const pct = (r: number) => `${Math.round(r * 100)} %`;

/** "50 %, 30 %, puis 10 %/an": the yearly values, the repeated tail said once. */
function series(values: string[], lang: 'fr' | 'en'): string {
  let k = values.length - 1;
  while (k > 0 && values[k - 1] === values[k]) k--;
  const g = genericTexts(lang);
  const tail = fill(g.perYear, { rate: values[k] }, lang);
  return k ? fill(g.then, { list: values.slice(0, k).join(', '), tail }, lang) : tail;
}

function compute(aid: Aid): void {
  const { env, result, regime } = aid;
  const lang = env.lang;
  const applies: OptionRules[] = [];
  /** Majorations whose conditions are not answered yet, with the fields they need. */
  const undecided = new Map<OptionRules, string[]>();
  const unknown: string[] = [];
  for (const o of regime.options) {
    if (!o.amounts.rate) continue; // a majoration without rates (bad pack data) is ignored, never thrown on
    const v = evaluate(o.when, aid);
    if (v.value) applies.push(o);
    else if (v.value === null) {
      undecided.set(o, v.fields);
      addFields(unknown, v.fields);
    }
  }
  // Every source of the regime's rates.
  const sources: Source[] = aid.src(rateRefs(regime));
  if (!applies.length) {
    const open = unknown.length > 0;
    result.reasons.push(
      reason('majoration', open ? null : false, aid.text('none', open ? 'unknown' : 'ko'), sources, open ? unknown : undefined),
    );
    for (const f of unknown) aid.ask(f);
    return;
  }
  const stack = aid.fig('stack');
  // Contract years from the installation for a first installation already made (50 %, 30 %, 10 % count from it).
  const { installationDate } = aid.profile;
  const offset = installationDate && installationDate < aid.start ? Math.floor(yearsFrom(installationDate, aid.start)) : 0;
  const rates: number[] = [];
  for (let y = 0; y < HORIZON; y++) {
    const rs = applies.map((o) => rateAt(o, o.id === 'primo' ? y + offset : y));
    rates.push(Math.round((stack?.value ? rs.reduce((a, b) => a + b, 0) : Math.max(...rs)) * 1000) / 1000);
  }
  // An unanswered majoration matters only if it could raise some year's rate.
  for (const [o, fields] of undecided) if (rates.some((r, y) => (stack?.value ? 0 : r) < rateAt(o, y))) for (const f of fields) aid.ask(f);
  const label = applies.map((o) => localized(o, 'label', lang)).join(' + ');
  result.reasons.push(reason('majoration', true, fill(genericTexts(lang).uplift, { label }, lang), sources));
  const fmt = aid.amount;
  if (fmt === undefined) {
    aid.ask('fmtAmount');
    const ex = aid.fig('example')?.value ?? 0;
    const t = aid.scheme.texts?.example;
    const vars = {
      rates: series(rates.map(pct), lang),
      example: formatNumber(ex, lang),
      amounts: series(
        rates.map((r) => `+${formatNumber(Math.round(ex * r), lang)} €`),
        lang,
      ),
    };
    result.notes.unshift({ id: 'exemple', text: fill((lang === 'en' && t?.en?.ok) || t?.ok || '', vars, lang), sources, kind: 'estimate' });
    return;
  }
  const payments: Payment[] = rates.map((rate, y) => ({
    year: y + 1,
    amount: Math.round(fmt * rate),
    rate,
    date: addYears(aid.start, y),
    sources,
  }));
  const notes = applies.length > 1 && stack?.inferred ? [stack.inferred] : [];
  const o: OptionResult = { id: 'majoration', label, payments, total: totalOf(payments), notes };
  if (notes.length) o.estimate = true;
  result.options.push(o);
}
