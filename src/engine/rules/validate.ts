/**
 * Validation of rule files with file-level cross-checks. Used by the build (scripts/validate-rules.ts),
 * the tests, and for rules packs; never on the simulate path, which trusts validated data.
 */
import type * as z from 'zod/mini';
import { departementsTable, pack, region } from './pack-schema.js';
import {
  check,
  costsTable,
  cumulationFile,
  percentilesTable,
  scheme,
  sourcesTable,
  specialtiesTable,
  type CostsTable,
  type CumulationFile,
  type RuleIssue,
} from './schema.js';

export type RuleFileKind =
  'scheme' | 'specialties' | 'percentiles' | 'sources' | 'cumulation' | 'region' | 'departements' | 'costs' | 'pack';

/** @internal The schema of each kind of rule file (also the definitions of rules/schema.json). */
export const ruleFileSchemas: Record<RuleFileKind, z.ZodMiniType> = {
  scheme,
  specialties: specialtiesTable,
  percentiles: percentilesTable,
  sources: sourcesTable,
  cumulation: cumulationFile,
  region,
  departements: departementsTable,
  costs: costsTable,
  pack,
};

/** Validates one rule file's parsed JSON; returns every problem with its JSON path. */
export function validateRuleFile(kind: RuleFileKind, data: unknown): RuleIssue[] {
  const r = check(ruleFileSchemas[kind], data);
  if (!r.ok) return r.issues;
  if (kind === 'scheme') return crossCheckScheme(data as import('./schema.js').SchemeRules);
  if (kind === 'cumulation') return crossCheckCumulation((data as CumulationFile).rules, 'rules');
  if (kind === 'costs') return crossCheckCosts(data as CostsTable);
  return [];
}

type CostRows = Partial<Pick<CostsTable, 'salaryGrid' | 'smic' | 'employerCost' | 'consultationPrice'>>;

/**
 * @internal Cost tables (the built-in file, or a pack's `costs`): one row per date, in date order; ratio points in
 * salary order, each ratio equal to 1 + contributions − reduction (to the rounding of the source).
 */
export function crossCheckCosts(c: CostRows & { levels?: CostsTable['levels'] }, path = ''): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  for (const key of ['salaryGrid', 'smic', 'employerCost', 'consultationPrice'] as const)
    c[key]?.forEach((row, i, rows) => {
      if (i > 0 && row.from <= rows[i - 1].from)
        issues.push({ path: at(`${key}[${i}].from`), message: 'dates en ordre croissant, une ligne par date' });
    });
  const l = c.levels;
  if (l && !(l.min <= l.default && l.default <= l.max)) issues.push({ path: at('levels'), message: 'attendu min ≤ default ≤ max' });
  if (l)
    c.salaryGrid?.forEach((row, i) => {
      for (let n = l.min; n <= l.max; n++)
        if (row.levels[n] === undefined) issues.push({ path: at(`salaryGrid[${i}].levels`), message: `niveau ${n} manquant` });
    });
  c.employerCost?.forEach((row, i) => {
    row.points.forEach((p, j) => {
      if (Math.abs(1 + p.contributions - p.reduction - p.ratio) > 0.0005)
        issues.push({ path: at(`employerCost[${i}].points[${j}].ratio`), message: 'attendu 1 + contributions − reduction' });
      const prev = row.points[j - 1];
      if (prev && p.grossMonthly / p.smicMonthly <= prev.grossMonthly / prev.smicMonthly)
        issues.push({ path: at(`employerCost[${i}].points[${j}]`), message: 'points en ordre croissant de salaire / SMIC' });
    });
    if (row.withoutReduction < row.points[row.points.length - 1].ratio)
      issues.push({ path: at(`employerCost[${i}].withoutReduction`), message: 'attendu au moins le ratio du dernier point' });
  });
  return issues;
}

/** @internal Sequence rules ("b may follow a") must not loop back: a → b → … → a would make any order allowed. */
export function crossCheckCumulation(rules: CumulationFile['rules'], path: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const next = new Map<string, Set<string>>();
  rules.forEach((r, i) => {
    if (r.kind === 'sequence' && !r.b?.length) issues.push({ path: `${path}[${i}].b`, message: 'une règle sequence demande a et b' });
    if (r.kind !== 'sequence') return;
    for (const a of r.a)
      for (const b of r.b ?? []) {
        if (a === b) issues.push({ path: `${path}[${i}]`, message: `séquence circulaire : ${a} suit ${a}` });
        (next.get(a) ?? next.set(a, new Set()).get(a)!).add(b);
      }
  });
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
    for (const n of next.get(from) ?? []) {
      if (n === to) return true;
      if (!seen.has(n) && (seen.add(n), reaches(n, to, seen))) return true;
    }
    return false;
  };
  rules.forEach((r, i) => {
    if (r.kind === 'sequence')
      for (const a of r.a)
        for (const b of r.b ?? [])
          if (a !== b && reaches(b, a)) issues.push({ path: `${path}[${i}]`, message: `séquence circulaire : ${a} → ${b} → … → ${a}` });
  });
  return issues;
}

/** @internal What the schema cannot say: unique ids, ordered date windows, a revaluing regime that exists. */
export function crossCheckScheme(s: import('./schema.js').SchemeRules): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const ids = new Set<string>();
  s.regimes.forEach((r, i) => {
    if (ids.has(r.id)) issues.push({ path: `regimes[${i}].id`, message: `identifiant de régime en double : ${r.id}` });
    ids.add(r.id);
    if (r.signedFrom && r.signedTo && r.signedFrom.date > r.signedTo.date)
      issues.push({ path: `regimes[${i}].signedTo.date`, message: 'la fin de la fenêtre de signature précède son début' });
    const options = new Set<string>();
    r.options.forEach((o, j) => {
      if (options.has(o.id)) issues.push({ path: `regimes[${i}].options[${j}].id`, message: `option en double : ${o.id}` });
      options.add(o.id);
    });
  });
  s.regimes.forEach((r, i) => {
    if (r.revaluedBy && !ids.has(r.revaluedBy))
      issues.push({ path: `regimes[${i}].revaluedBy`, message: `régime inconnu : ${r.revaluedBy}` });
  });
  return issues;
}
