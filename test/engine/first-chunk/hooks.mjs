/**
 * Node module hooks: every rule file (rules/**\/*.json) loads as the widget's first chunk holds it (the MAIN
 * channel of scripts/rules-split.mjs), nothing restored yet; with FIRST_CHUNK_RESTORE=detail,questions, those
 * channels are merged back, as the chunks do when they arrive.
 */
import { readFile } from 'node:fs/promises';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { DETAIL, MAIN, mergeInto, QUESTIONS, splitRuleFile } from '../../../scripts/rules-split.mjs';

const rulesDir = fileURLToPath(new URL('../../../rules/', import.meta.url));
const restore = new Set((process.env.FIRST_CHUNK_RESTORE ?? '').split(',').filter(Boolean));

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.json')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  if (!path.startsWith(rulesDir) || path.endsWith('schema.json') || path.endsWith('.examples.json')) return nextLoad(url, context);
  const file = path.slice(rulesDir.length).split('\\').join('/');
  const parts = splitRuleFile(JSON.parse(await readFile(path, 'utf8')), file);
  const data = parts[MAIN];
  if (restore.has('detail') && parts[DETAIL]) mergeInto(data, parts[DETAIL]);
  if (restore.has('questions') && parts[QUESTIONS]) mergeInto(data, parts[QUESTIONS]);
  return { format: 'json', source: JSON.stringify(data), shortCircuit: true };
}
