// The engine's hot-path helpers, written by hand for speed, checked against the obvious (slower) way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, addYears, dayAfter, firstAnniversaryOnOrAfter, isIsoDate, yearsBetween } from '../../src/engine/dates.js';
import { anyAnswer, normalizeProfile, shapedProfile } from '../../src/engine/profile.js';
import { Asked } from '../../src/engine/schemes/common.js';
import { simulate } from '../../src/engine/index.js';

/** The same arithmetic through Date (UTC), clamping the day to the target month's length. */
function byDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

test('dates: months and years added, next day, whole years, as Date computes them', () => {
  const starts = ['2019-01-31', '2020-02-29', '2023-12-31', '2024-06-15', '2026-03-01', '0999-11-30'];
  for (const s of starts) {
    for (const m of [0, 1, 11, 12, 13, 25, 59, 60, 240, 241, -1, -13]) assert.equal(addMonths(s, m), byDate(s, m), `${s} + ${m} months`);
    assert.equal(addYears(s, 1), byDate(s, 12));
    const next = new Date(Date.parse(s) + 86_400_000).toISOString().slice(0, 10);
    assert.equal(dayAfter(s), next, `day after ${s}`);
  }
  assert.equal(yearsBetween('2020-02-29', '2021-02-28'), 0);
  assert.equal(yearsBetween('2020-02-29', '2021-03-01'), 1);
  assert.equal(yearsBetween('2024-06-15', '2026-06-14'), 1);
  assert.equal(yearsBetween('2024-06-15', '2026-06-15'), 2);
  assert.equal(firstAnniversaryOnOrAfter('2024-03-01', '2025-06-22'), '2026-03-01');
  for (const bad of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-4-01', '2024-04-0a', 20240401])
    assert.equal(isIsoDate(bad), false, String(bad));
  for (const good of ['2024-02-29', '2000-02-29', '1999-12-31']) assert.equal(isIsoDate(good), true, good);
});

test('questions: each field keeps its most decisive priority; equal ones keep the order first asked', () => {
  const asked = new Asked();
  asked.add('percentile', 2);
  asked.add('option', 1.5);
  asked.add('sector', 1);
  asked.add('percentile', 3); // a later, less decisive ask does not demote it
  asked.add('patienteleMT', 2);
  asked.add('option', 1); // a more decisive one promotes it; at sector's rank, it was asked first
  assert.deepEqual(asked.ranked(), ['option', 'sector', 'percentile', 'patienteleMT']);
  assert.equal(asked.rankOf('option'), 1);
  assert.equal(asked.rankOf('age'), undefined);
  assert.deepEqual(new Asked().ranked(), []);
});

test('the profile simulate() evaluates has every field, and none of it shows', () => {
  const input = { sector: '1', percentile: 50, age: 'x', specialty: '' };
  const shaped = shapedProfile(input);
  const plain = normalizeProfile(input);
  assert.deepEqual(shaped.errors, plain.errors);
  assert.deepEqual(plain.profile, { sector: '1', percentile: 50 });
  assert.ok('situation' in shaped.profile && shaped.profile.situation === undefined);
  assert.deepEqual(Object.fromEntries(Object.entries(shaped.profile).filter(([, v]) => v !== undefined)), plain.profile);
  assert.equal(anyAnswer(shapedProfile({}).profile), false);
  assert.equal(anyAnswer(shaped.profile), true);
  // The same answers in any key order, or with unknown extras, give the same result.
  const a = simulate({ specialty: 'medecine-generale', sector: '1', patienteleMT: 1200, option: '1/2-etp' }, { asOf: '2026-12-01' });
  const b = simulate(
    { option: '1/2-etp', host: 'x', patienteleMT: 1200, sector: '1', specialty: 'medecine-generale' },
    { asOf: '2026-12-01' },
  );
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.ok(!JSON.stringify(a).includes('"host"'));
});
