/**
 * Which eligible schemes can be combined, and which combination is worth the most over 5 years.
 * The rules are data (rules/cumulation.json): pairs not cumulable, explicitly cumulable, or unknown
 * (the texts are silent or conflict); sequences (b may follow a). A pair no rule covers is unknown,
 * with the file's fallback text.
 *
 * The first combination holds only cumulations the texts allow (an unknown pair counts as a conflict);
 * the best one that needs an unknown cumulation comes second, « si votre CPAM accepte le cumul », only
 * when it is worth more; then the best combination holding each scheme left out. Each is a maximum-weight
 * set of pairwise-compatible schemes, found per connected component of the conflict graph by branch and
 * bound: no enumeration of the 2ⁿ subsets, correct for any number of schemes.
 */
import { cached, renewedCache, type Cache } from './cached.js';
import { evaluate, localized, type Context } from './conditions.js';
import { rulesGeneration } from './rules/ruleset.js';
import type { CumulationFile } from './rules/schema.js';
import { yearsBetween } from './dates.js';
import { heldContract, HORIZON } from './schemes/aid.js';
import type { Env } from './schemes/common.js';
import type { Combination, Exclusion, IsoDate, OptionResult, Profile, SchemeResult } from './types.js';

type Rule = CumulationFile['rules'][number];
interface Index {
  pairs: Map<string, Rule[]>;
  sequences: Map<string, Rule>;
  /** Both schemes' sources, by pair: gathered again once the widget's detail has restored them. */
  fallbackRefs: Cache<string, string[]>;
}

const RANK = { excluded: 3, unknown: 2, allowed: 1, sequence: 0 } as const;
const indexes = new WeakMap<CumulationFile, Index>();
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pair lookups of a cumulation file (built once per file). Where two rules cover a pair, the stricter wins. */
function indexOf(file: CumulationFile): Index {
  const idx: Index = {
    pairs: new Map(),
    sequences: new Map(),
    fallbackRefs: renewedCache(rulesGeneration, () => new Map<string, string[]>()),
  };
  for (const rule of file.rules) {
    const { a: as, b: bs } = rule;
    const pairs = bs ? as.flatMap((a) => bs.map((b) => [a, b])) : as.flatMap((a, i) => as.slice(i + 1).map((b) => [a, b]));
    for (const [a, b] of pairs) {
      if (a === b) continue;
      const k = key(a, b);
      if (rule.kind === 'sequence') idx.sequences.set(k, rule);
      // Stricter rules first; among equals, conditional ones (more specific) first.
      else
        idx.pairs.set(
          k,
          [...(idx.pairs.get(k) ?? []), rule].sort((x, y) => RANK[y.kind] - RANK[x.kind] || +!!y.when - +!!x.when),
        );
    }
  }
  return idx;
}

interface Candidate {
  id: string;
  /** Highest amount of each year (the best option). */
  perYear: number[];
  /** Lowest amount of each year: the option the doctor may still choose, or a range's lower end. */
  perYearMin: number[];
  total: number;
  totalMin: number;
  estimate: boolean;
  pending: boolean;
  /** A contract the doctor already holds: every combination keeps it. */
  held: boolean;
}

const zeros = () => new Array<number>(HORIZON).fill(0);

/** Amounts of an option by year 1–5 (contract years, or years from `asOf` for a contract held); renewals never count. */
function perYearOf(o: OptionResult, held: boolean, asOf: IsoDate): number[] {
  const out = zeros();
  for (const p of o.payments) {
    const i = held ? (p.date ? yearsBetween(asOf, p.date) : -1) : p.year - 1;
    if (i >= 0 && i < HORIZON) out[i] += p.amount;
  }
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((t, x) => t + x, 0);

function candidateOf(r: SchemeResult, held: boolean, asOf: IsoDate): Candidate {
  const c: Candidate = {
    id: r.id,
    perYear: zeros(),
    perYearMin: zeros(),
    total: 0,
    totalMin: 0,
    estimate: false,
    pending: !held && r.options.every((o) => o.amountUnknown),
    held,
  };
  let first = true;
  for (const o of r.options) {
    if (o.amountUnknown) continue;
    const perYear = perYearOf(o, held, asOf);
    const total = sum(perYear);
    // A range (CDE): its lower end comes off the first year it pays.
    const perYearMin = perYear.slice();
    let less = o.total - (o.totalMin ?? o.total);
    for (let y = 0; y < HORIZON && less > 0; y++) {
      const cut = Math.min(less, perYearMin[y]);
      perYearMin[y] -= cut;
      less -= cut;
    }
    const totalMin = sum(perYearMin);
    if (o.estimate || o.payments.some((p) => p.estimate)) c.estimate = true;
    // Options are alternatives: the best counts; when the choice is the doctor's to make, the least is the range's low end.
    const better = first || total > c.total;
    if (better) {
      c.perYear = perYear;
      c.total = total;
    }
    if (r.choose ? first || totalMin < c.totalMin : better) {
      c.perYearMin = perYearMin;
      c.totalMin = totalMin;
    }
    first = false;
  }
  return c;
}

export function combine(results: SchemeResult[], profile: Profile, env: Env): { combinations: Combination[]; exclusions: Exclusion[] } {
  const { rules, asOf } = env;
  const file = rules.cumulation;
  const combinations: Combination[] = [];
  const exclusions: Exclusion[] = [];
  const out = { combinations, exclusions };
  if (!file) return out;
  const idx = cached(indexes, file, indexOf);
  const lang = env.lang;

  const candidates: Candidate[] = [];
  for (const r of results) {
    // A held contract counts even when its payments are over: it still excludes what it excludes.
    if (r.status !== 'eligible' && r.status !== 'held') continue;
    const scheme = rules.schemes.get(r.id);
    candidates.push(candidateOf(r, !!scheme && !!heldContract(scheme, profile, asOf), asOf));
  }

  // The first rule for the pair whose condition holds for this profile (an unanswered condition does not hold).
  const ctx: Context = { get: (name) => profile[name], askFor: (name) => name, fact: () => ({ value: null, fields: [] }) };
  const pairRule = (a: string, b: string) => idx.pairs.get(key(a, b))?.find((r) => evaluate(r.when, ctx).value === true);
  /** Says why a and b do not combine (or may not), with its sources: the rule's, else both schemes' (one array per pair, so resolving stays cached). */
  const exclude = (a: string, b: string, rule: Rule | undefined) => {
    const k = key(a, b);
    // Texts may be absent: the widget's build loads them with the detail, after the first answer.
    let text = localized(rule ?? file.fallback, 'text', lang) ?? '';
    const seq = idx.sequences.get(k);
    if (seq) text += ' ' + (seq.until && asOf > seq.until ? localized(seq, 'after', lang) || '' : localized(seq, 'text', lang) || '');
    const refs =
      rule?.sources ?? cached(idx.fallbackRefs, k, () => [...new Set([a, b].flatMap((id) => rules.schemes.get(id)?.sources ?? []))]);
    const kind = rule?.kind === 'excluded' ? 'excluded' : 'unknown';
    exclusions.push({ schemes: [a, b], reason: text.trim(), sources: rules.resolve(refs), kind });
    return kind;
  };

  // Contracts held outside the candidates (e.g. an option démographique of 2011) rule out what they exclude.
  const ids = new Set(candidates.map((c) => c.id));
  for (const h of profile.heldContracts ?? []) {
    if (ids.has(h.id)) continue;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const rule = pairRule(h.id, candidates[i].id);
      if ((rule?.kind === 'excluded' || rule?.kind === 'unknown') && exclude(h.id, candidates[i].id, rule) === 'excluded')
        candidates.splice(i, 1);
    }
  }

  const n = candidates.length;
  if (!n) return out;
  // Conflict lists: `hard` (excluded) and `soft` (unknown, a conflict only for confirmed combinations).
  const hard: number[][] = candidates.map(() => []);
  const soft: number[][] = candidates.map(() => []);
  const resignable = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const rule = pairRule(candidates[i].id, candidates[j].id);
      if (rule?.kind === 'allowed') continue;
      const list = exclude(candidates[i].id, candidates[j].id, rule) === 'excluded' ? hard : soft;
      list[i].push(j);
      list[j].push(i);
      // A held contract the texts let the doctor resign for another aid (« en substitution ») is not forced.
      if (rule?.resignable) resignable[i] = resignable[j] = true;
    }

  // Contracts already held stay in every combination: leaving one early is not an aid (CAIM: repay the prorata).
  let forced = candidates.map((c, i) => c.held && !resignable[i]);
  if (forced.some((f, i) => f && hard[i].some((j) => forced[j]))) forced = forced.map(() => false);
  const weights = candidates.map((c) => c.total);
  const confirmedConflicts = candidates.map((_, i) => [...hard[i], ...soft[i]]);

  const toCombination = (set: number[]): Combination => {
    set.sort((a, b) => a - b);
    const c: Combination = { schemes: [], total: 0, perYear: zeros() };
    const perYearMin = zeros();
    const pairs: string[][] = [];
    const pending: string[] = [];
    const inSet = new Set(set);
    for (const i of set) {
      const x = candidates[i];
      c.schemes.push(x.id);
      for (let y = 0; y < HORIZON; y++) {
        c.perYear[y] += x.perYear[y];
        perYearMin[y] += x.perYearMin[y];
      }
      if (x.estimate) c.estimate = true;
      if (x.pending) pending.push(x.id);
      for (const j of soft[i]) if (j > i && inSet.has(j)) pairs.push([x.id, candidates[j].id]);
    }
    c.total = sum(c.perYear);
    const totalMin = sum(perYearMin);
    if (totalMin < c.total) {
      c.totalMin = totalMin;
      c.perYearMin = perYearMin;
    }
    if (pairs.length) c.uncertain = pairs;
    if (pending.length) c.pending = pending;
    return c;
  };

  const best = maxWeightSet(weights, confirmedConflicts, forced);
  const first = toCombination(best);
  combinations.push(first);
  const seen = new Set([first.schemes.join('|')]);
  const optimistic = toCombination(maxWeightSet(weights, hard, forced));
  if (optimistic.total > first.total && optimistic.uncertain) {
    combinations.push(optimistic);
    seen.add(optimistic.schemes.join('|'));
  }
  // Alternatives: the best confirmed combination holding each scheme the first one leaves out.
  const others: Combination[] = [];
  for (let v = 0; v < n; v++) {
    if (best.includes(v) || confirmedConflicts[v].some((j) => forced[j])) continue;
    const c = toCombination(
      maxWeightSet(
        weights,
        confirmedConflicts,
        forced.map((f, i) => f || i === v),
      ),
    );
    const k = c.schemes.join('|');
    if (!seen.has(k)) {
      seen.add(k);
      others.push(c);
    }
  }
  others.sort((a, b) => b.total - a.total || (b.totalMin ?? b.total) - (a.totalMin ?? a.total));
  combinations.push(...others);
  return out;
}

/**
 * The set of vertices of largest total weight with no two in conflict, holding every forced vertex, made
 * maximal (amounts are never negative: a compatible scheme is always added, even at 0 € for now). Solved
 * per connected component by branch and bound, heaviest vertices first, bounded by what is still addable.
 */
export function maxWeightSet(weights: readonly number[], conflicts: readonly (readonly number[])[], forced: readonly boolean[]): number[] {
  const n = weights.length;
  const chosen: number[] = [];
  const component = new Array<number>(n).fill(-1);
  for (let s = 0; s < n; s++) {
    if (component[s] >= 0) continue;
    const members: number[] = [];
    const stack = [s];
    component[s] = s;
    while (stack.length) {
      const v = stack.pop()!;
      members.push(v);
      for (const u of conflicts[v])
        if (component[u] < 0) {
          component[u] = s;
          stack.push(u);
        }
    }
    chosen.push(...bestInComponent(members, weights, conflicts, forced));
  }
  return chosen;
}

function bestInComponent(
  members: number[],
  weights: readonly number[],
  conflicts: readonly (readonly number[])[],
  forced: readonly boolean[],
): number[] {
  if (members.length === 1) return members;
  // Forced vertices first (decided at once), then heaviest first: good sets are found early, the bound prunes the rest.
  const order = members.slice().sort((a, b) => Number(forced[b]) - Number(forced[a]) || weights[b] - weights[a] || a - b);
  // Conflicts stay within a component: an array by vertex counts how many chosen ones block each.
  const blocked = new Array<number>(weights.length).fill(0);
  const current: number[] = [];
  let best: number[] = [];
  let bestWeight = -1;
  const bound = (from: number) => {
    let b = 0;
    for (let k = from; k < order.length; k++) if (!blocked[order[k]]) b += weights[order[k]];
    return b;
  };
  const search = (k: number, weight: number): void => {
    if (k === order.length) {
      if (weight > bestWeight) {
        bestWeight = weight;
        best = current.slice();
      }
      return;
    }
    if (weight + bound(k) <= bestWeight) return;
    const v = order[k];
    if (blocked[v]) return search(k + 1, weight); // forced but in conflict with another forced one: cannot be
    current.push(v);
    for (const u of conflicts[v]) blocked[u]++;
    search(k + 1, weight + weights[v]);
    for (const u of conflicts[v]) blocked[u]--;
    current.pop();
    if (!forced[v]) search(k + 1, weight);
  };
  search(0, 0);
  // Maximal: add whatever still fits (schemes at 0 € for now, e.g. an amount not answered yet).
  const inBest = new Set(best);
  for (const v of order)
    if (!inBest.has(v) && !conflicts[v].some((u) => inBest.has(u))) {
      inBest.add(v);
      best.push(v);
    }
  return best;
}
