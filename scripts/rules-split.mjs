/**
 * How the widget's build splits the rule files: what its first chunk keeps, and what arrives later, restored
 * into the live rule objects by the engine's `restoreTexts` (objects by key, arrays by index). Used by
 * rollup.config.mjs, and by a test that runs the engine on the first chunk's rules alone.
 *
 * Channels:
 *   MAIN       what the engine decides with (ids, tests, amounts, lists of schemes and départements) and
 *              the texts the first answer shows;
 *   ENGLISH    every English text: loaded when an instance speaks English;
 *   DETAIL     sources and their titles, readings' texts, the texts of conditions, notes, objectives and
 *              cumulation rules, how to apply and what to prepare, regimes' titles, the figures of objectives: with the detail, after the answer. A reading (`inferred`) changes what is
 *              decided (an inferred threshold never places a doctor): the first chunk keeps a mark, « … »;
 *   QUESTIONS  the specialties' labels, the départements table, the regions' contacts and texts and the
 *              regional schemes' texts: with the questions, or before the first paint of a regional embed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MAIN = 0;
export const ENGLISH = 1;
export const DETAIL = 2;
export const QUESTIONS = 3;
const LATER = [ENGLISH, DETAIL, QUESTIONS];

/** What a reading's text is until the detail brings it: the engine only needs to know there is one. */
const READING_MARK = '…';
/** Objects the engine reads as possibly absent: not kept, emptied, in the first chunk. */
const DROPPED_WHEN_EMPTY = new Set(['text', 'apply', 'prepare']);

const isEnglish = (key) => key === 'en' || key.endsWith('_en');
/** Texts of a regime's `texts` the answer itself shows. */
const KEEP = new Set(['band.alternative', 'threshold.boundary', 'amount.cpam']);
const TEXT_PARENTS = new Set(['conditions', 'derogations', 'objectives', 'notes', 'rules', 'facts', 'fallback']);
const REGIONAL_FILES = new Set([
  'regions/centre-val-de-loire.json',
  'regions/nouvelle-aquitaine.json',
  'regions/occitanie.json',
  'schemes/ars-occitanie-installation.json',
]);
const REGIONAL_TEXT = new Set(['title', 'name', 'label', 'url', 'text', 'ok', 'ko', 'unknown', 'note', 'short', 'description', 'links']);

/** The channel of a key's value (`parent` is the key of the object or array holding it). */
function channelOf(key, parent, file) {
  if (file === 'tables/departements.json') return QUESTIONS;
  if (file === 'tables/specialties.json' && key === 'label') return QUESTIONS;
  if (
    file === 'sources.json' ||
    key === 'sources' ||
    // How to apply and what to prepare fold under « Comment faire »; a regime's title shows in the detail.
    key === 'apply' ||
    key === 'prepare' ||
    (key === 'title' && parent === 'regimes') ||
    // What objectives are computed from (src/engine/schemes/objectives.ts comes with the detail too).
    (parent === 'objectives' && (key === 'rates' || key === 'floor' || key === 'percentile')) ||
    (key === 'note' && parent === 'distributions') ||
    (key === 'after' && parent === 'rules') ||
    (key === 'text' && TEXT_PARENTS.has(parent)) ||
    (parent === 'texts' && !KEEP.has(key))
  )
    return DETAIL;
  if (REGIONAL_FILES.has(file) && REGIONAL_TEXT.has(key)) return QUESTIONS;
  return MAIN;
}

/**
 * Merges a chunk's patch into rule data as the engine's `restoreTexts` does: objects by key, arrays by index, a
 * null item skipped. Used here and by the tests that put the chunks back.
 */
export function mergeInto(target, patch) {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && target[k] && typeof target[k] === 'object') mergeInto(target[k], v);
    else target[k] = v;
  }
}

/**
 * Rule files only the widget's lazily loaded chunks read (the assistant's net cost, follow-up and calendar, in
 * the `tools` chunk; the rules-pack code): the widget keeps them whole, French and English, in those chunks,
 * and no other chunk carries a part of them.
 */
export const WHOLE = new Set(['tables/costs.json']);

/**
 * Splits a rule file (parsed JSON; `file` its path under rules/) into [main, english, detail, questions],
 * undefined where a channel has nothing. `french` alone drops the English (the core engine's bundle);
 * `split` sends every text to its channel (the widget's). A file of `WHOLE` is not split.
 */
export function splitRuleFile(node, file, { french = false, split = true } = {}) {
  return split && WHOLE.has(file) ? splitNode(node, file, {}) : splitNode(node, file, { french, split });
}

function splitNode(node, file, { french = false, split = false }, parent = undefined) {
  if (Array.isArray(node)) {
    const parts = node.map((n) => splitNode(n, file, { french, split }, parent));
    let kept = parts.length;
    // The answer names one contact: the doctor's département's, else the first. Other contacts, at the end of
    // the list, come with the detail (a list only loses its tail: the patches restore items by index).
    if (split && parent === 'contacts')
      while (kept > 1 && !node[kept - 1]?.department) {
        const p = parts[--kept];
        if (p[MAIN] && p[DETAIL]) mergeInto(p[MAIN], p[DETAIL]);
        p[DETAIL] = p[MAIN] ?? p[DETAIL];
      }
    const patch = (c) => {
      const items = parts.map((p) => p[c]);
      while (items.length && items[items.length - 1] === undefined) items.pop();
      return items.length ? items.map((x) => x ?? null) : undefined;
    };
    return [parts.slice(0, kept).map((p) => p[MAIN]), ...LATER.map(patch)];
  }
  const out = [undefined, undefined, undefined, undefined];
  if (!node || typeof node !== 'object') {
    out[MAIN] = node;
    return out;
  }
  const channels = [{}, {}, {}, {}];
  for (const [k, v] of Object.entries(node)) {
    if (k === '$schema') continue;
    if ((french || split) && isEnglish(k)) {
      if (split) channels[ENGLISH][k] = v;
      continue;
    }
    if (split && k === 'inferred' && typeof v === 'string' && v) {
      channels[MAIN][k] = READING_MARK;
      channels[DETAIL][k] = v;
      continue;
    }
    const parts = splitNode(v, file, { french, split }, k);
    const channel = split ? channelOf(k, parent, file) : MAIN;
    if (channel === MAIN) channels[MAIN][k] = parts[MAIN];
    else {
      if (parts[MAIN] !== undefined) channels[channel][k] = parts[MAIN];
      // Containers stay, empty: the engine finds an array or an object where it expects one; but for those
      // it reads as possibly absent (lists of sources, texts by verdict, how to apply and what to prepare).
      const keepEmpty = !(Array.isArray(parts[MAIN]) ? k === 'sources' : DROPPED_WHEN_EMPTY.has(k));
      if (keepEmpty && Array.isArray(parts[MAIN])) channels[MAIN][k] = [];
      else if (keepEmpty && parts[MAIN] && typeof parts[MAIN] === 'object') channels[MAIN][k] = {};
    }
    for (const c of LATER)
      if (parts[c] !== undefined) {
        // A key moved whole to a channel keeps its sub-parts of that same channel together.
        if (channels[c][k] && typeof channels[c][k] === 'object') mergeInto(channels[c][k], parts[c]);
        else channels[c][k] = parts[c];
      }
  }
  out[MAIN] = channels[MAIN];
  for (const c of LATER) if (Object.keys(channels[c]).length) out[c] = channels[c];
  return out;
}

/** The rule files the engine reads (not the worked examples, not the schema), by path under `rulesDir`. */
export function ruleFiles(rulesDir) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? walk(join(dir, d.name))
        : d.name.endsWith('.json') && !d.name.endsWith('.examples.json') && d.name !== 'schema.json' && !dir.endsWith('examples')
          ? [join(dir, d.name)]
          : [],
    );
  return walk(rulesDir).map((path) => ({ path, name: relative(rulesDir, path).split(sep).join('/') }));
}

/** One channel of every rule file, by path under rules/: the patch a chunk restores. */
export function patches(rulesDir, channel) {
  const out = {};
  for (const { path, name } of ruleFiles(rulesDir)) {
    const p = splitRuleFile(JSON.parse(readFileSync(path, 'utf8')), name)[channel];
    if (p) out[name] = p;
  }
  return out;
}
