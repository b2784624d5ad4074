/**
 * What a pack does to the built-in figures. Each pack scheme (and percentile row) is compared with
 * the built-in one of the same id, value by value, without knowing the shape of any kind of scheme:
 * arrays of objects with an `id` are matched by id (regimes, options, conditions…), percentile rows
 * by specialty and indicator, other arrays by index, objects by key. A figure is a number, or the
 * `date` of a dated figure; numbers inside `test` and `when` are thresholds on the doctor's answers.
 *
 * - Provenance: an official source must never stand beside a figure it does not state. When a pack
 *   changes a figure of a regime, every figure of that regime (the engine combines them: a rate
 *   with its cap, steps with their schedule) cites only the pack: its own sources that are not
 *   built-in ones, and a pseudo-source "Modifié par « publisher »". A changed threshold does the same
 *   to its condition. A figure of a scheme the built-in rules do not have cites only the pack too.
 * - Plausibility: a figure more than PLAUSIBLE_FACTOR times the built-in one, a new figure more than
 *   PLAUSIBLE_FACTOR times the largest built-in figure, or a negative figure is refused with its path.
 */
import type { RuleSetInput } from './ruleset.js';
import type { RuleIssue } from './schema.js';

/**
 * How far a pack may move a figure up: ten times the built-in one. An engineering bound, not a rule
 * figure: it catches a misplaced digit or an absurd amount (9 999 999 € a year for an aid of tens of
 * thousands), while a real revaluation stays well inside it.
 */
export const PLAUSIBLE_FACTOR = 10;

/** The project's seed files: the official texts the built-in rules quote. */
const SEED = /^\d{3}_[0-9a-f]{16}\.txt$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isSources = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** What the built-in rules hold, computed once per base. */
interface BaseFacts {
  /** Every reference the built-in rules cite or title. */
  official: Set<string>;
  /** Largest figure of the built-in schemes (outside tests): the scale of a new figure. */
  largest: number;
}
const facts = new WeakMap<RuleSetInput, BaseFacts>();

function baseFacts(base: RuleSetInput): BaseFacts {
  let f = facts.get(base);
  if (f) return f;
  const official = new Set(Object.keys(base.sources));
  let largest = 0;
  const walk = (node: unknown, inTest: boolean): void => {
    if (typeof node === 'number') {
      if (!inTest && node > largest) largest = node;
    } else if (Array.isArray(node)) node.forEach((n) => walk(n, inTest));
    else if (isObject(node))
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'sources' || k === 'links') && isSources(v)) v.forEach((s) => official.add(s));
        else walk(v, inTest || k === 'test' || k === 'when');
      }
  };
  walk([base.schemes, base.regions, base.distributions, base.cumulation], false);
  facts.set(base, (f = { official, largest }));
  return f;
}

/** Which arrays of sources must cite only the pack, and how. */
export interface FigureReview {
  issues: RuleIssue[];
  /** Sources of figures the pack changes (→ "modifié par") or adds (→ the pack's reference). */
  changed: Map<string[], 'changed' | 'added'>;
  /** True for a reference the built-in rules cite: never kept beside a pack's figure. */
  isOfficial(ref: string): boolean;
}

const keyOf = (v: unknown): string | undefined => {
  if (!isObject(v)) return undefined;
  if (typeof v.id === 'string') return 'id:' + v.id;
  if (typeof v.specialty === 'string' && typeof v.indicator === 'string') return `row:${v.specialty}|${v.indicator}`;
  return undefined;
};

/** Objects whose `sources` vouch for figures of their own (a value, a table of values, a date). */
const holdsFigure = (o: Json) =>
  Object.entries(o).some(
    ([k, v]) => typeof v === 'number' || (k === 'date' && typeof v === 'string') || (Array.isArray(v) && typeof v[0] === 'number'),
  );

interface At {
  path: string;
  /** Nearest enclosing `sources` array. */
  holder?: string[];
  /** The regime (or percentile row, or top-level item) the value belongs to. */
  unit: Json;
  /** The unit has no built-in counterpart. */
  unitNew: boolean;
  inTest: boolean;
}

/**
 * Compares the pack's schemes and percentile tables with `base`. Run on validated data (depth
 * already bounded by limits.ts), before the pack's sources are tagged.
 */
export function reviewFigures(
  pack: { schemes?: unknown[]; percentiles?: unknown[]; objectiveGrids?: unknown[] },
  base: RuleSetInput,
): FigureReview {
  const { official, largest } = baseFacts(base);
  const issues: RuleIssue[] = [];
  const changed = new Map<string[], 'changed' | 'added'>();
  const units = new Map<Json, 'changed' | 'added'>();
  const mark = <K>(map: Map<K, 'changed' | 'added'>, key: K, how: 'changed' | 'added') => {
    if (map.get(key) !== 'changed') map.set(key, how);
  };

  /** A figure that differs from the built-in one (or has none), or a built-in figure the pack drops. */
  const leaf = (p: number | string | undefined, b: unknown, at: At) => {
    if (p === b) return;
    const how = at.unitNew ? 'added' : 'changed';
    if (at.holder) mark(changed, at.holder, how);
    // A threshold or a date changes its own condition or window, not the amounts computed beside it.
    if (at.inTest || typeof p === 'string') return;
    mark(units, at.unit, how);
    if (p === undefined) return;
    if (p < 0) issues.push({ path: at.path, message: 'montant ou paramètre négatif' });
    else if (typeof b === 'number' && b > 0) {
      if (p > PLAUSIBLE_FACTOR * b)
        issues.push({
          path: at.path,
          message: `valeur invraisemblable : ${p}, plus de ${PLAUSIBLE_FACTOR} fois celle des règles intégrées (${b})`,
        });
    } else if (p > PLAUSIBLE_FACTOR * largest)
      issues.push({
        path: at.path,
        message: `valeur invraisemblable : ${p}, plus de ${PLAUSIBLE_FACTOR} fois le plus grand montant des règles intégrées (${largest})`,
      });
  };

  const walk = (p: unknown, b: unknown, at: At): void => {
    if (typeof p === 'number') return leaf(p, b, at);
    if (Array.isArray(p)) {
      const byKey = Array.isArray(b) ? new Map(b.map((x) => [keyOf(x), x])) : undefined;
      const unitKey = /\.(regimes|rows)$/.test(at.path);
      // A shorter table changes the figures of the years it no longer lists (the last value repeats).
      if (Array.isArray(b) && b.length > p.length && typeof b[0] === 'number') leaf(undefined, b, at);
      p.forEach((item, i) => {
        const k = keyOf(item);
        const other: unknown = Array.isArray(b) ? (k !== undefined ? byKey!.get(k) : b[i]) : undefined;
        const path = `${at.path}[${i}]`;
        if (unitKey && isObject(item)) walk(item, other, { ...at, path, unit: item, unitNew: other === undefined });
        else walk(item, other, { ...at, path });
      });
    } else if (isObject(p)) {
      const o = isObject(b) ? b : undefined;
      const holder = isSources(p.sources) ? p.sources : at.holder;
      for (const [k, v] of Object.entries(p)) {
        if (k === 'sources' || k === 'inferred') continue;
        const path = `${at.path}.${k}`;
        if (k === 'date' && typeof v === 'string') leaf(v, o?.[k], { ...at, path, holder });
        else walk(v, o?.[k], { ...at, path, holder, inTest: at.inTest || k === 'test' || k === 'when' });
      }
      if (o) for (const k of Object.keys(o)) if (typeof o[k] === 'number' && !(k in p)) leaf(undefined, o[k], { ...at, holder });
    }
  };

  const top = (name: 'schemes' | 'percentiles' | 'objectiveGrids', builtins: readonly unknown[]) =>
    pack[name]?.forEach((item, i) => {
      if (!isObject(item)) return;
      const k = keyOf(item);
      const b = k === undefined ? undefined : builtins.find((x) => keyOf(x) === k);
      walk(item, b, { path: `${name}[${i}]`, unit: item, unitNew: b === undefined, inTest: false });
    });
  top('schemes', base.schemes);
  top('percentiles', base.distributions);
  // Objective grids are matched by scheme, regime, option, specialty and indicator, never by id: all are new.
  top('objectiveGrids', []);

  // A regime with a changed figure: every figure in it cites the pack alone (outside tests).
  for (const [unit, how] of units) {
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (isObject(node)) {
        if (isSources(node.sources) && holdsFigure(node)) mark(changed, node.sources, how);
        for (const [k, v] of Object.entries(node)) if (k !== 'test' && k !== 'when' && k !== 'sources') visit(v);
      }
    };
    visit(unit);
  }
  return { issues, changed, isOfficial: (ref) => official.has(ref) || SEED.test(ref) };
}
