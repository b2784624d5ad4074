#!/usr/bin/env node
/// <reference types="node" />
/**
 * `npx aide-assistant-medical validate pack.json [more.json …]`: checks rules packs with the same
 * schemas and cross-checks as the widget; exits 1 when a file is invalid, printing every problem,
 * never a stack trace (the pack is the author's to fix, not the program).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_PACK_BYTES, compilePack } from './engine/rules/pack.js';

/** Pack texts and keys reach the terminal: escape control characters (no escape sequences from a file). */
const printable = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Reads at most MAX_PACK_BYTES + 1 bytes, whatever the file claims to be (a pipe, a device…). */
function readBounded(file: string): { text?: string; tooBig?: boolean } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(MAX_PACK_BYTES + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += r;
    return n > MAX_PACK_BYTES ? { tooBig: true } : { text: buf.toString('utf8', 0, n) };
  } finally {
    closeSync(fd);
  }
}

function check(file: string): boolean {
  let text: string;
  try {
    const r = readBounded(file);
    if (r.tooBig) {
      console.error(`${file}: trop volumineux (plus de ${MAX_PACK_BYTES} octets).`);
      return false;
    }
    text = r.text!;
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
  // compilePack checks the limits (depth, size, texts) before anything else, and never throws.
  const r = compilePack(data);
  if (r.ok) {
    const p = r.pack;
    const counts = [
      `${p.schemes?.length ?? 0} dispositif(s)`,
      `${p.regions?.length ?? 0} région(s)`,
      `${p.percentiles?.length ?? 0} table(s) de percentiles`,
      `${p.objectiveGrids?.length ?? 0} grille(s) d'objectifs`,
    ];
    console.log(printable(`${file}: valide — « ${p.publisher} » ${p.version} du ${p.date} : ${counts.join(', ')}.`));
    return true;
  }
  console.error(`${file}: ${r.issues.length} problème(s) :`);
  for (const i of r.issues) console.error(printable(`  ${i.path}: ${i.message}`));
  return false;
}

function validate(file: string): boolean {
  try {
    return check(file);
  } catch (e) {
    // Not expected (compilePack never throws); still a message, not a stack trace.
    console.error(`${file}: erreur inattendue : ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

const [command, ...files] = process.argv.slice(2);
if (command !== 'validate' || !files.length) {
  console.error('Usage : aide-assistant-medical validate <pack.json> [autre.json …]');
  process.exitCode = 2;
} else {
  process.exitCode = files.map(validate).every(Boolean) ? 0 : 1;
}
