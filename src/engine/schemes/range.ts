/**
 * An amount the texts give only as a range (CDE): shown as a range with its source, never a single figure.
 * Rule data: params `min` and `max`.
 */
import { formatNumber } from '../conditions.js';
import { aidKind, offer } from './aid.js';

export const evaluateRange = aidKind((aid) => {
  const min = aid.fig('min')!;
  const max = aid.fig('max')!;
  const lang = aid.env.lang;
  const [a, b] = [formatNumber(min.value, lang), formatNumber(max.value, lang)];
  const note =
    lang === 'en' ? `Between ${a} € and ${b} € (unit unclear in the text).` : `Entre ${a} € et ${b} € (unité ambiguë dans le texte).`;
  const payments = [{ year: 1, amount: max.value, date: aid.start, sources: aid.src(max.sources), estimate: true, note }];
  offer(aid, payments, { totalMin: min.value, notes: [note] });
});
