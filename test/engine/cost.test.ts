// Net cost of an assistant (issue 13), checked against COSTS.md §5 and the month-by-month SMIC changes of 2024–2026.
import builtinCosts from '../../rules/tables/costs.json';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assistantCost, compilePack, type AssistantCostInput } from '../../src/engine/index.js';

const gp = { specialty: 'medecine-generale', sector: '1', percentile: 60 };
const asOf = '2026-12-01';
const cost = (input: Partial<AssistantCostInput>, options: object = {}) =>
  assistantCost({ option: '1-etp', contractDate: '2026-01-01', profile: gp, ...input } as AssistantCostInput, { asOf, ...options });
const near = (actual: number | null, expected: number, tolerance: number, what: string) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs COSTS.md ${expected} (± ${tolerance})`);

/**
 * COSTS.md §5, 2026 rows (a contract signed on 2026-01-01: every month at the 2026 SMIC and rates, later
 * years held at the last known figures). The ratios are stored as 1 + "charges nettes" of §3.3 (4 decimals),
 * so annual costs may differ from §5 by a euro or two (§5 rounds its own unrounded ratio).
 * Break-even: COSTS.md rounds consultations and patients to the nearest unit; the engine rounds up
 * (ceil), because a break-even must cover the whole net cost. Where the two differ, `round` below is §5's.
 */
const table2026 = [
  { option: '1-etp', level: 5, cost: 22663, nets: [-15337, -5337, 663], consultations: 23, patients: 7, round: { consultations: 22 } },
  {
    option: '1-etp',
    level: 9,
    cost: 30504,
    nets: [-7496, 2504, 8504],
    consultations: 284,
    patients: 87,
    round: { consultations: 283, patients: 86 },
  },
  {
    option: '1/2-etp',
    level: 5,
    cost: 11332,
    nets: [-7668, -2668, 332],
    consultations: 12,
    patients: 4,
    round: { consultations: 11, patients: 3 },
  },
  { option: '1/2-etp', level: 9, cost: 15252, nets: [-3748, 1252, 4252], consultations: 142, patients: 44, round: { patients: 43 } },
] as const;

for (const row of table2026) {
  test(`COSTS.md §5, 2026, ${row.option} level ${row.level}: employer cost, net cost per year, break-even`, () => {
    const r = cost({ option: row.option, level: row.level });
    assert.deepEqual(r.errors, []);
    assert.equal(r.estimate, true);
    assert.equal(r.years.length, 5);
    for (const y of r.years) near(y.employerCost, row.cost, 2, `employer cost, year ${y.year}`);
    near(r.years[0].net, row.nets[0], 2, 'net, year 1');
    near(r.years[1].net, row.nets[1], 2, 'net, year 2');
    for (const y of r.years.slice(2)) near(y.net, row.nets[2], 2, `net, year ${y.year}`);
    assert.deepEqual(
      r.years.map((y) => y.aid),
      row.option === '1-etp' ? [38000, 28000, 22000, 22000, 22000] : [19000, 14000, 11000, 11000, 11000],
    );
    assert.equal(r.years[0].breakEvenConsultations, 0, 'the aid exceeds the cost in year 1');
    assert.equal(r.years[0].breakEvenPatients, 0);
    assert.equal(r.years[2].breakEvenConsultations, row.consultations);
    assert.equal(r.years[2].breakEvenPatients, row.patients);
    assert.equal(r.years[2].consultationPrice, 30);
  });
}

test('2026: level 5 is paid the SMIC (above the grid), level 9 the grid', () => {
  assert.equal(cost({ level: 5 }).years[0].grossSalary, Math.round(12 * 1823.03));
  assert.equal(cost({ level: 9 }).years[0].grossSalary, Math.round(12 * 2159.91));
  // Half time: the monthly salary is rounded to the cent, as on a payslip (911.515 → 911.52, COSTS.md §1.4).
  assert.equal(cost({ option: '1/2-etp', level: 5 }).years[0].grossSalary, Math.round(12 * 911.52));
});

test('COSTS.md §5, 2025, year 1 of a contract signed on 2025-01-01 (level 5 above the 2025 SMIC)', () => {
  const cases = [
    { option: '1-etp', level: 5, cost: 22714, net: -15286 },
    { option: '1-etp', level: 9, cost: 30507, net: -7493 },
    { option: '1/2-etp', level: 5, cost: 11357, net: -7643 },
    { option: '1/2-etp', level: 9, cost: 15254, net: -3746 },
  ];
  for (const c of cases) {
    const y = cost({ option: c.option, level: c.level, contractDate: '2025-01-01' }).years[0];
    near(y.employerCost, c.cost, 2, `${c.option} level ${c.level}`);
    near(y.net, c.net, 2, `${c.option} level ${c.level} net`);
  }
  const y2 = cost({ level: 5, contractDate: '2025-01-01' }).years[1];
  assert.equal(y2.grossSalary, Math.round(12 * 1823.03), 'year 2 falls in 2026: the SMIC overtakes level 5');
});

test('across the 2024 → 2026 SMIC changes, month by month (contract signed on 2024-07-01)', () => {
  // Ratio points of the 2025 rates (also used for 2024): x = gross / SMIC, ratio = 1 + net charges.
  const xA = 1815.79 / 1801.8;
  const xB = 2159.91 / 1801.8;
  const at = (x: number) => 1.0424 + ((x - xA) / (xB - xA)) * (1.177 - 1.0424);
  // Year 1: Jul–Oct 2024 at the 2024 SMIC (1 766,92: level 5 is above it, so its ratio is interpolated higher),
  // Nov 2024–Jun 2025 at 1 801,80. Year 2: Jul–Dec 2025 at level 5, Jan–Jun 2026 at the 2026 SMIC.
  const level5 = cost({ level: 5, contractDate: '2024-07-01' });
  assert.deepEqual(level5.errors, []);
  const y1 = 4 * 1815.79 * at(1815.79 / 1766.92) + 8 * 1815.79 * 1.0424;
  const y2 = 6 * 1815.79 * 1.0424 + 6 * 1823.03 * 1.036;
  assert.equal(level5.years[0].employerCost, Math.round(y1));
  assert.equal(level5.years[1].employerCost, Math.round(y2));
  assert.equal(level5.years[1].grossSalary, Math.round(6 * 1815.79 + 6 * 1823.03));
  near(level5.years[2].employerCost, 22663, 2, 'year 3 (2026-07 → 2027-06) at the 2026 figures');
  assert.ok(
    level5.years[0].ratio > level5.years[1].ratio && level5.years[1].ratio > level5.years[2].ratio,
    'the reduction grows as the SMIC nears the salary',
  );
  assert.equal(level5.years[0].aid, 38000);
  assert.equal(level5.years[0].consultationPrice, 26.5, 'G in force on 2024-07-01');
  assert.equal(level5.years[1].consultationPrice, 30, 'G in force on 2025-07-01');

  // Half time: the same ratios (the SMIC is prorated), half the salary.
  const half = cost({ option: '1/2-etp', level: 5, contractDate: '2024-07-01' });
  assert.equal(half.years[0].employerCost, Math.round(4 * 907.9 * at(1815.79 / 1766.92) + 8 * 907.9 * 1.0424));
  assert.equal(half.years[0].net, half.years[0].employerCost - 19000);

  // Level 9 in 2024 lies above the last computed point (2 159,91 / 1 766,92 > 2 159,91 / 1 801,80): flat ratio, said so.
  const level9 = cost({ level: 9, contractDate: '2024-07-01' });
  assert.equal(level9.years[0].employerCost, Math.round(12 * 2159.91 * 1.177));
  assert.match(level9.notes.find((n) => n.id === 'cost.beyond')!.text, /plus élevé/);
  assert.ok(!level5.notes.some((n) => n.id === 'cost.beyond'));
});

test('months before the first rows borrow the oldest figures, and say from when the rules hold them', () => {
  // Signed on 2023-05-15 (règlement arbitral): the grid starts on 2023-07-01, the SMIC and the ratios on 2024-01-01.
  const r = cost({ level: 5, contractDate: '2023-05-15' });
  assert.deepEqual(r.errors, []);
  assert.equal(r.years[0].aid, 36000);
  // May–Dec 2023 at the avenant 89 level 5 (May and June borrowed), Jan–Apr 2024 at the avenant 90 one.
  assert.equal(r.years[0].grossSalary, Math.round(8 * 1780.19 + 4 * 1815.79));
  assert.match(r.notes.find((n) => n.id === 'cost.before')!.text, /^Avant le 2024-01-01/);
  assert.ok(!cost({ level: 5 }).notes.some((n) => n.id === 'cost.before'));
});

test('break-even arithmetic: ceil of net ÷ price, then ÷ consultations per patient; 0 when the aid covers the cost', () => {
  const base = cost({ level: 5 }).years[2]; // net ≈ +664 €
  const net = base.net!;
  assert.equal(cost({ level: 5, consultationPrice: 25 }).years[2].breakEvenConsultations, Math.ceil(net / 25));
  // An exact division does not round up.
  assert.equal(cost({ level: 5, consultationPrice: net / 20 }).years[2].breakEvenConsultations, 20);
  // 21 / 0.7 is 30.000000000000004 in floating point: still 30 patients.
  const r = cost({ level: 5, consultationPrice: 32, consultationsPerPatient: 0.7 }).years[2];
  assert.equal(r.breakEvenConsultations, 21);
  assert.equal(r.breakEvenPatients, 30);
  for (const y of cost({ level: 5 }).years) {
    if (y.net! <= 0) assert.equal(y.breakEvenConsultations, 0);
    else
      assert.ok(
        y.breakEvenConsultations! * y.consultationPrice >= y.net! && (y.breakEvenConsultations! - 1) * y.consultationPrice < y.net!,
      );
    assert.equal(y.breakEvenPatients, y.breakEvenConsultations ? Math.ceil(y.breakEvenConsultations / 3.3) : 0);
  }
});

test('the employer cost is shown with its parts, what it leaves out, and its sources', () => {
  const r = cost({ level: 9, contractDate: '2025-06-01' });
  assert.deepEqual(
    r.ratios.map((x) => x.from),
    ['2024-01-01', '2026-01-01'],
  );
  const rgdu = r.ratios[1];
  assert.deepEqual(
    rgdu.points.map((p) => [p.grossToSmic, p.contributions, p.reduction, p.ratio]),
    [
      [1, 0.4341, 0.3981, 1.036],
      [1.1848, 0.4341, 0.2572, 1.1769],
    ],
  );
  assert.equal(rgdu.atmp, 0.01);
  assert.equal(rgdu.withoutReduction, 1.434);
  assert.equal(rgdu.estimate, true);
  assert.ok(r.excluded.some((e) => /complémentaire santé/.test(e)) && r.excluded.some((e) => /médecine du travail/.test(e)));
  const refs = r.sources.map((s) => s.ref);
  for (const ref of [
    'https://www.legifrance.gouv.fr/conv_coll/id/KALITEXT000049337281',
    'https://www.cabinet-oreco.fr/actualites/actualites-social/le-smic-horaire-a-1202-e-en-2026',
    'https://www.paie-rh.com/actualites/reduction-generale-degressive-unifiee-rgdu-2026',
    'https://drees.solidarites-sante.gouv.fr/communique-de-presse-jeux-de-donnees/jeux-de-donnees/241220_DATA_accessibilite-aux-soins',
    'https://www.ameli.fr/medecin/actualites/aide-l-emploi-d-un-assistant-medical-ce-qui-change-des-juin-2024',
  ])
    assert.ok(refs.includes(ref), ref);
  assert.ok(
    r.notes.some((n) => n.id === 'cost.held'),
    'future months hold the last known figures',
  );
  assert.match(cost({ level: 9, contractDate: '2025-06-01' }, { lang: 'en' }).notes[0].text, /^Salary: the collective agreement's minimum/);
});

test('a gross salary overrides the grid, never below the SMIC', () => {
  const r = cost({ grossMonthly: 2000, level: 9 });
  assert.equal(r.level, undefined);
  assert.equal(r.years[0].grossSalary, 24000);
  assert.ok(r.years[0].ratio > 1.036 && r.years[0].ratio < 1.1769, `interpolated ratio ${r.years[0].ratio}`);
  const half = cost({ option: '1/2-etp', grossMonthly: 1000 });
  assert.equal(half.years[0].grossSalary, 12000, 'half-time salary as paid');
  assert.equal(half.years[0].ratio, r.years[0].ratio, 'same hourly rate, same ratio');
  const low = cost({ grossMonthly: 1500 });
  assert.equal(low.years[0].grossSalary, Math.round(12 * 1823.03));
  assert.deepEqual(
    low.errors.map((e) => e.field),
    ['grossMonthly'],
  );
});

test('bad input is reported in errors, never thrown', () => {
  const r = cost({ option: '3/4-etp' as never, level: 4, contractDate: '2026-02-30', consultationPrice: -1, consultationsPerPatient: 0 });
  assert.deepEqual(r.errors.map((e) => e.field).sort(), [
    'consultationPrice',
    'consultationsPerPatient',
    'contractDate',
    'level',
    'option',
  ]);
  assert.deepEqual(r.years, []);
  assert.match(r.errors.find((e) => e.field === 'option')!.message, /'1\/2-etp', '1-etp'/);
  const fallback = cost({ level: 12, consultationPrice: 'x' as never });
  assert.equal(fallback.level, 5);
  assert.equal(fallback.years.length, 5);
  assert.equal(fallback.years[2].consultationPrice, 30);
  for (const bad of [undefined, null, 42, 'x', [], { profile: 'généraliste' }])
    assert.doesNotThrow(() => assistantCost(bad as never, { asOf: 'hier' } as never));
  assert.deepEqual(
    assistantCost({ option: '1-etp', contractDate: '2026-01-01', profile: 'x' as never }, { asOf })
      .errors.map((e) => e.field)
      .sort(),
    ['profile', 'profile'], // the invalid profile, then the aid it leaves uncomputed
  );
});

test('eligibility not settled: the lowest band, said in errors; ineligible: 0, said in errors', () => {
  const incomplete = cost({ profile: {} });
  assert.equal(incomplete.aidStatus, 'incomplete');
  // The least an eligible doctor gets (standard band), never a guess above it; the profile still to complete is said.
  assert.deepEqual(
    incomplete.years.map((y) => y.aid),
    [38000, 28000, 22000, 22000, 22000],
  );
  assert.match(incomplete.errors.find((e) => e.field === 'profile')!.message, /sous réserve d’éligibilité.*specialty/);
  const ineligible = cost({ profile: { ...gp, sector: '2' } });
  assert.equal(ineligible.aidStatus, 'ineligible');
  assert.ok(ineligible.years.every((y) => y.aid === 0 && y.net === y.employerCost && y.breakEvenConsultations! > 0));
  assert.match(ineligible.errors.find((e) => e.field === 'profile')!.message, /Pas d'aide/);
});

test('a rules pack brings a newer SMIC and grid, tagged with its publisher; a bad one is refused with its path', () => {
  const pack = {
    publisher: 'URPS exemple',
    version: '2027.1',
    date: '2027-01-15',
    costs: {
      smic: [{ from: '2027-01-01', monthly: 1850, sources: ['https://example.org/decret-smic-2027'] }],
      salaryGrid: [
        {
          from: '2027-01-01',
          title: 'Avenant fictif',
          levels: { '5': 1840, '6': 1900, '7': 1980, '8': 2070, '9': 2200 },
          sources: ['https://example.org/avenant'],
        },
      ],
    },
  };
  const r = cost({ level: 9 }, { rules: pack });
  assert.deepEqual(r.errors, []);
  assert.equal(r.years[0].grossSalary, Math.round(12 * 2159.91), '2026 unchanged');
  assert.equal(r.years[1].grossSalary, 12 * 2200, 'the pack grid from 2027');
  assert.ok(r.sources.some((s) => s.ref === 'pack:URPS exemple 2027.1 (2027-01-15)'));
  assert.equal(cost({ level: 5 }, { rules: pack }).years[1].grossSalary, 12 * 1850, 'the pack SMIC above the pack level 5');
  assert.equal(builtinCosts.smic.length, 3, 'built-in rules untouched');

  const bad = structuredClone(pack);
  bad.costs.smic.push({ from: '2026-06-01', monthly: 1830, sources: ['https://example.org/x'] });
  delete (bad.costs.salaryGrid[0].levels as Record<string, number>)['7'];
  const refused = compilePack(bad);
  assert.equal(refused.ok, false);
  const paths = refused.ok ? [] : refused.issues.map((i) => i.path);
  assert.ok(paths.includes('costs.smic[1].from') && paths.includes('costs.salaryGrid[0].levels'), paths.join(' '));
  const fallback = cost({ level: 9 }, { rules: bad });
  assert.deepEqual(
    fallback.errors.map((e) => e.field),
    ['rules'],
  );
  assert.equal(fallback.years[1].grossSalary, Math.round(12 * 2159.91), 'built-in figures used');
});
