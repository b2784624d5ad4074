/**
 * An amount the texts give only as a range (CDE): shown as a range with its source, never a single figure.
 * Rule data: params `min` and `max`.
 */
import { aidKind, genericTexts, offer } from './aid.js';
import { fill } from '../conditions.js';

export const evaluateRange = aidKind((aid) => {
  const min = aid.fig('min')!;
  const max = aid.fig('max')!;
  const lang = aid.env.lang;
  const note = fill(genericTexts(lang).range, { a: min.value, b: max.value }, lang);
  const payments = [{ year: 1, amount: max.value, date: aid.start, sources: aid.src(max.sources), estimate: true, note }];
  offer(aid, payments, { totalMin: min.value, notes: [note] });
});
