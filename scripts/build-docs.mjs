#!/usr/bin/env node
// Builds the documentation site from the rule files: one page per scheme, one per region, an index and
// the rules changelog, in plain HTML and CSS (no script, no external request: it works from the file
// system). Every figure is read from rules/ and shown with its sources; nothing is computed here but
// formats and the open/closed state of each regime on the build date.
//
//   npm run docs                                   → site/
//   node scripts/build-docs.mjs --out /tmp/site    (also --rules <dir>, --date YYYY-MM-DD)
//
// URL scheme (documented in rules/README.md, "Documentation pages"): schemes/<id>.html#<regime>-…,
// regions/<id>.html, changelog.html.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { date, esc, estimate, euros, h, nextDay, num, page, percent, provenance, slug, sourceList, table } from './docs/html.mjs';
import { markdown } from './docs/markdown.mjs';
import { expectWords, fieldLabel, genericWords, numberWords, profileWords, ruleText, testWords } from './docs/words.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

// ---------------------------------------------------------------------------------------------------------
// Loading

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Every rule file the site shows. Missing optional files (tables, cumulation, changelog) give empty data. */
export function loadRules(dir) {
  const list = (sub) =>
    existsSync(join(dir, sub))
      ? readdirSync(join(dir, sub))
          .filter((f) => f.endsWith('.json'))
          .sort()
      : [];
  const optional = (file, fallback) => (existsSync(join(dir, file)) ? readJson(join(dir, file)) : fallback);
  const schemes = list('schemes')
    .filter((f) => !f.endsWith('.examples.json'))
    .map((f) => ({ ...readJson(join(dir, 'schemes', f)), _file: `schemes/${f}` }));
  const schemeExamples = list('schemes')
    .filter((f) => f.endsWith('.examples.json'))
    .map((f) => ({ ...readJson(join(dir, 'schemes', f)), _file: `schemes/${f}` }));
  const crossExamples = list('examples').map((f) => ({ ...readJson(join(dir, 'examples', f)), _file: `examples/${f}` }));
  const regions = list('regions').map((f) => ({ ...readJson(join(dir, 'regions', f)), _file: `regions/${f}` }));
  const departements = optional('tables/departements.json', { departements: [] });
  const percentiles = optional('tables/percentiles.json', { distributions: [] });
  const specialties = optional('tables/specialties.json', { specialties: [] });
  const cumulation = optional('cumulation.json', { rules: [] });
  const sources = optional('sources.json', { sources: {} }).sources ?? {};
  const changelog = existsSync(join(dir, 'CHANGELOG.md')) ? readFileSync(join(dir, 'CHANGELOG.md'), 'utf8') : '';

  // Display order: the national region's, then any other scheme by id.
  const national = regions.find((r) => r.id === 'national')?.schemes ?? [];
  const rank = (id) => (national.includes(id) ? national.indexOf(id) : national.length);
  schemes.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
  regions.sort((a, b) => (a.id === 'national' ? -1 : b.id === 'national' ? 1 : a.title.localeCompare(b.title, 'fr')));

  const updated = [...schemes, ...regions, percentiles, specialties, cumulation].map((f) => f.updated).filter(Boolean);
  return {
    schemes,
    schemeExamples,
    crossExamples,
    regions,
    departements,
    percentiles,
    specialties,
    cumulation,
    sources,
    changelog,
    rulesVersion: updated.sort().at(-1) ?? '',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Dates and states

/** Regimes newest first: by signature start, a regime without one being the oldest. */
function regimesNewestFirst(scheme) {
  const key = (r) => r.signedFrom?.date ?? '';
  return [...scheme.regimes].sort(
    (a, b) => key(b).localeCompare(key(a)) || (b.signedTo?.date ?? '9999').localeCompare(a.signedTo?.date ?? '9999'),
  );
}

/** 'open' | 'closed' | 'upcoming' for new contracts signed on `today`, from the regime's own dates. */
function regimeState(regime, today) {
  if (regime.signedTo && regime.signedTo.date < today) return 'closed';
  if (regime.signedFrom && regime.signedFrom.date > today) return 'upcoming';
  return 'open';
}

function schemeState(scheme, today) {
  const states = scheme.regimes.map((r) => regimeState(r, today));
  if (states.includes('open')) return { state: 'open', regime: scheme.regimes[states.indexOf('open')] };
  if (states.includes('upcoming')) {
    const next = scheme.regimes
      .filter((_, i) => states[i] === 'upcoming')
      .sort((a, b) => a.signedFrom.date.localeCompare(b.signedFrom.date))[0];
    return { state: 'upcoming', regime: next };
  }
  const last = scheme.regimes
    .map((r) => r.signedTo?.date)
    .sort()
    .at(-1);
  return { state: 'closed', lastSigned: last };
}

function windowWords(regime) {
  const from = regime.signedFrom?.date;
  const to = regime.signedTo?.date;
  if (from && to) return `contrats signés du ${date(from)} au ${date(to)}`;
  if (from) return `contrats signés depuis le ${date(from)}`;
  if (to) return `contrats signés jusqu’au ${date(to)}`;
  return 'sans date de signature dans les règles';
}

function stateWords(s) {
  if (s.state === 'open') return `Ouvert aux nouveaux contrats (${esc(s.regime.title)}, ${windowWords(s.regime)}).`;
  if (s.state === 'upcoming') return `Ouvert aux contrats signés à partir du ${date(s.regime.signedFrom.date)}.`;
  return `Fermé aux nouveaux contrats depuis le ${date(nextDay(s.lastSigned))} (derniers contrats signés le ${date(s.lastSigned)}) ; les contrats en cours vont à leur terme.`;
}

// ---------------------------------------------------------------------------------------------------------
// Labels (presentation only: every figure comes from the rule files)

const SITUATIONS = {
  installe: 'médecins installés',
  installation: 'médecins qui s’installent',
  remplacant: 'médecins remplaçants',
  etudiant: 'étudiants et internes en médecine',
};
const KINDS = {
  'band-table': 'montants annuels par tranche de patientèle, sur la durée du contrat',
  'prorata-days': 'montant forfaitaire selon l’activité hebdomadaire, versé selon un calendrier',
  forfait: 'forfait annuel avec majorations',
  'percent-fees': 'pourcentage des honoraires, plafonné chaque année',
  allowance: 'allocation mensuelle',
  'one-off': 'aide versée une fois',
  'percent-forfait': 'majoration en pourcentage d’un forfait',
  range: 'montant donné par les textes comme une fourchette',
};
/** The wordings the simulator shows for one rule (met, not met, unanswered…), folded; nothing when there is one. */
function wordings(variants) {
  if (variants.length < 2) return '';
  const rows = variants.map(([k, v]) => [h('dt', null, k), h('dd', null, ruleText(v))]);
  return h('details', null, h('summary', null, 'Formulations affichées par le simulateur'), h('dl', null, rows));
}

/** Parameters of the kinds (src/engine/schemes/*.ts): label and unit. An unknown key keeps its name. */
const PARAMS = {
  base: ['Forfait annuel de base', 'euro'],
  hopital: ['Majoration pour une activité en hôpital de proximité', 'euro'],
  trainee: ['Par mois de stage accueilli (stagiaire à temps plein)', 'euro'],
  years: ['Durée du contrat', 'years'],
  duration: ['Durée du contrat', 'years'],
  renewable: ['Renouvelable', 'flag'],
  maxYears: ['Durée maximale, renouvellement compris', 'years'],
  s2: ['Secteur 2 : montant proratisé selon la part d’activité à tarifs opposables', 'flag'],
  payMonths: ['Délai de versement', 'months'],
  monthly: ['Allocation mensuelle brute', 'euro'],
  minMonths: ['Durée minimale d’engagement', 'months'],
  min: ['Montant minimal', 'euro'],
  max: ['Montant maximal', 'euro'],
  rate: ['Taux', 'share'],
  cap: ['Plafond annuel', 'euro'],
  stack: ['Cumul des majorations (1 : elles s’additionnent ; 0 : la plus forte s’applique)', 'raw'],
  example: ['Forfait pris pour exemple', 'euro'],
  amount: ['Montant', 'euro'],
  halfDays: ['Demi-journées par semaine donnant le montant plein', 'raw'],
};
const PAYMENT = {
  years: ['Durée du contrat', 'years'],
  advanceFrom: ['Acompte et solde à partir de l’année de contrat', 'raw'],
  advanceShare: ['Part versée en acompte à la date anniversaire', 'share'],
  balanceDelayMonths: ['Délai de versement du solde', 'months'],
};
const AMOUNT_KEYS = { standard: 'Montant', rate: 'Taux', amount: 'Montant' };
const NOTE_KINDS = { info: 'Information', warning: 'Attention', estimate: 'Estimation', cpam: 'À voir avec la CPAM' };
const OBJECTIVE_KINDS = {
  maintain: 'maintenir la patientèle de départ',
  reach: 'atteindre un percentile de la spécialité',
  rate: 'augmenter la patientèle d’un taux fixé par option et par tranche',
  grid: 'augmenter la patientèle selon la grille de la spécialité (grille non publiée : un pack de règles de la CPAM peut la fournir)',
  cpam: 'objectif fixé avec la CPAM',
};
const CUMULATION_KINDS = {
  excluded: 'Non cumulables',
  allowed: 'Cumulables',
  unknown: 'Cumul non établi par les textes',
  sequence: 'L’un peut suivre l’autre',
};
const BOUNDARY = {
  inclusive: 'un effectif égal au seuil l’atteint',
  exclusive: 'un effectif égal au seuil ne l’atteint pas',
  ambiguous: 'les textes divergent pour un effectif égal au seuil',
};
const TAGS = { S: 'énoncé dans une source', D: 'déduit de règles sourcées', I: 'repose sur une inférence' };

function unitValue(value, unit) {
  if (typeof value !== 'number') return esc(genericWords(value));
  if (unit === 'flag') return value ? `oui (${num(value)})` : `non (${num(value)})`;
  return numberWords(value, unit);
}

// ---------------------------------------------------------------------------------------------------------
// Generic rendering: whatever key a page does not know is still shown, never dropped.

function genericHtml(value, sources) {
  if (value === null || typeof value !== 'object') return esc(genericWords(value));
  if (Array.isArray(value))
    return h(
      'ul',
      null,
      value.map((v) => h('li', null, genericHtml(v, sources))),
    );
  const entries = Object.entries(value).filter(([k]) => k !== 'sources' && k !== 'inferred');
  const body = entries.length
    ? h(
        'dl',
        { class: 'generic' },
        entries.map(([k, v]) => [h('dt', null, esc(k)), h('dd', null, genericHtml(v, sources))]),
      )
    : '';
  return body + provenance(value, sources);
}

function extras(obj, known, sources, heading) {
  const rest = Object.entries(obj ?? {}).filter(([k]) => !known.includes(k) && !k.startsWith('$') && !k.startsWith('_'));
  if (!rest.length) return '';
  const dl = h(
    'dl',
    { class: 'generic' },
    rest.map(([k, v]) => [h('dt', null, h('code', null, esc(k))), h('dd', null, genericHtml(v, sources))]),
  );
  return heading ? heading + dl : h('div', { class: 'extras' }, h('p', { class: 'muted' }, 'Autres données de la règle\u00a0:'), dl);
}

// ---------------------------------------------------------------------------------------------------------
// Scheme page

const SCHEME_KEYS = [
  'id',
  'version',
  'updated',
  'title',
  'title_en',
  'name',
  'name_en',
  'kind',
  'situations',
  'applies',
  'dateField',
  'amountField',
  'scope',
  'regions',
  'sources',
  'regimes',
  'apply',
  'prepare',
  'texts',
];
const REGIME_KEYS = [
  'id',
  'title',
  'title_en',
  'signedFrom',
  'signedTo',
  'revaluedBy',
  'conditions',
  'options',
  'params',
  'tables',
  'notes',
  'steps',
  'schedule',
  'threshold',
  'bands',
  'payment',
  'objectiveIndicators',
  'objectives',
  'texts',
];

class SchemePage {
  constructor(scheme, rules, today) {
    this.s = scheme;
    this.rules = rules;
    this.today = today;
    this.src = rules.sources;
    this.regimes = regimesNewestFirst(scheme);
    this.specialtyLabels = Object.fromEntries(rules.specialties.specialties.map((x) => [x.id, x.label]));
    this.departementNames = Object.fromEntries(rules.departements.departements.map((d) => [d.code, d.name]));
  }

  /** Link to a scheme page from this page (same page: a fragment only). */
  schemeHref(id, anchor = '') {
    if (!this.rules.schemes.some((x) => x.id === id)) return null;
    if (id === this.s.id) return anchor ? `#${anchor}` : '#contenu';
    return `${slug(id)}.html${anchor ? `#${anchor}` : ''}`;
  }
  schemeLink(id) {
    const target = this.rules.schemes.find((x) => x.id === id);
    if (id === this.s.id) return h('strong', null, esc(target.title));
    const href = this.schemeHref(id);
    return href ? h('a', { href }, esc(target.title)) : esc(id);
  }

  words() {
    return { specialties: this.specialtyLabels, departements: this.departementNames };
  }

  render() {
    const s = this.s;
    const sections = [
      this.overview(),
      ...this.regimes.map((r) => this.regime(r)),
      this.howTo(),
      this.examples(),
      this.percentiles(),
      this.cumulation(),
      this.history(),
    ].filter(Boolean);
    const toc = h(
      'nav',
      { class: 'toc', 'aria-labelledby': 'sommaire' },
      h('h2', { id: 'sommaire' }, 'Sommaire'),
      h(
        'ol',
        null,
        sections.map((x) => {
          const m = /^<section id="([^"]+)"[^>]*>\s*<h2[^>]*>(.*?)<\/h2>/s.exec(x);
          return m ? h('li', null, h('a', { href: `#${m[1]}` }, m[2].replace(/<[^>]+>/g, ''))) : '';
        }),
      ),
    );
    const body = [
      h('h1', null, esc(s.title)),
      s.title_en ? h('p', { class: 'en', lang: 'en' }, esc(s.title_en)) : '',
      h(
        'p',
        { class: 'meta' },
        `Dernière mise à jour\u00a0: ${esc(date(s.updated))} · version ${esc(s.version)} · fichier `,
        h('code', null, `rules/${esc(s._file)}`),
      ),
      legend(),
      toc,
      ...sections,
    ].join('\n');
    return page({ title: s.title, root: '../', body, crumbs: [{ label: s.title }], rulesVersion: this.rules.rulesVersion });
  }

  overview() {
    const s = this.s;
    const st = schemeState(s, this.today);
    const regions = this.rules.regions.filter((r) => r.schemes?.includes(s.id));
    const rows = [
      ['Ce que c’est', `${esc(capitalize(s.name ?? s.title))}.`],
      ['Mode de calcul', `${esc(capitalize(KINDS[s.kind] ?? s.kind))}.`],
      ['Qui est concerné', s.situations ? esc(s.situations.map((x) => SITUATIONS[x] ?? x).join(', ')) : 'toutes les situations'],
      s.applies ? ['Seulement si', testWords(s.applies, this.words())] : null,
      [`État au ${esc(date(this.today))}`, stateWords(st)],
      ['Régime choisi par', s.dateField ? `la ${esc(fieldLabel(s.dateField))}` : 'la date de la simulation'],
      s.amountField ? ['Montant calculé à partir de', esc(fieldLabel(s.amountField))] : null,
      [
        'Portée',
        s.scope === 'regional'
          ? `régionale (${(s.regions ?? []).map((r) => this.regionLink(r)).join(', ')})`
          : esc(s.scope === 'national' ? 'nationale' : s.scope),
      ],
      regions.length ? ['Proposé dans', regions.map((r) => this.regionLink(r.id)).join(', ')] : null,
      ['Régimes', this.regimes.map((r) => `${h('a', { href: `#${slug(r.id)}` }, esc(r.title))} (${windowWords(r)})`).join(' ; ')],
    ].filter(Boolean);
    return h(
      'section',
      { id: 'overview' },
      h('h2', null, 'En bref'),
      h(
        'dl',
        { class: 'facts' },
        rows.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))),
      ),
      sourceList(s.sources, this.src, 'Sources générales'),
      extras(s, SCHEME_KEYS, this.src),
      this.texts(s.texts, 'Textes affichés par le simulateur pour ce dispositif'),
    );
  }

  regionLink(id) {
    const r = this.rules.regions.find((x) => x.id === id);
    return r ? h('a', { href: `../regions/${slug(id)}.html` }, esc(r.title)) : esc(id);
  }

  regime(r) {
    const rid = slug(r.id);
    const state = regimeState(r, this.today);
    const stateLine =
      state === 'closed'
        ? `Fermé aux nouveaux contrats depuis le ${date(nextDay(r.signedTo.date))}.`
        : state === 'upcoming'
          ? `S’applique aux contrats signés à partir du ${date(r.signedFrom.date)}.`
          : `En vigueur au ${date(this.today)}.`;
    const parts = [
      h('h2', null, esc(r.title), ' ', h('span', { class: 'window' }, `(${windowWords(r)})`)),
      r.title_en ? h('p', { class: 'en', lang: 'en' }, esc(r.title_en)) : '',
      h('p', { class: `state state-${state}` }, stateLine),
      this.window(r, rid),
      this.conditions(r, rid),
      this.threshold(r, rid),
      this.bands(r, rid),
      this.options(r, rid),
      this.tables(r, rid),
      this.params(r, rid),
      this.steps(r, rid),
      this.schedule(r, rid),
      this.payment(r, rid),
      this.objectives(r, rid),
      this.revaluation(r, rid),
      this.notes(r, rid),
      extras(r, REGIME_KEYS, this.src, h('h3', null, 'Autres données du régime')),
      this.texts(r.texts, 'Textes affichés par le simulateur pour ce régime'),
    ];
    return h('section', { id: rid, class: 'regime' }, parts);
  }

  window(r, rid) {
    const item = (key, label) =>
      r[key]
        ? h(
            'div',
            { id: `${rid}-${key === 'signedFrom' ? 'signed-from' : 'signed-to'}`, class: 'figure' },
            h('dt', null, label),
            h('dd', null, h('strong', null, esc(date(r[key].date))), provenance(r[key], this.src)),
          )
        : '';
    const from = item('signedFrom', 'Contrats signés à partir du');
    const to = item('signedTo', 'Contrats signés jusqu’au');
    return (
      h('h3', null, 'Période de signature') +
      (from || to ? h('dl', { class: 'facts' }, from, to) : h('p', null, 'Les règles ne donnent pas de date de signature pour ce régime.'))
    );
  }

  /** A condition (or a derogation): the `ok` text as the rule, the test in words, other wordings folded. */
  rule(c, id) {
    const t = c.text ?? {};
    // The `ok` text states the rule; when it only makes sense filled in (« Votre spécialité ({specialtyLabel}) »),
    // the general `unknown` wording reads better on a page.
    const filled = (x) => /\{[A-Za-z0-9_.]+\}/.test(x ?? '');
    const main = (filled(t.ok) && t.unknown && !filled(t.unknown) ? t.unknown : t.ok) ?? t.unknown ?? t.ko ?? c.id;
    const variants = [
      t.ok && (t.ko || t.unknown) ? ['Condition remplie', t.ok] : null,
      t.ko ? ['Condition non remplie', t.ko] : null,
      t.unknown ? ['Réponse manquante', t.unknown] : null,
    ].filter(Boolean);
    return h(
      'li',
      { id, class: 'rule' },
      h('p', { class: 'rule-text' }, ruleText(main)),
      c.test ? h('p', { class: 'test' }, h('span', { class: 'k' }, 'Règle\u00a0: '), testWords(c.test, this.words())) : '',
      c.when
        ? h('p', { class: 'test' }, h('span', { class: 'k' }, 'S’applique seulement si\u00a0: '), testWords(c.when, this.words()))
        : '',
      wordings(variants),
      provenance(c, this.src),
      extras(c, ['id', 'when', 'test', 'text', 'sources', 'inferred'], this.src),
    );
  }

  conditions(r, rid) {
    if (!r.conditions?.length) return h('h3', null, 'Conditions') + h('p', null, 'Aucune condition dans les règles de ce régime.');
    return (
      h('h3', null, 'Conditions') +
      h(
        'p',
        { class: 'muted' },
        'Toutes doivent être remplies. Chaque condition est donnée telle que le simulateur l’affiche, avec la règle qu’il applique.',
      ) +
      h(
        'ol',
        { class: 'rules' },
        r.conditions.map((c) => this.rule(c, `${rid}-condition-${slug(c.id)}`)),
      )
    );
  }

  threshold(r, rid) {
    const t = r.threshold;
    if (!t) return '';
    return (
      h('h3', null, 'Seuil minimal de patientèle') +
      h(
        'div',
        { id: `${rid}-condition-${slug(t.id)}`, class: 'figure' },
        h(
          'p',
          null,
          'Patientèle au moins égale au ',
          h('strong', null, `P${num(t.percentile)}`),
          ' de la spécialité (percentile de la distribution nationale, voir ',
          h('a', { href: '#percentiles' }, 'les seuils publiés'),
          ').',
        ),
        provenance(t, this.src),
        extras(t, ['id', 'percentile', 'derogations', 'sources', 'inferred'], this.src),
      ) +
      (t.derogations?.length
        ? h('h4', null, 'Dérogations au seuil') +
          h('p', { class: 'muted' }, 'Le seuil ne s’applique pas quand l’une d’elles est remplie.') +
          h(
            'ol',
            { class: 'rules' },
            t.derogations.map((d) => this.rule(d, `${rid}-derogation-${slug(d.id)}`)),
          )
        : '')
    );
  }

  indicators(list) {
    return list
      .map((x, i) => {
        const fields = x.fields.map(fieldLabel).join(' et ');
        if (x.when) return `${esc(fields)} si ${testWords(x.when, this.words())}`;
        return i ? `sinon ${esc(fields)}` : esc(fields);
      })
      .join(' ; ');
  }

  bands(r, rid) {
    const b = r.bands;
    if (!b) return '';
    return (
      h('h3', { id: `${rid}-bands` }, 'Tranches de patientèle') +
      h('p', null, 'Indicateur qui place dans une tranche\u00a0: ', this.indicators(b.indicators), '.') +
      (b.topAny
        ? h(
            'p',
            null,
            'Avec plusieurs indicateurs, la tranche la plus basse s’applique ; la tranche la plus haute dès que l’un des indicateurs l’atteint.',
          )
        : '') +
      table({
        id: `${rid}-bands-table`,
        caption: `Tranches de patientèle (${esc(r.title)})`,
        head: ['Tranche', 'À partir du percentile', 'Ligne de montants'],
        rows: b.levels.map((l) => ({
          id: `${rid}-band-${slug(l.id)}`,
          th: esc(l.label),
          cells: [`P${num(l.from)}`, esc(l.amounts ?? 'standard')],
        })),
      }) +
      provenance(b, this.src) +
      extras(b, ['indicators', 'topAny', 'levels', 'sources', 'inferred'], this.src)
    );
  }

  /** Amount rows of an option (or of a regime's `tables`) as one table: rows by band or key, columns by contract year. */
  amountTable({ id, caption, amounts, r }) {
    const keys = Object.keys(amounts);
    const rowsSpec = [];
    if (r.bands && this.s.kind === 'band-table') {
      const byKey = new Map();
      for (const l of r.bands.levels) {
        const k = l.amounts ?? 'standard';
        if (!byKey.has(k)) byKey.set(k, []);
        byKey.get(k).push(l.label);
      }
      for (const [k, labels] of byKey) if (amounts[k]) rowsSpec.push({ key: k, label: labels.join(', ') });
      for (const k of keys) if (!byKey.has(k)) rowsSpec.push({ key: k, label: k });
    } else for (const k of keys) rowsSpec.push({ key: k, label: AMOUNT_KEYS[k] ?? k });
    const span = (row) => (row.firstYear ?? 1) - 1 + row.values.length;
    const years = Math.max(1, ...rowsSpec.map((x) => span(amounts[x.key])));
    const head = [r.bands && this.s.kind === 'band-table' ? 'Tranche' : 'Nature'];
    for (let y = 1; y <= years; y++) {
      head.push(
        y < years
          ? `Année ${y}`
          : years === 1
            ? this.s.kind === 'one-off'
              ? 'Versé une fois'
              : 'Chaque année'
            : `Année ${y} et suivantes`,
      );
    }
    head.push('Sources et lecture');
    const fmt = (key, v) => (key === 'rate' ? percent(v) : euros(v));
    const rows = rowsSpec.map(({ key, label }) => {
      const row = amounts[key];
      const first = row.firstYear ?? 1;
      const cells = [];
      for (let y = 1; y <= years; y++) {
        if (y < first) cells.push({ className: 'num none', html: '—' + h('span', { class: 'sr' }, ' (pas de versement)') });
        else cells.push({ className: 'num', html: fmt(key, row.values[Math.min(y - first, row.values.length - 1)]) });
      }
      cells.push({
        className: 'src',
        html: provenance(row, this.src) + extras(row, ['values', 'firstYear', 'sources', 'inferred'], this.src),
      });
      return {
        id: `${id}-${slug(key)}`,
        th: esc(label) + (row.inferred ? ' ' + h('span', { class: 'badge' }, 'Estimation') : ''),
        cells,
        className: row.inferred ? 'inferred' : null,
      };
    });
    return table({ id: `${id}-table`, caption, head, rows, className: 'amounts' });
  }

  options(r, rid) {
    if (!r.options?.length) return '';
    const blocks = r.options.map((o) => {
      const oid = `${rid}-${slug(o.id)}`;
      const flags = [
        o.open === false ? 'Option fermée aux nouveaux contrats : elle ne concerne que les contrats en cours.' : '',
        o.when ? `Proposée seulement si ${testWords(o.when, this.words())}.` : '',
      ].filter(Boolean);
      const hasAmounts = Object.keys(o.amounts ?? {}).length > 0;
      const computed = r.params || r.steps || r.schedule;
      return h(
        'section',
        { id: `${rid}-option-${slug(o.id)}`, class: 'option' },
        h(
          'h4',
          null,
          esc(o.label),
          o.short && !o.label.toLowerCase().includes(o.short.toLowerCase()) ? ` (${esc(o.short)})` : '',
          o.label_en ? h('span', { class: 'en', lang: 'en' }, ` · ${esc(o.label_en)}`) : '',
        ),
        flags.length ? h('p', null, flags.join(' ')) : '',
        hasAmounts
          ? this.amountTable({
              id: oid,
              caption: `${esc(o.label)}\u00a0: ${Object.keys(o.amounts).every((k) => k === 'rate') ? 'taux' : 'montants'} par année de contrat (${esc(r.title)})`,
              amounts: o.amounts,
              r,
            })
          : h(
              'p',
              null,
              computed
                ? 'Pas de table de montants pour cette option\u00a0: le montant se calcule avec les paramètres de ce régime, ci-dessous.'
                : 'Montant non publié dans les textes consultés\u00a0: il est fixé avec la CPAM (ou l’organisme qui signe le contrat).',
            ),
        extras(o, ['id', 'label', 'label_en', 'short', 'short_en', 'open', 'when', 'amounts'], this.src),
      );
    });
    return h('h3', { id: `${rid}-options` }, r.bands ? 'Montants par option et par tranche' : 'Options') + blocks.join('');
  }

  tables(r, rid) {
    if (!r.tables || !Object.keys(r.tables).length) return '';
    return (
      h('h3', null, 'Tables') +
      this.amountTable({
        id: `${rid}-tables`,
        caption: `Tables du régime (${esc(r.title)})`,
        amounts: r.tables,
        r: { ...r, bands: undefined },
      })
    );
  }

  params(r, rid) {
    const entries = Object.entries(r.params ?? {});
    if (!entries.length) return '';
    return (
      h('h3', null, 'Paramètres') +
      table({
        id: `${rid}-params`,
        caption: `Paramètres (${esc(r.title)})`,
        head: ['Paramètre', 'Valeur', 'Sources et lecture'],
        rows: entries.map(([k, f]) => {
          const [label, unit] = PARAMS[k] ?? [k, 'raw'];
          return {
            id: `${rid}-param-${slug(k)}`,
            th:
              esc(label) +
              (PARAMS[k] ? ' ' + h('code', { class: 'key' }, esc(k)) : '') +
              (f.inferred ? ' ' + h('span', { class: 'badge' }, 'Estimation') : ''),
            cells: [
              { className: 'num', html: unitValue(f.value, unit) },
              { className: 'src', html: provenance(f, this.src) + extras(f, ['value', 'sources', 'inferred'], this.src) },
            ],
            className: f.inferred ? 'inferred' : null,
          };
        }),
      })
    );
  }

  steps(r, rid) {
    if (!r.steps?.length) return '';
    const field = this.s.amountField;
    return (
      h('h3', null, 'Barème') +
      h('p', { class: 'muted' }, 'La ligne au seuil le plus haut atteint s’applique.') +
      table({
        id: `${rid}-steps`,
        caption: `Montant selon ${field ? esc(fieldLabel(field)) : 'la mesure'} (${esc(r.title)})`,
        head: ['À partir de', 'Montant', 'Sources et lecture'],
        rows: r.steps.map((st) => ({
          id: `${rid}-step-${slug(st.from)}`,
          th: esc(field ? genericStep(field, st.from) : num(st.from)),
          cells: [
            { className: 'num', html: euros(st.value) },
            { className: 'src', html: provenance(st, this.src) },
          ],
          className: st.inferred ? 'inferred' : null,
        })),
      })
    );
  }

  schedule(r, rid) {
    if (!r.schedule?.length) return '';
    return (
      h('h3', null, 'Calendrier de versement') +
      table({
        id: `${rid}-schedule`,
        caption: `Part du montant versée au début de chaque année de contrat (${esc(r.title)})`,
        head: ['Année de contrat', 'Part versée', 'Sources et lecture'],
        rows: r.schedule.map((x) => ({
          id: `${rid}-schedule-${slug(x.year)}`,
          th: `Année ${num(x.year)}`,
          cells: [
            { className: 'num', html: percent(x.share) },
            { className: 'src', html: provenance(x, this.src) },
          ],
          className: x.inferred ? 'inferred' : null,
        })),
      })
    );
  }

  payment(r, rid) {
    const p = r.payment;
    if (!p) return '';
    const items = Object.entries(p)
      .filter(([k]) => k !== 'sources' && k !== 'inferred')
      .map(([k, v]) => {
        const [label, unit] = PAYMENT[k] ?? [k, 'raw'];
        return h('div', null, h('dt', null, esc(label)), h('dd', null, unitValue(v, unit)));
      });
    if (!('advanceFrom' in p))
      items.push(h('div', null, h('dt', null, 'Acompte et solde'), h('dd', null, 'aucun\u00a0: chaque année est versée en une fois')));
    return (
      h('h3', null, 'Versements') +
      h('div', { id: `${rid}-payment`, class: 'figure' }, h('dl', { class: 'facts' }, items), provenance(p, this.src))
    );
  }

  objectives(r, rid) {
    if (!r.objectives?.length && !r.objectiveIndicators) return '';
    const levels = r.bands?.levels ?? [];
    const items = (r.objectives ?? []).map((o) => {
      const detail = [
        h(
          'p',
          { class: 'test' },
          h('span', { class: 'k' }, 'Type\u00a0: '),
          esc(OBJECTIVE_KINDS[o.kind] ?? o.kind),
          o.kind === 'reach' && o.percentile !== undefined ? ` (P${num(o.percentile)})` : '',
        ),
      ];
      if (o.floor)
        detail.push(
          h(
            'div',
            { id: `${rid}-objective-${slug(o.id)}-floor`, class: 'figure' },
            h('p', null, 'Plancher toléré\u00a0: ', h('strong', null, percent(o.floor.value)), ' de chaque indicateur de départ.'),
            provenance(o.floor, this.src),
          ),
        );
      if (o.rates) {
        const optionLabel = (k) => r.options?.find((x) => x.id === k)?.label ?? k;
        const width = Math.max(...Object.values(o.rates).map((x) => x.values.length));
        const head = [
          'Option',
          ...Array.from({ length: width }, (_, i) => (levels.length === width ? esc(levels[i].label) : `Tranche ${i + 1}`)),
          'Sources et lecture',
        ];
        detail.push(
          table({
            id: `${rid}-objective-${slug(o.id)}-rates`,
            caption: `Hausse de patientèle attendue par option et par tranche (${esc(r.title)})`,
            head,
            rows: Object.entries(o.rates).map(([k, row]) => ({
              id: `${rid}-objective-${slug(o.id)}-${slug(k)}`,
              th: esc(optionLabel(k)),
              cells: [
                ...Array.from({ length: width }, (_, i) => ({
                  className: 'num',
                  html: percent(row.values[Math.min(i, row.values.length - 1)]),
                })),
                { className: 'src', html: provenance(row, this.src) },
              ],
              className: row.inferred ? 'inferred' : null,
            })),
          }),
        );
      }
      const t = o.text ?? {};
      const variants = [
        t.ok && t.ko ? ['Si la règle s’applique', t.ok] : null,
        t.ko ? ['Sinon', t.ko] : null,
        t.unknown ? ['Tant qu’une réponse manque', t.unknown] : null,
      ].filter(Boolean);
      return h(
        'li',
        { id: `${rid}-objective-${slug(o.id)}`, class: 'rule' },
        h('p', { class: 'rule-text' }, ruleText(t.ok ?? t.unknown ?? t.ko ?? o.id)),
        h(
          'p',
          { class: 'test' },
          h('span', { class: 'k' }, 'Quand\u00a0: '),
          o.when
            ? testWords(o.when, this.words())
            : o.kind === 'grid'
              ? 'un pack de règles fournit la grille de la spécialité et de l’option'
              : 'dans les autres cas',
        ),
        detail,
        wordings(variants),
        // A floor usually cites what its rule cites: say it once.
        o.floor && JSON.stringify(o.floor.sources) === JSON.stringify(o.sources) && !o.inferred ? '' : provenance(o, this.src),
        extras(o, ['id', 'when', 'kind', 'floor', 'percentile', 'rates', 'text', 'sources', 'inferred'], this.src),
      );
    });
    return (
      h('h3', { id: `${rid}-objectives` }, 'Objectifs') +
      (r.objectiveIndicators ? h('p', null, 'Indicateurs suivis\u00a0: ', this.indicators(r.objectiveIndicators), '.') : '') +
      (items.length
        ? h('p', { class: 'muted' }, 'Les règles sont lues dans l’ordre\u00a0: la première dont la condition est remplie s’applique.') +
          h('ol', { class: 'rules' }, items)
        : '')
    );
  }

  revaluation(r, rid) {
    if (!r.revaluedBy) return '';
    const target = this.s.regimes.find((x) => x.id === r.revaluedBy);
    const name = target ? h('a', { href: `#${slug(target.id)}` }, esc(target.title)) : esc(r.revaluedBy);
    const start = target?.signedFrom;
    return (
      h('h3', null, 'Revalorisation') +
      h(
        'div',
        { id: `${rid}-revaluation`, class: 'figure' },
        h(
          'p',
          null,
          `Les contrats de ce régime passent aux montants du régime ${name}`,
          start ? ` à leur première date anniversaire à partir du ${date(start.date)}` : '',
          '.',
        ),
        start ? provenance(start, this.src) : '',
      )
    );
  }

  notes(r, rid) {
    if (!r.notes?.length) return '';
    return (
      h('h3', null, 'Notes') +
      h(
        'ul',
        { class: 'notes' },
        r.notes.map((n) =>
          h(
            'li',
            { id: `${rid}-note-${slug(n.id)}`, class: `note note-${slug(n.kind ?? 'info')}` },
            h('p', null, h('strong', { class: 'note-kind' }, esc(NOTE_KINDS[n.kind] ?? n.kind ?? 'Note')), ' ', ruleText(n.text)),
            n.when ? h('p', { class: 'test' }, h('span', { class: 'k' }, 'Affichée si\u00a0: '), testWords(n.when, this.words())) : '',
            provenance(n, this.src),
            extras(n, ['id', 'text', 'en', 'kind', 'when', 'sources', 'inferred'], this.src),
          ),
        ),
      )
    );
  }

  texts(texts, summary) {
    const entries = Object.entries(texts ?? {});
    if (!entries.length) return '';
    const variant = { ok: 'remplie', ko: 'non remplie', unknown: 'réponse manquante' };
    return h(
      'details',
      { class: 'texts' },
      h('summary', null, esc(summary)),
      h(
        'dl',
        null,
        entries.map(([k, t]) => [
          h('dt', null, h('code', null, esc(k))),
          Object.entries(t)
            .filter(([v]) => v !== 'en')
            .map(([v, text]) => h('dd', null, h('span', { class: 'k' }, `${esc(variant[v] ?? v)}\u00a0: `), ruleText(text))),
        ]),
      ),
    );
  }

  howTo() {
    const { apply, prepare } = this.s;
    if (!apply && !prepare) return '';
    return h(
      'section',
      { id: 'apply' },
      h('h2', null, 'Comment en bénéficier'),
      apply ? [h('p', null, esc(apply.text)), sourceList(apply.links, this.src, 'Liens')] : '',
      prepare ? [h('h3', { id: 'prepare' }, 'À préparer'), h('p', null, esc(prepare.text)), provenance(prepare, this.src)] : '',
    );
  }

  // --- Worked examples -----------------------------------------------------------------------------------

  regimeAt(scheme, day) {
    if (!day) return undefined;
    return scheme.regimes.find((r) => (!r.signedFrom || r.signedFrom.date <= day) && (!r.signedTo || r.signedTo.date >= day));
  }

  /** Words and links for one scheme's part of an expected result. */
  context(scheme, example, expect) {
    const day = example.profile?.[scheme.dateField] ?? example.asOf;
    const regime =
      (expect?.regime && scheme.regimes.find((r) => r.id === expect.regime)) || this.regimeAt(scheme, day) || regimesNewestFirst(scheme)[0];
    const anchorBase = (a) => this.schemeHref(scheme.id, a);
    return {
      isScheme: (id) => this.rules.schemes.some((x) => x.id === id),
      forScheme: (id, part) =>
        this.context(
          this.rules.schemes.find((x) => x.id === id),
          example,
          part,
        ),
      schemeLink: (id) => this.schemeLink(id),
      regimeLink: (id) => {
        const target = scheme.regimes.find((r) => r.id === id);
        return target ? h('a', { href: anchorBase(slug(id)) }, esc(target.title)) : esc(id);
      },
      optionLabel: (id) => {
        for (const r of [regime, ...scheme.regimes]) {
          const o = r?.options?.find((x) => x.id === id);
          if (o) return o.label;
        }
        return id;
      },
      conditionLink: (id) => {
        for (const r of [regime, ...regimesNewestFirst(scheme)]) {
          if (r?.conditions?.some((c) => c.id === id) || r?.threshold?.id === id)
            return h('a', { href: anchorBase(`${slug(r.id)}-condition-${slug(id)}`) }, `condition « ${esc(id)} »`);
        }
        return `condition « ${esc(id)} »`;
      },
    };
  }

  exampleBlock(ex, file, headingLevel) {
    const expectPart = ex.expect?.[this.s.id] ?? ex.expect;
    const ctx = this.context(this.s, ex, expectPart);
    const optionLabels = {};
    for (const sc of this.rules.schemes) for (const r of sc.regimes) for (const o of r.options ?? []) optionLabels[o.id] ??= o.label;
    const words = { ...this.words(), options: optionLabels };
    const tag = ex.tag ? h('span', { class: `tag tag-${slug(ex.tag)}` }, `${esc(ex.tag)} · ${esc(TAGS[ex.tag] ?? 'étiquette')}`) : '';
    const known = [
      'id',
      'tag',
      'title',
      'sources',
      'asOf',
      'profile',
      'input',
      'expect',
      'schemes',
      'region',
      'note',
      'combinations',
      'answer',
      'inferred',
    ];
    const facts = [
      ex.asOf ? ['Date de la simulation', esc(date(ex.asOf))] : null,
      ex.region ? ['Région', this.regionLink(ex.region)] : null,
      ex.schemes?.length > 1 || (ex.schemes && ex.schemes[0] !== this.s.id)
        ? ['Dispositifs simulés', ex.schemes.map((x) => this.schemeLink(x)).join(', ')]
        : null,
      ex.profile ? ['Profil', Object.keys(ex.profile).length ? profileWords(ex.profile, words).join(' ; ') : 'aucune réponse'] : null,
      ex.input ? ['Données', expectWords(ex.input, ctx)] : null,
      ex.expect ? ['Résultat attendu', expectWords(ex.expect, ctx)] : null,
      ex.combinations ? ['Combinaisons attendues', expectWords(ex.combinations, ctx)] : null,
      ex.answer ? ['Réponse attendue', expectWords(ex.answer, ctx, 'answer')] : null,
      ex.note ? ['Note', esc(ex.note)] : null,
    ].filter(Boolean);
    return h(
      'article',
      { id: `example-${slug(ex.id)}`, class: 'example' },
      h(`h${headingLevel}`, null, esc(ex.title ?? `Exemple ${ex.id}`), ' ', tag),
      h(
        'dl',
        { class: 'facts' },
        facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))),
      ),
      ex.sources?.length
        ? sourceList(ex.sources, this.src)
        : h(
            'p',
            { class: 'muted' },
            `Pas de source propre à cet exemple dans `,
            h('code', null, `rules/${esc(file)}`),
            '\u00a0: ses chiffres viennent des règles sourcées de cette page.',
          ),
      estimate(ex.inferred),
      extras(ex, known, this.src),
    );
  }

  examples() {
    const own = this.rules.schemeExamples.filter((f) => f.scheme === this.s.id);
    const cross = this.rules.crossExamples
      .map((f) => ({
        ...f,
        examples: (f.examples ?? []).filter((e) => e.schemes?.includes(this.s.id) || (e.expect && Object.hasOwn(e.expect, this.s.id))),
      }))
      .filter((f) => f.examples.length);
    if (!own.length && !cross.length) return '';
    const groups = [];
    for (const f of own) {
      for (const [key, list] of Object.entries(f)) {
        if (!Array.isArray(list) || !list.length || typeof list[0] !== 'object') continue;
        const title =
          key === 'examples'
            ? 'Exemples du dispositif'
            : key === 'modulation'
              ? 'Modulation de l’aide selon les objectifs (estimation)'
              : `Exemples\u00a0: ${key}`;
        groups.push(
          h('h3', null, esc(title)) +
            (f.description && key === 'examples' ? h('p', { class: 'muted' }, esc(f.description)) : '') +
            list.map((ex) => this.exampleBlock(ex, f._file, 4)).join(''),
        );
      }
    }
    for (const f of cross) {
      groups.push(
        h('h3', null, 'Exemples avec d’autres dispositifs ', h('code', null, `rules/${esc(f._file)}`)) +
          (f.description ? h('p', { class: 'muted' }, esc(f.description)) : '') +
          f.examples.map((ex) => this.exampleBlock(ex, f._file, 4)).join(''),
      );
    }
    return h(
      'section',
      { id: 'examples' },
      h('h2', null, 'Exemples chiffrés'),
      h(
        'p',
        null,
        'Chaque exemple est vérifié par les tests du simulateur. Étiquettes\u00a0: ',
        Object.entries(TAGS)
          .map(([k, v]) => `${h('span', { class: `tag tag-${k.toLowerCase()}` }, k)} ${esc(v)}`)
          .join(' ; '),
        '.',
      ),
      groups,
    );
  }

  // --- Percentiles, cumulation, history --------------------------------------------------------------------

  percentiles() {
    const ids = new Set(this.s.regimes.filter((r) => r.threshold || r.bands).map((r) => r.id));
    const dists = (this.rules.percentiles.distributions ?? []).filter((d) => d.regimes?.some((x) => ids.has(x)));
    if (!dists.length) return '';
    const indicatorLabel = (i) => fieldLabel(i);
    const blocks = dists.map((d) => {
      const users = d.regimes
        .filter((x) => ids.has(x))
        .map((x) => h('a', { href: `#${slug(x)}` }, esc(this.s.regimes.find((r) => r.id === x).title)));
      const tables = (d.rows ?? []).map((row) => {
        const ps = Object.keys(row).filter((k) => /^p\d+$/.test(k));
        const base = `percentile-${slug(d.id)}-${slug(row.specialty)}-${slug(row.indicator)}`;
        return table({
          id: base,
          caption: `${esc(this.specialtyLabels[row.specialty] ?? row.specialty)}\u00a0: ${esc(indicatorLabel(row.indicator))} (${esc(d.title)})`,
          head: ['Percentile', 'Seuil (patients)', 'À égalité', 'Sources et lecture'],
          rows: ps.map((p) => {
            const t = row[p];
            return {
              id: `${base}-${p}`,
              th: esc(p.toUpperCase()) + (t.inferred ? ' ' + h('span', { class: 'badge' }, 'Estimation') : ''),
              cells: [
                { className: 'num', html: num(t.value) },
                esc(BOUNDARY[t.boundary ?? 'inclusive'] ?? t.boundary),
                { className: 'src', html: provenance(t, this.src) },
              ],
              className: t.inferred ? 'inferred' : null,
            };
          }),
        });
      });
      return h(
        'section',
        { id: `percentiles-${slug(d.id)}`, class: 'distribution' },
        h('h3', null, esc(d.title)),
        h('p', null, 'Utilisée par\u00a0: ', users.join(', '), '.'),
        d.note ? h('p', { class: 'note-text' }, h('strong', null, 'À savoir\u00a0: '), esc(d.note)) : '',
        tables,
      );
    });
    return h(
      'section',
      { id: 'percentiles' },
      h('h2', null, 'Seuils de patientèle publiés'),
      h(
        'p',
        null,
        'Les seuils connus des distributions nationales, par spécialité et par indicateur. Pour une spécialité absente, le seuil n’est pas publié\u00a0: le simulateur demande le percentile que la CPAM communique.',
      ),
      blocks,
    );
  }

  cumulation() {
    const rules = (this.rules.cumulation.rules ?? []).filter((c) => c.a?.includes(this.s.id) || c.b?.includes(this.s.id));
    if (!rules.length) return '';
    const names = (ids) => ids.map((id) => this.schemeLink(id)).join(', ');
    const items = rules.map((c) =>
      h(
        'li',
        { id: `cumulation-${slug(c.id)}`, class: `cumul cumul-${slug(c.kind)}` },
        h(
          'p',
          null,
          h('strong', { class: 'note-kind' }, esc(CUMULATION_KINDS[c.kind] ?? c.kind)),
          ' ',
          c.b ? `${names(c.a)} × ${names(c.b)}` : `entre eux\u00a0: ${names(c.a)}`,
        ),
        h('p', null, esc(c.text)),
        c.when ? h('p', { class: 'test' }, h('span', { class: 'k' }, 'Seulement si\u00a0: '), testWords(c.when, this.words())) : '',
        c.until
          ? h(
              'p',
              { class: 'test' },
              h('span', { class: 'k' }, 'Pour les contrats signés jusqu’au\u00a0: '),
              esc(date(c.until)),
              c.after ? ` ; ensuite\u00a0: ${esc(c.after)}` : '',
            )
          : '',
        c.resignable
          ? h('p', { class: 'test' }, 'Un contrat déjà détenu peut être résilié pour prendre l’autre («\u00a0en substitution\u00a0»).')
          : '',
        provenance(c, this.src),
        extras(
          c,
          ['id', 'kind', 'a', 'b', 'until', 'resignable', 'when', 'text', 'en', 'after', 'after_en', 'sources', 'inferred'],
          this.src,
        ),
      ),
    );
    const fallback = this.rules.cumulation.fallback?.text;
    return h(
      'section',
      { id: 'cumulation' },
      h('h2', null, 'Cumul avec les autres aides'),
      h('ul', { class: 'notes' }, items),
      fallback
        ? h('p', { class: 'muted' }, 'Pour une paire qu’aucune règle ne couvre, le simulateur dit\u00a0: «\u00a0', esc(fallback), '\u00a0»')
        : '',
    );
  }

  history() {
    const file = this.s._file;
    const sections = changelogSections(this.rules.changelog, (heading) =>
      new RegExp(`(^|[^a-z0-9-])${file.replace(/[.]/g, '\\.')}([^a-z0-9-]|$)`).test(heading),
    );
    if (!sections.length) return '';
    return h(
      'section',
      { id: 'history' },
      h('h2', null, 'Historique des chiffres'),
      h(
        'p',
        null,
        'Extraits de l’',
        h('a', { href: '../changelog.html' }, 'historique des règles'),
        ' qui concernent ce dispositif (en anglais).',
      ),
      sections.map((sec, i) =>
        [
          h('p', { class: 'meta' }, 'Entrée\u00a0: ', h('span', { lang: 'en' }, esc(sec.release.replace(/`/g, '')))),
          h(
            'div',
            { lang: 'en' },
            markdown(sec.text, { link: changelogLink('../', this.rules), shift: 3 - sec.level, idPrefix: `history-${i}-` }),
          ),
        ].join(''),
      ),
    );
  }
}

const capitalize = (t) => t.charAt(0).toUpperCase() + t.slice(1);

/** "1,2 jours…" for a step threshold, in the unit of the scheme's amount field. */
function genericStep(field, from) {
  const label = fieldLabel(field);
  return /jours/.test(label) ? `${num(from)}\u00a0${label}` : `${label}\u00a0: ${num(from)}`;
}

/** Sections of the changelog whose heading matches, with the release heading above them. */
function changelogSections(md, matches) {
  const lines = md.split('\n');
  const out = [];
  const stack = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(#{1,6})\s+(.*)$/.exec(lines[i]);
    if (!m) continue;
    const level = m[1].length;
    while (stack.length && stack.at(-1).level >= level) stack.pop();
    if (matches(m[2])) {
      let j = i + 1;
      while (j < lines.length && !(/^(#{1,6})\s/.test(lines[j]) && /^(#{1,6})/.exec(lines[j])[1].length <= level)) j++;
      out.push({ level, text: lines.slice(i, j).join('\n'), release: stack.at(-1)?.text ?? '' });
    }
    stack.push({ level, text: m[2] });
  }
  return out;
}

/**
 * Links of rules/CHANGELOG.md (relative to rules/) on the site: a rule file that has a page goes to it (its
 * worked examples to the page's examples); any other file of the repository is not published: text only.
 */
function changelogLink(root, rules) {
  const pages = { schemes: new Set(rules.schemes.map((x) => x.id)), regions: new Set(rules.regions.map((x) => x.id)) };
  return (href) => {
    if (/^(https?:|#)/.test(href)) return href;
    const m = /^(schemes|regions)\/([a-z0-9.-]+?)(\.examples)?\.json$/.exec(href.replace(/^\.\//, ''));
    if (m && pages[m[1]].has(m[2]) && (!m[3] || m[1] === 'schemes')) return `${root}${m[1]}/${slug(m[2])}.html${m[3] ? '#examples' : ''}`;
    if (/^(\.\/)?CHANGELOG\.md$/.test(href)) return `${root}changelog.html`;
    return null;
  };
}

function legend() {
  return h(
    'aside',
    { class: 'legend', 'aria-labelledby': 'legende' },
    h('h2', { id: 'legende' }, 'Comment lire cette page'),
    h(
      'p',
      null,
      'Chaque chiffre est suivi de ses sources\u00a0: un lien vers la page publique, ou le titre du document quand il n’est pas public. ',
      h('span', { class: 'badge' }, 'Estimation'),
      ' signale un chiffre qui n’est pas publié tel quel\u00a0: c’est une lecture des textes, et la raison est donnée à côté. Le simulateur l’affiche aussi comme estimation.',
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Region, index and changelog pages

function regionPage(region, rules, today) {
  const src = rules.sources;
  const deps = Object.fromEntries(rules.departements.departements.map((d) => [d.code, d.name]));
  const specialties = Object.fromEntries(rules.specialties.specialties.map((x) => [x.id, x.label]));
  const schemeItem = (id) => {
    const s = rules.schemes.find((x) => x.id === id);
    if (!s) return h('li', null, esc(id), ' ', h('span', { class: 'muted' }, '(dispositif sans page\u00a0: inconnu des règles)'));
    const st = schemeState(s, today);
    return h(
      'li',
      null,
      h('a', { href: `../schemes/${slug(id)}.html` }, esc(s.title)),
      ' ',
      h(
        'span',
        { class: `state state-${st.state}` },
        st.state === 'open' ? 'ouvert' : st.state === 'upcoming' ? 'à venir' : `fermé depuis le ${date(nextDay(st.lastSigned))}`,
      ),
    );
  };
  const contact = (c, i) =>
    h(
      'li',
      { id: `contact-${i + 1}`, class: 'contact' },
      h('p', null, c.url ? h('a', { href: c.url, class: 'ext' }, esc(c.label)) : h('strong', null, esc(c.label))),
      c.department
        ? h(
            'p',
            { class: 'muted' },
            `Pour les médecins du département\u00a0: ${esc(deps[c.department] ?? c.department)} (${esc(c.department)})`,
          )
        : '',
      c.email ? h('p', null, 'Courriel\u00a0: ', h('a', { href: `mailto:${c.email}` }, esc(c.email))) : '',
      c.phone ? h('p', null, 'Téléphone\u00a0: ', h('a', { href: `tel:${c.phone.replace(/[^0-9+]/g, '')}` }, esc(c.phone))) : '',
      provenance(c, src),
      extras(c, ['label', 'label_en', 'department', 'url', 'email', 'phone', 'sources', 'inferred'], src),
    );
  const sections = [
    h(
      'section',
      { id: 'departements' },
      h('h2', null, 'Départements'),
      region.departments?.length
        ? h(
            'ul',
            { class: 'columns' },
            region.departments.map((d) => h('li', null, `${esc(deps[d] ?? d)} (${esc(d)})`)),
          )
        : h('p', null, 'Toute la France\u00a0: aucun département particulier.'),
    ),
    h(
      'section',
      { id: 'schemes' },
      h('h2', null, 'Dispositifs proposés'),
      h('p', { class: 'muted' }, `Dans l’ordre où le simulateur les présente ; état au ${esc(date(today))}.`),
      h('ol', null, (region.schemes ?? []).map(schemeItem)),
    ),
    region.contacts?.length
      ? h('section', { id: 'contacts' }, h('h2', null, 'Contacts'), h('ul', { class: 'notes' }, region.contacts.map(contact)))
      : '',
    region.facts?.length
      ? h(
          'section',
          { id: 'facts' },
          h('h2', null, 'Informations locales'),
          h(
            'ul',
            { class: 'notes' },
            region.facts.map((f) =>
              h(
                'li',
                { id: `fact-${slug(f.id)}` },
                h('p', null, esc(f.text)),
                f.department
                  ? h('p', { class: 'muted' }, `Département\u00a0: ${esc(deps[f.department] ?? f.department)} (${esc(f.department)})`)
                  : '',
                provenance(f, src),
              ),
            ),
          ),
        )
      : '',
    region.avenant7Specialties?.length
      ? h(
          'section',
          { id: 'avenant7' },
          h('h2', null, 'Avenant 7 : spécialités retenues en zone sous-dense'),
          h(
            'p',
            null,
            'Sous les avenants 7 et 8, ces spécialités n’étaient éligibles qu’en zone sous-dense, dans les départements où la région les avait retenues.',
          ),
          table({
            id: 'avenant7-table',
            caption: `Spécialités retenues par département (${esc(region.title)})`,
            head: ['Département', 'Spécialités', 'Sources'],
            rows: region.avenant7Specialties.map((a) => ({
              id: `avenant7-${slug(a.department)}`,
              th: `${esc(deps[a.department] ?? a.department)} (${esc(a.department)})`,
              cells: [esc(a.specialties.map((x) => specialties[x] ?? x).join(', ')), { className: 'src', html: provenance(a, src) }],
            })),
          }),
        )
      : '',
    extras(
      region,
      ['id', 'version', 'updated', 'title', 'title_en', 'departments', 'schemes', 'contacts', 'facts', 'avenant7Specialties'],
      src,
      h('h2', null, 'Autres données'),
    ),
  ];
  const body = [
    h('h1', null, esc(region.title)),
    region.title_en ? h('p', { class: 'en', lang: 'en' }, esc(region.title_en)) : '',
    h(
      'p',
      { class: 'meta' },
      `Dernière mise à jour\u00a0: ${esc(date(region.updated))} · version ${esc(region.version)} · fichier `,
      h('code', null, `rules/${esc(region._file)}`),
    ),
    ...sections,
  ].join('\n');
  return page({ title: region.title, root: '../', body, crumbs: [{ label: region.title }], rulesVersion: rules.rulesVersion });
}

function indexPage(rules, today) {
  const groups = { open: [], upcoming: [], closed: [] };
  for (const s of rules.schemes) {
    const st = schemeState(s, today);
    const window = st.regime?.signedFrom || st.regime?.signedTo ? windowWords(st.regime) : 'pas de date de signature dans les règles';
    const detail =
      st.state === 'open'
        ? `${s.regimes.length > 1 ? `régime en vigueur\u00a0: ${esc(st.regime.title)}, ` : ''}${window}`
        : st.state === 'upcoming'
          ? `contrats signés à partir du ${date(st.regime.signedFrom.date)}`
          : `fermé aux nouveaux contrats depuis le ${date(nextDay(st.lastSigned))} (derniers contrats signés le ${date(st.lastSigned)})`;
    groups[st.state].push(
      h('li', null, h('a', { href: `schemes/${slug(s.id)}.html` }, esc(s.title)), h('span', { class: 'muted detail' }, detail)),
    );
  }
  const section = (id, title, items, intro) =>
    items.length
      ? h('section', { id }, h('h2', null, title), intro ? h('p', { class: 'muted' }, intro) : '', h('ul', { class: 'cards' }, items))
      : '';
  const body = [
    h('h1', null, 'Les règles des aides aux médecins libéraux'),
    h('p', { class: 'en', lang: 'en' }, 'The rules of the financial aids for French doctors, as the simulator applies them.'),
    h(
      'p',
      { class: 'lead' },
      'Ces pages présentent, dispositif par dispositif, les règles qu’applique le simulateur ',
      h('code', null, 'aide-assistant-medical'),
      '\u00a0: conditions, montants, dates, objectifs et exemples chiffrés. Chaque chiffre cite sa source ; un chiffre qui n’est pas publié tel quel est signalé comme ',
      h('span', { class: 'badge' }, 'Estimation'),
      ', avec sa raison. Ce n’est pas une décision\u00a0: seule votre CPAM, ou l’organisme qui signe le contrat, examine votre dossier.',
    ),
    h(
      'p',
      { class: 'meta' },
      `Version des règles\u00a0: ${esc(date(rules.rulesVersion))} (dernière mise à jour des fichiers) · état des dispositifs au ${esc(date(today))}, date de génération de ces pages.`,
    ),
    section('open', 'Dispositifs ouverts aux nouveaux contrats', groups.open),
    section('upcoming', 'Dispositifs à venir', groups.upcoming),
    section(
      'closed',
      'Dispositifs fermés aux nouveaux contrats',
      groups.closed,
      'Leurs pages restent utiles à qui détient déjà un contrat\u00a0: il va à son terme.',
    ),
    h(
      'section',
      { id: 'regions' },
      h('h2', null, 'Régions'),
      h('p', { class: 'muted' }, 'Chaque région a son ensemble de dispositifs, dans son ordre, et ses contacts.'),
      h(
        'ul',
        { class: 'cards' },
        rules.regions.map((r) =>
          h(
            'li',
            null,
            h('a', { href: `regions/${slug(r.id)}.html` }, esc(r.title)),
            h(
              'span',
              { class: 'muted detail' },
              `${num((r.schemes ?? []).length)} dispositifs, ${num((r.contacts ?? []).length)} contacts`,
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { id: 'changelog' },
      h('h2', null, 'Historique des règles'),
      h('p', null, h('a', { href: 'changelog.html' }, 'Chaque changement de chiffre, avec sa source'), ' (en anglais).'),
    ),
  ].join('\n');
  return page({ title: 'Accueil', root: '', body, rulesVersion: rules.rulesVersion });
}

function changelogPage(rules) {
  let md = rules.changelog;
  // The file's own title becomes the page's one h1 (in French); its other headings keep their levels.
  const first = /^#\s+(.*)\n/.exec(md);
  const h1s = (md.match(/^#\s/gm) ?? []).length;
  if (first && h1s === 1) md = md.slice(first[0].length);
  const body = [
    h('h1', null, 'Historique des règles'),
    h('p', { class: 'en', lang: 'en' }, first ? esc(first[1]) : 'Changelog of the rules'),
    h('p', { class: 'meta' }, 'Fichier ', h('code', null, 'rules/CHANGELOG.md'), ', rédigé en anglais.'),
    h('div', { lang: 'en' }, markdown(md, { link: changelogLink('', rules), shift: first && h1s === 1 ? 0 : 1, idPrefix: 'cl-' })),
  ].join('\n');
  return page({
    title: 'Historique des règles',
    root: '',
    body,
    crumbs: [{ label: 'Historique des règles' }],
    rulesVersion: rules.rulesVersion,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Build

/** Every id of a page is unique: deep links must land on one element. */
function checkIds(html, file) {
  const seen = new Set();
  for (const [, id] of html.matchAll(/\sid="([^"]+)"/g)) {
    if (seen.has(id)) throw new Error(`${file}: duplicate id "${id}"`);
    seen.add(id);
  }
}

/**
 * Builds the site into `out` (emptied first) from the rules in `rules`. `today` (YYYY-MM-DD) decides which
 * regimes are open to new contracts. Returns the files written, relative to `out`.
 */
export function buildDocs({
  rules: rulesDir = join(root, 'rules'),
  out = join(root, 'site'),
  today = new Date().toISOString().slice(0, 10),
} = {}) {
  const rules = loadRules(rulesDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'schemes'), { recursive: true });
  mkdirSync(join(out, 'regions'), { recursive: true });
  const written = [];
  const write = (file, html) => {
    checkIds(html, file);
    writeFileSync(join(out, file), html);
    written.push(file);
  };
  write('index.html', indexPage(rules, today));
  for (const s of rules.schemes) write(`schemes/${slug(s.id)}.html`, new SchemePage(s, rules, today).render());
  for (const r of rules.regions) write(`regions/${slug(r.id)}.html`, regionPage(r, rules, today));
  write('changelog.html', changelogPage(rules));
  copyFileSync(join(here, 'docs', 'style.css'), join(out, 'style.css'));
  written.push('style.css');
  return written;
}

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = resolve(arg('out') ?? process.env.DOCS_OUT ?? join(root, 'site'));
  const today = arg('date');
  if (today && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    console.error('build-docs: --date expects YYYY-MM-DD');
    process.exit(2);
  }
  const files = buildDocs({ out, rules: resolve(arg('rules') ?? join(root, 'rules')), ...(today ? { today } : {}) });
  console.log(`build-docs: ${files.length} files in ${out}`);
}
