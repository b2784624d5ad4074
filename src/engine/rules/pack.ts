/**
 * Rules packs: validated with the same schemas as rules/, merged over the built-in rules, and
 * tagged so that every figure they bring names its publisher. Compiled once per pack object.
 * `compilePack` never throws: whatever it is given, the answer is a rule set or a list of problems.
 */
import builtinCosts from '../../../rules/tables/costs.json';
import { mergeCosts } from './costs-merge.js';
import { today } from '../dates.js';
import { profileFields } from '../profile.js';
import { enablePacks, simulate } from '../simulate.js';
import type { Profile } from '../types.js';
import { reviewFigures } from './figures.js';
import { checkPackLimits, MAX_PACK_BYTES } from './limits.js';
import { pack as packSchema, type RulesPack } from './pack-schema.js';
import { builtinInput, makeRuleSet, PACK_CHANGE_PREFIX, type RuleSet, type RuleSetInput } from './ruleset.js';
import { check, type RuleIssue } from './schema.js';
import { crossCheckCosts, crossCheckCumulation, crossCheckScheme } from './validate.js';

export { MAX_PACK_BYTES };

export type PackResult = { ok: true; rules: RuleSet; pack: RulesPack } | { ok: false; issues: RuleIssue[] };

const compiled = new WeakMap<object, PackResult>();

type PackId = Pick<RulesPack, 'publisher' | 'version' | 'date'>;
/** The pseudo-source every pack figure carries, so results say where it came from and from whom. */
export const packRef = (p: PackId) => `pack:${p.publisher} ${p.version} (${p.date})`;
/** The only source, beside the pack's own, of a figure the pack changes: shown as "Modifié par « publisher »". */
export const packChangeRef = (p: PackId) => `${PACK_CHANGE_PREFIX}${p.publisher} ${p.version} (${p.date})`;

/** An error's message, whatever was thrown (a hostile object's getters may throw too). */
function describeError(e: unknown): string {
  try {
    return String(e instanceof Error ? e.message : e).slice(0, 200);
  } catch {
    return '?';
  }
}

/** Validates a pack and merges it over the built-in rules; cached by object identity. Never throws. */
export function compilePack(data: unknown, base: RuleSetInput = builtinInput): PackResult {
  const key = data && typeof data === 'object' ? data : undefined;
  const cached = key && compiled.get(key);
  if (cached) return cached;
  let result: PackResult;
  try {
    result = compileUncached(data, base);
    if (result.ok && key) {
      // The trial runs go through simulate(), which asks compilePack again: the cache answers.
      compiled.set(key, result);
      const issues = trialRuns(key, result.pack, result.rules);
      if (issues.length) result = { ok: false, issues };
    }
  } catch (e) {
    result = { ok: false, issues: [{ path: '(racine)', message: `pack illisible : erreur inattendue (${describeError(e)})` }] };
  }
  if (key) compiled.set(key, result);
  return result;
}

function compileUncached(data: unknown, base: RuleSetInput): PackResult {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, issues: [{ path: '(racine)', message: 'attendu un objet JSON { publisher, version, date, … }' }] };
  // Before anything recursive (zod, the merge, conditions.ts) sees the pack.
  const over = checkPackLimits(data);
  if (over.length) return { ok: false, issues: over };
  const parsed = check(packSchema, data);
  if (!parsed.ok) return parsed;
  // zod returns fresh objects: tagging them does not touch the caller's data.
  const p = parsed.data;
  const tag = packRef(p);
  const changeTag = packChangeRef(p);
  const review = reviewFigures(p, base);
  tagSources(p, tag);
  // A figure the pack changes or adds cites the pack alone: never an official text that states another figure.
  for (const [sources, how] of review.changed) {
    const own = sources.filter((ref) => ref !== tag && !review.isOfficial(ref));
    sources.splice(0, sources.length, ...own, how === 'changed' ? changeTag : tag);
  }

  const byId = <T extends { id: string }>(items: readonly T[], extra: readonly T[] | undefined) => {
    const map = new Map(items.map((i) => [i.id, i]));
    for (const i of extra ?? []) map.set(i.id, i);
    return [...map.values()];
  };
  const distributions = base.distributions.map((d) => ({ ...d, rows: [...d.rows] }));
  for (const d of p.percentiles ?? []) {
    const existing = distributions.find((x) => x.id === d.id);
    if (!existing) distributions.push({ ...d, rows: [...d.rows] });
    else
      for (const row of d.rows) {
        const i = existing.rows.findIndex((r) => r.specialty === row.specialty && r.indicator === row.indicator);
        if (i >= 0) existing.rows[i] = row;
        else existing.rows.push(row);
      }
  }
  const input: RuleSetInput = {
    ...base,
    schemes: byId(base.schemes, p.schemes),
    specialties: byId(base.specialties, p.specialties),
    distributions,
    regions: byId(base.regions, p.regions),
    objectiveGrids: [...base.objectiveGrids, ...(p.objectiveGrids ?? [])],
    cumulation:
      p.cumulation?.length && base.cumulation
        ? { ...base.cumulation, rules: [...base.cumulation.rules, ...p.cumulation] }
        : base.cumulation,
    sources: {
      ...base.sources,
      ...p.sources,
      [tag]: { title: `Pack de règles « ${p.publisher} », version ${p.version} du ${p.date}` },
      [changeTag]: { title: `Modifié par « ${p.publisher} » (pack de règles, version ${p.version} du ${p.date})` },
    },
    // The cost tables are not part of the built-in rule set (the widget does not load them until it needs them).
    costs: p.costs ? mergeCosts(base.costs ?? builtinCosts, p.costs) : base.costs,
    publisher: p.publisher,
  };
  const issues = [...review.issues, ...crossCheck(p, input, base)];
  if (issues.length) return { ok: false, issues };
  return { ok: true, rules: makeRuleSet(input), pack: p };
}

/**
 * Profiles that answer every field, from profileFields: the trial runs below reach the amounts
 * (an empty profile stops at the first unanswered condition). The first two answer everything
 * and nothing; then the lowest answers, and one per specialty group.
 */
function trialProfiles(rules: RuleSet, asOf: string): Profile[] {
  const answer = (pick: 'low' | 'mid' | 'high') =>
    Object.fromEntries(
      Object.entries(profileFields).map(([name, spec]) => {
        const [min = 0, max = 0] = [spec.min, spec.max];
        switch (spec.type) {
          case 'boolean':
            return [name, pick !== 'low'];
          case 'enum':
            return [name, pick === 'low' ? spec.values!.at(-1) : spec.values![0]];
          case 'date':
            return [name, asOf];
          case 'string':
          case 'contracts':
            return [name, undefined];
          default: {
            const v = pick === 'low' ? min : pick === 'high' ? max : (min + max) / 2;
            return [name, spec.type === 'integer' ? Math.round(v) : v];
          }
        }
      }),
    ) as Profile;
  const groups = new Map<string, string>();
  for (const s of rules.specialties.values()) if (!groups.has(s.group)) groups.set(s.group, s.id);
  return [answer('high'), {}, answer('low'), ...[...groups.values()].map((specialty) => ({ ...answer('mid'), specialty }))];
}

/**
 * Runs the merged rules once per regime of what the pack brings, through the public simulate().
 * The schema cannot say which parameters each kind of scheme needs (the evaluators can); a valid
 * pack that makes them fail is refused here rather than breaking every simulation later.
 */
function trialRuns(data: object, p: RulesPack, rules: RuleSet): RuleIssue[] {
  enablePacks(compilePack);
  const touched = new Map<string, string>();
  p.schemes?.forEach((s, i) => touched.set(s.id, `schemes[${i}]`));
  p.percentiles?.forEach((d, i) => {
    for (const s of rules.schemes.values())
      if (s.regimes.some((r) => d.regimes.includes(r.id)) && !touched.has(s.id)) touched.set(s.id, `percentiles[${i}]`);
  });
  p.objectiveGrids?.forEach((g, i) => {
    if (!touched.has(g.scheme)) touched.set(g.scheme, `objectiveGrids[${i}]`);
  });
  // [path, date, schemes, region, every profile]: the region and cumulation runs (every scheme of
  // a set, with combinations) take two profiles, to keep a pack's compilation in the milliseconds.
  const runs: [string, string | undefined, string[] | undefined, string | undefined, boolean][] = [];
  for (const [id, path] of touched)
    for (const r of rules.schemes.get(id)!.regimes) runs.push([path, r.signedFrom?.date ?? r.signedTo?.date, [id], undefined, true]);
  p.regions?.forEach((r, i) => runs.push([`regions[${i}]`, undefined, undefined, r.id, false]));
  if (p.cumulation?.length) runs.push(['cumulation', undefined, undefined, undefined, false]);
  const issues: RuleIssue[] = [];
  for (const [path, asOf, schemes, region, every] of runs) {
    const profiles = trialProfiles(rules, asOf ?? today());
    for (const [k, profile] of (every ? profiles : profiles.slice(0, 2)).entries())
      try {
        // Both languages, alternately: English texts and labels are read too. simulate() reports a scheme
        // its kind cannot evaluate instead of throwing: that report fails the trial as a throw would.
        const sim = simulate(profile, { rules: data, asOf, schemes, region, lang: k % 2 ? 'en' : 'fr' });
        const failed = sim.errors.find((e) => e.field === 'evaluation');
        if (failed) throw new Error(failed.message);
        // The answer, combinations and contacts are built on first read: read them here, where a throw is caught.
        void sim.answer;
      } catch (e) {
        if (!issues.some((i) => i.path === path))
          issues.push({ path, message: `le calcul échoue avec ce pack (${describeError(e)}) : paramètre manquant ou de forme inattendue` });
        break;
      }
  }
  return issues;
}

function tagSources(node: unknown, tag: string): void {
  if (Array.isArray(node)) for (const n of node) tagSources(n, tag);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === 'sources' && Array.isArray(v) && v.every((s) => typeof s === 'string')) v.push(tag);
      else if (k !== 'sources') tagSources(v, tag);
    }
}

/** References the schema cannot check: ids that must exist once the pack is merged. */
function crossCheck(p: RulesPack, merged: RuleSetInput, base: RuleSetInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  findMarkup(p, '', issues);
  // Two items with one id: the merge would keep the last one silently.
  for (const list of ['schemes', 'regions', 'specialties', 'percentiles'] as const) {
    const seen = new Set<string>();
    p[list]?.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: `${list}[${i}].id`, message: `identifiant en double : ${item.id}` });
      seen.add(item.id);
    });
  }
  p.percentiles?.forEach((d, i) => {
    const seen = new Set<string>();
    d.rows.forEach((row, j) => {
      const key = `${row.specialty} ${row.indicator}`;
      if (seen.has(key)) issues.push({ path: `percentiles[${i}].rows[${j}]`, message: `ligne en double : ${key}` });
      seen.add(key);
    });
  });
  // A built-in source keeps its title: a pack cannot make an official text say something else.
  for (const [ref, s] of Object.entries(p.sources ?? {})) {
    const known = Object.hasOwn(base.sources, ref) ? base.sources[ref] : undefined;
    if (known && (known.title !== s.title || known.url !== s.url))
      issues.push({ path: `sources.${ref}`, message: 'source des règles intégrées : un pack ne peut pas changer son titre ni son lien' });
  }
  const schemes = new Map(merged.schemes.map((s) => [s.id, s]));
  const specialties = new Set(merged.specialties.map((s) => s.id));
  if (p.costs) issues.push(...crossCheckCosts({ ...p.costs, levels: merged.costs?.levels }, 'costs'));
  p.schemes?.forEach((s, i) => crossCheckScheme(s).forEach((x) => issues.push({ path: `schemes[${i}].${x.path}`, message: x.message })));
  if (p.cumulation && merged.cumulation) {
    const offset = merged.cumulation.rules.length - p.cumulation.length;
    for (const i of crossCheckCumulation(merged.cumulation.rules, 'cumulation'))
      issues.push({ ...i, path: i.path.replace(/^cumulation\[(\d+)\]/, (_, n) => `cumulation[${+n - offset}]`) });
  }
  p.regions?.forEach((r, i) => {
    r.schemes.forEach((id, j) => {
      if (!schemes.has(id)) issues.push({ path: `regions[${i}].schemes[${j}]`, message: `dispositif inconnu : ${id}` });
      else if (r.schemes.indexOf(id) !== j) issues.push({ path: `regions[${i}].schemes[${j}]`, message: `dispositif en double : ${id}` });
    });
    r.avenant7Specialties?.forEach((a, j) =>
      a.specialties.forEach((s, k) => {
        if (!specialties.has(s))
          issues.push({ path: `regions[${i}].avenant7Specialties[${j}].specialties[${k}]`, message: `spécialité inconnue : ${s}` });
      }),
    );
  });
  p.objectiveGrids?.forEach((g, i) => {
    const s = schemes.get(g.scheme);
    const path = `objectiveGrids[${i}]`;
    if (!s) return issues.push({ path: `${path}.scheme`, message: `dispositif inconnu : ${g.scheme}` });
    const regime = s.regimes.find((r) => r.id === g.regime);
    if (!regime) issues.push({ path: `${path}.regime`, message: `régime inconnu pour ${g.scheme} : ${g.regime}` });
    else if (!regime.options.some((o) => o.id === g.option))
      issues.push({ path: `${path}.option`, message: `option inconnue pour ${g.regime} : ${g.option}` });
    if (!specialties.has(g.specialty)) issues.push({ path: `${path}.specialty`, message: `spécialité inconnue : ${g.specialty}` });
    g.rows.forEach((row, j) => {
      if (row.add === undefined && row.rate === undefined)
        issues.push({ path: `${path}.rows[${j}]`, message: 'attendu add (patients) ou rate (taux)' });
      if (row.to !== undefined && row.to <= row.from)
        issues.push({ path: `${path}.rows[${j}].to`, message: 'to doit être supérieur à from' });
    });
  });
  p.percentiles?.forEach((d, i) =>
    d.rows.forEach((row, j) => {
      if (!specialties.has(row.specialty))
        issues.push({ path: `percentiles[${i}].rows[${j}].specialty`, message: `spécialité inconnue : ${row.specialty}` });
      const values = (['p30', 'p50', 'p70', 'p90', 'p95'] as const).map((k) => row[k]?.value).filter((v): v is number => v !== undefined);
      if (values.some((v, k) => k > 0 && v < values[k - 1]))
        issues.push({ path: `percentiles[${i}].rows[${j}]`, message: 'les seuils doivent croître de P30 à P95' });
    }),
  );
  return issues;
}

/** Pack texts are shown as text, never as HTML; markup in them is a mistake or an attack: refuse it. */
function findMarkup(node: unknown, path: string, issues: RuleIssue[]): void {
  if (typeof node === 'string') {
    if (/<\s*[a-z!/?]|javascript:|data:text\/html/i.test(node))
      issues.push({ path: path || '(racine)', message: 'balisage HTML ou script interdit dans un texte de pack' });
  } else if (Array.isArray(node)) node.forEach((n, i) => findMarkup(n, `${path}[${i}]`, issues));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) findMarkup(v, path ? `${path}.${k}` : k, issues);
}
