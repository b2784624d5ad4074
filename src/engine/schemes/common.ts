/** Pieces every scheme evaluation shares: regime choice by date, context, conditions → reasons, notes. */
import { evaluate, pickText, type Context, type Vars, type Verdict } from '../conditions.js';
import type { RegionRules } from '../rules/pack-schema.js';
import type { Departement, RuleSet } from '../rules/ruleset.js';
import type { ConditionRules, RegimeRules, SchemeRules, TextRules } from '../rules/schema.js';
import type { IsoDate, Lang, Note, Profile, Reason, SchemeResult } from '../types.js';

export interface Env {
  asOf: IsoDate;
  lang: Lang;
  rules: RuleSet;
  /** The region pack in force (national by default). */
  region: RegionRules;
  /** The doctor's département, when known. */
  departement?: Departement;
}

/** The regime whose signature window contains `date`. */
export function regimeAt(scheme: SchemeRules, date: IsoDate): RegimeRules | undefined {
  return scheme.regimes.find((r) => (!r.signedFrom || date >= r.signedFrom.date) && (!r.signedTo || date <= r.signedTo.date));
}

/** Fields derived from the profile, and which answer to ask for when they are unknown. */
const DERIVED_FROM: Record<string, string> = {
  specialtyGroup: 'specialty',
  avenant7Scope: 'specialty',
  specialtyLabel: 'specialty',
  avenant7Local: 'department',
};

/**
 * Where rule tests read: values set by the mechanism (derived, texts' extras) first, then the profile.
 * One object with prototype methods; the profile is never copied nor used as a prototype (slow in V8).
 */
class RuleContext implements Context {
  /** Values beside the profile; `vars` reads both. */
  readonly extra: Record<string, unknown> = {};
  readonly vars: (name: string) => unknown;
  constructor(
    private readonly profile: Profile,
    env: Env,
    private readonly facts: Record<string, () => Verdict>,
  ) {
    this.vars = (name) => this.get(name);
    const specialty = profile.specialty ? env.rules.specialties.get(profile.specialty) : undefined;
    if (specialty) {
      const x = this.extra;
      x.specialtyGroup = specialty.group;
      x.avenant7Scope = specialty.avenant7;
      x.specialtyLabel = env.lang === 'en' && specialty.label_en ? specialty.label_en : specialty.label;
      x.avenant7Local = avenant7Local(specialty.id, env);
    }
  }
  get(name: string): unknown {
    const v = this.extra[name];
    return v !== undefined ? v : this.profile[name];
  }
  set(name: string, value: unknown): void {
    this.extra[name] = value;
  }
  askFor(name: string): string {
    return DERIVED_FROM[name] ?? name;
  }
  fact(name: string): Verdict {
    return this.facts[name]?.() ?? { value: null, fields: [] };
  }
}

const NO_FACTS: Record<string, () => Verdict> = {};

export function makeContext(profile: Profile, env: Env, facts = NO_FACTS): RuleContext {
  return new RuleContext(profile, env, facts);
}

/**
 * Avenant 7/8: is the specialty on the region's list for the doctor's département? 'no-list' where the
 * region publishes none (the national reading applies); undefined while the département is unknown.
 */
function avenant7Local(specialty: string, env: Env): 'listed' | 'not-listed' | 'no-list' | undefined {
  const lists = env.region.avenant7Specialties;
  if (!lists?.length) return 'no-list';
  if (!env.departement) return undefined;
  return lists.some((l) => l.department === env.departement!.code && l.specialties.includes(specialty)) ? 'listed' : 'not-listed';
}

export function addFields(into: string[], fields: readonly string[]): void {
  for (const f of fields) if (!into.includes(f)) into.push(f);
}

/** Evaluates a condition into an explained reason. */
export function conditionReason(c: ConditionRules, ctx: Context & { vars: Vars }, env: Env): Reason | undefined {
  if (c.when) {
    const w = evaluate(c.when, ctx);
    if (w.value === false) return undefined;
    if (w.value === null)
      return {
        id: c.id,
        ok: null,
        text: pickText(c.text, 'unknown', env.lang, ctx.vars),
        sources: env.rules.resolve(c.sources),
        fields: w.fields,
      };
  }
  const v = evaluate(c.test, ctx);
  const reason: Reason = {
    id: c.id,
    ok: v.value,
    text: pickText(c.text, v.value === null ? 'unknown' : v.value ? 'ok' : 'ko', env.lang, ctx.vars),
    sources: env.rules.resolve(c.sources),
  };
  if (v.fields.length) reason.fields = v.fields;
  if (c.inferred) reason.estimate = true;
  return reason;
}

export function regimeNotes(regime: RegimeRules, ctx: Context, env: Env): Note[] {
  const notes: Note[] = [];
  for (const n of regime.notes ?? []) {
    if (n.when && evaluate(n.when, ctx).value !== true) continue;
    notes.push({ id: n.id, text: (env.lang === 'en' && n.en) || n.text, sources: env.rules.resolve(n.sources), kind: n.kind ?? 'info' });
  }
  return notes;
}

/** Status from reasons: any false → ineligible; any unanswered → incomplete. */
export function statusOf(reasons: Reason[]): SchemeResult['status'] {
  if (reasons.some((r) => r.ok === false)) return 'ineligible';
  return reasons.some((r) => r.ok === null) ? 'incomplete' : 'eligible';
}

export function text(scheme: SchemeRules, key: string, variant: 'ok' | 'ko' | 'unknown', env: Env, vars: Vars): string {
  const t: TextRules | undefined = scheme.texts?.[key];
  return pickText(t, variant, env.lang, vars);
}

/** A scheme's result before evaluation: ineligible, nothing to ask, nothing offered. */
export function emptyResult(scheme: SchemeRules, env: Env): SchemeResult {
  return { id: scheme.id, title: schemeTitle(scheme, env), status: 'ineligible', reasons: [], missing: [], options: [], notes: [] };
}

export function schemeTitle(scheme: SchemeRules, env: Env): string {
  return (env.lang === 'en' && scheme.title_en) || scheme.title;
}
