// Only useful questions, most decisive first: `missing` lists fields that can still change the answer of a
// scheme that can still apply; the situation prunes whole families; answers imply others.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SCHEMES } from '../../src/engine/simulate.js';
import { simulate } from '../../src/engine/index.js';

const asOf = '2026-12-01';
const gp = { specialty: 'medecine-generale', sector: '1' };

test('the situation comes first when the schemes offered concern several situations, not otherwise', () => {
  assert.equal(simulate({}, { asOf }).missing[0], 'situation');
  assert.ok(!simulate({}, { asOf, schemes: ['assistant-medical'] }).missing.includes('situation'));
  // A patientèle médecin traitant means an installed doctor: the student and locum aids drop out, and with them the question.
  const installed = simulate({ ...gp, patienteleMT: 1100 }, { asOf });
  assert.ok(!installed.missing.includes('situation'));
  assert.ok(!installed.missing.includes('student') && !installed.missing.includes('remplacant'));
});

test('an installed 58-year-old GP is never asked whether he is a student, nor months of CESP allowance', () => {
  for (const p of [
    { ...gp, situation: 'installe', age: 58 },
    { ...gp, age: 58, patienteleMT: 1200 },
  ]) {
    const sim = simulate(p, { asOf });
    for (const f of ['student', 'allowanceMonths', 'remplacant']) assert.ok(!sim.missing.includes(f), `${f} not asked`);
    assert.equal(sim.schemes.find((s) => s.id === 'cesp')!.options.length, 0);
  }
});

test('a doctor no scheme can apply to is asked nothing more, and told why', () => {
  const sim = simulate({ situation: 'installe', specialty: 'dermatologie', sector: '2' }, { asOf });
  assert.deepEqual(sim.missing, []);
  assert.equal(sim.answer.status, 'ineligible');
  assert.match(sim.answer.text, /secteur 1/);
});

test('once eligible, the working time and then the band come before other schemes’ questions', () => {
  const sim = simulate({ ...gp, situation: 'installe', patienteleMT: 1100 }, { asOf });
  assert.deepEqual(sim.missing.slice(0, 2), ['option', 'percentile']);
  assert.deepEqual(sim.answer.ask, ['option', 'percentile']);
  // Answered: the headline is exact; the band stays open, said as « jusqu'à ».
  const chosen = simulate({ ...gp, situation: 'installe', patienteleMT: 1100, option: '1/2-etp' }, { asOf });
  assert.deepEqual(chosen.answer.total, { min: 66000, max: 66000 });
  assert.equal(chosen.missing[0], 'percentile');
});

test('the département is asked on a national embed, and on a regional one only where it changes a contact or an aid', () => {
  const open = { ...gp, situation: 'installe' as const, patienteleMT: 1100 };
  assert.ok(simulate(open, { asOf }).missing.includes('department'));
  assert.ok(!simulate(open, { asOf, region: 'centre-val-de-loire', schemes: ['assistant-medical'] }).missing.includes('department'));
  assert.ok(simulate(open, { asOf, region: 'nouvelle-aquitaine', schemes: ['assistant-medical'] }).missing.includes('department'));
  assert.ok(!simulate({ ...open, department: '16' }, { asOf }).missing.includes('department'));
});

test('a student sees only what concerns students', () => {
  const sim = simulate({ situation: 'etudiant' }, { asOf });
  for (const s of sim.schemes) if (s.id !== 'cesp' && s.id !== 'cde') assert.equal(s.status, 'not-applicable', s.id);
  assert.equal(sim.schemes.find((s) => s.id === 'cesp')!.status, 'eligible');
  assert.deepEqual(sim.schemes.find((s) => s.id === 'assistant-medical')!.missing, []);
});

test('a scheme list longer than any rule set is capped and reported, not walked', () => {
  const sim = simulate({}, { asOf, schemes: new Array(100_000).fill('caim') });
  assert.ok(sim.errors.some((e) => e.field === 'schemes' && /Trop de dispositifs/.test(e.message)));
  assert.deepEqual(
    sim.schemes.map((s) => s.id),
    ['caim'],
  );
  assert.ok(MAX_SCHEMES >= 100);
});

test('a first installation that answers already says the situation: it is not asked', () => {
  const profile = { ...gp, firstInstallation: true, installationDate: '2026-10-01', zone: 'zip', daysPerWeek: 4 };
  assert.ok(!simulate(profile, { asOf, region: 'occitanie' }).missing.includes('situation'));
});
