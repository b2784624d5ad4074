#!/usr/bin/env node
// Writes rules/tables/departements.json (code, name, region) from @etalab/decoupage-administratif,
// the maintained dataset of the French administrative divisions. Only départements and régions are
// kept: the widget never ships the commune list. Run after upgrading the dataset: npm run build:departements
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('@etalab/decoupage-administratif/package.json');
const departements = require('@etalab/decoupage-administratif/data/departements.json');
const regions = require('@etalab/decoupage-administratif/data/regions.json');

const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const regionId = Object.fromEntries(regions.map((r) => [r.code, slug(r.nom)]));
const source = `https://www.npmjs.com/package/@etalab/decoupage-administratif/v/${pkg.version}`;

const out = {
  $schema: '../schema.json#/$defs/departements',
  version: pkg.version,
  sources: [source],
  regions: Object.fromEntries(regions.filter((r) => ['metro', 'drom'].includes(r.zone)).map((r) => [slug(r.nom), r.nom])),
  departements: departements
    .filter((d) => ['metro', 'drom'].includes(d.zone))
    .map((d) => ({ code: d.code, name: d.nom, region: regionId[d.region] })),
};
const file = new URL('../rules/tables/departements.json', import.meta.url);
const text = JSON.stringify(out, null, 1) + '\n';
let previous = '';
try {
  previous = readFileSync(file, 'utf8');
} catch {}
if (previous !== text) writeFileSync(file, text);
console.log(
  `rules/tables/departements.json: ${out.departements.length} départements, ${Object.keys(out.regions).length} régions (dataset ${pkg.version})`,
);
