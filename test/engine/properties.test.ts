// Properties that must hold for any input: no throw, no NaN, no negative or over-table amount.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { builtinRules, estimateModulation, simulate } from '../../src/engine/index.js';

const specialtyIds = [...builtinRules.specialties.keys()];
const date = fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2031, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
const junk = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(NaN),
  fc.array(fc.anything(), { maxLength: 2 }),
);

const profile = fc.record(
  {
    specialty: fc.oneof(fc.constantFrom(...specialtyIds), junk),
    sector: fc.oneof(fc.constantFrom('1', '2-optam', '2', 'non-conventionne'), junk),
    age: fc.oneof(fc.integer({ min: 25, max: 80 }), junk),
    patienteleMT: fc.oneof(fc.integer({ min: 0, max: 4000 }), junk),
    fileActive: fc.oneof(fc.integer({ min: 0, max: 6000 }), junk),
    percentile: fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), junk),
    ccamShare: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), junk),
    childrenShare: fc.double({ min: 0, max: 1, noNaN: true }),
    contractDate: fc.oneof(date, junk),
    option: fc.constantFrom('1/3-etp', '1/2-etp', '1-etp', 'x'),
    newlyInstalled: fc.boolean(),
    groupPractice: fc.boolean(),
    coordinatedPractice: fc.boolean(),
    zoneSousDense: fc.boolean(),
    rqthOrAld: fc.boolean(),
    mixedActivity: fc.boolean(),
    sharedAssistant: fc.boolean(),
    zone: fc.constantFrom('zip', 'zac', 'hors-zone'),
  },
  { requiredKeys: [] },
);

/** Every amount any assistant-médical table holds: a payment can never exceed the largest. */
const maxTableAmount = Math.max(
  ...builtinRules.schemes
    .get('assistant-medical')!
    .regimes.flatMap((r) => r.options.flatMap((o) => Object.values(o.amounts).flatMap((row) => row.values))),
);

test('simulate never throws and returns sane amounts for any profile and date', () => {
  fc.assert(
    fc.property(profile, fc.oneof(date, junk), (p, asOf) => {
      const sim = simulate(p, { asOf: asOf as string, schemes: ['assistant-medical'] });
      for (const s of sim.schemes) {
        assert.ok(['eligible', 'ineligible', 'incomplete', 'closed', 'held', 'not-applicable'].includes(s.status));
        if (s.status === 'ineligible') assert.equal(s.options.length, 0);
        for (const o of s.options) {
          let sum = 0;
          for (const pay of o.payments) {
            assert.ok(Number.isFinite(pay.amount) && pay.amount >= 0 && pay.amount <= maxTableAmount, `amount ${pay.amount}`);
            if (pay.advance !== undefined) assert.equal(pay.advance + pay.balanceMax!, pay.amount);
            sum += pay.amount;
          }
          assert.equal(o.total, sum);
          for (const t of [o.objectives?.patienteleMT, o.objectives?.fileActive])
            if (t) assert.ok(Number.isFinite(t.target) && t.target >= (t.min ?? 0));
        }
      }
    }),
    { numRuns: 2000 },
  );
});

/**
 * The band each regime's counts can reach through thresholds published for its distribution (never an
 * inferred one), read straight from the rule files: with no percentile, payments may not come from a higher band.
 */
function reachableBand(regimeId: string, specialty: string, counts: Record<string, number | undefined>): number {
  const scheme = builtinRules.schemes.get('assistant-medical')!;
  const regime = scheme.regimes.find((r) => r.id === regimeId)!;
  const levels = regime.bands!.levels;
  const dist = builtinRules.distributions.find((d) => d.regimes.includes(regimeId));
  let reach = 0;
  for (const row of dist?.rows ?? []) {
    if (row.specialty !== specialty) continue;
    const count = counts[row.indicator];
    if (count === undefined) continue;
    for (const p of [30, 50, 70, 90, 95] as const) {
      const t = row[`p${p}`];
      if (!t || t.inferred || count < t.value) continue;
      levels.forEach((l, i) => {
        if (l.from <= p) reach = Math.max(reach, i);
      });
    }
  }
  return reach;
}

test('property: no payments from a band no published threshold or percentile placed', () => {
  const noPercentile = fc.record({
    specialty: fc.constantFrom('medecine-generale', 'pediatrie', 'cardiologie'),
    sector: fc.constant('1'),
    patienteleMT: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: undefined }),
    fileActive: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined }),
    contractDate: date,
    newlyInstalled: fc.boolean(),
    groupPractice: fc.constant(true),
    coordinatedPractice: fc.constant(true),
    zoneSousDense: fc.boolean(),
  });
  fc.assert(
    fc.property(noPercentile, (p) => {
      const sim = simulate(p, { asOf: p.contractDate, schemes: ['assistant-medical'] });
      const r = sim.schemes[0];
      if (!r.regime) return;
      const scheme = builtinRules.schemes.get('assistant-medical')!;
      const regime = scheme.regimes.find((x) => x.id === r.regime)!;
      const levels = regime.bands!.levels;
      const reach = reachableBand(r.regime, p.specialty, p);
      // The amount rows a payment may come from: the reachable bands', in the contract's regime or the one revaluing it.
      const keys = new Set(levels.slice(0, reach + 1).map((l) => l.amounts ?? 'standard'));
      const regimes = [regime, ...scheme.regimes.filter((x) => x.id === regime.revaluedBy)];
      for (const o of r.options) {
        const ceiling = Math.max(
          ...regimes.flatMap((g) =>
            g.options.filter((x) => x.id === o.id).flatMap((x) => [...keys].flatMap((k) => x.amounts[k]?.values ?? [])),
          ),
        );
        for (const pay of o.payments)
          assert.ok(pay.amount <= ceiling, `${r.regime} ${o.id}: ${pay.amount} beyond the reachable bands (${ceiling})`);
        const index = levels.findIndex((l) => l.id === o.band?.id);
        assert.ok(index <= reach, `${r.regime}: band ${o.band?.id} beyond what the counts reach (${levels[reach].id})`);
        // The higher bands are offered apart, never as the payments.
        for (const a of o.alternatives ?? []) assert.ok(levels.findIndex((l) => l.id === a.band) > index);
      }
    }),
    { numRuns: 1500 },
  );
});

test('simulate tolerates hostile arguments', () => {
  for (const bad of [undefined, null, 42, 'x', [], { __proto__: { sector: '1' } }, Object.create(null)]) {
    assert.doesNotThrow(() => simulate(bad, { asOf: '2026-01-01' }));
    assert.doesNotThrow(() => simulate({}, bad as never));
  }
  const r = simulate(
    { sector: 'x', age: -3, percentile: 140, contractDate: '2024-02-30' },
    { asOf: 'hier', region: 'mars', schemes: ['nope'] },
  );
  assert.deepEqual(r.errors.map((e) => e.field).sort(), ['age', 'asOf', 'contractDate', 'percentile', 'region', 'schemes', 'sector']);
});

test('attainment estimates are monotonic in what is achieved', () => {
  const target = fc.record({
    from: fc.integer({ min: 0, max: 3000 }),
    add: fc.integer({ min: 0, max: 800 }),
    tolerance: fc.double({ min: 0.8, max: 1, noNaN: true }),
  });
  fc.assert(
    fc.property(
      target,
      fc.integer({ min: 0, max: 4000 }),
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 40000 }),
      (t, a, more, amount) => {
        const objectives = {
          patienteleMT: { from: t.from, target: t.from + t.add, min: t.add ? undefined : Math.ceil(t.from * t.tolerance) },
        };
        const low = estimateModulation({ amount, objectives, achieved: { patienteleMT: a } });
        const high = estimateModulation({ amount, objectives, achieved: { patienteleMT: a + more } });
        assert.ok(high.due >= low.due && high.rate >= low.rate);
        assert.ok(low.due <= amount && low.balance >= 0 && low.rate >= 0 && low.rate <= 1);
      },
    ),
    { numRuns: 1000 },
  );
});

test('date arithmetic by hand agrees with Date: the next day, months added (clamped to the month end)', async () => {
  const { addMonths, dayAfter } = await import('../../src/engine/dates.js');
  const anyDate = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
  fc.assert(
    fc.property(anyDate, fc.integer({ min: -120, max: 240 }), (d, months) => {
      assert.equal(dayAfter(d), new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10));
      const [y, m, day] = d.split('-').map(Number);
      const target = new Date(Date.UTC(y, m - 1 + months, 1));
      const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(day, last));
      assert.equal(addMonths(d, months), target.toISOString().slice(0, 10));
    }),
    { numRuns: 2000 },
  );
});
