// Rule tests are compiled once and kept on the test object: a copy of it is its own test, and a frozen one still works.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluate, type Context } from '../../src/engine/conditions.js';
import type { Test } from '../../src/engine/rules/schema.js';

const ctx = (values: Record<string, unknown>): Context => ({
  get: (name) => values[name],
  askFor: (name) => name,
  fact: () => ({ value: null, fields: [] }),
});

test('a test evaluates the same before and after it is compiled, and asks for what it misses', () => {
  const t: Test = {
    all: [
      { field: 'sector', eq: '1' },
      { field: 'age', lt: 67 },
    ],
  };
  for (let i = 0; i < 2; i++) {
    assert.equal(evaluate(t, ctx({ sector: '1', age: 50 })).value, true);
    assert.equal(evaluate(t, ctx({ sector: '2', age: 50 })).value, false);
    assert.deepEqual(evaluate(t, ctx({ sector: '1' })), { value: null, fields: ['age'] });
  }
  assert.equal(evaluate(undefined, ctx({})).value, true);
});

test('a copy of a compiled test is evaluated as written, not as the original', () => {
  const original: Test = { field: 'sector', eq: '1' };
  assert.equal(evaluate(original, ctx({ sector: '1' })).value, true);
  const copies: Test[] = [{ ...original, eq: '2' }, Object.assign({}, original, { eq: '2' }), { ...structuredClone(original), eq: '2' }];
  for (const copy of copies) assert.equal(evaluate(copy, ctx({ sector: '1' })).value, false);
  assert.deepEqual(Object.keys(original), ['field', 'eq']);
  assert.equal(JSON.stringify(original), '{"field":"sector","eq":"1"}');
});

test('a frozen test is evaluated (compiled on each call) rather than throwing', () => {
  const frozen = Object.freeze({ not: Object.freeze({ field: 'qpv', eq: true }) }) as Test;
  assert.equal(evaluate(frozen, ctx({ qpv: false })).value, true);
  assert.equal(evaluate(frozen, ctx({ qpv: true })).value, false);
});

test('an unanswered field asks what the context says to ask, whichever context evaluated the test first', () => {
  const t: Test = { field: 'specialtyGroup', eq: 'generaliste' };
  const derived: Context = { ...ctx({}), askFor: (name) => (name === 'specialtyGroup' ? 'specialty' : name) };
  for (let i = 0; i < 2; i++) {
    assert.deepEqual(evaluate(t, ctx({})).fields, ['specialtyGroup']);
    assert.deepEqual(evaluate(t, derived).fields, ['specialty']);
  }
});

test("a reason's fields are its own: changing them changes no later simulation", async () => {
  const { simulate } = await import('../../src/engine/core.js');
  const profile = { situation: 'installe' } as const; // the specialty and the sector unanswered
  const reasons = () => simulate(profile, { asOf: '2026-12-01' }).schemes.flatMap((s) => s.reasons);
  const first = reasons();
  const asked = first.filter((r) => r.fields?.length);
  assert.ok(asked.length > 0, 'some reason asks for a field');
  for (const r of asked) r.fields!.push('mutated');
  const again = reasons();
  assert.ok(again.every((r) => !r.fields?.includes('mutated')));
  assert.deepEqual(
    again.filter((r) => r.fields?.length).map((r) => r.fields),
    asked.map((r) => r.fields!.filter((f) => f !== 'mutated')),
  );
});
