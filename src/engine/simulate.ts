/** The public entry: one profile, one date, every scheme asked for → an explained result. */
import { isIsoDate, today } from './dates.js';
import { normalizeProfile } from './profile.js';
import { builtinRules, type RuleSet } from './rules/ruleset.js';
import { evaluateAssistantMedical } from './schemes/assistant-medical.js';
import { installationEvaluators } from './schemes/installation.js';
import { combine } from './combinations.js';
import { addFields, type Env } from './schemes/common.js';
import type { FieldError, Lang, Profile, SchemeResult, SimulateOptions, Simulation } from './types.js';
import type { SchemeRules } from './rules/schema.js';

type Evaluator = (scheme: SchemeRules, profile: Profile, env: Env) => SchemeResult;

/** One evaluator per kind of scheme; the rule file's `kind` picks it. */
export const evaluators: Record<string, Evaluator> = {
  'assistant-medical': evaluateAssistantMedical,
  ...installationEvaluators,
};

/**
 * Simulates every requested scheme for a profile on a date. Never throws: invalid profile
 * values and options are reported in `errors` and treated as unanswered.
 */
export function simulate(profile?: unknown, options: SimulateOptions = {}): Simulation {
  const errors: FieldError[] = [];
  const opts = (options && typeof options === 'object' ? options : {}) as SimulateOptions;
  const rules: RuleSet = builtinRules;
  const lang: Lang = opts.lang === 'en' ? 'en' : 'fr';
  if (opts.lang !== undefined && opts.lang !== 'fr' && opts.lang !== 'en') errors.push({ field: 'lang', value: opts.lang, message: "Langue inconnue : attendu 'fr' ou 'en'." });

  let asOf = isIsoDate(opts.asOf) ? opts.asOf : undefined;
  if (opts.asOf !== undefined && !asOf) errors.push({ field: 'asOf', value: opts.asOf, message: 'Date invalide : attendu AAAA-MM-JJ.' });
  asOf ??= today();
  let region = 'national';
  if (opts.region !== undefined) {
    if (typeof opts.region === 'string' && rules.regions.has(opts.region)) region = opts.region;
    else errors.push({ field: 'region', value: opts.region, message: `Région inconnue : attendu ${[...rules.regions.keys()].map((r) => `'${r}'`).join(', ')}.` });
  }
  let ids = rules.regions.get(region)!;
  if (opts.schemes !== undefined) {
    const asked = Array.isArray(opts.schemes) ? opts.schemes : [];
    const known = asked.filter((id) => typeof id === 'string' && rules.schemes.has(id));
    const unknown = Array.isArray(opts.schemes) ? asked.filter((id) => !known.includes(id)) : [opts.schemes];
    if (unknown.length) errors.push({ field: 'schemes', value: unknown, message: `Dispositif inconnu : attendu ${[...rules.schemes.keys()].map((r) => `'${r}'`).join(', ')}.` });
    if (known.length) ids = [...new Set(known)];
  }

  const normalized = normalizeProfile(profile);
  errors.push(...normalized.errors);
  const p = normalized.profile;
  if (p.specialty !== undefined && !rules.specialties.has(p.specialty)) {
    errors.push({ field: 'specialty', value: p.specialty, message: 'Spécialité inconnue : voir rules/tables/specialties.json.' });
    delete p.specialty;
  }

  const env: Env = { asOf, lang, rules };
  const schemes: SchemeResult[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const scheme = rules.schemes.get(id)!;
    const evaluator = evaluators[scheme.kind];
    if (!evaluator) continue;
    const r = evaluator(scheme, p, env);
    schemes.push(r);
    addFields(missing, r.missing);
  }
  const { combinations, exclusions } = combine(schemes, p, env);
  return { asOf, rulesVersion: rules.version, region, lang, schemes, errors, missing, combinations, exclusions };
}
