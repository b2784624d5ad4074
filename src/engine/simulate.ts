/** The public entry: one profile, one date, every scheme asked for → an explained result. */
import { buildAnswer } from './answer.js';
import { combine } from './combinations.js';
import { addYears, isIsoDate, today } from './dates.js';
import { profileFields, quoteList, shapedProfile } from './profile.js';
import type { RegionRules } from './rules/pack-schema.js';
import { builtinRules, type RuleSet } from './rules/ruleset.js';
import type { RuleIssue, SchemeRules } from './rules/schema.js';
import { genericTexts, installedHint } from './schemes/aid.js';
import { fill, localized } from './conditions.js';
import { evaluateBandTable } from './schemes/band-table.js';
import { Ask, Asked, AskedBy, type Env } from './schemes/common.js';
import { installationEvaluators } from './schemes/installation.js';
import type {
  Answer,
  Combination,
  Exclusion,
  FieldError,
  Lang,
  Note,
  Profile,
  RegionInfo,
  SchemeResult,
  SimulateOptions,
  Simulation,
  Situation,
} from './types.js';

type Evaluator = (scheme: SchemeRules, profile: Profile, env: Env) => SchemeResult;

/** One evaluator per kind of scheme; the rule file's `kind` picks it. */
export const evaluators: Record<string, Evaluator> = {
  'band-table': evaluateBandTable,
  ...installationEvaluators,
};

export type PackCompiler = (
  pack: unknown,
) => { ok: true; rules: RuleSet; pack: { publisher: string; version: string; date: string } } | { ok: false; issues: RuleIssue[] };
let compilePack: PackCompiler | undefined;

/**
 * Turns on rules packs (`options.rules`). The full engine entry does it; the core entry leaves it
 * off so that it ships without the validation code.
 */
export function enablePacks(compiler: PackCompiler): void {
  compilePack = compiler;
}

/** More scheme ids than any rule set could hold is a mistake (or an attack): the rest is ignored, and said. */
export const MAX_SCHEMES = 100;

/**
 * Simulates every requested scheme for a profile on a date. Never throws: invalid profile
 * values, options and packs are reported in `errors` and treated as absent.
 */
export function simulate(profile?: unknown, options: SimulateOptions = {}): Simulation {
  const errors: FieldError[] = [];
  const error = (field: string, value: unknown, message: string) => errors.push({ field, value, message });
  const notices: Note[] = [];
  const opts = options && typeof options === 'object' ? options : {};
  const { lang: langOption, asOf: asOfOption, region: regionOption, schemes: schemesOption } = opts;
  const lang: Lang = langOption === 'en' ? 'en' : 'fr';
  if (langOption !== undefined && langOption !== lang) error('lang', langOption, "Langue inconnue : attendu 'fr' ou 'en'.");

  let rules: RuleSet = builtinRules;
  let pack: Simulation['pack'];
  if (opts.rules != null) {
    if (!compilePack) error('rules', '(pack)', "Les packs de règles demandent l'entrée complète 'aide-assistant-medical/engine'.");
    else {
      const r = compilePack(opts.rules);
      if (r.ok) {
        const { publisher, version, date } = r.pack;
        rules = r.rules;
        pack = { publisher, version, date };
      } else {
        const first = r.issues
          .slice(0, 3)
          .map((i) => `${i.path} : ${i.message}`)
          .join(' ; ');
        errors.push({
          field: 'rules',
          value: '(pack)',
          message: `Pack de règles invalide (${r.issues.length} problème(s)) : ${first}. Règles intégrées utilisées.`,
          details: r.issues,
        });
      }
    }
  }

  const asOf = isIsoDate(asOfOption) ? asOfOption : today();
  if (asOfOption !== undefined && asOfOption !== asOf) error('asOf', asOfOption, 'Date invalide : attendu AAAA-MM-JJ.');

  const { profile: p, errors: invalid } = shapedProfile(profile);
  errors.push(...invalid);
  if (p.specialty !== undefined && !rules.specialties.has(p.specialty)) {
    error('specialty', p.specialty, 'Spécialité inconnue : voir rules/tables/specialties.json.');
    p.specialty = undefined; // not deleted: the profile keeps its shape
  }
  const departement = p.department ? rules.departements.get(p.department) : undefined;
  // The départements table may arrive after the first answer (the widget's split build): a code is refused only against it.
  if (p.department && !departement && rules.departements.size) {
    error('department', p.department, 'Département inconnu.');
    p.department = undefined;
  }

  // The region: as configured, else the one of the doctor's département when a pack exists for it.
  let region: RegionRules = rules.regions.get('national')!;
  if (regionOption !== undefined) {
    const asked = typeof regionOption === 'string' ? rules.regions.get(regionOption) : undefined;
    if (asked) region = asked;
    else error('region', regionOption, `Région inconnue : attendu ${quoteList(rules.regions.keys())}.`);
  } else if (departement) region = rules.regions.get(departement.region) ?? region;
  if (departement && region.departments.length && !region.departments.includes(departement.code)) {
    notices.push({
      id: 'departement-hors-region',
      kind: 'info',
      text: fill(
        genericTexts(lang).outsideRegion,
        { where: `${departement.name} (${departement.code})`, region: localized(region, 'title', lang) },
        lang,
      ),
      sources: rules.resolve(departementsSources),
    });
  }

  let ids: readonly string[] | undefined;
  if (schemesOption !== undefined) {
    let asked: unknown[] = Array.isArray(schemesOption) ? schemesOption : [schemesOption];
    if (asked.length > MAX_SCHEMES) {
      error(
        'schemes',
        `(${asked.length})`,
        `Trop de dispositifs demandés (${asked.length}) : les ${MAX_SCHEMES} premiers sont pris en compte.`,
      );
      asked = asked.slice(0, MAX_SCHEMES);
    }
    // One pass, no intermediate arrays: a caller asking for one scheme is the common case.
    const known: string[] = [];
    let unknown: unknown[] | undefined;
    for (const id of asked)
      if (typeof id === 'string' && rules.schemes.has(id)) {
        if (!known.includes(id)) known.push(id);
      } else (unknown ??= []).push(id);
    if (unknown) error('schemes', unknown.slice(0, 10), `Dispositif inconnu : attendu ${quoteList(rules.schemes.keys())}.`);
    if (known.length) ids = known;
  }
  ids ??= region.schemes.filter((id) => rules.schemes.has(id));

  const env: Env = { asOf, lang, rules, region, departement, priorities: new AskedBy() };
  const schemes: SchemeResult[] = [];
  for (const id of ids) {
    const scheme = rules.schemes.get(id)!;
    const evaluator = evaluators[scheme.kind];
    if (!evaluator) continue;
    // Rule data a pack brings may be valid yet unusable by its kind: that scheme is reported, the others answer.
    try {
      schemes.push(evaluator(scheme, p, env));
    } catch (e) {
      error('evaluation', id, `Le dispositif ${id} n’a pas pu être évalué (${String(e).slice(0, 120)}).`);
    }
  }
  const missing = questions(schemes, p, env, regionOption !== undefined);
  return new Result({ profile: p, env, department: departement?.code }, schemes, errors, missing, notices, pack);
}

/** What a result builds from, when first read. */
interface Basis {
  profile: Profile;
  env: Env;
  department: string | undefined;
}

/** The parts of a result built when first read. */
type Parts = Pick<Simulation, 'answer' | 'combinations' | 'exclusions' | 'regionInfo'>;

/** What a part becomes once built: an own, enumerable, writable property (one descriptor object, its value set per use). */
const plain: PropertyDescriptor = { value: undefined, enumerable: true, writable: true, configurable: true };
const own = (result: Result, key: keyof Parts, value: unknown) => {
  plain.value = value;
  Object.defineProperty(result, key, plain);
};

/**
 * A simulation's result. The figures (every scheme's status, payments, questions) are computed by simulate(); the
 * parts that explain and combine them (the answer, the best combinations, the exclusions, the region's contacts) on
 * the first read of any of them: a caller after the figures alone (a batch, a comparison) does not pay for the
 * answer's sentences. Until then they are accessors of the class (own accessors would cost a runtime call each per
 * result, more than the answer itself for one scheme); once built, they are own, enumerable, writable properties, so
 * the result is plain data again. JSON.stringify builds them (toJSON); a spread or structuredClone of a result none
 * of whose parts was read has the figures only.
 */
class Result implements Simulation {
  #basis: Basis;
  #built?: Parts;
  asOf: string;
  rulesVersion: string;
  region: string;
  lang: Lang;
  schemes: SchemeResult[];
  errors: FieldError[];
  missing: string[];
  notices: Note[];
  pack?: Simulation['pack'];

  constructor(basis: Basis, schemes: SchemeResult[], errors: FieldError[], missing: string[], notices: Note[], pack: Simulation['pack']) {
    const { env } = basis;
    this.#basis = basis;
    this.asOf = env.asOf;
    this.rulesVersion = env.rules.version;
    this.region = env.region.id;
    this.lang = env.lang;
    this.schemes = schemes;
    this.errors = errors;
    this.missing = missing;
    this.notices = notices;
    if (pack) this.pack = pack;
  }

  /** Builds the parts once, and makes them own properties. */
  #parts(): Parts {
    if (this.#built) return this.#built;
    const { profile, env, department } = this.#basis;
    const { schemes, missing } = this;
    const { combinations, exclusions } = combine(schemes, profile, env);
    const regionInfo = regionInfoOf(env.region, department, env);
    const answer = buildAnswer({ schemes, combinations, regionInfo, missing, profile, env });
    own(this, 'answer', answer);
    own(this, 'combinations', combinations);
    own(this, 'exclusions', exclusions);
    own(this, 'regionInfo', regionInfo);
    plain.value = undefined;
    return (this.#built = { answer, combinations, exclusions, regionInfo });
  }

  get answer(): Answer {
    return this.#parts().answer;
  }
  set answer(value: Answer) {
    this.#parts();
    this.answer = value;
  }
  get combinations(): Combination[] {
    return this.#parts().combinations;
  }
  set combinations(value: Combination[]) {
    this.#parts();
    this.combinations = value;
  }
  get exclusions(): Exclusion[] {
    return this.#parts().exclusions;
  }
  set exclusions(value: Exclusion[]) {
    this.#parts();
    this.exclusions = value;
  }
  get regionInfo(): RegionInfo {
    return this.#parts().regionInfo;
  }
  set regionInfo(value: RegionInfo) {
    this.#parts();
    this.regionInfo = value;
  }

  /** JSON has every part, read or not. */
  toJSON(): Simulation {
    this.#parts();
    return { ...this };
  }
}

/**
 * The questions still worth asking, most decisive first: only fields that can change the answer of a
 * scheme that can still apply. The situation comes first when the schemes offered concern several
 * situations; the département when a region's schemes or contacts depend on it.
 */
function questions(schemes: SchemeResult[], profile: Profile, env: Env, regionSet: boolean): string[] {
  // Fields in the order first asked, each with its most decisive priority.
  const rank = new Asked();
  const open = schemes.filter((s) => s.status === 'eligible' || s.status === 'incomplete');
  for (const s of open) {
    const priorities = env.priorities?.get(s);
    for (const f of s.missing) {
      const p = priorities?.rankOf(f) ?? Ask.Amount;
      // A scheme already eligible has its figure on screen: what settles that figure (the assistant's working time,
      // the band) comes before other schemes' eligibility questions.
      rank.add(f, s.status === 'eligible' && p > Ask.Eligibility && p <= Ask.Amount ? p - 1.2 : p);
    }
  }
  // The situation is worth asking when the schemes still open concern different situations (a single scheme asks its
  // own questions), and only if some of them does not concern every situation the answers leave possible.
  if (open.length > 1 && profile.situation === undefined) {
    const possible = possibleSituations(profile, env.asOf);
    const concerns = open.map((s) => env.rules.schemes.get(s.id)?.situations);
    const several = concerns.some((c) => !sameSituations(c, concerns[0]));
    if (several && concerns.some((c) => !!c && possible.some((x) => !c.includes(x)))) rank.add('situation', Ask.Situation);
  }
  if (open.length && profile.department === undefined) {
    // A national embed: the région (its schemes and contacts) follows the département. A regional one: its per-département contacts.
    const local = !regionSet || env.region.contacts.some((c) => c.department) || (env.region.facts ?? []).some((f) => f.department);
    if (local) rank.add('department', Ask.Amount);
  }
  return rank.ranked();
}

/** Whether two schemes concern the same situations (none listed: every situation), without sorting copies per call. */
const sameSituations = (a: readonly Situation[] | undefined, b: readonly Situation[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x) => b.includes(x)));

/** Every situation, as the profile field lists them. */
const SITUATIONS = profileFields.situation.values as Situation[];

/** The situations the answers leave possible: a patientèle means installed, a recent first installation means installing. */
function possibleSituations(p: Profile, asOf: string): Situation[] {
  if (p.student === true) return ['etudiant'];
  if (p.remplacant === true) return ['remplacant'];
  let possible = SITUATIONS;
  if (installedHint(p) || p.student === false || p.remplacant === false)
    possible = possible.filter((x) => x === 'installe' || x === 'installation');
  if (p.installationDate) {
    const recent = p.installationDate > addYears(asOf, -1);
    possible = possible.filter((x) => (x === 'installation' ? recent : x === 'installe' ? !recent : true));
  }
  return possible;
}

const departementsSources = ['https://www.npmjs.com/package/@etalab/decoupage-administratif'];

/** Contacts and local figures of the region: its own, and those of the doctor's département. */
function regionInfoOf(region: RegionRules, department: string | undefined, env: Env): RegionInfo {
  const lang = env.lang;
  const here = <T extends { department?: string }>(items: readonly T[]) =>
    items.filter((c) => !c.department || c.department === department);
  return {
    id: region.id,
    title: localized(region, 'title', lang),
    contacts: here(region.contacts).map((c) => ({
      label: localized(c, 'label', lang),
      url: c.url,
      email: c.email,
      phone: c.phone,
      department: c.department,
      sources: env.rules.resolve(c.sources),
    })),
    facts: here(region.facts ?? []).map((f) => ({
      id: f.id,
      text: localized(f, 'text', lang),
      sources: env.rules.resolve(f.sources),
      kind: 'info' as const,
    })),
  };
}
