import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { simulate, type SchemeResult, type Simulation } from '../../src/engine/index.js';
import { combine, maxWeightSet } from '../../src/engine/combinations.js';
import { builtinRules } from '../../src/engine/rules/ruleset.js';
import cumulation from '../../rules/cumulation.json';

/** Excluded pairs straight from the rule file (independent of the engine's index). */
const excludedPairs = new Set<string>();
const pairKey = (a: string, b: string) => [a, b].sort().join('|');
// The property below combines for an empty profile: conditional rules (`when`) do not hold there.
for (const r of cumulation.rules) {
  if (r.kind !== 'excluded' || 'when' in r) continue;
  const b = (r as { b?: string[] }).b;
  if (b) for (const x of r.a) for (const y of b) excludedPairs.add(pairKey(x, y));
  else for (const x of r.a) for (const y of r.a) if (x !== y) excludedPairs.add(pairKey(x, y));
}
const allowedSet = (ids: string[]) => ids.every((a, i) => ids.slice(i + 1).every((b) => !excludedPairs.has(pairKey(a, b))));
/** Pairs the rule file says are cumulable (unconditionally): the only ones a confirmed combination may hold. */
const allowedPairs = new Set<string>();
for (const r of cumulation.rules) {
  if (r.kind !== 'allowed' || 'when' in r) continue;
  const b = (r as { b?: string[] }).b;
  if (b) for (const x of r.a) for (const y of b) allowedPairs.add(pairKey(x, y));
  else for (const x of r.a) for (const y of r.a) if (x !== y) allowedPairs.add(pairKey(x, y));
}
const confirmedSet = (ids: string[]) => ids.every((a, i) => ids.slice(i + 1).every((b) => allowedPairs.has(pairKey(a, b))));

const occitanie = {
  specialty: 'medecine-generale',
  sector: '1',
  zone: 'zip',
  department: '09',
  daysPerWeek: 4,
  pdsa: true,
  coordinatedPractice: true,
  groupPractice: true,
  hospitalDeProximite: false,
  traineeMonths: 0,
  percentile: 50,
  newlyInstalled: true,
  age: 40,
};

test('CAIM and the ARS Occitanie aid: excluded, with the rule and its sources; best combination takes the larger', () => {
  const r = simulate(
    { ...occitanie, installationDate: '2025-05-01', firstInstallation: true },
    { asOf: '2025-06-01', region: 'occitanie' },
  );
  const ex = r.exclusions.find((e) => e.schemes.includes('caim') && e.schemes.includes('ars-occitanie-installation'));
  assert.ok(ex);
  assert.equal(ex.kind, 'excluded');
  assert.ok(ex.sources.some((s) => s.ref === '003_9d9e3ee12bc9fac9.txt'));
  // CAIM and COSCOM: not together, and the sequence rule (COSCOM after CAIM, until 2025) is said.
  const seq = r.exclusions.find((e) => e.schemes.includes('caim') && e.schemes.includes('coscom'))!;
  assert.match(seq.reason, /à l’issue du CAIM/);
  const best = r.combinations[0];
  assert.ok(best.total > 0);
  assert.ok(allowedSet(best.schemes));
  assert.ok(!best.uncertain, 'the first combination holds only confirmed cumulations');
  for (const c of r.combinations) if (!c.uncertain) assert.ok(best.total >= c.total);
  assert.equal(best.perYear.length, 5);
  assert.equal(
    best.perYear.reduce((a, b) => a + b, 0),
    best.total,
  );
});

test('assistant médical aid with an installation aid: unknown, said rather than assumed (DOMAIN §5 q19)', () => {
  const r = simulate(
    { ...occitanie, installationDate: '2026-02-01', firstInstallation: true, fmtAmount: 20000 },
    { asOf: '2026-03-01', region: 'occitanie' },
  );
  const u = r.exclusions.find((e) => e.schemes.includes('assistant-medical') && e.schemes.includes('aide-installation-2026'));
  assert.ok(u);
  assert.equal(u.kind, 'unknown');
  assert.match(u.reason, /Aucune règle/);
  // Never in the first combination: the best confirmed one (the assistant aid alone, worth the most) comes first,
  // the one that needs the unknown cumulation second, « si votre CPAM accepte le cumul ».
  const [best, second] = r.combinations;
  assert.deepEqual(best.schemes, ['assistant-medical']);
  assert.ok(!best.uncertain);
  assert.ok(second.schemes.includes('assistant-medical') && second.schemes.includes('aide-installation-2026'));
  assert.ok(second.uncertain?.some(([a, b]) => a === 'assistant-medical' || b === 'assistant-medical'));
  assert.ok(second.total > best.total);
  assert.equal(r.answer.upTo.find((u) => u.reason === 'cumulation')?.total, second.total);
  // The 2026 one-off aid and the FMT majoration are explicitly cumulable (W22): no exclusion entry.
  assert.ok(!r.exclusions.some((e) => e.schemes.includes('aide-installation-2026') && e.schemes.includes('fmt-majoration')));
  // At 2026 CAIM is closed, so it is in no combination.
  assert.ok(!r.combinations.some((c) => c.schemes.includes('caim')));
});

test('held COSCOM versus the FMT majoration: one or the other ("en substitution")', () => {
  const r = simulate(
    { ...occitanie, firstInstallation: false, fmtAmount: 60000, heldContracts: [{ id: 'coscom', signed: '2022-01-01' }] },
    { asOf: '2026-03-01', schemes: ['coscom', 'fmt-majoration'] },
  );
  const ex = r.exclusions.find((e) => e.schemes.includes('coscom') && e.schemes.includes('fmt-majoration'));
  assert.equal(ex?.kind, 'excluded');
  // 10 % of a 60 000 € forfait beats the 5 000 €/year COSCOM still to come in its running term (renewals never count).
  assert.deepEqual(
    r.combinations.map((c) => c.schemes),
    [['fmt-majoration'], ['coscom']],
  );
  assert.deepEqual(r.combinations[0].perYear, [6000, 6000, 6000, 6000, 6000]);
  assert.deepEqual(r.combinations[1].perYear, [5000, 5000, 0, 0, 0]);
  assert.equal(r.schemes.find((x) => x.id === 'coscom')!.options[0].renewal?.length, 3);
});

test('an option démographique of 2011 rules out CAIM, COSCOM and COTRAM', () => {
  const r = simulate(
    { ...occitanie, installationDate: '2025-05-01', heldContracts: [{ id: 'option-demographique-2011' }] },
    { asOf: '2025-06-01', schemes: ['caim', 'coscom'] },
  );
  assert.equal(r.combinations.length, 0);
  assert.ok(r.exclusions.some((e) => e.schemes[0] === 'option-demographique-2011' && e.schemes[1] === 'caim'));
});

test('CDE range: totalMin carried into the combination', () => {
  const r = simulate({ remplacant: true, zone: 'zac', coordinatedPractice: true, pdsa: true }, { asOf: '2025-06-01', schemes: ['cde'] });
  assert.equal(r.combinations[0].total, 15000);
  assert.equal(r.combinations[0].totalMin, 8325);
});

// ---- property tests ----

const ids = [
  'assistant-medical',
  'caim',
  'coscom',
  'cotram',
  'cstm',
  'cesp',
  'cde',
  'ars-occitanie-installation',
  'aide-installation-2026',
  'fmt-majoration',
];
const amount = fc.integer({ min: 0, max: 60000 });
const schemeResult = (id: string) =>
  fc
    .record({
      status: fc.constantFrom('eligible', 'eligible', 'ineligible', 'incomplete', 'closed'),
      options: fc.array(fc.array(amount, { minLength: 1, maxLength: 6 }), { maxLength: 3 }),
    })
    .map(({ status, options }): SchemeResult => ({
      id,
      title: id,
      status: status as SchemeResult['status'],
      reasons: [],
      missing: [],
      notes: [],
      options: options.map((amounts, k) => ({
        id: `o${k}`,
        label: '',
        total: amounts.reduce((a, b) => a + b, 0),
        payments: amounts.map((a, y) => ({ year: y + 1, amount: a, sources: [] })),
      })),
    }));
const results = fc.subarray(ids, { minLength: 1 }).chain((sel) => fc.tuple(...sel.map(schemeResult)));
const env = { asOf: '2026-03-01', lang: 'fr' as const, rules: builtinRules, region: builtinRules.regions.get('national')! } as Parameters<
  typeof combine
>[2];

const value = (s: SchemeResult) =>
  Math.max(0, ...s.options.map((o) => o.payments.filter((p) => p.year <= 5).reduce((t, p) => t + p.amount, 0)));

test('property: the first combination is the best confirmed one (brute force); an unconfirmed one comes second only if worth more', () => {
  fc.assert(
    fc.property(results, (rs) => {
      const { combinations, exclusions } = combine(rs, {}, env);
      const eligible = rs.filter((s) => s.status === 'eligible');
      if (!eligible.length) return combinations.length === 0;
      let confirmed = 0;
      let optimistic = 0;
      for (let m = 1; m < 1 << eligible.length; m++) {
        const set = eligible.filter((_, i) => m & (1 << i));
        const ids = set.map((s) => s.id);
        const total = set.reduce((t, s) => t + value(s), 0);
        if (allowedSet(ids)) optimistic = Math.max(optimistic, total);
        if (confirmedSet(ids)) confirmed = Math.max(confirmed, total);
      }
      const [best, ...rest] = combinations;
      assert.ok(confirmedSet(best.schemes), `best ${best.schemes} holds an unconfirmed or excluded pair`);
      assert.ok(!best.uncertain);
      assert.equal(best.total, confirmed);
      const unsure = rest.filter((c) => c.uncertain);
      assert.ok(unsure.length <= 1);
      if (unsure.length) {
        assert.equal(rest[0], unsure[0], 'the unconfirmed combination comes second');
        assert.equal(unsure[0].total, optimistic);
        assert.ok(unsure[0].total > best.total);
      } else assert.equal(optimistic, confirmed, 'a combination worth more with an unknown cumulation is offered');
      for (const c of combinations) {
        assert.ok(allowedSet(c.schemes));
        if (!c.uncertain) assert.ok(c.total <= best.total);
        assert.equal(
          c.perYear.reduce((a, b) => a + b, 0),
          c.total,
        );
      }
      for (const e of exclusions) if (e.kind === 'excluded') assert.ok(excludedPairs.has(pairKey(e.schemes[0], e.schemes[1])));
    }),
    { numRuns: 300 },
  );
});

// Profiles over every field the installation aids read, with values in and out of range.
const profile = fc.record(
  {
    specialty: fc.constantFrom('medecine-generale', 'pediatrie', 'cardiologie', 'radiologie'),
    sector: fc.constantFrom('1', '2', '2-optam', 'non-conventionne'),
    zone: fc.constantFrom('zip', 'zac', 'hors-zone'),
    qpv: fc.boolean(),
    mountain: fc.boolean(),
    department: fc.constantFrom('09', '32', '65', '31', '2A', '75'),
    daysPerWeek: fc.double({ min: 0, max: 7, noNaN: true }),
    firstInstallation: fc.boolean(),
    installationDate: fc.constantFrom('2018-05-01', '2024-12-31', '2025-06-01', '2025-12-31', '2026-01-01', '2026-06-30'),
    secondaryPractice: fc.boolean(),
    pdsa: fc.boolean(),
    coordinatedPractice: fc.boolean(),
    groupPractice: fc.boolean(),
    hospitalDeProximite: fc.boolean(),
    traineeMonths: fc.double({ min: 0, max: 12, noNaN: true }),
    conventionalFees: fc.integer({ min: 0, max: 2_000_000 }),
    opposableShare: fc.double({ min: 0, max: 1, noNaN: true }),
    feesInZip: fc.integer({ min: 0, max: 2_000_000 }),
    daysPerYearInZip: fc.integer({ min: 0, max: 366 }),
    hostsYoungDoctor: fc.boolean(),
    student: fc.boolean(),
    allowanceMonths: fc.integer({ min: 0, max: 120 }),
    remplacant: fc.boolean(),
    age: fc.integer({ min: 18, max: 100 }),
    fmtAmount: fc.integer({ min: 0, max: 500_000 }),
    percentile: fc.integer({ min: 0, max: 100 }),
    heldContracts: fc
      .subarray(['caim', 'coscom', 'cotram', 'cstm', 'cesp', 'option-demographique-2011'])
      .chain((hs) =>
        fc.tuple(
          ...hs.map((id) =>
            fc.record(
              { id: fc.constant(id), signed: fc.constantFrom('2017-03-01', '2019-02-09', '2023-01-01', '2025-06-01') },
              { requiredKeys: ['id'] },
            ),
          ),
        ),
      ),
  },
  { requiredKeys: [] },
);
const asOf = fc.constantFrom(
  '2017-01-01',
  '2019-02-09',
  '2019-02-10',
  '2022-05-07',
  '2024-01-01',
  '2025-06-01',
  '2025-12-31',
  '2026-01-01',
  '2026-03-01',
  '2027-09-15',
);

/** Caps per year (or in total) the sources give. */
const yearlyCap: Record<string, number> = { cotram: 20000, cstm: 50000, coscom: 5000 + 1250 + 12 * 300, cesp: 12 * 1200 };
const totalCap: Record<string, number> = { caim: 52500, 'ars-occitanie-installation': 50000, 'aide-installation-2026': 10000, cde: 15000 };

function checkAmounts(r: Simulation, p: Record<string, unknown>): void {
  for (const s of r.schemes)
    for (const o of s.options) {
      if (totalCap[s.id] !== undefined) assert.ok(o.total <= totalCap[s.id], `${s.id} total ${o.total}`);
      for (const x of o.payments) {
        assert.ok(Number.isFinite(x.amount) && x.amount >= 0, `${s.id} amount ${x.amount}`);
        if (yearlyCap[s.id] !== undefined) assert.ok(x.amount <= yearlyCap[s.id], `${s.id} year ${x.year}: ${x.amount}`);
        if (s.id === 'fmt-majoration') assert.ok(x.amount <= (p.fmtAmount as number) * 0.7 + 1);
      }
    }
  for (const c of r.combinations) assert.ok(Number.isFinite(c.total) && c.total >= 0 && c.perYear.every((v) => v >= 0));
}

test('property: simulate never throws, amounts are finite, non-negative and within the caps; no excluded pair combined', () => {
  fc.assert(
    fc.property(profile, asOf, fc.constantFrom('national', 'occitanie'), (p, date, region) => {
      const r = simulate(p, { asOf: date, region });
      checkAmounts(r, p);
      for (const c of r.combinations) assert.ok(allowedSet(c.schemes.filter((id) => id !== 'option-demographique-2011')), c.schemes.join());
      if (r.combinations.length) for (const c of r.combinations) if (!c.uncertain) assert.ok(c.total <= r.combinations[0].total);
      assert.ok(!r.combinations[0]?.uncertain, 'no unconfirmed cumulation in combinations[0]');
      for (const s of r.schemes)
        if (s.status === 'ineligible' || s.status === 'eligible') for (const x of s.reasons) assert.ok(x.sources.length, `${s.id}/${x.id}`);
    }),
    { numRuns: 400 },
  );
});

test('property: arbitrary junk never throws', () => {
  fc.assert(
    fc.property(fc.anything(), fc.anything(), (p, o) => {
      const r = simulate(p, { asOf: '2026-03-01', schemes: ids, heldContracts: o } as never);
      assert.ok(Array.isArray(r.combinations));
    }),
    { numRuns: 200 },
  );
});

// ---- the combination search scales: no 2ⁿ enumeration, correct at any count ----

const setWeight = (set: number[], w: number[]) => set.reduce((t, i) => t + w[i], 0);
const independent = (set: number[], conflicts: number[][]) => set.every((i) => !conflicts[i].some((j) => set.includes(j)));

test('property: the maximum-weight search matches brute force on random conflict graphs (up to 16 schemes)', () => {
  const graph = fc.integer({ min: 1, max: 16 }).chain((n) =>
    fc.record({
      weights: fc.array(fc.integer({ min: 0, max: 60000 }), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
      forced: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    }),
  );
  fc.assert(
    fc.property(graph, ({ weights, edges, forced }) => {
      const n = weights.length;
      const conflicts: number[][] = weights.map(() => []);
      for (const [a, b] of edges) if (a !== b && !conflicts[a].includes(b)) (conflicts[a].push(b), conflicts[b].push(a));
      // Forced vertices that conflict with each other cannot all hold: keep the forcing only when it is feasible.
      const feasible = forced.every((f, i) => !f || !conflicts[i].some((j) => forced[j]));
      const force = feasible ? forced : forced.map(() => false);
      let best = -1;
      for (let m = 0; m < 1 << n; m++) {
        const set = [...Array(n).keys()].filter((i) => m & (1 << i));
        if (!independent(set, conflicts) || force.some((f, i) => f && !set.includes(i))) continue;
        best = Math.max(best, setWeight(set, weights));
      }
      const got = maxWeightSet(weights, conflicts, force);
      assert.ok(independent(got, conflicts));
      for (let i = 0; i < n; i++) if (force[i]) assert.ok(got.includes(i));
      assert.equal(setWeight(got, weights), best);
      // Maximal: nothing compatible is left out.
      for (let i = 0; i < n; i++) if (!got.includes(i)) assert.ok(conflicts[i].some((j) => got.includes(j)));
    }),
    { numRuns: 300 },
  );
});

test('40 schemes: exclusive pairs, one clique and a chain of exclusions are solved exactly (no 1 << n overflow)', () => {
  const n = 40;
  const w = [...Array(n).keys()].map((i) => ((i * 7919) % 97) * 1000 + 1000);
  // 20 exclusive pairs: the heavier of each.
  const pairs: number[][] = w.map((_, i) => [i ^ 1]);
  const pairBest = [...Array(n / 2).keys()].reduce((t, k) => t + Math.max(w[2 * k], w[2 * k + 1]), 0);
  assert.equal(setWeight(maxWeightSet(w, pairs, new Array(n).fill(false)), w), pairBest);
  // Everything mutually exclusive: the heaviest alone.
  const clique: number[][] = w.map((_, i) => [...Array(n).keys()].filter((j) => j !== i));
  assert.deepEqual(maxWeightSet(w, clique, new Array(n).fill(false)), [w.indexOf(Math.max(...w))]);
  // A chain i — i+1: the classic dynamic programme gives the optimum independently.
  const chain: number[][] = w.map((_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n));
  let take = 0;
  let skip = 0;
  for (const x of w) [take, skip] = [skip + x, Math.max(take, skip)];
  assert.equal(setWeight(maxWeightSet(w, chain, new Array(n).fill(false)), w), Math.max(take, skip));
  // And through combine(): 40 eligible schemes with no rule between them are 40 separate confirmed choices.
  const many: SchemeResult[] = [...Array(n).keys()].map((i) => ({
    id: `s${i}`,
    title: `s${i}`,
    status: 'eligible',
    reasons: [],
    missing: [],
    notes: [],
    options: [{ id: 'o', label: '', total: w[i], payments: [{ year: 1, amount: w[i], sources: [] }] }],
  }));
  const { combinations } = combine(many, {}, env);
  assert.equal(combinations[0].total, Math.max(...w), 'unknown pairs: the best confirmed combination is one scheme');
  assert.equal(
    combinations[1].total,
    w.reduce((a, b) => a + b, 0),
    'all 40 together if the CPAM accepts every cumulation',
  );
});
