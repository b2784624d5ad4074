/**
 * Validation of rule files with file-level cross-checks. Used by the build (scripts/validate-rules.ts),
 * the tests, and for rules packs; never on the simulate path, which trusts validated data.
 */
import { departementsTable, pack, region } from './pack-schema.js';
import {
  check,
  cumulationFile,
  percentilesTable,
  scheme,
  sourcesTable,
  specialtiesTable,
  type CumulationFile,
  type RuleIssue,
} from './schema.js';

export type RuleFileKind = 'scheme' | 'specialties' | 'percentiles' | 'sources' | 'cumulation' | 'region' | 'departements' | 'pack';

/** The schema of each kind of rule file (also the definitions of rules/schema.json). */
export const ruleFileSchemas = {
  scheme,
  specialties: specialtiesTable,
  percentiles: percentilesTable,
  sources: sourcesTable,
  cumulation: cumulationFile,
  region,
  departements: departementsTable,
  pack,
};

/** Validates one rule file's parsed JSON; returns every problem with its JSON path. */
export function validateRuleFile(kind: RuleFileKind, data: unknown): RuleIssue[] {
  const r = check(ruleFileSchemas[kind] as Parameters<typeof check>[0], data);
  if (!r.ok) return r.issues;
  if (kind === 'scheme') return crossCheckScheme(data as import('./schema.js').SchemeRules);
  if (kind === 'cumulation') return crossCheckCumulation((data as CumulationFile).rules, 'rules');
  return [];
}

/** Sequence rules ("b may follow a") must not loop back: a → b → … → a would make any order allowed. */
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

/** What the schema cannot say: unique ids, ordered date windows, a revaluing regime that exists. */
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
