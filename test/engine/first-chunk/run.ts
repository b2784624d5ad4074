/**
 * Simulates a fixed, seeded set of profiles through the widget's engine entry and prints what the first
 * answer is made of (statuses, amounts, the answer's figures and questions, errors) as JSON on stdout.
 * Run with and without hooks.mjs by first-chunk.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { profileFields, schemeIds, simulate, specialties } from '../../../src/engine/widget.js';
import { restoreTexts } from '../../../src/engine/rules/ruleset.js';
import { DETAIL, patches, QUESTIONS } from '../../../scripts/rules-split.mjs';

let seed = 20261201;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const dates = ['2019-10-01', '2021-06-01', '2023-06-01', '2024-07-01', '2025-03-01', '2026-01-15', '2026-11-01'];
const departements = ['09', '31', '34', '75', '18', '28', '33', '64', '971'];

function profile(): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const [field, spec] of Object.entries(profileFields)) {
    if (random() < 0.45) continue;
    switch (spec.type) {
      case 'boolean':
        p[field] = random() < 0.5;
        break;
      case 'enum':
        p[field] = pick(spec.values!);
        break;
      case 'date':
        p[field] = pick(dates);
        break;
      case 'share':
        p[field] = Math.round(random() * 100) / 100;
        break;
      case 'percentile':
        p[field] = Math.round(random() * 100);
        break;
      case 'integer':
      case 'number':
        p[field] = Math.round(
          (spec.min ?? 0) +
            random() * Math.min((spec.max ?? 3000) - (spec.min ?? 0), field.startsWith('patient') || field === 'fileActive' ? 3000 : 60),
        );
        break;
      case 'string':
        p[field] = field === 'specialty' ? pick(specialties).id : field === 'department' ? pick(departements) : undefined;
        break;
      default:
        break;
    }
  }
  return p;
}

const regions = [undefined, 'national', 'occitanie', 'centre-val-de-loire', 'nouvelle-aquitaine'];
const count = Number(process.env.PROFILES ?? 600);
const cases = Array.from({ length: count }, () => {
  const p = profile();
  const region = pick(regions);
  return [
    p,
    { asOf: pick(['2025-06-01', '2026-12-01']), ...(region && { region }), schemes: random() < 0.1 ? schemeIds : undefined },
  ] as const;
});

// LIVE=1: simulate once with the rules as loaded (the first chunk's, under the hooks), restore the detail's and
// the questions' parts into the live rule objects as the chunks do, then print the whole simulations: what the
// engine derived and kept from the first chunk's rules must not show once the texts are there.
if (process.env.LIVE === '1') {
  for (const [p, o] of cases) simulate(p, o);
  const rulesDir = fileURLToPath(new URL('../../../rules/', import.meta.url));
  restoreTexts(patches(rulesDir, QUESTIONS));
  restoreTexts(patches(rulesDir, DETAIL));
}
const out = [];
for (const [p, o] of cases) {
  const sim = simulate(p, o);
  if (process.env.FULL === '1') {
    out.push(sim);
    continue;
  }
  out.push({
    region: sim.region,
    schemes: sim.schemes.map((s) => [s.id, s.status, s.options.map((o) => [o.id, o.total, o.payments.map((x) => x.amount)])]),
    combinations: sim.combinations.map((c) => [c.schemes, c.total]),
    answer: [sim.answer.status, sim.answer.total, sim.answer.firstYear, sim.answer.ask, sim.answer.choices?.map((c) => c.total)],
    missing: sim.missing,
    errors: sim.errors.map((e) => [e.field, e.field === 'evaluation' ? e.message : '']),
  });
}
console.log(JSON.stringify(out));
