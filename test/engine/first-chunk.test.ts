/**
 * The widget's build splits the rule files (scripts/rules-split.mjs): its first chunk holds what the engine
 * decides with, and texts arrive later. These tests run the engine's widget entry on 600 seeded profiles with
 * the rule files as each stage of the page holds them (node module hooks serve the split files) and check
 * that no stage changes a decision, an amount or a question, and that nothing throws for want of a text.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const dir = join(import.meta.dirname, 'first-chunk');

interface Row {
  region: string;
  schemes: unknown[];
  combinations: unknown[];
  answer: unknown[];
  missing: string[];
  errors: [string, string][];
}

function run(stage: 'whole' | 'first' | 'questions' | 'detail', extra: Record<string, string> = {}): Row[] {
  const hooks = stage === 'whole' ? [] : ['--import', join(dir, 'register.mjs')];
  const restore = { whole: '', first: '', questions: 'questions', detail: 'detail,questions' }[stage];
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...hooks, join(dir, 'run.ts')], {
    encoding: 'utf8',
    env: { ...process.env, FIRST_CHUNK_RESTORE: restore, PROFILES: '600', ...extra },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

const whole = run('whole');

test('the profiles exercise the rules: eligible, ineligible and open answers, in every region', () => {
  const statuses = new Set(whole.map((r) => r.answer[0]));
  for (const s of ['eligible', 'ineligible', 'pending']) assert.ok(statuses.has(s), `no ${s} answer among the profiles`);
  assert.ok(new Set(whole.map((r) => r.region)).size >= 4);
  assert.ok(whole.filter((r) => r.answer[0] === 'eligible').length > 50);
});

for (const stage of ['first', 'questions', 'detail'] as const)
  test(`with the rules as the page holds them ${stage === 'first' ? 'before any chunk' : `once the ${stage} chunk${stage === 'detail' ? 's have' : ' has'} arrived`}, the answers are the same`, () => {
    const split = run(stage);
    assert.equal(split.length, whole.length);
    for (let i = 0; i < whole.length; i++) {
      const errors = split[i].errors.filter(([field]) => field === 'evaluation');
      assert.deepEqual(errors, [], `profile ${i}: an evaluation failed`);
      // Before the questions' chunk the départements table is not there: a département cannot choose the
      // region yet (it does a few milliseconds later); every other answer must already be the final one.
      if (stage === 'first' && whole[i].region !== split[i].region) continue;
      assert.deepEqual(split[i], whole[i], `profile ${i}`);
    }
  });

test('once the chunks have restored their parts into the live rules, every simulation is the one the whole rules give, texts and sources included', () => {
  const full = { FULL: '1', PROFILES: '200' };
  const expected = run('whole', full);
  const live = run('first', { ...full, LIVE: '1' });
  assert.equal(live.length, expected.length);
  for (let i = 0; i < expected.length; i++) assert.deepEqual(live[i], expected[i], `profile ${i}`);
});

test('every rule file, split for the widget, comes back whole once every chunk has arrived', async () => {
  const { readFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const { ENGLISH, DETAIL, QUESTIONS, MAIN, mergeInto, ruleFiles, splitRuleFile } = await import('../../scripts/rules-split.mjs');
  const files = ruleFiles(fileURLToPath(new URL('../../rules/', import.meta.url)));
  assert.ok(files.length > 15);
  for (const { path, name } of files) {
    const original = JSON.parse(readFileSync(path, 'utf8'));
    delete original.$schema;
    // The chunks may arrive in any order: questions or English before the detail, or after.
    for (const order of [
      [QUESTIONS, DETAIL, ENGLISH],
      [ENGLISH, DETAIL, QUESTIONS],
    ]) {
      const parts = splitRuleFile(JSON.parse(readFileSync(path, 'utf8')), name);
      const data = parts[MAIN];
      for (const c of order) if (parts[c]) mergeInto(data, parts[c]);
      assert.deepStrictEqual(data, original, `${name} after the chunks ${order.join(', ')}`);
    }
  }
});
