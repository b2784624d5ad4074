// Payment calendar (issue 13): the .ics text is parsed back (CRLF, folding at 75 octets, escaping, dates).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine } from '../../src/engine/calendar.js';
import { paymentCalendar, simulate } from '../../src/engine/index.js';

const gp = { specialty: 'medecine-generale', sector: '1', percentile: 60 };
const sim = (extra: object = {}, options: object = {}) =>
  simulate(
    { ...gp, option: '1-etp', contractDate: '2026-03-31', ...extra },
    { asOf: '2026-12-01', schemes: ['assistant-medical'], ...options },
  );

interface Prop {
  name: string;
  params: string;
  value: string;
}

/** A small RFC 5545 reader: checks line ends and lengths, unfolds, and splits the events' properties. */
function parse(ics: string): { calendar: Prop[]; events: Map<string, Prop>[] } {
  assert.ok(ics.endsWith('\r\n'), 'ends with CRLF');
  assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) {
    const bytes = Buffer.from(line, 'utf8');
    assert.ok(bytes.length <= 75, `line of ${bytes.length} octets: ${line}`);
    // Decoding each physical line alone shows no cut character.
    assert.ok(!bytes.toString('utf8').includes('\uFFFD'), `a character is split: ${line}`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const calendar: Prop[] = [];
  const events: Map<string, Prop>[] = [];
  let current: Map<string, Prop> | undefined;
  for (const line of logical) {
    const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    assert.ok(m, `content line: ${line}`);
    const prop = { name: m[1], params: m[2], value: m[3] };
    if (line === 'BEGIN:VEVENT') events.push((current = new Map()));
    else if (line === 'END:VEVENT') current = undefined;
    else if (current) current.set(prop.name, prop);
    else calendar.push(prop);
  }
  return { calendar, events };
}

const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
const date = (v: string) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
const kind = (e: Map<string, Prop>) => /-(payment|advance|balance|review|cqp)-\d{8}@/.exec(e.get('UID')!.value)![1];

test('the calendar of a 1 ETP contract: payments, advances, balance windows, reviews, CQP deadline', () => {
  const { calendar, events } = parse(paymentCalendar(sim(), { option: '1-etp' }));
  const names = calendar.map((p) => p.name);
  assert.deepEqual(names.slice(0, 5), ['BEGIN', 'VERSION', 'PRODID', 'CALSCALE', 'METHOD']);
  assert.equal(names[names.length - 1], 'END');
  const byKind = (k: string) => events.filter((e) => kind(e) === k);
  assert.equal(byKind('payment').length, 2);
  assert.equal(byKind('advance').length, 3);
  assert.equal(byKind('balance').length, 3);
  assert.equal(byKind('review').length, 10, 'every 6 months over 5 years');
  assert.equal(byKind('cqp').length, 1);
  for (const e of events) {
    for (const p of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']) assert.ok(e.has(p), p);
    assert.equal(e.get('DTSTAMP')!.value, '20261201T000000Z', 'DTSTAMP from simulation.asOf');
    assert.equal(e.get('DTSTART')!.params, ';VALUE=DATE');
    assert.ok(e.get('DTEND')!.value > e.get('DTSTART')!.value, 'DTEND after DTSTART (exclusive end)');
  }
  assert.equal(new Set(events.map((e) => e.get('UID')!.value)).size, events.length, 'unique UIDs');

  // Year 1: within the month after the signature (31 March → 30 April inclusive).
  const y1 = byKind('payment')[0];
  assert.deepEqual([date(y1.get('DTSTART')!.value), date(y1.get('DTEND')!.value)], ['2026-03-31', '2026-05-01']);
  assert.equal(unescape(y1.get('SUMMARY')!.value), "Aide à l’emploi d’un assistant médical : versement de l'année 1, 38\u202f000 €");
  assert.equal(date(byKind('payment')[1].get('DTSTART')!.value), '2027-03-31');
  // Year 3: advance at the 2nd anniversary, balance between the 3rd anniversary and 2 months later.
  assert.equal(date(byKind('advance')[0].get('DTSTART')!.value), '2028-03-31');
  assert.match(unescape(byKind('advance')[0].get('SUMMARY')!.value), /acompte de l'année 3, 11\u202f000 €$/);
  const balance = byKind('balance')[0];
  assert.deepEqual([date(balance.get('DTSTART')!.value), date(balance.get('DTEND')!.value)], ['2029-03-31', '2029-06-01']);
  assert.match(unescape(balance.get('SUMMARY')!.value), /solde de l'année 3, au plus 11\u202f000 €$/);
  assert.deepEqual(
    byKind('review')
      .slice(0, 3)
      .map((e) => date(e.get('DTSTART')!.value)),
    ['2026-09-30', '2027-03-31', '2027-09-30'],
  );
  assert.equal(date(byKind('cqp')[0].get('DTSTART')!.value), '2028-03-31', 'two years after hiring');
  // Escaped separators come back as they were written.
  const text = unescape(byKind('cqp')[0].get('DESCRIPTION')!.value);
  assert.match(text, /embauche \(comptés ici depuis la signature du contrat\) ; envoyez/);
  assert.match(text, /Sources : 004_1cfd4a0c640bcd57\.txt$/);
  // Events come in date order.
  const starts = events.map((e) => e.get('DTSTART')!.value);
  assert.deepEqual(starts, [...starts].sort());
});

test('deterministic, English when the simulation is, empty when there is nothing to schedule', () => {
  const a = paymentCalendar(sim());
  assert.equal(paymentCalendar(sim()), a, 'same simulation, same text');
  const later = paymentCalendar(
    simulate({ ...gp, option: '1-etp', contractDate: '2026-03-31' }, { asOf: '2027-01-02', schemes: ['assistant-medical'] }),
  );
  assert.equal(later.replace(/DTSTAMP:\d{8}T000000Z/g, ''), a.replace(/DTSTAMP:\d{8}T000000Z/g, ''), 'only DTSTAMP follows asOf');
  const en = parse(paymentCalendar(sim({}, { lang: 'en' }))).events;
  assert.match(unescape(en[0].get('SUMMARY')!.value), /: payment for year 1, €38,000$/);
  const half = parse(paymentCalendar(sim({ option: '1/2-etp' }))).events;
  assert.match(unescape(half[0].get('SUMMARY')!.value), /19\u202f000 €$/);
  assert.equal(paymentCalendar(sim(), { option: '1/2-etp' }), '', 'an option the simulation does not offer');
  assert.equal(paymentCalendar(sim({ sector: '2' })), '', 'ineligible: no payment');
  assert.equal(paymentCalendar(sim(), { scheme: 'caim' }), '');
  for (const bad of [undefined, null, 3, {}, { schemes: 'x' }, { asOf: 'x', schemes: [] }])
    assert.equal(paymentCalendar(bad as never), '', `input ${JSON.stringify(bad)}`);
});

test('escaping of TEXT values: backslash, semicolon, comma, line breaks', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
  const original = 'Solde ; au plus 5 500 €, voir C:\\dossier\nligne 2';
  assert.equal(unescape(escapeText(original)), original);
});

test('folding at 75 octets counts UTF-8 bytes and never splits a character', () => {
  const value = `DESCRIPTION:${'é€😀a'.repeat(40)}`;
  const folded = foldLine(value);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 5);
  for (const [i, line] of lines.entries()) {
    const bytes = Buffer.byteLength(line, 'utf8');
    assert.ok(bytes <= 75, `${bytes} octets`);
    assert.ok(bytes >= 72 || i === lines.length - 1, 'lines are filled before folding');
    if (i > 0) assert.ok(line.startsWith(' '));
  }
  assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(''), value, 'unfolding gives the line back');
  assert.equal(foldLine('x'.repeat(75)), 'x'.repeat(75), '75 octets fit on one line');
  assert.equal(foldLine('x'.repeat(76)), `${'x'.repeat(75)}\r\n x`);
});
