/**
 * Validation of rule files with file-level cross-checks. Used by the build (scripts/validate-rules.ts),
 * the tests, and for rules packs; never on the simulate path, which trusts validated data.
 */
import { check, percentilesTable, scheme, sourcesTable, specialtiesTable, type RuleIssue } from './schema.js';

export type RuleFileKind = 'scheme' | 'specialties' | 'percentiles' | 'sources';

const schemas = { scheme, specialties: specialtiesTable, percentiles: percentilesTable, sources: sourcesTable };

/** Validates one rule file's parsed JSON; returns every problem with its JSON path. */
export function validateRuleFile(kind: RuleFileKind, data: unknown): RuleIssue[] {
  const r = check(schemas[kind] as Parameters<typeof check>[0], data);
  if (!r.ok) return r.issues;
  return kind === 'scheme' ? crossCheckScheme(data as import('./schema.js').SchemeRules) : [];
}

/** What the schema cannot say: unique ids, ordered date windows, a revaluing regime that exists. */
function crossCheckScheme(s: import('./schema.js').SchemeRules): RuleIssue[] {
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
    if (r.revaluedBy && !ids.has(r.revaluedBy)) issues.push({ path: `regimes[${i}].revaluedBy`, message: `régime inconnu : ${r.revaluedBy}` });
  });
  return issues;
}
