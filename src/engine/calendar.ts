/**
 * Payment calendar of an aid as RFC 5545 text (issue 13): payments, advances, balance windows and, for the
 * assistant aid, the semester reviews and the CQP deadline. Deterministic: same simulation, same bytes.
 */
import builtinCosts from '../../rules/tables/costs.json';
import { reviewDates, say } from './assistant-tools.js';
import { addMonths, addYears, isIsoDate } from './dates.js';
import { builtinRules } from './rules/ruleset.js';
import type { CostsTable } from './rules/schema.js';
import type { IsoDate, Simulation } from './types.js';

export interface CalendarOptions {
  /** Scheme id (default 'assistant-medical'). */
  scheme?: string;
  /** Option id (default: the scheme's first option with payments). */
  option?: string;
}

interface CalEvent {
  kind: string;
  start: IsoDate;
  /** Last day, inclusive (default: `start`). */
  end?: IsoDate;
  summary: string;
  description: string;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\r\n|[\\;,\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === ';' ? '\\;' : c === ',' ? '\\,' : '\\n'));
}

/** Folds a content line at 75 octets of UTF-8 (RFC 5545 §3.1), never inside a character. */
export function foldLine(line: string): string {
  let out = '';
  let bytes = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + n > 75) {
      out += '\r\n ';
      bytes = 1;
    }
    out += ch;
    bytes += n;
  }
  return out;
}

const icsDate = (d: IsoDate) => d.replace(/-/g, '');

function nextDay(d: IsoDate): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * The calendar of one scheme option of a simulation, as an .ics file's text (CRLF line ends, folded lines);
 * '' when the simulation has no dated payment for it. All-day events; French texts, English when the
 * simulation is in English (the core entry ships French only).
 */
export function paymentCalendar(simulation: Simulation, options: CalendarOptions = {}): string {
  const sim = simulation && typeof simulation === 'object' ? simulation : undefined;
  const opts = options && typeof options === 'object' ? options : {};
  const schemeId = typeof opts.scheme === 'string' ? opts.scheme : 'assistant-medical';
  const scheme = Array.isArray(sim?.schemes) ? sim.schemes.find((s) => s?.id === schemeId) : undefined;
  const withPayments = (scheme?.options ?? []).filter((o) => o.payments?.some((p) => isIsoDate(p.date)));
  const option = opts.option === undefined ? withPayments[0] : withPayments.find((o) => o.id === opts.option);
  if (!sim || !scheme || !option || !isIsoDate(sim.asOf)) return '';
  const costs = builtinCosts as unknown as CostsTable;
  const lang = sim.lang === 'en' ? 'en' : 'fr';
  const t = (key: string, vars?: Record<string, unknown>) => say(costs, key, lang, vars);
  const title = scheme.title;
  const assistant = scheme.id === 'assistant-medical';
  const events: CalEvent[] = [];
  const sourcesText = (refs: { url?: string; ref: string }[]) =>
    t('calendar.sources', { sources: refs.map((s) => s.url ?? s.ref).join(', ') });

  const payments = option.payments.filter((p) => isIsoDate(p.date));
  for (const p of payments) {
    const date = p.date!;
    const sources = sourcesText(p.sources ?? []);
    if (p.advance !== undefined && p.balanceMax !== undefined) {
      events.push({
        kind: 'advance',
        start: date,
        summary: t('calendar.advance', { title, year: p.year, amount: p.advance }),
        description: `${t('calendar.advanceText')} ${sources}`,
      });
      // The balance follows the anniversary that closes the contract year (the texts do not say which; see DOMAIN §5).
      if (isIsoDate(p.balanceDate))
        events.push({
          kind: 'balance',
          start: addYears(date, 1),
          end: p.balanceDate,
          summary: t('calendar.balance', { title, year: p.year, amount: p.balanceMax }),
          description: `${t('calendar.balanceText')} ${sources}`,
        });
      continue;
    }
    const first = assistant && p.year === 1;
    events.push({
      kind: 'payment',
      start: date,
      // Year 1 is paid "au cours du mois qui suit la signature": the whole month is the window.
      end: first ? addMonths(date, costs.followUp.year1Months.value) : undefined,
      summary: t('calendar.payment', { title, year: p.year, amount: p.amount }),
      description: `${first ? `${t('calendar.year1')} ` : p.note ? `${p.note} ` : ''}${sources}`,
    });
  }

  if (assistant) {
    const first = payments[0];
    const contractDate = addYears(first.date!, 1 - first.year);
    const f = costs.followUp;
    for (const d of reviewDates(costs, contractDate))
      events.push({
        kind: 'review',
        start: d,
        summary: t('calendar.review'),
        description: `${t('calendar.reviewText', { months: f.reviewMonths.value })} ${sourcesText(builtinRules.resolve(f.reviewMonths.sources))}`,
      });
    events.push({
      kind: 'cqp',
      start: addYears(contractDate, f.cqpYears.value),
      summary: t('calendar.cqp'),
      description: `${t('calendar.cqpText', { years: f.cqpYears.value })} ${sourcesText(builtinRules.resolve(f.cqpYears.sources))}`,
    });
  }

  events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const stamp = `${icsDate(sim.asOf)}T000000Z`;
  const uidBase = `${scheme.id}-${option.id}`.replace(/[^a-z0-9-]+/gi, '-');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//aide-assistant-medical//${lang === 'en' ? 'payment calendar//EN' : 'calendrier des versements//FR'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${title} — ${option.label}`)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidBase}-${e.kind}-${icsDate(e.start)}@aide-assistant-medical`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.start)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(e.end ?? e.start))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
