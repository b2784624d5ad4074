// Runs the worked examples across schemes that sit next to the rule data (rules/examples/*.json, DOMAIN.md §3
// examples 29–37 and the combination cases): profile and date → statuses, amounts, combinations, answer.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { simulate, type SchemeResult, type Simulation } from '../../src/engine/index.js';

interface Expect {
  status?: string;
  total?: number;
  payments?: number[];
  dates?: string[];
  option?: string;
  rates?: number[];
  estimate?: boolean;
  engagement?: number;
  /** Renewal payments, listed apart and never counted. */
  renewal?: number[];
}
interface Example {
  id: string;
  tag: 'S' | 'D' | 'I';
  asOf: string;
  region?: string;
  schemes?: string[];
  profile: Record<string, unknown>;
  expect: Record<string, Expect>;
  combinations?: {
    best?: string[];
    excluded?: string[][];
    firstTotal?: number;
    firstTotalMin?: number;
    secondIncludes?: string[];
    secondUncertain?: boolean;
  };
  answer?: { status?: string; totalMin?: number; totalMax?: number; upTo?: string[]; textMatches?: string };
}

const scheme = (r: Simulation, id: string): SchemeResult => {
  const s = r.schemes.find((x) => x.id === id);
  assert.ok(s, `scheme ${id} in the result`);
  return s;
};

const dir = new URL('../../rules/examples/', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const { examples } = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { examples: Example[] };
  for (const ex of examples)
    test(`${file} ${ex.id} [${ex.tag}]`, () => {
      const r = simulate(ex.profile, { asOf: ex.asOf, region: ex.region, schemes: ex.schemes });
      assert.deepEqual(r.errors, []);
      for (const [id, e] of Object.entries(ex.expect)) {
        const s = scheme(r, id);
        if (e.status) assert.equal(s.status, e.status, `${id} status (${s.reasons.map((x) => x.text).join(' | ')})`);
        const o = e.option ? s.options.find((x) => x.id === e.option) : s.options[0];
        if (e.total !== undefined || e.payments || e.dates || e.rates || e.renewal || e.engagement !== undefined)
          assert.ok(o, `${id}: an option`);
        if (!o) continue;
        if (e.total !== undefined) assert.equal(o.total, e.total, `${id} total`);
        if (e.payments)
          assert.deepEqual(
            o.payments.slice(0, e.payments.length).map((p) => p.amount),
            e.payments,
            `${id} payments`,
          );
        if (e.renewal)
          assert.deepEqual(
            (o.renewal ?? []).map((p) => p.amount),
            e.renewal,
            `${id} renewal`,
          );
        if (e.dates)
          assert.deepEqual(
            o.payments.slice(0, e.dates.length).map((p) => p.date),
            e.dates,
            `${id} dates`,
          );
        if (e.rates)
          assert.deepEqual(
            o.payments.slice(0, e.rates.length).map((p) => p.rate),
            e.rates,
            `${id} rates`,
          );
        if (e.engagement !== undefined) assert.match(o.notes?.join(' ') ?? '', new RegExp(`${e.engagement} mois`));
        // [I] examples rest on an inference: the result must say it is an estimate.
        if (ex.tag === 'I' || e.estimate) assert.ok(o.estimate || o.payments.some((p) => p.estimate), `${id}: marked as an estimate`);
        for (const p of o.payments) assert.ok(p.sources.length > 0, `${id}: every payment has a source`);
      }
      const c = ex.combinations;
      if (c?.best) assert.deepEqual(r.combinations[0]?.schemes, c.best);
      if (c?.firstTotal !== undefined) assert.equal(r.combinations[0].total, c.firstTotal);
      if (c?.firstTotalMin !== undefined) assert.equal(r.combinations[0].totalMin, c.firstTotalMin);
      if (c?.secondIncludes) for (const id of c.secondIncludes) assert.ok(r.combinations[1]?.schemes.includes(id), `second holds ${id}`);
      if (c?.secondUncertain !== undefined) assert.equal(!!r.combinations[1]?.uncertain?.length, c.secondUncertain);
      assert.ok(!r.combinations[0]?.uncertain, 'the first combination holds only confirmed cumulations');
      for (const [a, b] of c?.excluded ?? []) {
        assert.ok(
          r.exclusions.some((x) => x.kind === 'excluded' && x.schemes.includes(a) && x.schemes.includes(b)),
          `${a} × ${b} excluded`,
        );
        assert.ok(!r.combinations.some((x) => x.schemes.includes(a) && x.schemes.includes(b)), `no combination with ${a} and ${b}`);
      }
      const a = ex.answer;
      if (a?.status) assert.equal(r.answer.status, a.status, r.answer.text);
      if (a?.totalMin !== undefined) assert.equal(r.answer.total?.min, a.totalMin);
      if (a?.totalMax !== undefined) assert.equal(r.answer.total?.max, a.totalMax);
      if (a?.upTo)
        assert.deepEqual(
          r.answer.upTo.map((u) => u.reason),
          a.upTo,
        );
      if (a?.textMatches) assert.match(r.answer.text, new RegExp(a.textMatches));
    });
}
