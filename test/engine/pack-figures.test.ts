// A pack may change a national figure, but never silently: a changed figure cites only the pack
// (no official source beside it) and says "Modifié par <publisher>"; an implausible one is refused.
// The comparison is generic (no scheme shape in the code): checked on CAIM, COTRAM, COSCOM, a
// percentile row, and an assistant-médical amount found at run time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  builtinRules,
  changedByPack,
  compilePack,
  packChangeRef,
  packRef,
  simulate,
  type Source,
  type RuleIssue,
} from '../../src/engine/index.js';
import { reviewFigures } from '../../src/engine/rules/figures.js';

const head = { publisher: 'CPAM de test', version: '2026.1', date: '2026-11-01' };
const scheme = (id: string) => structuredClone(builtinRules.schemes.get(id)!) as any;
const pack = (...schemes: unknown[]) => ({ ...head, schemes });
const CHANGED = packChangeRef(head);
const TAG = packRef(head);

/** Every reference the built-in rules cite: none may stand beside a changed figure. */
const official = new Set<string>(Object.keys(builtinRules.sources));
JSON.stringify(builtinRules.input.schemes, (k, v: unknown) => {
  if ((k === 'sources' || k === 'links') && Array.isArray(v)) v.forEach((s) => official.add(s as string));
  return v;
});

const CAIM = { zone: 'zip', sector: '1', pdsa: true, installationDate: '2025-06-01', hospitalDeProximite: false, daysPerWeek: 4 };
const COTRAM = { age: 62, zone: 'zip', sector: '1', hostsYoungDoctor: true, conventionalFees: 250000 };
const COSCOM = { zone: 'zip', sector: '1', groupPractice: true, hospitalDeProximite: true, traineeMonths: 12 };
const GP = { specialty: 'medecine-generale', sector: '1', percentile: 50 };

function firstPayment(profile: object, id: string, asOf: string, rules?: unknown) {
  const sim = simulate(profile, { asOf, schemes: [id], rules });
  assert.deepEqual(sim.errors, []);
  const s = sim.schemes[0];
  assert.equal(s.status, 'eligible', JSON.stringify(s.reasons.filter((r) => !r.ok)));
  return { scheme: s, payment: s.options[0].payments[0] };
}
const refs = (sources: Source[]) => sources.map((s) => s.ref);
const issuesOf = (p: unknown): RuleIssue[] => {
  const r = compilePack(p);
  assert.equal(r.ok, false);
  return (r as { issues: RuleIssue[] }).issues;
};

/** A changed figure: its amount, only the pack's sources, "Modifié par" named with the publisher. */
function assertChanged(sources: Source[]) {
  assert.ok(!sources.some((s) => official.has(s.ref)), `official source beside a changed figure: ${refs(sources)}`);
  assert.equal(changedByPack(sources), head.publisher);
  const change = sources.find((s) => s.ref === CHANGED)!;
  assert.match(change.title, /^Modifié par « CPAM de test »/);
}

test('CAIM: a changed step pays the new amount and cites the pack alone', () => {
  const before = firstPayment(CAIM, 'caim', '2025-06-01');
  assert.equal(changedByPack(before.payment.sources), undefined);
  const s = scheme('caim');
  const step = s.regimes[0].steps.find((x: { from: number }) => x.from === 4);
  step.value += 4000;
  // The pack may give its own source for it; it is kept.
  step.sources = [...step.sources, 'https://cpam.example/deliberation-2026.pdf'];
  const p = pack(s);
  const after = firstPayment(CAIM, 'caim', '2025-06-01', p);
  assert.equal(after.payment.amount, before.payment.amount + 2000, 'paid in two halves');
  // The payment cites the schedule, in the same regime: it too cites the pack alone now.
  assertChanged(after.payment.sources);
  const r = compilePack(p);
  assert.ok(r.ok);
  const merged = r.rules.schemes.get('caim')!.regimes[0].steps!.find((x) => x.from === 4)!;
  assert.deepEqual(merged.sources, ['https://cpam.example/deliberation-2026.pdf', CHANGED]);
  // Conditions the pack did not touch keep their official sources, with the pack named beside them.
  const zone = after.scheme.reasons.find((r) => r.id === 'zone')!;
  assert.ok(zone.sources.some((x) => official.has(x.ref)));
  assert.ok(refs(zone.sources).includes(TAG));
  assert.equal(changedByPack(zone.sources), undefined);
});

test('COTRAM: a changed cap changes the payment, whose sources (the rate’s) cite the pack alone', () => {
  const before = firstPayment(COTRAM, 'cotram', '2025-06-01');
  const s = scheme('cotram');
  s.regimes[0].params.cap.value = 24000;
  const after = firstPayment(COTRAM, 'cotram', '2025-06-01', pack(s));
  assert.equal(before.payment.amount, 20000);
  assert.equal(after.payment.amount, 24000);
  assertChanged(after.payment.sources);
});

test('COSCOM: a changed base keeps the pack’s own source and drops the official ones', () => {
  const s = scheme('coscom');
  s.regimes[0].params.base.value += 500;
  const officialUrl =
    s.regimes[0].params.base.sources.find((r: string) => r.startsWith('http')) ?? [...official].find((r) => r.startsWith('http'));
  s.regimes[0].params.base.sources = [officialUrl, 'https://urps.example/coscom-2026.pdf'];
  const before = firstPayment(COSCOM, 'coscom', '2025-06-01');
  const after = firstPayment(COSCOM, 'coscom', '2025-06-01', pack(s));
  assert.equal(after.payment.amount, before.payment.amount + 500);
  assertChanged(after.payment.sources);
  assert.deepEqual(refs(after.payment.sources), ['https://urps.example/coscom-2026.pdf', CHANGED]);
});

test('an assistant-médical amount, found at run time, changed by a pack', () => {
  const before = firstPayment(GP, 'assistant-medical', '2026-03-01');
  const amount = before.payment.amount;
  const s = scheme('assistant-medical');
  // Wherever the rule file holds that amount (outside tests), whatever its shape.
  let places = 0;
  const bump = (node: any) => {
    if (Array.isArray(node) || (node && typeof node === 'object'))
      for (const k of Object.keys(node)) {
        if (k === 'test' || k === 'when') continue;
        if (node[k] === amount) {
          node[k] = amount + 1000;
          places++;
        } else bump(node[k]);
      }
  };
  bump(s);
  assert.ok(places > 0);
  const after = firstPayment(GP, 'assistant-medical', '2026-03-01', pack(s));
  assert.equal(after.payment.amount, amount + 1000);
  assertChanged(after.payment.sources);
  // More than ten times the amount is refused, at those places.
  const absurd = scheme('assistant-medical');
  const setAll = (node: any) => {
    if (node && typeof node === 'object')
      for (const k of Object.keys(node))
        if (k !== 'test' && k !== 'when') {
          if (node[k] === amount) node[k] = amount * 10 + 1;
          else setAll(node[k]);
        }
  };
  setAll(absurd);
  const issues = issuesOf(pack(absurd));
  assert.ok(issues.length >= 1 && issues.every((i) => /invraisemblable/.test(i.message) && /^schemes\[0\]\.regimes\[\d+\]\./.test(i.path)));
});

test('the plausible bound: ten times the built-in figure, with the path', () => {
  const caim = scheme('caim');
  caim.regimes[0].steps[0].value *= 10; // exactly ten times: still accepted
  assert.equal(compilePack(pack(caim)).ok, true);
  caim.regimes[0].steps[0].value += 1;
  assert.deepEqual(
    issuesOf(pack(caim)).map((i) => i.path),
    ['schemes[0].regimes[0].steps[0].value'],
  );
  const cotram = scheme('cotram');
  cotram.regimes[0].params.rate.value = 2; // 200 % of the fees, twenty times 10 %
  assert.match(issuesOf(pack(cotram))[0].message, /plus de 10 fois celle des règles intégrées \(0\.1\)/);
  const coscom = scheme('coscom');
  coscom.id = 'coscom-local';
  coscom.regimes[0].params.base.value = 10 * 50000 + 1; // new scheme: against the largest built-in figure
  assert.match(issuesOf(pack(coscom))[0].message, /plus de 10 fois le plus grand montant/);
});

test('a pack repeating a built-in scheme unchanged keeps the official sources, with the pack named', () => {
  const r = compilePack(pack(scheme('cotram')));
  assert.ok(r.ok);
  const rate = r.rules.schemes.get('cotram')!.regimes[0].params!.rate;
  assert.deepEqual(rate.sources, [...builtinRules.schemes.get('cotram')!.regimes[0].params!.rate.sources, TAG]);
});

test('a shortened table or a dropped figure is a change too', () => {
  const fmt = scheme('fmt-majoration');
  const row = fmt.regimes[0].options[0].amounts.rate;
  assert.ok(row.values.length > 1);
  row.values = row.values.slice(0, 1); // the first rate would now repeat every year
  const r = compilePack(pack(fmt));
  assert.ok(r.ok);
  assert.deepEqual(r.rules.schemes.get('fmt-majoration')!.regimes[0].options[0].amounts.rate.sources, [CHANGED]);
  // A dropped optional figure (here `firstYear`, on a synthetic built-in scheme).
  const base = structuredClone(builtinRules.schemes.get('coscom')!) as any;
  base.id = 'synthetic';
  base.regimes[0].options = [
    { id: 'o', label: 'O', amounts: { a: { values: [100, 50], firstYear: 2, sources: ['https://official.example/a'] } } },
  ];
  const packed = structuredClone(base);
  delete packed.regimes[0].options[0].amounts.a.firstYear;
  const review = reviewFigures({ schemes: [packed] }, { ...builtinRules.input, schemes: [base] });
  assert.equal(review.changed.get(packed.regimes[0].options[0].amounts.a.sources), 'changed');
  assert.deepEqual(review.issues, []);
  assert.ok(review.isOfficial('https://official.example/a'));
});

test('a changed threshold changes its condition’s sources, not the amounts', () => {
  const s = scheme('caim');
  const jours = s.regimes[0].conditions.find((c: { id: string }) => c.id === 'jours');
  jours.test.gte = 2;
  const after = firstPayment(CAIM, 'caim', '2025-06-01', pack(s));
  assertChanged(after.scheme.reasons.find((r) => r.id === 'jours')!.sources);
  assert.equal(changedByPack(after.payment.sources), undefined);
  assert.ok(after.payment.sources.some((x) => official.has(x.ref)));
});

test('a new scheme cites the pack, never a built-in text, for its figures', () => {
  const s = scheme('caim');
  s.id = 'caim-departemental';
  const r = compilePack(pack(s));
  assert.ok(r.ok);
  for (const step of r.rules.schemes.get('caim-departemental')!.regimes[0].steps!) assert.deepEqual(step.sources, [TAG]);
});

test('a percentile threshold changed by a pack cites the pack alone', () => {
  const d = structuredClone(builtinRules.distributions.find((x) => x.rows.some((row) => row.p90))!);
  const row = d.rows.find((x) => x.p90)!;
  row.p90!.value += 10;
  if (row.p95 && row.p95.value < row.p90!.value) row.p95.value = row.p90!.value;
  const r = compilePack({ ...head, percentiles: [{ ...d, rows: [row] }] });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  const merged = r.rules.distributions
    .find((x) => x.id === d.id)!
    .rows.find((x) => x.specialty === row.specialty && x.indicator === row.indicator)!;
  assert.deepEqual(merged.p90!.sources.slice(-1), [CHANGED]);
  assert.ok(!merged.p90!.sources.some((ref) => official.has(ref)));
});

test('the changed sources are the pack’s copy: the caller’s pack and the built-in rules are untouched', () => {
  const s = scheme('cotram');
  s.regimes[0].params.cap.value = 24000;
  const p = pack(s);
  const json = JSON.stringify(p);
  assert.ok(compilePack(p).ok);
  assert.equal(JSON.stringify(p), json);
  assert.ok(!builtinRules.schemes.get('cotram')!.regimes[0].params!.rate.sources.some((ref) => ref.startsWith('pack:')));
});
