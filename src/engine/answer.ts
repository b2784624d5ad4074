/**
 * The answer, first: one sentence and one figure (or an "at least / up to" pair), what it assumes, and
 * what to do next. Built from the scheme results and the combinations, never from anything else: every
 * figure here is one of theirs. The headline holds only cumulations the texts allow; a higher band or an
 * unconfirmed cumulation is said apart, as « jusqu'à ».
 */
import { fill, formatNumber, localized } from './conditions.js';
import { HORIZON, textDate, totalOf } from './schemes/aid.js';
import { anyAnswer } from './profile.js';
import type { Env } from './schemes/common.js';
import type {
  Answer,
  Assumption,
  Combination,
  Contact,
  NextStep,
  OptionResult,
  Profile,
  Range,
  RegionInfo,
  SchemeResult,
  Source,
} from './types.js';

const FR = {
  can: 'Vous pouvez prétendre {names}\u00a0: {amount}{horizon}{first}.',
  canPending: 'Vous pouvez prétendre {names}\u00a0: le montant dépend de vos réponses.',
  canHeld: 'Vous pouvez compter sur {names}\u00a0: {amount}{horizon}{first}.',
  horizon: ' sur {years} ans',
  firstYear: ', dont {first} la 1ʳᵉ année',
  choice: '{min} ({minLabel}) à {max} ({maxLabel})',
  atLeast: 'au moins {min} (jusqu’à {max})',
  span: '{min} à {max}',
  and: ' et ',
  pendingName: '{name} (montant à préciser)',
  none: 'Aucune des aides proposées ne vous est ouverte\u00a0: {why}',
  noneShort: 'Aucune des aides proposées ne vous est ouverte.',
  start: 'Répondez aux questions\u00a0: le montant s’affiche dès qu’il est établi.',
  option: 'Le montant dépend du temps de travail de l’assistant\u00a0: mi-temps ou temps plein.',
  band: 'Montants de la tranche {band}, la plus basse\u00a0: votre CPAM peut vous situer plus haut.',
  date: 'Contrat signé le {date}.',
  pending: '{name}\u00a0: montant à préciser.',
  upBand: '{condition}\u00a0: {total}{horizon}.',
  upCumul: 'Si votre CPAM accepte le cumul avec {names}\u00a0: {total}{horizon}.',
  prepare: 'À préparer\u00a0: ',
  heldOnly: 'Aucune nouvelle aide ne s’ajoute pour l’instant à {names}, que vous conservez.',
};

/** The answer's sentences by language; English is added by texts-en.ts (a separate chunk in the widget's build). */
export const ANSWER_TEXTS: Partial<Record<Env['lang'], typeof FR>> & { fr: typeof FR } = { fr: FR };
const texts = (lang: Env['lang']) => ANSWER_TEXTS[lang] ?? FR;

/** « 66 000 € » / « €66,000 »: French spacing (narrow no-break space in thousands, no-break space before €). */
export function money(n: number, lang: Env['lang']): string {
  return lang === 'en' ? `€${formatNumber(n, lang)}` : `${formatNumber(n, lang)}\u00a0€`;
}

/** « à » before each name, contracted as French requires: à le → au, à les → aux. */
const withA = (name: string) =>
  name.startsWith('le ') ? `au ${name.slice(3)}` : name.startsWith('les ') ? `aux ${name.slice(4)}` : `à ${name}`;

const list = (names: string[], lang: Env['lang']) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${texts(lang).and}${names.at(-1)}`;

interface Input {
  schemes: SchemeResult[];
  combinations: Combination[];
  regionInfo: RegionInfo;
  missing: string[];
  profile: Profile;
  env: Env;
}

export function buildAnswer({ schemes, combinations, regionInfo, missing, profile, env }: Input): Answer {
  const lang = env.lang;
  const t = texts(lang);
  const say = (template: string, vars: Record<string, unknown>) => fill(template, vars, lang);
  const euros = (n: number) => money(n, lang);
  const byId = new Map(schemes.map((s) => [s.id, s]));
  const name = (id: string) => {
    const rule = env.rules.schemes.get(id);
    return (rule && localized(rule, 'name', lang)) || `« ${byId.get(id)?.title ?? id} »`;
  };
  const contact = firstContact(regionInfo);
  const best = combinations[0];
  if (!best?.schemes.length) return withoutHeadline(schemes, profile, contact, env);
  const { schemes: ids, total: bestTotal, perYear } = best;
  const pending = best.pending?.length ? best.pending : undefined;
  // Only contracts held whose payments are over: nothing to headline, say what is kept.
  if (bestTotal === 0 && !pending && ids.every((id) => byId.get(id)?.status === 'held')) {
    const kept = withoutHeadline(schemes, profile, contact, env);
    kept.status = 'ineligible';
    kept.text = say(t.heldOnly, { names: list(ids.map(name), lang) });
    return kept;
  }

  const years = Math.max(
    1,
    perYear.reduce((last, v, i) => (v > 0 ? i + 1 : last), 0),
  );
  const total: Range = { min: best.totalMin ?? bestTotal, max: bestTotal };
  const firstYear: Range = { min: best.perYearMin?.[0] ?? perYear[0], max: perYear[0] };
  const results = ids.map((id) => byId.get(id)!).filter(Boolean);
  const chooser = results.find((r) => r.choose && r.options.length > 1);
  const assumes: Assumption[] = [];
  const upTo: Answer['upTo'] = [];
  const horizon = years > 1 ? say(t.horizon, { years }) : '';

  // The doctor's choice (the assistant's working time): each choice's figures, the range between them.
  let choices: Answer['choices'];
  if (chooser) {
    const field = chooser.choose!;
    const max = Math.max(...chooser.options.map(totalIn));
    const firstMax = Math.max(...chooser.options.map(firstOf));
    choices = chooser.options
      .filter((o) => !o.amountUnknown)
      .map((o) => ({
        field,
        value: o.id,
        label: o.short ?? o.label,
        total: bestTotal - max + totalIn(o),
        firstYear: perYear[0] - firstMax + firstOf(o),
      }))
      .sort((a, b) => a.total - b.total);
    assumes.push({ field, text: t.option });
  }
  // A band not settled: the lowest band's amounts, the higher ones « jusqu'à ».
  for (const r of results) {
    const o = bestOption(r);
    if (!o?.alternatives?.length) continue;
    assumes.push({ field: 'percentile', text: say(t.band, { band: o.band?.label ?? '' }) });
    for (const alt of o.alternatives) {
      const up = bestTotal - totalIn(o) + totalOf(alt.payments, years);
      upTo.push({ reason: 'band', total: up, schemes: [r.id], text: say(t.upBand, { condition: alt.text, total: euros(up), horizon }) });
    }
  }
  // Dates and amounts the figure takes for granted.
  for (const r of results)
    if (env.rules.schemes.get(r.id)?.dateField === 'contractDate' && profile.contractDate === undefined && r.status !== 'held')
      assumes.push({ field: 'contractDate', value: env.asOf, text: say(t.date, { date: textDate(env.asOf, lang) }) });
  for (const id of pending ?? []) {
    const field = env.rules.schemes.get(id)?.amountField;
    if (field) assumes.push({ field, text: say(t.pending, { name: name(id) }) });
  }
  // A cumulation the texts do not settle: never in the headline, said as « si votre CPAM accepte le cumul ».
  const optimistic = combinations.find((c) => c.uncertain?.length && c.total > bestTotal);
  if (optimistic) {
    const extra = optimistic.schemes.filter((id) => !ids.includes(id));
    const text = say(t.upCumul, { names: list(extra.map(name), lang), total: euros(optimistic.total), horizon });
    upTo.push({ reason: 'cumulation', total: optimistic.total, schemes: extra, text });
  }

  const held = results.some((r) => r.status === 'held');
  const named = (id: string) => {
    const n = held || lang === 'en' ? name(id) : withA(name(id));
    return pending?.includes(id) && bestTotal > 0 ? say(t.pendingName, { name: n }) : n;
  };
  const range = { min: euros(total.min), max: euros(total.max) };
  const chosen = choices && choices.length > 1 ? choices : undefined;
  const amount =
    total.min === total.max
      ? range.max
      : chosen
        ? say(t.choice, { ...range, minLabel: chosen[0].label, maxLabel: chosen.at(-1)!.label })
        : say(t.atLeast, range);
  // « 19 000 à 38 000 € »: in French, the unit once.
  const first =
    years === 1
      ? ''
      : say(t.firstYear, {
          first:
            firstYear.min === firstYear.max
              ? euros(firstYear.max)
              : say(t.span, { min: lang === 'en' ? euros(firstYear.min) : formatNumber(firstYear.min, lang), max: euros(firstYear.max) }),
        });
  // Every amount still to be set (a CESP without its months): no figure to headline, only what it depends on.
  const unset = bestTotal === 0 && !!pending;
  const answer: Answer = {
    status: 'eligible',
    text: say(unset ? t.canPending : held ? t.canHeld : t.can, { names: list(ids.map(named), lang), amount, horizon, first }),
    schemes: ids,
    years,
    assumes,
    upTo,
    ask: assumes.map((a) => a.field).filter((f, i, all) => missing.includes(f) && all.indexOf(f) === i),
    nextSteps: nextSteps(results, contact, t.prepare),
    sources: sourcesOf(results),
  };
  if (!unset) {
    answer.total = total;
    answer.firstYear = firstYear;
  }
  if (chosen) answer.choices = chosen;
  if (pending) answer.pending = pending;
  if (best.estimate) answer.estimate = true;
  return answer;
}

/** Total of an option within the 5-year window (what combinations count), and of its first year. */
const totalIn = (o: OptionResult) => totalOf(o.payments, HORIZON);
const firstOf = (o: OptionResult) => totalOf(o.payments, 1);
const bestOption = (r: SchemeResult) =>
  r.options.reduce<OptionResult | undefined>((b, o) => (!b || totalIn(o) > totalIn(b) ? o : b), undefined);

function firstContact(info: RegionInfo): Contact | undefined {
  // The doctor's own département's contact first (e.g. one CPAM), else the region's first.
  return info.contacts.find((c) => c.department) ?? info.contacts[0];
}

function nextSteps(results: SchemeResult[], contact: Contact | undefined, prepare: string): NextStep[] {
  const steps: NextStep[] = [];
  const seen = new Set<string>();
  /** One step per text: schemes that share their way to apply show it once. */
  const step = (scheme: string, kind: string, text: string, shown: string, links: Source[]) => {
    if (seen.has(text)) return;
    seen.add(text);
    steps.push({ id: `${scheme}:${kind}`, text: shown, links, scheme });
  };
  for (const { id, apply, prepare: p } of results) {
    if (apply) step(id, 'apply', apply.text, apply.text, apply.links);
    if (p) step(id, 'prepare', p.text, prepare + p.text.replace(/^Préparez /, '').replace(/^Prepare /, ''), p.sources);
  }
  if (contact) steps.push(contactStep(contact));
  return steps;
}

function contactStep(c: Contact): NextStep {
  const links: Source[] = c.url ? [{ ref: c.url, title: c.label, url: c.url }] : [];
  return { id: 'contact', text: c.label, links, contact: c };
}

function sourcesOf(results: SchemeResult[]): Source[] {
  const out = new Map<string, Source>();
  for (const r of results) for (const p of bestOption(r)?.payments ?? []) for (const s of p.sources) if (!out.has(s.ref)) out.set(s.ref, s);
  return [...out.values()];
}

/** No headline yet: what decides it (the first open condition), or why nothing applies. */
function withoutHeadline(schemes: SchemeResult[], profile: Profile, contact: Contact | undefined, env: Env): Answer {
  const t = texts(env.lang);
  // Object literals, not spreads of a shared base: `{ ...base, more }` takes V8's slow path (microseconds each).
  const answer = (status: Answer['status'], text: string, nextSteps: NextStep[], sources: Source[]): Answer => ({
    status,
    text,
    schemes: [],
    years: 0,
    assumes: [],
    upTo: [],
    ask: [],
    nextSteps,
    sources,
  });
  const open = schemes.find((s) => s.status === 'incomplete');
  if (open) {
    // What decides it, when the texts leave a doubt on the very answer given (775 patients exactly); else, the next questions.
    const reason = anyAnswer(profile) ? open.reasons.find((r) => r.ok === null && r.estimate) : undefined;
    if (!reason) return answer('pending', t.start, [], []);
    const fields = reason.fields ?? [];
    const pending = answer('pending', reason.text, [], reason.sources);
    pending.open = { scheme: open.id, reason: reason.id, fields };
    pending.ask = fields.slice();
    return pending;
  }
  const found = schemes.find((s) => s.status === 'ineligible')?.reasons.find((r) => r.ok === false);
  // After a colon, French goes on in lower case (an acronym such as « CAIM » stays as it is).
  const why = found && (CAPITALISED.test(found.text) ? found.text[0].toLowerCase() + found.text.slice(1) : found.text);
  return answer(
    schemes.length ? 'ineligible' : 'pending',
    // The reason's text may arrive after the first answer (the widget's split build): the short sentence meanwhile.
    why ? fill(t.none, { why }, env.lang) : schemes.length ? t.noneShort : t.start,
    contact ? [contactStep(contact)] : [],
    found?.sources ?? [],
  );
}

/** A word that starts with a capital and goes on in lower case (« Votre », not « CAIM »). */
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
