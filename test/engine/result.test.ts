// The result simulate() returns: the answer, combinations, exclusions and region info are built when first read,
// yet the result behaves as plain data (keys, JSON, spreading, structuredClone, assignment).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../src/engine/index.js';

const GP = { specialty: 'medecine-generale', sector: '1', patienteleMT: 1200, zone: 'zip', newlyInstalled: true, department: '09' };
const OPTIONS = { asOf: '2026-12-01' };
const LAZY = ['answer', 'combinations', 'exclusions', 'regionInfo'] as const;

test('the built-on-read parts are own, enumerable keys, in the public order', () => {
  const sim = simulate(GP, OPTIONS);
  assert.deepEqual(Object.keys(sim), [
    'answer',
    'asOf',
    'rulesVersion',
    'region',
    'lang',
    'schemes',
    'errors',
    'missing',
    'combinations',
    'exclusions',
    'notices',
    'regionInfo',
  ]);
  for (const key of LAZY) assert.ok(Object.getOwnPropertyDescriptor(sim, key)?.enumerable, key);
});

test('reading a part twice gives the same object; two results never share one', () => {
  const a = simulate(GP, OPTIONS);
  const b = simulate(GP, OPTIONS);
  for (const key of LAZY) {
    assert.equal(a[key], a[key], key);
    assert.notEqual(a[key], b[key], key);
    assert.deepEqual(a[key], b[key], key);
  }
  assert.equal(a.answer.status, 'eligible');
  assert.ok(a.combinations.length > 0 && a.regionInfo.id === 'occitanie');
});

test('JSON, spreading and structuredClone see every part, whichever was read first', () => {
  const read = simulate(GP, OPTIONS);
  const expected = JSON.parse(JSON.stringify({ ...read, answer: read.answer, combinations: read.combinations }));
  assert.deepEqual(JSON.parse(JSON.stringify(simulate(GP, OPTIONS))), expected);
  assert.deepEqual(JSON.parse(JSON.stringify({ ...simulate(GP, OPTIONS) })), expected);
  assert.deepEqual(JSON.parse(JSON.stringify(structuredClone(simulate(GP, OPTIONS)))), expected);
});

test('assigning a part replaces it', () => {
  const sim = simulate(GP, OPTIONS);
  const answer = { ...sim.answer, text: 'remplacé' };
  sim.answer = answer;
  assert.equal(sim.answer, answer);
  sim.combinations = [];
  sim.exclusions = [];
  assert.deepEqual([sim.combinations, sim.exclusions], [[], []]);
});
