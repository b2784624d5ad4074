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
        assert.ok(['eligible', 'ineligible', 'incomplete', 'closed'].includes(s.status));
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
