// Follow-up of an assistant contract (issue 13): attainment, next semester review, year-3+ balance estimate.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { followUp, type FollowUpInput } from '../../src/engine/index.js';

const gp = { specialty: 'medecine-generale', sector: '1', percentile: 60 };
const base: FollowUpInput = {
  contractDate: '2024-09-15',
  option: '1-etp',
  initial: { patienteleMT: 900, fileActive: 1300 },
  reviews: [],
  profile: gp,
};
const run = (input: Partial<FollowUpInput>, asOf = '2026-12-01') => followUp({ ...base, ...input }, { asOf });

test("the engine's objective where the rules give one (newly installed GP: P50), attainment per indicator", () => {
  const r = run({
    profile: { specialty: 'medecine-generale', sector: '1', newlyInstalled: true },
    // Given out of order: the latest by date counts.
    reviews: [
      { date: '2026-09-10', patienteleMT: 980, fileActive: 1400 },
      { date: '2026-03-10', patienteleMT: 1200, fileActive: 1600 },
    ],
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.objective?.origin, 'engine');
  assert.equal(r.objective?.estimate, true);
  assert.deepEqual(r.objective?.patienteleMT, { from: 900, target: 1045 });
  assert.deepEqual(r.objective?.fileActive, { from: 1300, target: 1514 });
  assert.equal(r.latestReview?.date, '2026-09-10');
  assert.equal(r.attainment.patienteleMT, 80 / 145);
  assert.equal(r.attainment.fileActive, 100 / 214);
  assert.equal(r.attainment.rate, 100 / 214, 'the lowest indicator');
  // Contract year 3 (2026-09-15 → 2027-09-14): 22 000 € modulated; due = 22 000 × 0.467 < the 11 000 € advance.
  assert.equal(r.contractYear, 3);
  assert.deepEqual(
    { year: r.balanceEstimate.year, due: r.balanceEstimate.due, amount: r.balanceEstimate.amount, max: r.balanceEstimate.max },
    { year: 3, due: Math.round((22000 * 100) / 214), amount: 0, max: 11000 },
  );
  assert.equal(r.balanceEstimate.estimate, true);
  assert.match(r.balanceEstimate.method, /formule officielle n'est pas publiée/);
  assert.equal(r.nextReview, '2027-03-15');
});

test("a rules pack's objective grid gives the engine's objective (cardiologist, file active 2 000 → 2 300)", () => {
  const pack = JSON.parse(readFileSync(new URL('../fixtures/packs/example-pack.json', import.meta.url), 'utf8'));
  const input: FollowUpInput = {
    ...base,
    initial: { fileActive: 2000 },
    reviews: [{ date: '2026-10-01', fileActive: 2150 }],
    profile: { specialty: 'cardiologie', sector: '1' },
  };
  const r = followUp(input, { asOf: '2026-12-01', rules: pack });
  assert.deepEqual(r.errors, []);
  assert.equal(r.objective?.origin, 'engine');
  assert.deepEqual(r.objective?.fileActive, { from: 2000, target: 2300 });
  assert.deepEqual(r.attainment, { rate: 0.5, fileActive: 0.5 });
  assert.ok(r.sources.some((s) => s.ref.startsWith('pack:')));
  assert.equal(followUp(input, { asOf: '2026-12-01' }).objective, null, 'without the pack: set with the CPAM');
});

test('the objective as the CPAM gave it; reached = 1; maintain objectives', () => {
  const objective = { patienteleMT: 1000, fileActive: 1400 };
  const reached = run({ objective, reviews: [{ date: '2026-10-01', patienteleMT: 1010, fileActive: 1450 }] });
  assert.equal(reached.objective?.origin, 'cpam');
  assert.deepEqual(reached.attainment, { rate: 1, patienteleMT: 1, fileActive: 1 });
  assert.deepEqual([reached.balanceEstimate.amount, reached.balanceEstimate.due], [11000, 22000]);
  const half = run({ objective, reviews: [{ date: '2026-10-01', patienteleMT: 950, fileActive: 1400 }] });
  assert.deepEqual(half.attainment, { rate: 0.5, patienteleMT: 0.5, fileActive: 1 });
  assert.equal(half.balanceEstimate.amount, 0, '11 000 due, all of it paid by the advance');
  // A target at or below the initial count is a floor to keep.
  const keep = run({ objective: { fileActive: 1200 }, reviews: [{ date: '2026-10-01', fileActive: 1080 }] });
  assert.deepEqual(keep.attainment, { rate: 0.9, fileActive: 0.9 });
});

test('no numeric objective: set with the CPAM, attainment and balance not computed', () => {
  const r = run({ reviews: [{ date: '2026-10-01', patienteleMT: 1000, fileActive: 1400 }] });
  assert.equal(r.objective, null);
  assert.equal(r.attainment.rate, null);
  assert.equal(r.balanceEstimate.amount, null);
  assert.equal(r.balanceEstimate.max, 11000);
  assert.ok(r.notes.some((n) => n.kind === 'cpam' && /CPAM/.test(n.text)));
});

test('years 1 and 2 are paid in full: the estimate is for year 3, and says so', () => {
  const r = run(
    { contractDate: '2025-03-10', objective: { patienteleMT: 1000 }, reviews: [{ date: '2025-09-10', patienteleMT: 950 }] },
    '2026-01-01',
  );
  assert.equal(r.contractYear, 1);
  assert.equal(r.balanceEstimate.year, 3);
  assert.match(r.balanceEstimate.method, /^Années 1 et 2 : l'aide est versée en entier/);
  assert.equal(r.balanceEstimate.due, 11000);
  assert.equal(r.nextReview, '2026-03-10');
  assert.equal(run({ contractDate: '2025-03-10' }, '2026-03-10').nextReview, '2026-03-10', 'a review due today is the next one');
  assert.equal(run({ contractDate: '2020-01-01', profile: undefined }, '2026-01-01').nextReview, null, 'after the end of the contract');
  assert.match(run({ reviews: [] }).notes.find((n) => n.id === 'followUp.noReview')!.text, /Aucun point/);
});

test('bad input is reported in errors, never thrown; bad reviews are left out', () => {
  const r = run({
    option: '2-etp',
    initial: { patienteleMT: -5, fileActive: 1300 },
    reviews: [
      { date: '2024-01-01', patienteleMT: 1000 },
      { date: '2027-05-01', patienteleMT: 1000 },
      { date: 'hier', patienteleMT: 1000 },
      { date: '2026-05-01', patienteleMT: 1.5 },
    ],
  });
  assert.deepEqual(r.errors.map((e) => e.field).sort(), [
    'initial.patienteleMT',
    'option',
    'reviews[0].date',
    'reviews[1].date',
    'reviews[2].date',
    'reviews[3].patienteleMT',
  ]);
  assert.deepEqual(r.latestReview, { date: '2026-05-01' });
  for (const bad of [undefined, null, 3, 'x', { reviews: 'x', initial: [] }])
    assert.doesNotThrow(() => followUp(bad as never, { asOf: '2026-01-01' }));
  assert.deepEqual(
    followUp({ reviews: 'x', initial: [] } as never, { asOf: '2026-01-01' })
      .errors.map((e) => e.field)
      .sort(),
    ['contractDate', 'initial', 'option', 'reviews'],
  );
});

test('attainment and balance rise with the patients reached (property)', () => {
  const indicator = fc.record({
    from: fc.integer({ min: 0, max: 3000 }),
    // Negative: a maintain objective (a floor at or below the initial count).
    delta: fc.integer({ min: -300, max: 800 }),
    reached: fc.integer({ min: 0, max: 4000 }),
    more: fc.integer({ min: 0, max: 500 }),
  });
  fc.assert(
    fc.property(indicator, indicator, fc.constantFrom('1/2-etp', '1-etp'), fc.integer({ min: 2, max: 4 }), (mt, fa, option, year) => {
      const asOf = `${2024 + year}-10-01`;
      const input = (extraMT: number, extraFA: number): FollowUpInput => ({
        ...base,
        option,
        initial: { patienteleMT: mt.from, fileActive: fa.from },
        objective: { patienteleMT: Math.max(0, mt.from + mt.delta), fileActive: Math.max(0, fa.from + fa.delta) },
        reviews: [{ date: asOf, patienteleMT: mt.reached + extraMT, fileActive: fa.reached + extraFA }],
      });
      const low = followUp(input(0, 0), { asOf });
      const high = followUp(input(mt.more, fa.more), { asOf });
      assert.deepEqual(low.errors, []);
      const rate = (x: typeof low) => x.attainment.rate!;
      assert.ok(rate(low) >= 0 && rate(high) <= 1 && rate(high) >= rate(low), `${rate(low)} → ${rate(high)}`);
      for (const k of ['patienteleMT', 'fileActive'] as const) assert.ok(high.attainment[k]! >= low.attainment[k]!);
      const b = (x: typeof low) => x.balanceEstimate;
      assert.ok(b(high).amount! >= b(low).amount! && b(high).due! >= b(low).due!);
      assert.ok(b(low).amount! >= 0 && b(high).amount! <= b(high).max!);
    }),
    { numRuns: 300 },
  );
});
