/**
 * Build-time check of every file under rules/: a bad file fails the build with the file, the JSON
 * path and what was expected. Also writes rules/schema.json (JSON Schema for rule authors' editors).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { ruleFileSchemas, validateRuleFile, type RuleFileKind } from '../src/engine/rules/validate.js';

const root = new URL('../rules/', import.meta.url).pathname;

export function kindOf(file: string): RuleFileKind | undefined {
  if (file.startsWith('schemes/') && !file.endsWith('.examples.json')) return 'scheme';
  if (file === 'tables/specialties.json') return 'specialties';
  if (file === 'tables/percentiles.json') return 'percentiles';
  if (file === 'sources.json') return 'sources';
  if (file === 'cumulation.json') return 'cumulation';
  if (file.startsWith('regions/')) return 'region';
  if (file === 'tables/departements.json') return 'departements';
  if (file === 'tables/costs.json') return 'costs';
  return undefined;
}

function main(): number {
  const files = [
    'sources.json',
    'cumulation.json',
    ...['schemes', 'tables', 'regions'].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`)),
  ].filter((f) => f.endsWith('.json'));
  const sources = JSON.parse(readFileSync(join(root, 'sources.json'), 'utf8')).sources as Record<string, unknown>;
  let failures = 0;
  for (const file of files) {
    const kind = kindOf(file);
    if (!kind) continue;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(join(root, file), 'utf8'));
    } catch (e) {
      console.error(`rules/${file}: JSON illisible : ${(e as Error).message}`);
      failures++;
      continue;
    }
    const issues = validateRuleFile(kind, data);
    // Seed files are named by the project: a seed reference must be one of those listed in sources.json.
    for (const m of JSON.stringify(data).matchAll(/"(\d{3}_[0-9a-f]{16}\.txt)"/g))
      if (!(m[1] in sources)) issues.push({ path: '(sources)', message: `fichier seed inconnu : ${m[1]} (absent de rules/sources.json)` });
    for (const i of issues) console.error(`rules/${file}: ${i.path}: ${i.message}`);
    if (issues.length) failures++;
  }
  // Each file kind is one definition; recursive parts (tests) are hoisted so every "#/$defs/…" resolves.
  const defs: Record<string, unknown> = {};
  const parts = ruleFileSchemas;
  for (const [name, schema] of Object.entries(parts)) {
    const {
      $schema: _,
      $defs,
      ...def
    } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown> & { $defs?: Record<string, unknown> };
    Object.assign(defs, $defs, { [name]: def });
  }
  const jsonSchema = { $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'aide-assistant-medical rule files', $defs: defs };
  writeFileSync(join(root, 'schema.json'), JSON.stringify(jsonSchema, null, 2) + '\n');
  if (failures) {
    console.error(`\n${failures} fichier(s) de règles invalide(s).`);
    return 1;
  }
  console.log(`rules/: ${files.length} fichiers valides; rules/schema.json écrit.`);
  return 0;
}

process.exitCode = main();
