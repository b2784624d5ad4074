// The result simulate() returns: the answer, combinations, exclusions and region info are built on the first read of
// any of them, then the result is plain data (keys, spreading, structuredClone); JSON always has every part.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../src/engine/index.js';

const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1200, zone: 'zip', newlyInstalled: true, department: '09' };
const OPTIONS = { asOf: '2026-12-01' };
const PARTS = ['answer', 'combinations', 'exclusions', 'regionInfo'] as const;
const FIGURES = ['asOf', 'rulesVersion', 'region', 'lang', 'schemes', 'errors', 'missing', 'notices'];

test('the figures are own keys at once; the parts become own, enumerable keys on the first read of any of them', () => {
  const sim = simulate(GP, OPTIONS);
  assert.deepEqual(Object.keys(sim), FIGURES);
  assert.equal(sim.regionInfo.id, 'occitanie');
  assert.deepEqual(Object.keys(sim), [...FIGURES, ...PARTS]);
  for (const key of PARTS) {
    const own = Object.getOwnPropertyDescriptor(sim, key);
    assert.ok(own?.enumerable && own.writable && 'value' in own, key);
  }
});

test('reading a part twice gives the same object; two results never share one', () => {
  const a = simulate(GP, OPTIONS);
  const b = simulate(GP, OPTIONS);
  for (const key of PARTS) {
    assert.equal(a[key], a[key], key);
    assert.notEqual(a[key], b[key], key);
    assert.deepEqual(a[key], b[key], key);
  }
  assert.equal(a.answer.status, 'eligible');
  assert.ok(a.combinations.length > 0 && a.exclusions.length > 0);
});

test('JSON has every part, read or not; a spread or a structuredClone has them once one was read', () => {
  const read = simulate(GP, OPTIONS);
  void read.answer;
  const expected = JSON.parse(JSON.stringify({ ...read }));
  for (const key of [...FIGURES, ...PARTS]) assert.ok(key in expected, key);
  assert.deepEqual(JSON.parse(JSON.stringify(simulate(GP, OPTIONS))), expected);
  assert.deepEqual(JSON.parse(JSON.stringify(structuredClone(read))), expected);
  // Not read yet: the figures only (documented); JSON of the copy has no part.
  const copy = { ...simulate(GP, OPTIONS) };
  assert.deepEqual(Object.keys(copy), FIGURES);
});

test('assigning a part replaces it, before or after it was built', () => {
  const sim = simulate(GP, OPTIONS);
  const combinations: typeof sim.combinations = [];
  sim.combinations = combinations;
  assert.equal(sim.combinations, combinations);
  assert.equal(sim.answer.status, 'eligible'); // built before the assignment, from the parts as simulate() made them
  const answer = { ...sim.answer, text: 'remplacé' };
  sim.answer = answer;
  assert.equal(sim.answer, answer);
  assert.equal(JSON.parse(JSON.stringify(sim)).answer.text, 'remplacé');
});

test('each part can be assigned before any is read', () => {
  for (const key of PARTS) {
    const sim = simulate(GP, OPTIONS);
    const value = { replaced: key } as never;
    sim[key] = value;
    assert.equal(sim[key], value, key);
    assert.deepEqual(Object.keys(sim), [...FIGURES, ...PARTS], key);
    for (const other of PARTS) if (other !== key) assert.notEqual(sim[other], undefined, `${key} → ${other}`);
  }
});

test('a result with every scheme refused still builds its parts', () => {
  const sim = simulate({ specialty: 'medecine-generale', sector: 'non-conventionne' }, { ...OPTIONS, schemes: ['assistant-medical'] });
  assert.equal(sim.schemes[0].status, 'ineligible');
  assert.equal(sim.answer.status, 'ineligible');
  assert.deepEqual(sim.combinations, []);
});
