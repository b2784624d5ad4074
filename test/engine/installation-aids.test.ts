import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate, type Simulation, type SchemeResult } from '../../src/engine/index.js';
import { builtinRules } from '../../src/engine/rules/ruleset.js';
import { check, cumulationFile } from '../../src/engine/rules/schema.js';
import { validateRuleFile } from '../../src/engine/rules/validate.js';
import cumulation from '../../rules/cumulation.json';

const INSTALLATION = [
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
const scheme = (r: Simulation, id: string): SchemeResult => {
  const s = r.schemes.find((x) => x.id === id);
  assert.ok(s, `scheme ${id} in the result`);
  return s;
};

test('rule files validate, cumulation.json included', () => {
  for (const id of INSTALLATION) assert.deepEqual(validateRuleFile('scheme', builtinRules.schemes.get(id)), [], id);
  const r = check(cumulationFile, cumulation);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  // Every scheme id a cumulation rule names exists (or is the 2011 option, a contract outside the simulator).
  for (const rule of cumulation.rules)
    for (const id of [...rule.a, ...(rule.b ?? [])])
      assert.ok(builtinRules.schemes.has(id) || id === 'option-demographique-2011', `${rule.id}: ${id}`);
});

test('regions: the ARS Occitanie aid is offered only in the occitanie region', () => {
  const offered = (region?: string) => simulate({}, { asOf: '2025-06-01', region }).schemes.map((s) => s.id);
  assert.ok(!offered().includes('ars-occitanie-installation'));
  const occ = offered('occitanie');
  assert.ok(occ.includes('ars-occitanie-installation'));
  for (const id of offered()) assert.ok(occ.includes(id), id);
});

const doctor = {
  specialty: 'medecine-generale',
  sector: '1',
  zone: 'zip',
  daysPerWeek: 4,
  pdsa: true,
  firstInstallation: true,
  groupPractice: true,
  hospitalDeProximite: false,
};

test('2025-06-01 offers CAIM and not the 2026 aids; 2026-03-01 the reverse', () => {
  const y2025 = simulate({ ...doctor, installationDate: '2025-05-01' }, { asOf: '2025-06-01' });
  assert.equal(scheme(y2025, 'caim').status, 'eligible');
  assert.equal(scheme(y2025, 'aide-installation-2026').status, 'closed');
  assert.equal(scheme(y2025, 'fmt-majoration').status, 'closed');
  const y2026 = simulate({ ...doctor, installationDate: '2026-02-01' }, { asOf: '2026-03-01' });
  for (const id of ['caim', 'coscom', 'cotram', 'cstm']) {
    const s = scheme(y2026, id);
    assert.equal(s.status, 'closed', id);
    assert.deepEqual(s.options, [], id);
    assert.match(s.reasons[0].text, /1ᵉʳ\sjanvier 2026/);
    assert.ok(
      s.notes.some((n) => n.id === 'fin-2025'),
      `${id}: what replaces it`,
    );
  }
  assert.equal(scheme(y2026, 'aide-installation-2026').status, 'eligible');
  assert.equal(scheme(y2026, 'fmt-majoration').status, 'eligible');
});

test('date edge 2025-12-31 / 2026-01-01', () => {
  const p = { ...doctor, installationDate: '2025-12-01' };
  assert.equal(scheme(simulate(p, { asOf: '2025-12-31', schemes: ['caim'] }), 'caim').status, 'eligible');
  assert.equal(scheme(simulate(p, { asOf: '2026-01-01', schemes: ['caim'] }), 'caim').status, 'closed');
  // The one-off aid follows the installation date: no retroactivity for a 2025 installation.
  const aid = (installationDate: string) =>
    scheme(
      simulate({ ...doctor, installationDate }, { asOf: '2026-02-01', schemes: ['aide-installation-2026'] }),
      'aide-installation-2026',
    );
  assert.equal(aid('2025-12-31').status, 'closed');
  assert.match(aid('2025-12-31').reasons[0].text, /rétroactivité/);
  assert.equal(aid('2026-01-01').status, 'eligible');
  // FMT majorations start on 2026-01-01.
  const fmt = (asOf: string) =>
    scheme(simulate({ ...doctor, fmtAmount: 10000 }, { asOf, schemes: ['fmt-majoration'] }), 'fmt-majoration').status;
  assert.equal(fmt('2025-12-31'), 'closed');
  assert.equal(fmt('2026-01-01'), 'eligible');
});

test('CSTM: 10 % capped at 20 000 € before 2019-02-10, 25 % capped at 50 000 € from that day', () => {
  const p = { zone: 'hors-zone', sector: '1', daysPerYearInZip: 20, feesInZip: 300000 };
  const before = scheme(simulate({ ...p, feesInZip: 100000 }, { asOf: '2019-02-09', schemes: ['cstm'] }), 'cstm');
  assert.equal(before.regime, 'avant-2019');
  assert.equal(before.options[0].payments[0].amount, 10000);
  assert.equal(scheme(simulate(p, { asOf: '2019-02-09', schemes: ['cstm'] }), 'cstm').options[0].payments[0].amount, 20000);
  const from = scheme(simulate({ ...p, feesInZip: 100000 }, { asOf: '2019-02-10', schemes: ['cstm'] }), 'cstm');
  assert.equal(from.regime, 'depuis-2019');
  assert.equal(from.options[0].payments[0].amount, 25000);
  assert.equal(scheme(simulate(p, { asOf: '2019-02-10', schemes: ['cstm'] }), 'cstm').options[0].payments[0].amount, 50000);
});

test('CAIM amounts come from the table, and days beyond 4 keep the 4-day amount', () => {
  const total = (daysPerWeek: number) =>
    scheme(simulate({ ...doctor, daysPerWeek, installationDate: '2025-05-01' }, { asOf: '2025-06-01', schemes: ['caim'] }), 'caim')
      .options[0]?.total;
  assert.equal(total(3.2), 37500);
  assert.equal(total(5), 50000);
  assert.equal(total(2), undefined);
});

test('missing: only what decides, most decisive first', () => {
  // Nothing known: the zone is asked first for CAIM.
  assert.equal(scheme(simulate({}, { asOf: '2025-06-01', schemes: ['caim'] }), 'caim').missing[0], 'zone');
  // Not in a ZIP: CAIM is settled, nothing asked.
  const out = scheme(simulate({ zone: 'hors-zone' }, { asOf: '2025-06-01', schemes: ['caim'] }), 'caim');
  assert.equal(out.status, 'ineligible');
  assert.deepEqual(out.missing, []);
  // Closed schemes ask nothing.
  assert.deepEqual(simulate({}, { asOf: '2026-03-01', schemes: ['caim', 'coscom', 'cotram', 'cstm'] }).missing, []);
  // The one-off aid: once a first installation in ZIP applies, the secondary practice question is moot.
  const aid = scheme(
    simulate(
      { sector: '1', zone: 'zip', firstInstallation: true, installationDate: '2026-02-01' },
      { asOf: '2026-03-01', schemes: ['aide-installation-2026'] },
    ),
    'aide-installation-2026',
  );
  assert.deepEqual(aid.missing, []);
});

test('FMT: without fmtAmount, the rates with an example and fmtAmount asked; stacking unclear is said', () => {
  const s = scheme(
    simulate({ ...doctor, installationDate: '2026-02-01' }, { asOf: '2026-03-01', schemes: ['fmt-majoration'] }),
    'fmt-majoration',
  );
  assert.equal(s.status, 'eligible');
  assert.deepEqual(s.options, []);
  assert.ok(s.missing.includes('fmtAmount'));
  const ex = s.notes.find((n) => n.id === 'exemple');
  assert.ok(ex);
  assert.match(ex.text, /50 %, 30 %, puis 10 %\/an/);
  assert.match(ex.text, /\+10\u202f000 €/);
  const withAmount = scheme(
    simulate({ ...doctor, installationDate: '2026-02-01', fmtAmount: 30000 }, { asOf: '2026-03-01', schemes: ['fmt-majoration'] }),
    'fmt-majoration',
  );
  assert.deepEqual(
    withAmount.options[0].payments.map((p) => p.amount),
    [15000, 9000, 3000, 3000, 3000],
  );
  assert.ok(withAmount.options[0].notes?.some((n) => /non précisé/.test(n)));
  // Aged 67 in a ZAC: 10 % (W24), no zone majoration.
  const old = scheme(
    simulate(
      { specialty: 'medecine-generale', zone: 'zac', qpv: false, firstInstallation: false, age: 68, fmtAmount: 10000 },
      { asOf: '2026-03-01', schemes: ['fmt-majoration'] },
    ),
    'fmt-majoration',
  );
  assert.deepEqual(
    old.options[0].payments.map((p) => p.amount),
    [1000, 1000, 1000, 1000, 1000],
  );
});

test('held contracts: a closed scheme shows what the holder keeps, until when', () => {
  const p = {
    ...doctor,
    installationDate: '2025-03-01',
    heldContracts: [
      { id: 'caim', signed: '2025-04-01' },
      { id: 'coscom', signed: '2023-01-01' },
    ],
  };
  const r = simulate(p, { asOf: '2026-03-01', schemes: ['caim', 'coscom', 'fmt-majoration'] });
  const caim = scheme(r, 'caim');
  assert.equal(caim.status, 'held');
  // The second half is due a year after the installation (50 % at installation, 50 % a year later), not after the signature.
  assert.deepEqual(
    caim.options[0].payments.map((x) => [x.amount, x.date]),
    [[25000, '2026-03-01']],
  );
  assert.match(caim.notes.find((n) => n.id === 'titulaire')!.text, /1ᵉʳ\savril 2030/);
  const coscom = scheme(r, 'coscom');
  assert.equal(coscom.status, 'held');
  assert.ok(coscom.options[0].payments.every((x) => x.date! >= '2026-03-01'));
  // Signed 2023-01-01, renewed tacitly in 2026: the running 3-year term pays 3 more years; later years are a renewal, apart.
  assert.deepEqual(
    coscom.options[0].payments.map((x) => x.date),
    ['2027-01-01', '2028-01-01', '2029-01-01'],
  );
  assert.equal(coscom.options[0].total, 15000);
  assert.deepEqual(
    coscom.options[0].renewal?.map((x) => x.date),
    ['2030-01-01', '2031-01-01'],
  );
  assert.ok(coscom.notes.some((n) => n.id === 'titulaire'));
  // A CAIM that ended (5 years) is no longer held.
  const ended = scheme(
    simulate({ ...p, heldContracts: [{ id: 'caim', signed: '2019-01-01' }] }, { asOf: '2026-03-01', schemes: ['caim'] }),
    'caim',
  );
  assert.deepEqual(ended.options, []);
});

test('secteur 2 without opposableShare: maximum shown as an estimate, share asked', () => {
  const s = scheme(
    simulate(
      { zone: 'zip', sector: '2', groupPractice: true, hospitalDeProximite: false, traineeMonths: 0 },
      { asOf: '2025-06-01', schemes: ['coscom'] },
    ),
    'coscom',
  );
  assert.equal(s.status, 'eligible');
  assert.ok(s.missing.includes('opposableShare'));
  assert.equal(s.options[0].payments[0].amount, 5000);
  assert.ok(s.options[0].estimate);
});

test('CDE: a range with its source, never a single figure', () => {
  const s = scheme(
    simulate({ remplacant: true, zone: 'zac', coordinatedPractice: true, pdsa: true }, { asOf: '2025-06-01', schemes: ['cde'] }),
    'cde',
  );
  assert.equal(s.status, 'eligible');
  assert.equal(s.options[0].totalMin, 8325);
  assert.equal(s.options[0].total, 15000);
  assert.ok(s.notes.some((n) => n.kind === 'estimate' && n.sources.some((x) => x.ref === '003_9d9e3ee12bc9fac9.txt')));
  assert.equal(scheme(simulate({ remplacant: true }, { asOf: '2023-06-01', schemes: ['cde'] }), 'cde').status, 'closed');
});

test('ARS Occitanie: CESP signatories only in ZIP or ZAC; territory required', () => {
  const base = { department: '32', coordinatedPractice: true, pdsa: true, daysPerWeek: 4, heldContracts: [{ id: 'cesp' }] };
  const o = { asOf: '2025-06-01', region: 'occitanie', schemes: ['ars-occitanie-installation'] };
  assert.equal(scheme(simulate({ ...base, zone: 'hors-zone' }, o), 'ars-occitanie-installation').status, 'ineligible');
  assert.equal(scheme(simulate({ ...base, zone: 'zac' }, o), 'ars-occitanie-installation').status, 'eligible');
  assert.equal(scheme(simulate({ ...base, heldContracts: [] }, o), 'ars-occitanie-installation').status, 'eligible');
  assert.equal(
    scheme(simulate({ ...base, heldContracts: [], department: '31', mountain: false, qpv: false }, o), 'ars-occitanie-installation').status,
    'ineligible',
  );
});

test('every installation result explains itself: reasons and payments with sources, apply text with links', () => {
  const r = simulate(
    { ...doctor, installationDate: '2025-05-01', age: 62, hostsYoungDoctor: true, conventionalFees: 100000, traineeMonths: 0 },
    { asOf: '2025-06-01', region: 'occitanie' },
  );
  for (const s of r.schemes) {
    for (const x of s.reasons) assert.ok(x.sources.length && x.text, `${s.id}/${x.id}`);
    for (const n of s.notes) assert.ok(n.sources.length && n.text && !n.text.includes('…'), `${s.id}/${n.id}`);
    if (s.status !== 'closed' && INSTALLATION.includes(s.id)) assert.ok(s.apply?.text && s.apply.links.length, `${s.id}: apply`);
  }
});

test('English: titles and generic texts switch language', () => {
  const r = simulate({}, { asOf: '2026-03-01', lang: 'en', schemes: ['caim'] });
  assert.equal(r.schemes[0].title, 'CAIM — installation aid contract');
  assert.match(r.schemes[0].reasons[0].text, /No new contracts since 1 January 2026/);
});

test('CAIM: once in a career; a CAIM that ended closes the way to a new one', () => {
  const p = { ...doctor, installationDate: '2025-05-01' };
  assert.equal(scheme(simulate(p, { asOf: '2025-06-01', schemes: ['caim'] }), 'caim').status, 'eligible');
  const again = scheme(
    simulate({ ...p, heldContracts: [{ id: 'caim', signed: '2017-01-01' }] }, { asOf: '2025-06-01', schemes: ['caim'] }),
    'caim',
  );
  assert.equal(again.status, 'ineligible');
  assert.ok(again.reasons.some((r) => r.id === 'une-fois' && r.ok === false));
});
