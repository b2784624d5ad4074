// Structural limits of rules packs (src/engine/rules/limits.ts), checked before any validation by
// a walk that does not recurse: depth, number of values, text lengths, prototype keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinRules } from '../../src/engine/index.js';
import { checkPackLimits, MAX_PACK_DEPTH, MAX_PACK_NODES, MAX_TEXT_LENGTH } from '../../src/engine/rules/limits.js';

const head = { publisher: 'x', version: '1', date: '2026-01-01' };
/** An object holding `{ a: { a: … } }` so that the innermost object is at `depth` (the root being 1). */
function depth(levels: number): Record<string, unknown> {
  let o: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) o = { a: o };
  return o;
}

test('the built-in rules, wrapped in a pack, are well inside every limit', () => {
  const { schemes, regions, specialties, distributions } = builtinRules.input;
  assert.deepEqual(checkPackLimits({ ...head, schemes, regions, specialties, percentiles: distributions }), []);
  // Deep margin: the deepest built-in value is at depth 14 in such a pack; the limit is over three times that.
  assert.ok(MAX_PACK_DEPTH >= 3 * 14);
});

test('depth: the limit itself passes, one more level is refused with its path', () => {
  assert.deepEqual(checkPackLimits(depth(MAX_PACK_DEPTH)), []);
  const issues = checkPackLimits(depth(MAX_PACK_DEPTH + 1));
  assert.equal(issues.length, 1);
  assert.equal(issues[0].path, Array(MAX_PACK_DEPTH).fill('a').join('.'));
  assert.match(issues[0].message, /imbrication trop profonde \(plus de 48 niveaux\)/);
});

test('depth: 200 000 levels are refused without recursion', () => {
  let a: unknown[] = [];
  const root = a;
  for (let i = 0; i < 200_000; i++) a = (a[0] = []) as unknown[];
  assert.match(checkPackLimits({ schemes: root })[0].message, /imbrication/);
});

test('paths are JSON paths, in the project’s style', () => {
  const issues = checkPackLimits({
    schemes: [{ regimes: [{}, { conditions: [0, 1, { test: { all: [{ field: 'x'.repeat(MAX_TEXT_LENGTH + 1) }] } }] }] }],
  });
  assert.deepEqual(issues, [
    {
      path: 'schemes[0].regimes[1].conditions[2].test.all[0].field',
      message: 'texte trop long (2\u202f001 caractères, maximum 2\u202f000)',
    },
  ]);
});

test('size: the value budget, texts and keys', () => {
  assert.deepEqual(checkPackLimits(new Array(MAX_PACK_NODES - 1).fill(0)), []);
  const over = checkPackLimits({ list: new Array(MAX_PACK_NODES).fill(0) });
  assert.equal(over.length, 1);
  assert.match(over[0].path, /^list\[\d+\]$/);
  assert.deepEqual(checkPackLimits({ t: 'x'.repeat(MAX_TEXT_LENGTH) }), []);
  assert.match(checkPackLimits({ ['k'.repeat(MAX_TEXT_LENGTH + 1)]: 1 })[0].message, /clé trop longue/);
  assert.match(checkPackLimits({ many: new Array(400).fill('x'.repeat(MAX_TEXT_LENGTH)) })[0].message, /textes trop volumineux/);
});

test('prototype keys and values JSON cannot hold', () => {
  const proto = JSON.parse('{"a":{"__proto__":{"polluted":true}},"b":[{"constructor":1}],"c":{"prototype":2}}');
  assert.deepEqual(
    checkPackLimits(proto).map((i) => i.path),
    ['a.__proto__', 'b[0].constructor', 'c.prototype'],
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(
    checkPackLimits({ n: NaN, i: -Infinity, f: () => 1, u: undefined, big: 1n }).map((i) => `${i.path}: ${i.message}`),
    [
      'n: nombre invalide (NaN ou infini)',
      'i: nombre invalide (NaN ou infini)',
      'f: valeur non JSON (function)',
      'u: valeur non JSON (undefined)',
      'big: valeur non JSON (bigint)',
    ],
  );
});

test('at most 20 problems are listed', () => {
  assert.equal(checkPackLimits({ t: new Array(100).fill('x'.repeat(MAX_TEXT_LENGTH + 1)) }).length, 20);
});
