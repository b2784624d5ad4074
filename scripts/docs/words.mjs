// Rule data said in French words: profile fields, condition tests, worked-example profiles and expected
// results. Labels are presentation only (no figure here); a field, a fact or a key this file does not know is
// shown by its name, so a new rule file renders without a code change.
import { date, esc, euros, h, num, percent, slug } from './html.mjs';

/** Profile fields and the values the engine derives from them: label, and how to write a value. */
export const FIELDS = {
  situation: { label: 'situation' },
  specialty: { label: 'spécialité' },
  specialtyGroup: { label: 'groupe de spécialité' },
  specialtyLabel: { label: 'votre spécialité' },
  avenant7Scope: { label: 'ouverture de la spécialité sous l’avenant\u00a07' },
  avenant7Local: { label: 'liste départementale de l’avenant\u00a07' },
  sector: { label: 'secteur' },
  age: { label: 'âge', unit: 'years' },
  patienteleMT: { label: 'patientèle médecin traitant', unit: 'count' },
  fileActive: { label: 'file active', unit: 'count' },
  percentile: { label: 'percentile de patientèle', unit: 'count' },
  ccamShare: { label: 'part des actes techniques (CCAM) dans les honoraires', unit: 'share' },
  newlyInstalled: { label: 'nouvellement installé', unit: 'bool' },
  contractDate: { label: 'date de signature du contrat', unit: 'date' },
  contractYear: { label: 'année du contrat en cours', unit: 'count' },
  objectivesReached: { label: 'objectifs du contrat atteints', unit: 'bool' },
  groupPractice: { label: 'exercice en groupe', unit: 'bool' },
  coordinatedPractice: { label: 'exercice coordonné', unit: 'bool' },
  zone: { label: 'zone d’exercice' },
  zoneSousDense: { label: 'zone sous-dense', unit: 'bool' },
  rqthOrAld: { label: 'RQTH ou ALD', unit: 'bool' },
  childrenShare: { label: 'part de patients de moins de 16\u00a0ans', unit: 'share' },
  mixedActivity: { label: 'activité mixte (en partie salariée)', unit: 'bool' },
  sharedAssistant: { label: 'assistant partagé avec des confrères', unit: 'bool' },
  option: { label: 'option (temps de travail de l’assistant)' },
  qpv: { label: 'quartier prioritaire (QPV)', unit: 'bool' },
  mountain: { label: 'zone de montagne', unit: 'bool' },
  department: { label: 'département' },
  daysPerWeek: { label: 'jours d’activité par semaine', unit: 'days' },
  firstInstallation: { label: 'première installation en libéral', unit: 'bool' },
  installationDate: { label: 'date d’installation', unit: 'date' },
  installedYears: { label: 'années depuis l’installation', unit: 'count' },
  secondaryPractice: { label: 'cabinet secondaire', unit: 'bool' },
  pdsa: { label: 'participation à la permanence des soins (PDSA)', unit: 'bool' },
  hospitalDeProximite: { label: 'activité en hôpital de proximité', unit: 'bool' },
  traineeMonths: { label: 'mois de stage accueillis par an', unit: 'count' },
  conventionalFees: { label: 'honoraires conventionnels annuels', unit: 'euro' },
  opposableShare: { label: 'part d’activité à tarifs opposables', unit: 'share' },
  feesInZip: { label: 'honoraires annuels réalisés en ZIP', unit: 'euro' },
  daysPerYearInZip: { label: 'jours d’exercice par an en ZIP', unit: 'count' },
  hostsYoungDoctor: { label: 'accueil d’un jeune médecin au cabinet', unit: 'bool' },
  student: { label: 'étudiant en médecine', unit: 'bool' },
  allowanceMonths: { label: 'durée d’allocation', unit: 'months' },
  remplacant: { label: 'médecin remplaçant', unit: 'bool' },
  heldContracts: { label: 'contrats déjà signés' },
  fmtAmount: { label: 'forfait médecin traitant annuel', unit: 'euro' },
  band: { label: 'tranche de patientèle' },
  derogation: { label: 'dérogation retenue' },
};

/** Facts the engine's mechanism sets (tests `{ "fact": … }`). */
const FACTS = {
  held: 'vous détenez déjà ce contrat',
  closed: 'le dispositif est fermé aux nouveaux contrats à cette date',
  revalued: 'le contrat passe aux montants d’un régime plus récent',
};

const VALUES = {
  specialtyGroup: {
    generaliste: 'généraliste',
    pediatrie: 'pédiatrie',
    clinique: 'clinique',
    chirurgicale: 'chirurgicale',
    technique: 'technique',
  },
  zone: { zip: 'ZIP', zac: 'ZAC', 'hors-zone': 'hors zone' },
  avenant7Scope: { france: 'toute la France', 'zone-sous-dense': 'zone sous-dense seulement' },
  avenant7Local: { listed: 'spécialité retenue dans le département', 'not-listed': 'spécialité non retenue', 'no-list': 'pas de liste' },
  situation: { installe: 'installé', installation: 'en cours d’installation', remplacant: 'remplaçant', etudiant: 'étudiant' },
};

export function fieldLabel(name) {
  if (FIELDS[name]) return FIELDS[name].label;
  const held = /^holds\.(.+)$/.exec(name);
  if (held) return `contrat ${held[1]} déjà signé`;
  return name;
}

/** A number in its unit, in words: « 12,5 % », « 38 000 € », « 3 ans »; a bare number otherwise. */
export function numberWords(n, unit) {
  switch (unit) {
    case 'share':
      return percent(n);
    case 'euro':
      return euros(n);
    case 'years':
      return `${num(n)}\u00a0ans`;
    case 'months':
      return `${num(n)}\u00a0mois`;
    case 'days':
      return `${num(n)}\u00a0jours`;
    default:
      return num(n);
  }
}

/** A value of a profile field, in words (the context may name specialties, options and départements). */
export function valueWords(field, v, ctx = {}) {
  const unit = FIELDS[field]?.unit ?? (/^holds\./.test(field) ? 'bool' : undefined);
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return numberWords(v, unit);
  if (typeof v === 'string') {
    if (unit === 'date') return date(v);
    if (field === 'specialty' && ctx.specialties?.[v]) return ctx.specialties[v];
    if (field === 'option' && ctx.options?.[v]) return ctx.options[v];
    if (field === 'department' && ctx.departements?.[v]) return `${ctx.departements[v]} (${v})`;
    return VALUES[field]?.[v] ?? v;
  }
  if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? genericWords(x) : valueWords(field, x, ctx))).join(', ');
  return genericWords(v);
}

/** Anything without a known shape: a compact « clé : valeur » reading. */
export function genericWords(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return num(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `[${v.map(genericWords).join(', ')}]`;
  return Object.entries(v)
    .map(([k, x]) => `${k}\u00a0: ${genericWords(x)}`)
    .join(' ; ');
}

const join = (items, last) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`);

/**
 * A condition test in French words, escaped: `{ "field": "sector", "in": ["1", "2-optam"] }` →
 * « secteur : 1 ou 2-optam ». Nested groups are parenthesised.
 */
export function testWords(test, ctx = {}, nested = false) {
  if (!test || typeof test !== 'object') return esc(genericWords(test));
  if ('all' in test || 'any' in test) {
    const parts = (test.all ?? test.any).map((t) => testWords(t, ctx, true));
    const s = join(parts, 'all' in test ? 'et' : 'ou');
    return nested && parts.length > 1 ? `(${s})` : s;
  }
  if ('not' in test) return `non (${testWords(test.not, ctx)})`;
  if ('fact' in test) return esc(FACTS[test.fact] ?? `fait « ${test.fact} »`);
  if ('field' in test) {
    const f = test.field;
    const v = (x) => esc(valueWords(f, x, ctx));
    const parts = [];
    if ('eq' in test) parts.push(v(test.eq));
    if ('in' in test) parts.push(join(test.in.map(v), 'ou'));
    if ('notIn' in test) parts.push(`autre que ${join(test.notIn.map(v), 'ou')}`);
    if ('gte' in test) parts.push(`au moins ${v(test.gte)}`);
    if ('gt' in test) parts.push(`plus de ${v(test.gt)}`);
    if ('lte' in test) parts.push(`au plus ${v(test.lte)}`);
    if ('lt' in test) parts.push(`moins de ${v(test.lt)}`);
    const known = new Set(['field', 'eq', 'in', 'notIn', 'gte', 'gt', 'lte', 'lt']);
    for (const [k, x] of Object.entries(test)) if (!known.has(k)) parts.push(`${esc(k)} ${esc(genericWords(x))}`);
    const s = `${esc(fieldLabel(f))}\u00a0: ${parts.join(' et ')}`;
    return nested ? `« ${s} »` : s;
  }
  return esc(genericWords(test));
}

/** Placeholders of rule texts (`{count}`) shown as variables, the rest escaped. */
export function ruleText(text) {
  return String(text ?? '')
    .split(/(\{[A-Za-z0-9_.]+\})/)
    .map((part) => {
      const m = /^\{(.+)\}$/.exec(part);
      return m ? h('var', null, esc(PLACEHOLDERS[m[1]] ?? fieldLabel(m[1]))) : esc(part);
    })
    .join('');
}
const PLACEHOLDERS = {
  specialtyLabel: 'votre spécialité',
  count: 'nombre',
  threshold: 'seuil',
  indicatorLabel: 'indicateur',
  bandLabel: 'tranche',
  rate: 'taux',
  end: 'date de fin',
  p: 'n',
  optionLabel: 'option',
  openOptions: 'options ouvertes',
  engagement: 'durée',
  rates: 'taux',
  example: 'montant',
  amounts: 'montants',
  share: 'part',
};

/** A worked example's profile, as « libellé : valeur » items. */
export function profileWords(profile, ctx) {
  return Object.entries(profile ?? {}).map(([k, v]) => {
    if (k === 'heldContracts' && Array.isArray(v)) {
      const held = v.map((c) =>
        typeof c === 'string' ? c : `${c.id}${c.signed ? ` signé le ${date(c.signed)}` : ''}${c.renewed ? ', renouvelé' : ''}`,
      );
      return `${esc(fieldLabel(k))}\u00a0: ${esc(held.join(', ') || 'aucun')}`;
    }
    return `${esc(fieldLabel(k))}\u00a0: ${esc(valueWords(k, v, ctx))}`;
  });
}

const STATUS = {
  eligible: 'éligible',
  ineligible: 'non éligible',
  incomplete: 'réponses à compléter',
  closed: 'fermé aux nouveaux contrats à cette date',
  held: 'contrat en cours (ce qui reste à venir)',
  'not-applicable': 'ne concerne pas ce profil',
  pending: 'en attente de réponses',
};
const REASON = { true: 'remplie', false: 'non remplie', null: 'à préciser' };
const MONEY_KEYS = new Set([
  'total',
  'totalMin',
  'totalMax',
  'firstTotal',
  'firstTotalMin',
  'advance3',
  'balance3',
  'due',
  'dueBelow',
  'advance',
  'balance',
  'amount',
]);
const LABELS = {
  status: 'statut',
  regime: 'régime',
  optionIds: 'options proposées',
  option: 'option',
  payments: 'versements par année de contrat',
  renewal: 'renouvellement (à part)',
  total: 'total',
  totalMin: 'total minimal',
  totalMax: 'total maximal',
  firstTotal: 'total de la première combinaison',
  firstTotalMin: 'total minimal de la première combinaison',
  dates: 'dates de versement',
  estimate: 'estimation',
  rates: 'taux par année',
  engagement: 'engagement (mois)',
  reasons: 'conditions',
  missingStartsWith: 'questions suivantes',
  estimateReasons: 'raisons données comme estimations',
  notes: 'notes affichées',
  advance3: 'acompte de la 3ᵉ année',
  balance3: 'solde de la 3ᵉ année',
  noAdvance: 'pas d’acompte ni de solde',
  alternatives: 'si la CPAM vous place plus haut',
  amountUnknown: 'montant non publié (fixé avec la CPAM)',
  objectives: 'objectifs',
  answer: 'réponse affichée',
  upTo: 'jusqu’à',
  textMatches: 'le texte contient',
  due: 'aide due',
  dueBelow: 'aide due inférieure à',
  advance: 'acompte',
  balance: 'solde',
  best: 'meilleure combinaison',
  excluded: 'paires exclues',
  secondIncludes: 'deuxième combinaison',
  secondUncertain: 'deuxième combinaison soumise à un cumul incertain',
  rule: 'règle d’objectif appliquée',
  targets: 'objectifs chiffrés',
  min: 'minimum',
  achieved: 'patientèle atteinte',
  amount: 'montant de l’année',
};

/**
 * An expected result (or any value of a worked example) as nested lists, escaped. `ctx` resolves scheme,
 * regime, option, condition and field names into words and links.
 */
export function expectWords(value, ctx, key) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') {
    if (key === 'estimate') return value ? 'oui (estimation)' : 'non';
    return value ? 'oui' : 'non';
  }
  if (typeof value === 'number') {
    if (key === 'engagement') return `${num(value)}\u00a0mois`;
    return MONEY_KEYS.has(key) ? euros(value) : num(value);
  }
  if (typeof value === 'string') {
    if (key === 'status') return esc(STATUS[value] ?? value);
    if (key === 'regime') return ctx.regimeLink(value);
    if (key === 'option') return esc(ctx.optionLabel(value));
    return esc(value);
  }
  if (Array.isArray(value)) {
    switch (key) {
      case 'payments':
      case 'renewal':
        return value.map((x) => (typeof x === 'number' ? euros(x) : esc(genericWords(x)))).join(' / ');
      case 'dates':
        return value.map((x) => esc(date(x))).join(' / ');
      case 'rates':
        return value.map((x) => (typeof x === 'number' ? percent(x) : esc(genericWords(x)))).join(' / ');
      case 'optionIds':
        return value.map((x) => esc(ctx.optionLabel(x))).join(', ') || 'aucune';
      case 'missingStartsWith':
        return value.map((x) => esc(fieldLabel(x))).join(', ') || 'aucune question';
      case 'alternatives':
        return value
          .map((x) =>
            Array.isArray(x)
              ? `tranche ${esc(x[0])}\u00a0: ${typeof x[1] === 'number' ? euros(x[1]) : esc(genericWords(x[1]))}`
              : esc(genericWords(x)),
          )
          .join(' ; ');
      case 'best':
      case 'secondIncludes':
        return value.map((x) => ctx.schemeLink(x)).join(' + ');
      case 'excluded':
        return value
          .map((pair) => (Array.isArray(pair) ? pair.map((x) => ctx.schemeLink(x)).join(' × ') : esc(genericWords(pair))))
          .join(' ; ');
      case 'upTo':
        return value.map((x) => (typeof x === 'number' ? euros(x) : esc(x === 'cumulation' ? 'un cumul à confirmer' : x))).join(', ');
      case 'targets':
        return value.length ? esc(genericWords(value)) : 'aucun objectif chiffré';
      default:
        return esc(value.map((x) => genericWords(x)).join(', '));
    }
  }
  // Objects: keyed by scheme, option, condition or indicator, or a plain record.
  const items = Object.entries(value).flatMap(([k, v]) => {
    let label;
    // « options » only groups the options: each option is an item of its own.
    if (k === 'options' && v && typeof v === 'object' && !Array.isArray(v) && key !== 'options') {
      return Object.entries(v).map(([id, part]) => h('li', null, `option ${esc(ctx.optionLabel(id))}\u00a0: `, expectWords(part, ctx, id)));
    }
    if (key === 'reasons')
      return h(
        'li',
        null,
        `${ctx.conditionLink(k)}\u00a0: ${esc(v === true || v === false || v === null ? REASON[String(v)] : genericWords(v))}`,
      );
    if (key === 'options') label = `option ${esc(ctx.optionLabel(k))}`;
    else if (key === 'objectives' && FIELDS[k]) {
      const o = v ?? {};
      const parts = [];
      if ('from' in o) parts.push(`de ${num(o.from)}`);
      if ('target' in o) parts.push(`à ${num(o.target)}`);
      if ('min' in o) parts.push(`(minimum ${num(o.min)})`);
      for (const [x, y] of Object.entries(o)) if (!['from', 'target', 'min'].includes(x)) parts.push(`${esc(x)} ${esc(genericWords(y))}`);
      return h('li', null, `${esc(fieldLabel(k))}\u00a0: ${parts.join(' ')}`);
    }
    // A part keyed by scheme (examples across schemes) reads its options and conditions in that scheme.
    const scheme = key !== 'options' && ctx.isScheme(k);
    if (scheme) label = ctx.schemeLink(k);
    else if (!label) label = esc(LABELS[k] ?? (FIELDS[k] ? fieldLabel(k) : k));
    const inner = expectWords(v, scheme ? ctx.forScheme(k, v) : ctx, scheme ? undefined : k);
    return h('li', null, `${label}\u00a0: `, inner);
  });
  return h('ul', null, items);
}

/** Ids of the regimes, options and conditions an example names, to link them. */
export function anchorFor(regimeId, kind, id) {
  return `${slug(regimeId)}-${kind}-${slug(id)}`;
}
