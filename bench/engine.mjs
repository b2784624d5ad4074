/**
 * Engine timings in node, on the shipped, minified dist/engine-core.js (plain JavaScript run by node itself: a
 * TypeScript loader would re-transform the bundle it measures):
 *   - simulate() with the default national set, on varied profiles and dates;
 *   - simulate() with the assistant médical alone, Publicodes 1.x encoding the same rules (dev-only fixture) and a
 *     hand-written function of them, on the same random profiles, after checking that all three agree on them;
 *     simulate() with the default national set on those profiles too (the row issue 11 puts its bar on).
 * Figures, never assertions in tests.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Engine from 'publicodes';
import { handWritten } from './fixtures/assistant-medical.hand.mjs';
import { publicodesRules, situationOf, TOTAL } from './fixtures/assistant-medical.publicodes.mjs';
import { OPTIONS, readRules } from './fixtures/assistant-medical.rules.mjs';
import { isolatedInterleaved } from './lib/isolated.mjs';
import { allocatedPerItem, interleaved, perItem } from './lib/measure.mjs';
import { random } from './lib/random.mjs';

export const AS_OF = '2026-12-01';
const BAR_PUBLICODES = 150;
const GOAL_PUBLICODES = 300;
const GOAL_HAND = 30;

/** Varied profiles × dates for the default set (the former engine.bench.mjs's). */
function variedCases() {
  const base = [
    { specialty: 'medecine-generale', sector: '1', patienteleMT: 900, fileActive: 1550, percentile: 50 },
    {
      specialty: 'medecine-generale',
      sector: '1',
      patienteleMT: 1600,
      fileActive: 2600,
      groupPractice: true,
      coordinatedPractice: true,
      contractDate: '2021-03-01',
    },
    { specialty: 'cardiologie', sector: '2-optam', fileActive: 2400, percentile: 92, age: 66 },
    {
      specialty: 'chirurgie',
      sector: '1',
      ccamShare: 0.15,
      percentile: 40,
      zone: 'zip',
      daysPerWeek: 3.5,
      firstInstallation: true,
      installationDate: '2025-11-02',
    },
    {
      specialty: 'medecine-generale',
      sector: '1',
      patienteleMT: 775,
      newlyInstalled: true,
      zone: 'zip',
      qpv: true,
      fmtAmount: 20000,
      department: '09',
    },
    { specialty: 'radiologie', sector: '2' },
    {},
  ];
  const dates = ['2022-01-01', '2024-09-01', '2025-06-01', '2026-03-01'];
  return dates.flatMap((asOf) => base.map((p, i) => ({ p: { ...p, patienteleMT: p.patienteleMT && p.patienteleMT + i }, asOf })));
}

/** Random assistant-médical profiles (seeded), all in the convention-2024 regime (contracts signed from its first day). */
export function randomProfiles(n, rules, seed = 11) {
  const r = random(seed);
  const specialties = [...rules.groups.keys()];
  const edges = [0, 10, 29.9, 30, 50, 89.9, 90, 94.99, 95, 100];
  const first = Date.parse(rules.signedFrom);
  const span = Date.parse(AS_OF) - first;
  const bool = () => (r.chance(0.15) ? true : r.chance(0.85) ? false : undefined);
  const out = [];
  for (let i = 0; i < n; i++) {
    const p = {
      specialty: r.chance(0.3) ? 'medecine-generale' : r.pick(specialties),
      sector: r.pick(['1', '1', '2-optam', '2', 'non-conventionne']),
      percentile: r.chance(0.3) ? r.pick(edges) : r.int(101),
      option: r.pick(OPTIONS),
      age: 30 + r.int(40),
    };
    if (r.chance(0.9)) p.ccamShare = r.chance(0.15) ? 0.2 : Math.round(r.next() * 40) / 100;
    for (const d of rules.derogations) {
      const v = bool();
      if (v !== undefined) p[d] = v;
    }
    const situation = r.pick(['installe', 'installation', undefined]);
    if (situation) p.situation = situation;
    if (r.chance(0.5)) p.contractDate = new Date(first + Math.floor(r.next() * span)).toISOString().slice(0, 10);
    out.push(p);
  }
  return out;
}

/**
 * Runs simulate(), Publicodes and the hand-written function on the profiles; keeps those the engine decides
 * (eligible or ineligible) and throws on the first disagreement.
 */
function compare(simulate, profiles, publicodes, hand) {
  const decided = [];
  let eligible = 0;
  let undecided = 0;
  for (const p of profiles) {
    const s = simulate(p, { schemes: ['assistant-medical'], asOf: AS_OF }).schemes[0];
    if (s.status !== 'eligible' && s.status !== 'ineligible') {
      undecided++;
      continue;
    }
    const ours = s.status === 'eligible' ? s.options : [];
    if (ours.length > 1) throw new Error(`the engine offers ${ours.length} options for ${JSON.stringify(p)}`);
    const total = ours.length ? ours[0].total : null;
    const payments = ours.length ? ours[0].payments.map((x) => x.amount) : [];
    const pub = publicodes.setSituation(situationOf(p)).evaluate(TOTAL).nodeValue ?? null;
    const h = hand(p);
    const differ = [];
    if (pub !== total) differ.push(`Publicodes ${pub}`);
    if ((h.eligible ? h.total : null) !== total || JSON.stringify(h.payments) !== JSON.stringify(payments))
      differ.push(`hand-written ${h.eligible ? h.payments.join('+') : 'ineligible'}`);
    if (differ.length)
      throw new Error(
        `The fixtures disagree with simulate() on ${JSON.stringify(p)}: simulate() says ${s.status}` +
          `${total === null ? '' : ` ${payments.join('+')} = ${total}`}; ${differ.join('; ')}. No timing is printed for them.`,
      );
    if (total !== null) eligible++;
    decided.push(p);
  }
  return { decided, eligible, undecided };
}

/**
 * @param {{ quick?: boolean }} options
 * @returns {Promise<{ rows: object[], facts: object }>}
 */
export async function engineBench({ quick = false } = {}) {
  const { simulate, builtinRules } = await import('../dist/engine-core.js');
  const runs = quick ? 3 : 7;
  const minMs = quick ? 60 : 150;
  const rows = [];
  const defaultSet = builtinRules.regions.get('national').schemes.length;

  // simulate() computes the figures (status, payments, questions); the answer, the best combinations and the contacts
  // are built when first read. Both are timed: the figures alone, and with the answer read as the widget does.
  const cases = variedCases();
  const figures = await perItem((c) => simulate(c.p, { asOf: c.asOf }), cases, { runs, minMs });
  const answered = await perItem((c) => simulate(c.p, { asOf: c.asOf }).answer, cases, { runs, minMs });
  rows.push(
    {
      measure: `simulate(), default national set (${defaultSet} schemes): the figures, ${cases.length} varied profiles × dates`,
      result: `${figures.wall.toFixed(1)} µs wall (${figures.cpu.toFixed(1)} µs CPU) per profile`,
    },
    {
      measure: `simulate() and its answer read (best combination, answer, contacts built), same profiles: what the widget runs`,
      result: `${answered.wall.toFixed(1)} µs wall (${answered.cpu.toFixed(1)} µs CPU) per profile`,
    },
  );

  // The same rules three ways, checked against each other first.
  const rules = readRules();
  const publicodesVersion = JSON.parse(readFileSync(new URL('../node_modules/publicodes/package.json', import.meta.url), 'utf8')).version;
  const fixture = publicodesRules(rules);
  const t0 = performance.now();
  const publicodes = new Engine(fixture);
  const parse = performance.now() - t0;
  const hand = handWritten(rules);
  const profiles = randomProfiles(quick ? 1000 : 3000, rules);
  const { decided, eligible, undecided } = compare(simulate, profiles, publicodes, hand);
  // All three are timed on the same profiles: the first of those checked (Publicodes takes about a millisecond each).
  const timed = decided.slice(0, quick ? 200 : 500);
  rows.push({
    measure: `Check before timing: simulate(), the Publicodes fixture and the hand-written function on ${profiles.length} random profiles (seeded)`,
    result:
      `identical eligibility, payments and 5-year totals on the ${decided.length} the engine decides ` +
      `(${eligible} eligible, ${decided.length - eligible} not; ${undecided} left undecided by missing answers skipped); ` +
      `the fixtures' ${rules.numbers.length} numbers all read from rules/schemes/assistant-medical.json`,
    status: 'OK',
  });

  // Each function in isolates of its own (worker threads of this process), in interleaved rounds: see bench/lib/isolated.mjs.
  const engineUrl = new URL('../dist/engine-core.js', import.meta.url).href;
  const t = await isolatedInterleaved(
    new URL('./fixtures/contestants.mjs', import.meta.url).href,
    { ours: [engineUrl, AS_OF], defaultSet: [engineUrl, AS_OF], answered: [engineUrl, AS_OF], publicodes: [], hand: [] },
    timed,
    { rounds: quick ? 3 : 7, minMs, isolates: quick ? 2 : 5 },
  );
  // The same rounds in this one isolate, sharing its heap, as earlier runs measured: for comparison only.
  const shared = interleaved(
    {
      ours: (p) => simulate(p, { schemes: ['assistant-medical'], asOf: AS_OF }),
      publicodes: (p) => publicodes.setSituation(situationOf(p)).evaluate(TOTAL).nodeValue,
    },
    timed,
    { rounds: quick ? 3 : 7, minMs },
  );
  const us = (x, digits) => `${x.wall.toFixed(digits)} µs wall (${x.cpu.toFixed(digits)} µs CPU) per profile`;
  // Each isolate's median, lowest to highest: how much one draw of V8's decisions moves the figure.
  const spread = (x, digits) => {
    const s = [...x.isolates].sort((a, b) => a - b);
    return `; its ${s.length} isolates: ${s.map((v) => v.toFixed(digits)).join(', ')} µs`;
  };
  const isolates = `each in ${t.isolates} isolates of its own, same process`;
  rows.push(
    {
      measure: `simulate(), assistant médical alone, ${timed.length} of the checked profiles: the figures (as Publicodes evaluates the total); ${isolates}`,
      result: us(t.ours, 1) + spread(t.ours, 1),
    },
    {
      measure: `simulate(), default national set (${defaultSet} schemes), same profiles: the figures`,
      result: us(t.defaultSet, 1) + spread(t.defaultSet, 1),
    },
    {
      measure: 'simulate() and its answer read, assistant médical alone, same profiles',
      result: us(t.answered, 1) + spread(t.answered, 1),
    },
    {
      measure: `Publicodes ${publicodesVersion}, same rules, same profiles: setSituation() + evaluate()`,
      result: `${us(t.publicodes, 0)}${spread(t.publicodes, 0)}; new Engine(rules) once: ${parse.toFixed(0)} ms`,
    },
    {
      measure: 'Hand-written function of the same rules (eligibility, payments, total), same profiles',
      result: us(t.hand, 3),
    },
  );
  const cpuRatio = (a, b) => `${(t[a].cpu / t[b].cpu).toFixed(0)}× in CPU time`;
  const barStatus = (ratio) => (ratio >= BAR_PUBLICODES ? (ratio >= GOAL_PUBLICODES ? 'OK (goal met)' : 'OK (goal not met)') : 'MISSED');
  const rounds = `median of ${t.rounds} interleaved rounds × ${t.isolates} isolates`;
  const ratioPub = t.ratio('publicodes', 'ours');
  const ratioSet = t.ratio('publicodes', 'defaultSet');
  const ratioHand = t.ratio('ours', 'hand');
  rows.push(
    {
      measure: `Publicodes ÷ simulate(), assistant médical alone: the rules both encode (wall time, ${rounds})`,
      result: `${ratioPub.toFixed(0)}× (${cpuRatio('publicodes', 'ours')})`,
      name: 'Publicodes ÷ simulate(), assistant médical alone',
      bar: `≥ ${BAR_PUBLICODES}× (goal ${GOAL_PUBLICODES}×)`,
      status: barStatus(ratioPub),
    },
    {
      measure: `Publicodes ÷ simulate() for the default national set: the row issue 11 puts the bar on, ${defaultSet} schemes against Publicodes' one (wall time, ${rounds})`,
      result: `${ratioSet.toFixed(0)}× (${cpuRatio('publicodes', 'defaultSet')})`,
      name: 'Publicodes ÷ simulate(), default set',
      bar: `≥ ${BAR_PUBLICODES}× (goal ${GOAL_PUBLICODES}×)`,
      status: barStatus(ratioSet),
    },
    {
      measure: `The same ratio with both in one shared isolate (heap and collector shared): simulate() ${shared.ours.wall.toFixed(1)} µs wall (${shared.ours.cpu.toFixed(1)} µs CPU), Publicodes ${shared.publicodes.wall.toFixed(0)} µs wall`,
      result: `${shared.ratio('publicodes', 'ours').toFixed(0)}× (${(shared.publicodes.cpu / shared.ours.cpu).toFixed(0)}× in CPU time)`,
    },
    {
      measure: `Publicodes ÷ (simulate() and its answer read), assistant médical (wall time, ${rounds})`,
      result: `${t.ratio('publicodes', 'answered').toFixed(0)}× (${cpuRatio('publicodes', 'answered')})`,
    },
    {
      measure: `simulate() ÷ hand-written, assistant médical (wall time, ${rounds})`,
      result: `${ratioHand.toFixed(0)}× (${cpuRatio('ours', 'hand')})`,
      name: 'simulate() ÷ hand-written',
      bar: `goal ≤ ${GOAL_HAND}×`,
      goal: true,
      status: ratioHand <= GOAL_HAND ? 'OK (goal met)' : 'goal not met',
    },
  );

  // Allocation (issue 11: « an engine that allocates less »): a figure the machine's load does not move.
  {
    const am = await allocatedPerItem((p) => simulate(p, { schemes: ['assistant-medical'], asOf: AS_OF }), timed);
    const set = await allocatedPerItem((p) => simulate(p, { asOf: AS_OF }), timed);
    rows.push({
      measure: `Allocated per call, same profiles (V8's sampling heap profiler, freed objects included): simulate() for the assistant médical alone / the default national set`,
      result: `${(am / 1024).toFixed(1)} KB / ${(set / 1024).toFixed(1)} KB`,
    });
  }

  // Hostile input (issue 12): a host passing a huge `schemes` list; simulate() keeps the first MAX_SCHEMES.
  {
    const ids = [...builtinRules.schemes.keys()];
    const schemes = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? ids[i % ids.length] : `inconnu-${i}`));
    const s0 = performance.now();
    simulate({}, { schemes });
    rows.push({
      measure: 'simulate() with a 100 000-entry `schemes` list (once)',
      result: `${(performance.now() - s0).toFixed(1)} ms wall`,
    });
  }
  // A rules pack nested as deep as the limits allow, compiled once (then cached).
  {
    const { compilePack, MAX_PACK_DEPTH, builtinRules: full } = await import('../dist/engine.js');
    const scheme = structuredClone(full.schemes.get('assistant-medical'));
    let t = { field: 'sector', eq: '1' };
    for (let i = 0; i < MAX_PACK_DEPTH - 8; i++) t = { not: t };
    scheme.regimes[0].conditions[0].test = t;
    const s0 = performance.now();
    const r = compilePack({ publisher: 'bench', version: '1', date: '2026-01-01', schemes: [scheme] });
    rows.push({
      measure: 'compilePack(), the deepest pack the limits allow (once, dist/engine.js)',
      result: `${(performance.now() - s0).toFixed(1)} ms wall, ${r.ok ? 'valid' : 'refused'}`,
    });
  }
  return { rows, facts: { publicodesVersion } };
}

// Run alone (bench/index.mjs does, in a process of its own): the rows as JSON on stdout.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href)
  process.stdout.write(JSON.stringify(await engineBench({ quick: process.argv.includes('--quick') })));
