/**
 * One-off amounts, one per situation the rule file lists (2026 installation aids), paid once after the installation.
 * Rule data: options with `when` and `amounts.amount`; param `payMonths` (paid within that many months).
 */
import { evaluate, localized } from '../conditions.js';
import { addMonths } from '../dates.js';
import { aidKind } from './aid.js';
import { Ask } from './common.js';

export const evaluateOneOff = aidKind((aid) => {
  const pay = aid.fig('payMonths');
  const unknown: string[] = [];
  const { options } = aid.result;
  for (const o of aid.regime.options) {
    const v = evaluate(o.when, aid);
    if (v.value === null) unknown.push(...v.fields);
    const row = o.amounts.amount;
    if (v.value !== true || !row) continue;
    const amount = row.values[0];
    options.push({
      id: o.id,
      label: localized(o, 'label', aid.env.lang),
      payments: [{ year: 1, amount, date: addMonths(aid.start, pay?.value ?? 0), sources: aid.src(row.sources) }],
      total: amount,
    });
  }
  // The situations are alternatives: their questions matter only while none applies.
  if (!options.length) for (const f of unknown) aid.ask(f, Ask.Eligibility);
});
