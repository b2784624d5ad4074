// What the result tells the doctor must not overstate the sources: estimates are flagged where the
// figure rests on an inference, ambiguities are said, and national schemes carry no regional links.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../src/engine/index.js';

const gp = { specialty: 'medecine-generale', sector: '1' };
const scheme = (sim: ReturnType<typeof simulate>, id: string) => sim.schemes.find((s) => s.id === id)!;

test('no band from limits of another distribution: 1 750 patients MT in 2024 gets the standard band, the higher ones apart', () => {
  const sim = simulate(
    { ...gp, patienteleMT: 1750, fileActive: 2500, newlyInstalled: false, age: 50, option: '1-etp' },
    { asOf: '2026-03-01', schemes: ['assistant-medical'] },
  );
  const r = scheme(sim, 'assistant-medical');
  assert.equal(r.status, 'eligible');
  const o = r.options[0];
  // Standard band (P30–P90): the least any eligible doctor gets, firm, not an estimate.
  assert.equal(o.total, 132000);
  assert.ok(!o.estimate);
  assert.deepEqual(
    o.alternatives?.map((a) => [a.band, a.total]),
    [
      ['p90', 144000],
      ['p95', 190000],
    ],
  );
  assert.equal(sim.missing[0], 'percentile');
  assert.equal(sim.answer.total?.max, 132000);
  assert.deepEqual(
    sim.answer.upTo.map((u) => u.total),
    [144000, 190000],
  );
  // With the percentile the CPAM gave, the higher amount is the payment, firm.
  const firm = simulate({ ...gp, percentile: 96, option: '1-etp' }, { asOf: '2026-03-01', schemes: ['assistant-medical'] });
  assert.equal(scheme(firm, 'assistant-medical').options[0].total, 190000);
  assert.ok(!scheme(firm, 'assistant-medical').options[0].estimate);
  assert.ok(!scheme(firm, 'assistant-medical').options[0].alternatives);
});

test('thresholds: 775 (2021) is ambiguous in the texts, so not eligible until the percentile says; 640 (avenant 7, "au moins") is not', () => {
  const p30 = (sim: ReturnType<typeof simulate>) => scheme(sim, 'assistant-medical').reasons.find((r) => r.id === 'patientele-p30')!;
  const sim775 = simulate({ ...gp, patienteleMT: 775 }, { asOf: '2025-01-01', schemes: ['assistant-medical'] });
  const at775 = p30(sim775);
  assert.equal(at775.ok, null);
  assert.equal(at775.estimate, true);
  assert.equal(at775.fields?.[0], 'percentile');
  assert.match(at775.text, /divergent/);
  assert.equal(scheme(sim775, 'assistant-medical').status, 'incomplete');
  assert.equal(sim775.answer.status, 'pending');
  assert.match(sim775.answer.text, /percentile/);
  assert.ok(!sim775.combinations.length, 'never shown as a result');
  const at640 = p30(
    simulate(
      { ...gp, patienteleMT: 640, fileActive: 1300, contractDate: '2021-01-01' },
      { asOf: '2021-01-01', schemes: ['assistant-medical'] },
    ),
  );
  assert.equal(at640.ok, true);
  assert.ok(!at640.estimate);
  assert.match(at640.text, /patients adultes/);
  assert.equal(
    p30(
      simulate(
        {
          ...gp,
          patienteleMT: 639,
          fileActive: 1000,
          contractDate: '2021-01-01',
          newlyInstalled: false,
          rqthOrAld: false,
          childrenShare: 0,
        },
        { asOf: '2021-01-01', schemes: ['assistant-medical'] },
      ),
    ).ok,
    false,
  );
});

test('the new-install waiver is asserted for avenant 7 only, and flagged for later regimes', () => {
  const reason = (date: string) =>
    scheme(
      simulate({ ...gp, patienteleMT: 200, newlyInstalled: true, contractDate: date }, { asOf: date, schemes: ['assistant-medical'] }),
      'assistant-medical',
    ).reasons.find((r) => r.id === 'patientele-p30')!;
  const av7 = reason('2021-01-01');
  assert.ok(!av7.estimate);
  const now = reason('2025-01-01');
  assert.equal(now.estimate, true);
  assert.match(now.text, /à confirmer/);
});

test('objectives between P30 and P50 are not described with the P50–P95 rule', () => {
  const obj = (percentile: number) =>
    scheme(
      simulate({ ...gp, percentile, age: 50, newlyInstalled: false }, { asOf: '2025-01-01', schemes: ['assistant-medical'] }),
      'assistant-medical',
    ).options[0].objectives!.text;
  assert.match(obj(40), /entre P30 et P50/);
  assert.match(obj(60), /individualisé/);
});

test('an anniversary exactly on 22 June 2024 is revalued, and the result says it is a reading', () => {
  const r = scheme(
    simulate(
      { ...gp, percentile: 50, contractDate: '2023-06-22', option: '1-etp' },
      { asOf: '2024-01-01', schemes: ['assistant-medical'] },
    ),
    'assistant-medical',
  );
  assert.deepEqual(
    r.options[0].payments.map((p) => p.amount),
    [36000, 28000, 22000, 22000, 22000],
  );
  assert.ok(r.notes.some((n) => n.id === 'revalorisation-22-juin' && n.kind === 'estimate'));
});

test('the ZIP FMT majoration excludes a held COTRAM; the age-67 majoration is only uncertain', () => {
  const base = {
    ...gp,
    zone: 'zip' as const,
    fmtAmount: 20000,
    firstInstallation: false,
    heldContracts: [{ id: 'cotram', signed: '2024-01-01' }],
  };
  const kind = (age: number) =>
    simulate({ ...base, age }, { asOf: '2026-03-01', schemes: ['cotram', 'fmt-majoration'] }).exclusions.find(
      (e) => e.schemes.includes('cotram') && e.schemes.includes('fmt-majoration'),
    )?.kind;
  assert.equal(kind(62), 'excluded');
  assert.equal(kind(68), 'unknown');
});

test('national schemes link to national pages; regional links come from the region', () => {
  const sim = simulate({}, { asOf: '2025-06-01', region: 'centre-val-de-loire' });
  for (const s of sim.schemes) for (const l of s.apply?.links ?? []) assert.doesNotMatch(l.ref, /occitanie/i, `${s.id}: ${l.ref}`);
  assert.ok(simulate({}, { region: 'occitanie' }).regionInfo.contacts.some((c) => /occitanie/.test(c.url ?? '')));
});

test('year 1 of the assistant aid is paid in the month after signature, and says so', () => {
  const p = scheme(
    simulate({ ...gp, percentile: 50, option: '1-etp' }, { asOf: '2025-01-01', schemes: ['assistant-medical'] }),
    'assistant-medical',
  ).options[0].payments[0];
  assert.match(p.note!, /mois qui suit la signature/);
});

test('a contract already held is kept, not re-examined, and stays in every combination', () => {
  const sim = simulate(
    { ...gp, zone: 'zip', daysPerWeek: 4, pdsa: true, groupPractice: true, heldContracts: [{ id: 'caim', signed: '2021-03-01' }] },
    { asOf: '2025-06-01', schemes: ['caim', 'coscom'] },
  );
  const caim = scheme(sim, 'caim');
  assert.deepEqual(
    caim.reasons.map((r) => [r.id, r.ok]),
    [['contrat-en-cours', true]],
  );
  assert.match(caim.reasons[0].text, /1ᵉʳ\smars 2021/);
  assert.match(caim.reasons[0].text, /versements sont terminés/);
  assert.equal(caim.status, 'held');
  assert.equal(sim.answer.status, 'ineligible');
  assert.match(sim.answer.text, /CAIM/);
  for (const f of ['installationDate', 'pdsa', 'zone']) assert.ok(!caim.missing.includes(f), `does not ask ${f} again`);
  // COSCOM cannot be added while the CAIM runs, and dropping the CAIM is not offered as a "combination".
  assert.ok(sim.exclusions.some((e) => e.kind === 'excluded' && e.schemes.includes('caim') && e.schemes.includes('coscom')));
  for (const c of sim.combinations) assert.ok(c.schemes.includes('caim'));
});
