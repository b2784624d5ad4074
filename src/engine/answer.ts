/**
 * The answer, first: one sentence and one figure (or an "at least / up to" pair), what it assumes, and
 * what to do next. Built from the scheme results and the combinations, never from anything else: every
 * figure here is one of theirs. The headline holds only cumulations the texts allow; a higher band or an
 * unconfirmed cumulation is said apart, as « jusqu'à ».
 */
import { fill, formatNumber, localized } from './conditions.js';
import { textDate } from './schemes/aid.js';
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
  once: ', versés la 1ʳᵉ année',
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
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')}${texts(lang).and}${names[names.length - 1]}`;

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
  const byId = new Map(schemes.map((s) => [s.id, s]));
  const name = (id: string) => {
    const rule = env.rules.schemes.get(id);
    return (rule && localized(rule, 'name', lang)) || `« ${byId.get(id)?.title ?? id} »`;
  };
  const contact = firstContact(regionInfo);
  const best = combinations[0];
  if (!best?.schemes.length) return withoutHeadline(schemes, profile, contact, env);
  // Only contracts held whose payments are over: nothing to headline, say what is kept.
  if (best.total === 0 && !best.pending?.length && best.schemes.every((id) => byId.get(id)?.status === 'held'))
    return {
      ...withoutHeadline(schemes, profile, contact, env),
      status: 'ineligible',
      text: fill(t.heldOnly, { names: list(best.schemes.map(name), lang) }, lang),
    };

  const years = Math.max(
    1,
    best.perYear.reduce((last, v, i) => (v > 0 ? i + 1 : last), 0),
  );
  const total: Range = { min: best.totalMin ?? best.total, max: best.total };
  const firstYear: Range = { min: best.perYearMin?.[0] ?? best.perYear[0], max: best.perYear[0] };
  const results = best.schemes.map((id) => byId.get(id)!).filter(Boolean);
  const chooser = results.find((r) => r.choose && r.options.length > 1);
  const assumes: Assumption[] = [];
  const upTo: Answer['upTo'] = [];
  const horizon = years > 1 ? fill(t.horizon, { years }, lang) : '';

  // The doctor's choice (the assistant's working time): each choice's figures, the range between them.
  let choices: Answer['choices'];
  if (chooser) {
    const max = Math.max(...chooser.options.map((o) => totalIn(o)));
    const firstMax = Math.max(...chooser.options.map((o) => firstOf(o)));
    choices = chooser.options
      .filter((o) => !o.amountUnknown)
      .map((o) => ({
        field: chooser.choose!,
        value: o.id,
        label: o.short ?? o.label,
        total: best.total - max + totalIn(o),
        firstYear: best.perYear[0] - firstMax + firstOf(o),
      }))
      .sort((a, b) => a.total - b.total);
    assumes.push({ field: chooser.choose!, text: t.option });
  }
  // A band not settled: the lowest band's amounts, the higher ones « jusqu'à ».
  for (const r of results) {
    const o = bestOption(r);
    if (!o?.alternatives?.length) continue;
    assumes.push({ field: 'percentile', text: fill(t.band, { band: o.band?.label ?? '' }, lang) });
    for (const alt of o.alternatives) {
      const up = best.total - totalIn(o) + alt.payments.filter((p) => p.year <= years).reduce((s, p) => s + p.amount, 0);
      upTo.push({
        reason: 'band',
        total: up,
        schemes: [r.id],
        text: fill(t.upBand, { condition: alt.text, total: money(up, lang), horizon }, lang),
      });
    }
  }
  // Dates and amounts the figure takes for granted.
  for (const r of results) {
    const rule = env.rules.schemes.get(r.id);
    if (rule?.dateField === 'contractDate' && profile.contractDate === undefined && r.status !== 'held')
      assumes.push({ field: 'contractDate', value: env.asOf, text: fill(t.date, { date: textDate(env.asOf, lang) }, lang) });
  }
  for (const id of best.pending ?? []) {
    const field = env.rules.schemes.get(id)?.amountField;
    if (field) assumes.push({ field, text: fill(t.pending, { name: name(id) }, lang) });
  }
  // A cumulation the texts do not settle: never in the headline, said as « si votre CPAM accepte le cumul ».
  const optimistic = combinations.find((c) => c.uncertain?.length && c.total > best.total);
  if (optimistic) {
    const extra = optimistic.schemes.filter((id) => !best.schemes.includes(id));
    upTo.push({
      reason: 'cumulation',
      total: optimistic.total,
      schemes: extra,
      text: fill(t.upCumul, { names: list(extra.map(name), lang), total: money(optimistic.total, lang), horizon }, lang),
    });
  }

  const held = results.some((r) => r.status === 'held');
  const named = (id: string) => {
    const n = held || lang === 'en' ? name(id) : withA(name(id));
    return best.pending?.includes(id) && best.total > 0 ? fill(t.pendingName, { name: n }, lang) : n;
  };
  const names = list(best.schemes.map(named), lang);
  let amount: string;
  if (total.min === total.max) amount = money(total.max, lang);
  else if (choices && choices.length > 1)
    amount = fill(
      t.choice,
      {
        min: money(total.min, lang),
        minLabel: choices[0].label,
        max: money(total.max, lang),
        maxLabel: choices[choices.length - 1].label,
      },
      lang,
    );
  else amount = fill(t.atLeast, { min: money(total.min, lang), max: money(total.max, lang) }, lang);
  const firstText =
    years === 1
      ? ''
      : fill(t.firstYear, { first: firstYear.min === firstYear.max ? money(firstYear.max, lang) : span(firstYear, lang) }, lang);
  // Every amount still to be set (a CESP without its months): no figure to headline, only what it depends on.
  const unset = best.total === 0 && !!best.pending?.length;
  const text = fill(unset ? t.canPending : held ? t.canHeld : t.can, { names, amount, horizon, first: firstText }, lang);

  const answer: Answer = {
    status: 'eligible',
    text,
    schemes: best.schemes,
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
  if (choices && choices.length > 1) answer.choices = choices;
  if (best.pending?.length) answer.pending = best.pending;
  if (best.estimate) answer.estimate = true;
  return answer;
}

function span(r: Range, lang: Env['lang']): string {
  return lang === 'en'
    ? fill(texts(lang).span, { min: money(r.min, lang), max: money(r.max, lang) }, lang)
    : // « 19 000 à 38 000 € »: the unit once.
      fill(FR.span, { min: formatNumber(r.min, lang), max: money(r.max, lang) }, lang);
}

/** Total of an option within the 5-year window (what combinations count). */
const totalIn = (o: OptionResult) => o.payments.filter((p) => p.year <= 5).reduce((s, p) => s + p.amount, 0);
const firstOf = (o: OptionResult) => o.payments.filter((p) => p.year === 1).reduce((s, p) => s + p.amount, 0);
const bestOption = (r: SchemeResult) =>
  r.options.reduce<OptionResult | undefined>((b, o) => (!b || totalIn(o) > totalIn(b) ? o : b), undefined);

function firstContact(info: RegionInfo): Contact | undefined {
  // The doctor's own département's contact first (e.g. one CPAM), else the region's first.
  return info.contacts.find((c) => c.department) ?? info.contacts[0];
}

function nextSteps(results: SchemeResult[], contact: Contact | undefined, prepare: string): NextStep[] {
  const steps: NextStep[] = [];
  const texts = new Set<string>();
  for (const r of results) {
    if (r.apply && !texts.has(r.apply.text)) {
      texts.add(r.apply.text);
      steps.push({ id: `${r.id}:apply`, text: r.apply.text, links: r.apply.links, scheme: r.id });
    }
    if (r.prepare && !texts.has(r.prepare.text)) {
      texts.add(r.prepare.text);
      steps.push({ id: `${r.id}:prepare`, text: prepare + lowerFirst(r.prepare.text), links: r.prepare.sources, scheme: r.id });
    }
  }
  if (contact) steps.push(contactStep(contact));
  return steps;
}

const lowerFirst = (s: string) => s.replace(/^Préparez /, '').replace(/^Prepare /, '');

function contactStep(c: Contact): NextStep {
  const links: Source[] = c.url ? [{ ref: c.url, title: c.label, url: c.url }] : [];
  return { id: 'contact', text: c.label, links, contact: c };
}

function sourcesOf(results: SchemeResult[]): Source[] {
  const out = new Map<string, Source>();
  for (const r of results) {
    const o = bestOption(r);
    for (const p of o?.payments ?? []) for (const s of p.sources) if (!out.has(s.ref)) out.set(s.ref, s);
  }
  return [...out.values()];
}

/** No headline yet: what decides it (the first open condition), or why nothing applies. */
function withoutHeadline(schemes: SchemeResult[], profile: Profile, contact: Contact | undefined, env: Env): Answer {
  const t = texts(env.lang);
  const base = { schemes: [], years: 0, assumes: [], upTo: [], ask: [], sources: [] as Source[] };
  const steps = contact ? [contactStep(contact)] : [];
  const open = schemes.find((s) => s.status === 'incomplete');
  if (open) {
    const answered = Object.keys(profile).length > 0;
    // What decides it, when the texts leave a doubt on the very answer given (775 patients exactly); else, the next questions.
    const reason = answered ? open.reasons.find((r) => r.ok === null && r.estimate) : undefined;
    const answer: Answer = { ...base, status: 'pending', text: reason ? reason.text : t.start, nextSteps: [] };
    if (reason) {
      answer.open = { scheme: open.id, reason: reason.id, fields: reason.fields ?? [] };
      answer.ask = (reason.fields ?? []).slice();
      answer.sources = reason.sources;
    }
    return answer;
  }
  const refused = schemes.find((s) => s.status === 'ineligible');
  const found = refused?.reasons.find((r) => r.ok === false);
  // After a colon, French goes on in lower case (an acronym such as « CAIM » stays as it is).
  const why = found && {
    ...found,
    text: /^\p{Lu}\p{Ll}/u.test(found.text) ? found.text[0].toLowerCase() + found.text.slice(1) : found.text,
  };
  return {
    ...base,
    status: schemes.length ? 'ineligible' : 'pending',
    // The reason's text may arrive after the first answer (the widget's split build): the short sentence meanwhile.
    text: why?.text ? fill(t.none, { why: why.text }, env.lang) : schemes.length ? t.noneShort : t.start,
    nextSteps: steps,
    sources: why?.sources ?? [],
  };
}
