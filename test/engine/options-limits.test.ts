// Hostile options and evaluators: what simulate() must survive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluators, schemeIds, simulate } from '../../src/engine/index.js';

test('a 100 000-entry schemes list is capped and reported, not walked in full', () => {
  const schemes = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? schemeIds[i % schemeIds.length] : `inconnu-${i}`));
  const sim = simulate({}, { schemes });
  const error = sim.errors.find((e) => e.field === 'schemes');
  assert.ok(error, 'reported');
  assert.match(error.message, /trop|maximum/i);
  // The report itself stays small: not a copy of the 50 000 unknown ids.
  assert.ok(JSON.stringify(error).length < 10_000, `${JSON.stringify(error).length} characters`);
  assert.ok(sim.schemes.length <= schemeIds.length);
});

test('an evaluator that throws becomes an error entry; the other schemes still answer', () => {
  const kind = 'prorata-days';
  const original = evaluators[kind];
  evaluators[kind] = () => {
    throw new TypeError("Cannot read properties of undefined (reading 'value')");
  };
  try {
    let sim: ReturnType<typeof simulate> | undefined;
    assert.doesNotThrow(() => (sim = simulate({ specialty: 'medecine-generale', sector: '1', percentile: 50 }, { asOf: '2025-06-01' })));
    assert.ok(sim!.errors.some((e) => e.field === 'evaluation' && /caim/.test(e.message)));
    assert.equal(sim!.schemes.find((s) => s.id === 'assistant-medical')!.status, 'eligible');
  } finally {
    evaluators[kind] = original;
  }
});
