// Fuzzed profiles and options against the public simulate(): zero throws, no NaN anywhere, every
// amount a non-negative integer under a cap drawn from the rule data, every invalid field reported
// and no valid one. `npm test` runs AAM_FUZZ_RUNS profiles (default 2 000); `npm run test:fuzz`
// runs 100 000. The generators follow profileFields, so a new field is fuzzed without a change here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { builtinRules, departements, profileFields, regionIds, schemeIds, simulate, type FieldSpec } from '../../src/engine/index.js';

const RUNS = Number(process.env.AAM_FUZZ_RUNS) || 2000;

/** Every figure of the built-in schemes outside condition tests (thresholds are not amounts). */
function largestFigure(node: unknown, inTest = false): number {
  if (typeof node === 'number') return inTest ? 0 : node;
  if (Array.isArray(node)) return Math.max(0, ...node.map((n) => largestFigure(n, inTest)));
  if (node && typeof node === 'object')
    return Math.max(0, ...Object.entries(node).map(([k, v]) => largestFigure(v, inTest || k === 'test' || k === 'when')));
  return 0;
}
const LARGEST = largestFigure(builtinRules.input.schemes);
/** Profile fields an amount is computed from (fees, forfait, days, months): they scale the amounts. */
const amountFields = [...new Set(builtinRules.input.schemes.map((s) => s.amountField).filter((f): f is string => !!f))];
/** Ten times what the rules or the profile give: no single payment of one scheme and year can exceed it. */
const capFor = (profile: Record<string, unknown>) =>
  10 * Math.max(LARGEST, ...amountFields.map((f) => (typeof profile[f] === 'number' && Number.isFinite(profile[f]) ? profile[f] : 0)));

const specialtyIds = [...builtinRules.specialties.keys()];
const departementCodes = departements.map((d) => d.code);
const isoDay = (min: string, max: string) =>
  fc
    .date({ min: new Date(min + 'T00:00:00Z'), max: new Date(max + 'T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
/** Any calendar date the ISO format can write, with the far ends and the 2018–2031 span of the rules weighted in. */
const anyDate = fc.oneof(
  { arbitrary: isoDay('2018-01-01', '2031-12-31'), weight: 4 },
  { arbitrary: isoDay('0001-01-01', '9999-12-31'), weight: 1 },
  { arbitrary: fc.constantFrom('0001-01-01', '9999-12-31', '2024-02-29', '2000-02-29'), weight: 1 },
);
const badDate = fc.constantFrom(
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '24-01-01',
  '2024-1-1',
  '0000-00-00',
  '10000-01-01',
  'hier',
  20240101,
);

/** The things no field accepts: wrong types, non-finite numbers, nested values, prototype tricks. */
const junkCommon = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, [], [1], {}, { valueOf: 1 }, Symbol.iterator.description, 'NaN');

type Labelled = { value: unknown; valid: boolean | 'empty' };
const ok = (a: fc.Arbitrary<unknown>) => a.map((value): Labelled => ({ value, valid: true }));
const bad = (a: fc.Arbitrary<unknown>) => a.map((value): Labelled => ({ value, valid: false }));
const empty = fc.constantFrom<unknown>(null, undefined, '').map((value): Labelled => ({ value, valid: 'empty' }));

/** Valid and invalid values of one field, labelled, from its spec in profileFields. */
function field(name: string, spec: FieldSpec): fc.Arbitrary<Labelled> {
  const min = spec.min ?? 0;
  const max = spec.max ?? 0;
  switch (spec.type) {
    case 'boolean':
      return fc.oneof(ok(fc.boolean()), bad(fc.constantFrom('true', 'false', 1, 0)), bad(junkCommon), empty);
    case 'enum':
      return fc.oneof(
        ok(fc.constantFrom(...spec.values!)),
        bad(fc.constantFrom('x', 1, [spec.values![0]], spec.values![0] + ' ', '__proto__', 'constructor')),
        bad(junkCommon),
        empty,
      );
    case 'date':
      return fc.oneof(ok(anyDate), bad(badDate), bad(junkCommon), empty);
    case 'contracts':
      return fc.oneof(
        ok(
          fc.array(fc.oneof(fc.record({ id: fc.constantFrom(...schemeIds), signed: anyDate }), fc.constantFrom(...schemeIds)), {
            maxLength: 5,
          }),
        ),
        bad(
          fc.constantFrom<unknown>('caim', { id: 'caim' }, [{}], [{ id: 'caim', signed: '2024-02-30' }], [42], new Array(21).fill('caim')),
        ),
        bad(junkCommon.filter((v) => !Array.isArray(v) || v.length > 0)),
        empty,
      );
    case 'string': {
      const known = name === 'specialty' ? specialtyIds : name === 'department' ? departementCodes : undefined;
      const valid = known ? fc.constantFrom(...known) : fc.string({ minLength: 1, maxLength: 80 });
      const invalid =
        name === 'specialty'
          ? fc.constantFrom<unknown>('nope', 'x'.repeat(81), '<script>alert(1)</script>', 42, '__proto__')
          : name === 'department'
            ? fc.constantFrom<unknown>('00', '96', 'ZZ', '2C', 75, 'x'.repeat(81))
            : fc.constantFrom<unknown>(42, 'x'.repeat(81));
      // Any string is valid for a free-text field: only non-strings are junk there.
      return fc.oneof(ok(valid), bad(invalid), bad(junkCommon.filter((v) => typeof v !== 'string' || !!known)), empty);
    }
    default: {
      const valid =
        spec.type === 'integer'
          ? fc.integer({ min, max })
          : fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, ...(min === 0 ? [-0] : [])));
      const invalid = fc.constantFrom<unknown>(
        min - 1,
        max + 1,
        1e308,
        -1e308,
        String(min),
        true,
        ...(spec.type === 'integer' ? [min + 0.5] : []),
        Number.MAX_SAFE_INTEGER + 2,
      );
      return fc.oneof(ok(valid), bad(invalid), bad(junkCommon), empty);
    }
  }
}

const fieldNames = Object.keys(profileFields);
/** Keys no profile field has: ignored by the engine, never reported, never harmful. */
const extraKeys = fc.subarray(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'foo', 'rules']);

const profileArb = fc
  .tuple(
    fc.record(Object.fromEntries(fieldNames.map((n) => [n, field(n, profileFields[n])])) as Record<string, fc.Arbitrary<Labelled>>, {
      requiredKeys: [],
    }),
    extraKeys,
    fc.anything({ maxDepth: 1 }),
  )
  .map(([labelled, extras, junk]) => {
    // Own properties, so that `__proto__` is a key like any other (as JSON.parse makes it).
    const profile: Record<string, unknown> = {};
    const invalid: string[] = [];
    for (const [k, l] of Object.entries(labelled)) {
      Object.defineProperty(profile, k, { value: l.value, enumerable: true, writable: true, configurable: true });
      if (l.valid === false) invalid.push(k);
    }
    for (const k of extras) Object.defineProperty(profile, k, { value: junk, enumerable: true, writable: true, configurable: true });
    return { profile: profile as unknown, invalid };
  });
/** Now and then the whole profile is not an object. */
const wholeProfile = fc.oneof(
  { arbitrary: profileArb, weight: 20 },
  {
    arbitrary: fc.constantFrom<unknown>('x', 42, [], [{ sector: '1' }], true).map((p) => ({ profile: p, invalid: ['profile'] })),
    weight: 1,
  },
  { arbitrary: fc.constantFrom<unknown>(null, undefined).map((p) => ({ profile: p, invalid: [] as string[] })), weight: 1 },
);

const optionsArb = fc.record(
  {
    asOf: fc.oneof(ok(anyDate), bad(badDate), bad(fc.constantFrom<unknown>(null, 42, NaN))),
    region: fc.oneof(
      ok(fc.constantFrom(...regionIds)),
      bad(fc.constantFrom<unknown>('mars', '__proto__', 'constructor', 42, ['occitanie'])),
    ),
    schemes: fc.oneof(
      ok(fc.subarray(schemeIds, { minLength: 1 })),
      ok(fc.constantFrom(...schemeIds)),
      // Known ids with at least one unknown entry among them.
      bad(
        fc
          .tuple(fc.subarray(schemeIds), fc.constantFrom<unknown>('nope', 42, '__proto__', null, ['caim']), fc.nat())
          .map(([ids, junk, at]) => [...ids.slice(0, at % (ids.length + 1)), junk, ...ids.slice(at % (ids.length + 1))]),
      ),
    ),
    lang: fc.oneof(ok(fc.constantFrom('fr', 'en')), bad(fc.constantFrom<unknown>('de', 'FR', 42))),
  },
  { requiredKeys: [] },
);

/**
 * Defects the fuzz has found in files being rewritten elsewhere (see the todo tests at the end):
 * counted and shown rather than failing every run until the fix lands. Any other violation fails.
 */
const KNOWN: Record<string, { todo: string; count: number; example?: string }> = {};

/** A broken expectation: known defects are tallied, anything else fails the property. */
function violation(kind: string, message: string): void {
  const k = KNOWN[kind];
  if (!k) assert.fail(`${kind}: ${message}`);
  k.count++;
  k.example ??= message;
}

/**
 * Every number anywhere in the result is finite (JSON would turn NaN into null silently), except
 * `errors[].value`: the invalid input itself, reported as given.
 */
function checkFinite(node: unknown, path: string): void {
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) violation('non-finite number', `${path} = ${node}`);
  } else if (Array.isArray(node)) node.forEach((n, i) => checkFinite(n, `${path}[${i}]`));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node))
      if (!(k === 'value' && /^simulation\.errors\[\d+\]$/.test(path))) checkFinite(v, `${path}.${k}`);
}

function checkAmount(n: number | undefined, cap: number, what: string, kind: string): void {
  if (n === undefined) return;
  if (!Number.isInteger(n)) violation(`${kind} not an integer`, `${what} = ${n}`);
  else if (n < 0) violation(`${kind} < 0`, `${what} = ${n}`);
  else if (n > cap) violation(`${kind} above the cap`, `${what} = ${n} (cap ${cap})`);
}

test(`fuzz: ${RUNS} profiles and options through simulate()`, () => {
  let runs = 0;
  fc.assert(
    fc.property(wholeProfile, optionsArb, ({ profile, invalid }, labelledOptions) => {
      runs++;
      const options: Record<string, unknown> = {};
      const expected = new Set(invalid);
      for (const [k, l] of Object.entries(labelledOptions)) {
        options[k] = l.value;
        if (!l.valid) expected.add(k);
      }
      const sim = simulate(profile, options);

      checkFinite(sim, 'simulation');
      const cap = capFor(profile && typeof profile === 'object' ? (profile as Record<string, unknown>) : {});
      for (const s of sim.schemes)
        for (const o of s.options) {
          for (const p of o.payments) {
            const at = `${s.id}/${o.id} year ${p.year}`;
            checkAmount(p.amount, cap, `${at} amount`, 'payment amount');
            checkAmount(p.advance, cap, `${at} advance`, 'payment advance');
            checkAmount(p.balanceMax, cap, `${at} balanceMax`, 'payment balanceMax');
          }
          const years = Math.max(1, o.payments.length);
          checkAmount(o.total, cap * years, `${s.id}/${o.id} total`, 'option total');
          checkAmount(o.totalMin, cap * years, `${s.id}/${o.id} totalMin`, 'option totalMin');
        }
      for (const c of sim.combinations) {
        const most = cap * c.schemes.length;
        c.perYear.forEach((a, i) => checkAmount(a, most, `combination ${c.schemes} year ${i + 1}`, 'combination perYear'));
        checkAmount(c.total, most * Math.max(1, c.perYear.length), `combination ${c.schemes} total`, 'combination total');
        checkAmount(c.totalMin, most * Math.max(1, c.perYear.length), `combination ${c.schemes} totalMin`, 'combination totalMin');
      }

      const reported = new Set(sim.errors.map((e) => e.field));
      for (const e of sim.errors) assert.ok(typeof e.field === 'string' && typeof e.message === 'string' && e.message.length > 0);
      for (const f of expected) assert.ok(reported.has(f), `invalid ${f} not reported: ${JSON.stringify(sim.errors.map((e) => e.field))}`);
      for (const f of reported) assert.ok(expected.has(f), `${f} reported but valid: ${sim.errors.find((e) => e.field === f)!.message}`);
    }),
    { numRuns: RUNS },
  );
  assert.equal(runs, RUNS);
  const known = Object.entries(KNOWN)
    .filter(([, k]) => k.count)
    .map(([kind, k]) => `${kind} × ${k.count} (e.g. ${k.example})`);
  console.log(
    `fuzz: ${RUNS} profiles, 0 throws, 0 NaN, every amount an integer between 0 and 10 × the largest figure, every invalid field reported` +
      (known.length ? `; known defects, see the todo tests: ${known.join('; ')}` : ''),
  );
});

// Defects the fuzz found, one case each (fixed; kept as regressions).
test('a held CDE signed long ago: the combination has no negative minimum', () => {
  const sim = simulate({ heldContracts: [{ id: 'cde', signed: '1970-01-01' }] }, { asOf: '2026-01-01' });
  for (const c of sim.combinations) assert.ok((c.totalMin ?? 0) >= 0 && (c.totalMin ?? 0) <= c.total, JSON.stringify(c));
});
