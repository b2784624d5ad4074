// Runs the worked examples that sit next to the rule data (rules/schemes/*.examples.json, DOMAIN.md §3):
// one table per scheme, one test per example. A defect fixed in the rules gets its example here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { estimateModulation, simulate, type ObjectiveTarget, type Simulation } from '../../src/engine/index.js';

interface OptionExpect {
  payments?: number[];
  total?: number;
  estimate?: boolean;
  dates?: string[];
  advance3?: number;
  balance3?: number;
  /** No advance / balance split in any year (avenant 7). */
  noAdvance?: boolean;
  /** Higher bands offered apart: [band, total] pairs. */
  alternatives?: [string, number][];
  amountUnknown?: boolean;
  objectives?: { patienteleMT?: ObjectiveTarget; fileActive?: ObjectiveTarget; estimate?: boolean; rule?: string; targets?: unknown[] };
}
interface Expect {
  status?: string;
  regime?: string;
  optionIds?: string[];
  options?: Record<string, OptionExpect>;
  reasons?: Record<string, boolean | null>;
  estimateReasons?: string[];
  missingStartsWith?: string[];
  /** Ids of notes the result must carry (warnings, readings). */
  notes?: string[];
  answer?: { status?: Simulation['answer']['status']; totalMin?: number; totalMax?: number; upTo?: number[] };
}
interface Example {
  id: string;
  tag: string;
  title: string;
  asOf: string;
  profile: object;
  expect: Expect;
}

const dir = new URL('../../rules/schemes/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.examples.json'));

for (const file of files) {
  const data = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
    scheme: string;
    examples: Example[];
    modulation?: {
      id: string;
      tag: string;
      title: string;
      input: Parameters<typeof estimateModulation>[0];
      expect: Record<string, number>;
    }[];
  };
  for (const ex of data.examples) {
    test(`${data.scheme} [${ex.tag}] ${ex.id} — ${ex.title}`, () => {
      const sim = simulate(ex.profile, { asOf: ex.asOf, schemes: [data.scheme] });
      assert.deepEqual(sim.errors, []);
      const r = sim.schemes[0];
      const e = ex.expect;
      const context = `${r.status} ${r.regime} ${r.reasons.map((x) => `${x.id}:${x.ok}`).join(' ')}`;
      if (e.status) assert.equal(r.status, e.status, context);
      if (e.regime) assert.equal(r.regime, e.regime);
      if (e.optionIds)
        assert.deepEqual(
          r.options.map((o) => o.id),
          e.optionIds,
        );
      for (const [id, ok] of Object.entries(e.reasons ?? {}))
        assert.equal(r.reasons.find((x) => x.id === id)?.ok, ok, `reason ${id}: ${context}`);
      for (const id of e.estimateReasons ?? [])
        assert.equal(r.reasons.find((x) => x.id === id)?.estimate, true, `reason ${id} flagged as estimate`);
      if (e.missingStartsWith) assert.deepEqual(r.missing.slice(0, Math.max(1, e.missingStartsWith.length)), e.missingStartsWith);
      for (const id of e.notes ?? [])
        assert.ok(
          r.notes.some((n) => n.id === id),
          `note ${id}`,
        );
      for (const [id, o] of Object.entries(e.options ?? {})) {
        const got = r.options.find((x) => x.id === id);
        assert.ok(got, `option ${id} listed (got ${r.options.map((x) => x.id)}; ${context})`);
        if (o.payments)
          assert.deepEqual(
            got.payments.map((p) => p.amount),
            o.payments,
          );
        if (o.total !== undefined) assert.equal(got.total, o.total);
        if (o.estimate !== undefined) assert.equal(!!got.estimate, o.estimate);
        if (o.dates)
          assert.deepEqual(
            got.payments.map((p) => p.date),
            o.dates,
          );
        if (o.advance3 !== undefined) assert.equal(got.payments[2].advance, o.advance3);
        if (o.balance3 !== undefined) assert.equal(got.payments[2].balanceMax, o.balance3);
        if (o.noAdvance) assert.ok(got.payments.every((p) => p.advance === undefined && p.balanceMax === undefined));
        if (o.alternatives)
          assert.deepEqual(
            (got.alternatives ?? []).map((a) => [a.band, a.total]),
            o.alternatives,
          );
        if (o.amountUnknown !== undefined) assert.equal(!!got.amountUnknown, o.amountUnknown);
        if (o.objectives) {
          const { estimate, rule, targets, ...byField } = o.objectives;
          for (const [k, v] of Object.entries(byField)) {
            assert.deepEqual(got.objectives?.[k as 'fileActive'], v, `objective ${k}`);
            assert.deepEqual(
              got.objectives?.targets.find((t) => t.field === k),
              { field: k, ...v },
              `target ${k}`,
            );
          }
          if (estimate !== undefined) assert.equal(!!got.objectives?.estimate, estimate);
          if (rule !== undefined) assert.equal(got.objectives?.rule, rule);
          if (targets !== undefined) assert.deepEqual(got.objectives?.targets, targets);
        }
        for (const p of got.payments) assert.ok(p.sources.length > 0, `payment of year ${p.year} has a source`);
      }
      if (e.answer) {
        const a = sim.answer;
        if (e.answer.status) assert.equal(a.status, e.answer.status, a.text);
        if (e.answer.totalMin !== undefined) assert.equal(a.total?.min, e.answer.totalMin);
        if (e.answer.totalMax !== undefined) assert.equal(a.total?.max, e.answer.totalMax);
        if (e.answer.upTo)
          assert.deepEqual(
            a.upTo.map((u) => u.total),
            e.answer.upTo,
          );
      }
      // [I] examples rest on an inference: the result must say so somewhere.
      if (ex.tag === 'I') {
        const flagged = r.reasons.some((x) => x.estimate) || r.options.some((o) => o.estimate || o.objectives?.estimate);
        assert.ok(flagged, 'an [I] example is shown as an estimate');
      }
    });
  }
  for (const m of data.modulation ?? [])
    test(`${data.scheme} [${m.tag}] ${m.id} — ${m.title}`, () => {
      const r = estimateModulation(m.input);
      assert.equal(r.estimate, true);
      if (m.expect.due !== undefined) assert.equal(r.due, m.expect.due);
      if (m.expect.advance !== undefined) assert.equal(r.advance, m.expect.advance);
      if (m.expect.balance !== undefined) assert.equal(r.balance, m.expect.balance);
      if (m.expect.dueBelow !== undefined) assert.ok(r.due < m.expect.dueBelow);
    });
}

test('the issue 2 acceptance profile prints the 2024 amounts', () => {
  const r = simulate(
    { specialty: 'medecine-generale', sector: '1', patienteleMT: 900, fileActive: 1550, percentile: 50 },
    { asOf: '2024-09-01' },
  );
  const am = r.schemes.find((s) => s.id === 'assistant-medical')!;
  assert.deepEqual(
    am.options.find((o) => o.id === '1-etp')!.payments.map((p) => p.amount),
    [38000, 28000, 22000, 22000, 22000],
  );
});
