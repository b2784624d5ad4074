/**
 * What the net cost, the follow-up and the payment calendar of an assistant share: options, the rules
 * (with a pack when the full engine entry enabled them), the cost table's texts, input checks and the aid.
 */
import { fill } from './conditions.js';
import { addMonths, isIsoDate, today } from './dates.js';
import builtinCosts from '../../rules/tables/costs.json';
import { builtinRules, type RuleSet } from './rules/ruleset.js';
import type { CostsTable } from './rules/schema.js';
import { simulate, type PackCompiler } from './simulate.js';
import type { FieldError, IsoDate, Lang, OptionResult, Profile, SchemeResult, Simulation, Source } from './types.js';

/** Options of `assistantCost` and `followUp`: the same as `simulate`'s that matter to them. */
export interface AssistantToolOptions {
  /** The day the figures are computed for (default: today). */
  asOf?: IsoDate;
  /** Language of the notes (default 'fr'). */
  lang?: Lang;
  /** A rules pack (full engine entry only), e.g. with a newer salary grid or SMIC in `costs`. */
  rules?: unknown;
}

let compilePack: PackCompiler | undefined;

/** Lets the tools read a rules pack's `costs`; the full engine entry turns it on, the core entry leaves it off. */
export function enableToolPacks(compiler: PackCompiler): void {
  compilePack = compiler;
}

export interface ToolEnv {
  asOf: IsoDate;
  lang: Lang;
  rules: RuleSet;
  costs: CostsTable;
  options: AssistantToolOptions;
  errors: FieldError[];
}

export function toolEnv(options: unknown): ToolEnv {
  const o: AssistantToolOptions = options && typeof options === 'object' ? options : {};
  let rules = builtinRules;
  // A refused pack is reported by simulate(), which every tool calling it runs with the same options.
  if (o.rules !== undefined && o.rules !== null && compilePack) {
    const r = compilePack(o.rules);
    if (r.ok && r.rules.costs) rules = r.rules;
  }
  return {
    asOf: isIsoDate(o.asOf) ? o.asOf : today(),
    lang: o.lang === 'en' ? 'en' : 'fr',
    rules,
    costs: rules.costs ?? builtinCosts,
    options: o,
    errors: [],
  };
}

/** A text of the cost table, in the language asked for (French when the entry ships French only). */
export function say(costs: CostsTable, key: string, lang: Lang, vars: Record<string, unknown> = {}): string {
  const t = costs.texts[key];
  return t ? fill((lang === 'en' && t.en) || t.text, vars, lang) : '';
}

/** Reads an optional number; reports it and returns undefined when it is not one within bounds. */
export function readNumber(env: ToolEnv, field: string, value: unknown, min: number, max: number, integer = false): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value)))
    return value;
  env.errors.push({ field, value, message: `Valeur invalide : attendu un nombre${integer ? ' entier' : ''} entre ${min} et ${max}.` });
  return undefined;
}

/** Reads a required date; reports it and falls back to `asOf`. */
export function readDate(env: ToolEnv, field: string, value: unknown): IsoDate {
  if (isIsoDate(value)) return value;
  env.errors.push({
    field,
    value,
    message: `${value === undefined ? 'Date manquante' : 'Date invalide'} : attendu AAAA-MM-JJ ; date du jour de calcul retenue.`,
  });
  return env.asOf;
}

/** Reads the assistant option against the options the cost table knows. */
export function readOption(env: ToolEnv, value: unknown): string | undefined {
  if (typeof value === 'string' && Object.hasOwn(env.costs.options, value)) return value;
  const known = Object.keys(env.costs.options)
    .map((k) => `'${k}'`)
    .join(', ');
  env.errors.push({ field: 'option', value, message: `Option ${value === undefined ? 'manquante' : 'inconnue'} : attendu ${known}.` });
  return undefined;
}

export interface Aid {
  sim: Simulation;
  scheme?: SchemeResult;
  option?: OptionResult;
}

/** The assistant aid for the profile, through the public simulate() (never by reading the scheme file). */
export function aidFor(env: ToolEnv, profile: unknown, fields: Profile): Aid {
  if (profile !== undefined && (profile === null || typeof profile !== 'object' || Array.isArray(profile))) {
    env.errors.push({ field: 'profile', value: profile, message: 'Profil invalide : attendu un objet { specialty, sector, … }.' });
    profile = undefined;
  }
  const sim = simulate(
    { ...(profile as Profile | undefined), ...fields },
    { asOf: env.options.asOf, lang: env.options.lang, rules: env.options.rules, schemes: ['assistant-medical'] },
  );
  // simulate() checks the options and the profile; what it reports for a field already reported here is not repeated.
  for (const e of sim.errors) if (!env.errors.some((x) => x.field === e.field)) env.errors.push(e);
  const scheme = sim.schemes[0];
  const option = scheme?.options.find((o) => o.id === fields.option && o.payments.length);
  return { sim, scheme, option };
}

/** Why no payment is available, as an error the caller can show. */
export function noAidError(aid: Aid): FieldError {
  const s = aid.scheme;
  if (s?.status === 'ineligible') {
    const why = s.reasons
      .filter((r) => r.ok === false)
      .map((r) => r.text)
      .join(' ');
    return { field: 'profile', value: s.status, message: `Pas d'aide à l'emploi d'un assistant médical pour ce profil. ${why}`.trim() };
  }
  const missing = s?.missing.length ? ` (à compléter : ${s.missing.join(', ')})` : '';
  // Eligibility not settled yet: the engine still gives the lowest band's amounts, the least an eligible doctor gets.
  if (aid.option)
    return {
      field: 'profile',
      value: s?.status,
      message: `Aide de la tranche la plus basse, sous réserve d’éligibilité : profil à compléter${missing}.`,
    };
  return { field: 'profile', value: s?.status, message: `Aide non calculée : profil incomplet${missing}.` };
}

/** Collects sources once each, in the order met. */
export class SourceList {
  private readonly byRef = new Map<string, Source>();
  constructor(private readonly rules: RuleSet) {}
  refs(refs: readonly string[] | undefined): void {
    if (refs) this.add(this.rules.resolve(refs));
  }
  add(sources: readonly Source[] | undefined): void {
    for (const s of sources ?? []) if (!this.byRef.has(s.ref)) this.byRef.set(s.ref, s);
  }
  get list(): Source[] {
    return [...this.byRef.values()];
  }
}

/** Semester review dates of a contract: every `reviewMonths` from the signature, to the end of the contract. */
export function reviewDates(costs: CostsTable, contractDate: IsoDate): IsoDate[] {
  const step = costs.followUp.reviewMonths.value;
  const months = costs.followUp.contractYears.value * 12;
  const out: IsoDate[] = [];
  if (!(step > 0)) return out;
  for (let m = step; m <= months; m += step) out.push(addMonths(contractDate, m));
  return out;
}
