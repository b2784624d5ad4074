/**
 * Rules packs: validated with the same schemas as rules/, merged over the built-in rules, and
 * tagged so that every figure they bring names its publisher. Compiled once per pack object.
 */
import { mergeCosts } from './costs-merge.js';
import { pack as packSchema, type RulesPack } from './pack-schema.js';
import { builtinInput, makeRuleSet, type RuleSet, type RuleSetInput } from './ruleset.js';
import { check, type RuleIssue } from './schema.js';
import { crossCheckCosts, crossCheckCumulation, crossCheckScheme } from './validate.js';

export type PackResult = { ok: true; rules: RuleSet; pack: RulesPack } | { ok: false; issues: RuleIssue[] };

const compiled = new WeakMap<object, PackResult>();

/** Largest pack the widget downloads or the CLI reads: a pack is tables and texts, not data dumps. */
export const MAX_PACK_BYTES = 512 * 1024;

/** The pseudo-source every pack figure carries, so results say where it came from and from whom. */
export const packRef = (p: Pick<RulesPack, 'publisher' | 'version' | 'date'>) => `pack:${p.publisher} ${p.version} (${p.date})`;

/** Validates a pack and merges it over the built-in rules; cached by object identity. */
export function compilePack(data: unknown, base: RuleSetInput = builtinInput): PackResult {
  if (data && typeof data === 'object') {
    const cached = compiled.get(data);
    if (cached) return cached;
  }
  const result = compileUncached(data, base);
  if (data && typeof data === 'object') compiled.set(data, result);
  return result;
}

function compileUncached(data: unknown, base: RuleSetInput): PackResult {
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, issues: [{ path: '(racine)', message: 'attendu un objet JSON { publisher, version, date, … }' }] };
  const parsed = check(packSchema, data);
  if (!parsed.ok) return parsed;
  // zod returns fresh objects: tagging them does not touch the caller's data.
  const p = parsed.data;
  const tag = packRef(p);
  tagSources(p, tag);

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
    sources: { ...base.sources, ...p.sources, [tag]: { title: `Pack de règles « ${p.publisher} », version ${p.version} du ${p.date}` } },
    costs: mergeCosts(base.costs, p.costs),
    publisher: p.publisher,
  };
  const issues = crossCheck(p, input);
  if (issues.length) return { ok: false, issues };
  return { ok: true, rules: makeRuleSet(input), pack: p };
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
function crossCheck(p: RulesPack, merged: RuleSetInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  findMarkup(p, '', issues);
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
