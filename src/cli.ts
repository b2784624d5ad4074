#!/usr/bin/env node
/// <reference types="node" />
/**
 * `npx aide-assistant-medical validate pack.json [more.json …]`: checks rules packs with the same
 * schemas and cross-checks as the widget; exits 1 on the first invalid file, printing every problem.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_PACK_BYTES, compilePack } from './engine/rules/pack.js';

function validate(file: string): boolean {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_PACK_BYTES) {
      console.error(`${file}: trop volumineux (${size} octets, maximum ${MAX_PACK_BYTES}).`);
      return false;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: illisible : ${(e as Error).message}`);
    return false;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    console.error(`${file}: JSON invalide : ${(e as Error).message}`);
    return false;
  }
  const r = compilePack(data);
  if (r.ok) {
    const p = r.pack;
    const counts = [
      `${p.schemes?.length ?? 0} dispositif(s)`,
      `${p.regions?.length ?? 0} région(s)`,
      `${p.percentiles?.length ?? 0} table(s) de percentiles`,
      `${p.objectiveGrids?.length ?? 0} grille(s) d'objectifs`,
    ];
    console.log(`${file}: valide — « ${p.publisher} » ${p.version} du ${p.date} : ${counts.join(', ')}.`);
    return true;
  }
  console.error(`${file}: ${r.issues.length} problème(s) :`);
  for (const i of r.issues) console.error(`  ${i.path}: ${i.message}`);
  return false;
}

const [command, ...files] = process.argv.slice(2);
if (command !== 'validate' || !files.length) {
  console.error('Usage : aide-assistant-medical validate <pack.json> [autre.json …]');
  process.exitCode = 2;
} else {
  process.exitCode = files.map(validate).every(Boolean) ? 0 : 1;
}
