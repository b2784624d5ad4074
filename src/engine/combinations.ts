/**
 * Which eligible schemes can be combined, and which combination is worth the most over 5 years.
 * The rules are data (rules/cumulation.json): pairs not cumulable, explicitly cumulable, or unknown
 * (the texts are silent or conflict: assumed cumulable, and said so); sequences (b may follow a).
 * A pair no rule covers is reported as unknown with the file's fallback text.
 */
import { evaluate, type Context } from './conditions.js';
import type { CumulationFile } from './rules/schema.js';
import { heldContract, HORIZON } from './schemes/aid.js';
import type { Env } from './schemes/common.js';
import type { Combination, Exclusion, IsoDate, OptionResult, Profile, SchemeResult } from './types.js';

type Rule = CumulationFile['rules'][number];
interface Index {
  pairs: Map<string, Rule[]>;
  sequences: Map<string, Rule>;
  fallbackRefs: Map<string, string[]>;
}

const RANK = { excluded: 3, unknown: 2, allowed: 1, sequence: 0 } as const;
const indexes = new WeakMap<CumulationFile, Index>();
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Pair lookups, built once per cumulation file. Where two rules cover a pair, the stricter wins. */
function indexOf(file: CumulationFile): Index {
  let idx = indexes.get(file);
  if (idx) return idx;
  idx = { pairs: new Map(), sequences: new Map(), fallbackRefs: new Map() };
  for (const rule of file.rules) {
    const pairs: [string, string][] = [];
    if (rule.b) for (const a of rule.a) for (const b of rule.b) pairs.push([a, b]);
    else for (let i = 0; i < rule.a.length; i++) for (let j = i + 1; j < rule.a.length; j++) pairs.push([rule.a[i], rule.a[j]]);
    for (const [a, b] of pairs) {
      if (a === b) continue;
      if (rule.kind === 'sequence') {
        idx.sequences.set(key(a, b), rule);
        continue;
      }
      const k = key(a, b);
      const list = idx.pairs.get(k) ?? [];
      list.push(rule);
      // Stricter rules first; among equals, conditional ones (more specific) first.
      list.sort((x, y) => RANK[y.kind] - RANK[x.kind] || (y.when ? 1 : 0) - (x.when ? 1 : 0));
      idx.pairs.set(k, list);
    }
  }
  indexes.set(file, idx);
  return idx;
}

interface Candidate {
  id: string;
  perYear: number[];
  total: number;
  /** What the total may fall to when the amount is a range. */
  less: number;
  estimate: boolean;
  pending: boolean;
  /** A contract the doctor already holds: every combination keeps it. */
  held: boolean;
}

/** Whole years from `from` to `to` (negative before). */
function yearIndex(from: IsoDate, to: IsoDate): number {
  let months = (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7));
  if (to.slice(8) < from.slice(8)) months--;
  return Math.floor(months / 12);
}

/** Amounts of an option by year 1–5: contract years for a new contract, years from `asOf` for one already held. */
function perYearOf(o: OptionResult, held: boolean, asOf: IsoDate): number[] {
  const out = new Array<number>(HORIZON).fill(0);
  for (const p of o.payments) {
    const i = held ? (p.date ? yearIndex(asOf, p.date) : -1) : p.year - 1;
    if (i >= 0 && i < HORIZON) out[i] += p.amount;
  }
  return out;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function combine(results: SchemeResult[], profile: Profile, env: Env): { combinations: Combination[]; exclusions: Exclusion[] } {
  const file = env.rules.cumulation;
  const combinations: Combination[] = [];
  const exclusions: Exclusion[] = [];
  if (!file) return { combinations, exclusions };
  const idx = indexOf(file);
  const en = env.lang === 'en';

  const candidates: Candidate[] = [];
  for (const r of results) {
    const scheme = env.rules.schemes.get(r.id);
    const held = !!scheme && !!heldContract(scheme, profile, env.asOf);
    if (r.status !== 'eligible' && !(r.status === 'closed' && held && r.options.length)) continue;
    // Options of one scheme are alternatives: the best one counts.
    let best: Candidate = {
      id: r.id,
      perYear: new Array<number>(HORIZON).fill(0),
      total: 0,
      less: 0,
      estimate: false,
      pending: !r.options.length,
      held,
    };
    for (const o of r.options) {
      const perYear = perYearOf(o, held, env.asOf);
      const total = sum(perYear);
      if (total >= best.total)
        best = {
          id: r.id,
          perYear,
          total,
          less: o.totalMin !== undefined ? o.total - o.totalMin : 0,
          estimate: !!o.estimate || o.payments.some((p) => p.estimate),
          pending: false,
          held,
        };
    }
    candidates.push(best);
  }

  // The first rule for the pair whose condition holds for this profile (an unanswered condition does not hold).
  const ctx: Context = { get: (name) => profile[name], askFor: (name) => name, fact: () => ({ value: null, fields: [] }) };
  const pairRule = (a: string, b: string) => idx.pairs.get(key(a, b))?.find((r) => !r.when || evaluate(r.when, ctx).value === true);
  const reasonOf = (a: string, b: string, rule: Rule | undefined) => {
    let text = rule ? (en && rule.en) || rule.text : (en && file.fallback.en) || file.fallback.text;
    const seq = idx.sequences.get(key(a, b));
    if (seq) text += ' ' + (seq.until && env.asOf > seq.until ? (en && seq.after_en) || seq.after || '' : (en && seq.en) || seq.text);
    return text.trim();
  };
  const sourcesOf = (a: string, b: string, rule: Rule | undefined) => {
    if (rule) return env.rules.resolve(rule.sources);
    // No rule: the texts of both schemes, which are silent on it (one array per pair, so resolving stays cached).
    let refs = idx.fallbackRefs.get(key(a, b));
    if (!refs)
      idx.fallbackRefs.set(
        key(a, b),
        (refs = [...new Set([...(env.rules.schemes.get(a)?.sources ?? []), ...(env.rules.schemes.get(b)?.sources ?? [])])]),
      );
    return env.rules.resolve(refs);
  };

  // Contracts held outside the candidates (e.g. an option démographique of 2011) rule out what they exclude.
  const ids = new Set(candidates.map((c) => c.id));
  for (const h of profile.heldContracts ?? []) {
    if (ids.has(h.id)) continue;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const rule = pairRule(h.id, candidates[i].id);
      if (rule?.kind === 'unknown')
        exclusions.push({
          schemes: [h.id, candidates[i].id],
          reason: reasonOf(h.id, candidates[i].id, rule),
          sources: env.rules.resolve(rule.sources),
          kind: 'unknown',
        });
      if (rule?.kind !== 'excluded') continue;
      exclusions.push({
        schemes: [h.id, candidates[i].id],
        reason: reasonOf(h.id, candidates[i].id, rule),
        sources: env.rules.resolve(rule.sources),
        kind: 'excluded',
      });
      candidates.splice(i, 1);
    }
  }

  const n = candidates.length;
  if (!n) return { combinations, exclusions };
  const conflict = new Array<number>(n).fill(0);
  const uncertain = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [candidates[i].id, candidates[j].id];
      const rule = pairRule(a, b);
      if (rule?.kind === 'allowed') continue;
      const kind = rule?.kind === 'excluded' ? 'excluded' : 'unknown';
      exclusions.push({ schemes: [a, b], reason: reasonOf(a, b, rule), sources: sourcesOf(a, b, rule), kind });
      const bits = kind === 'excluded' ? conflict : uncertain;
      bits[i] |= 1 << j;
      bits[j] |= 1 << i;
    }

  // Contracts already held stay in every combination: leaving one early is not an aid (CAIM: repay the prorata).
  let heldMask = 0;
  for (let i = 0; i < n; i++) {
    if (!candidates[i].held) continue;
    // A held contract the texts let the doctor resign for another aid (« en substitution ») is not forced.
    let resignable = false;
    for (let j = 0; j < n && !resignable; j++) if (j !== i && pairRule(candidates[i].id, candidates[j].id)?.resignable) resignable = true;
    if (!resignable) heldMask |= 1 << i;
  }
  for (let i = 0; i < n; i++) if (heldMask & (1 << i) && conflict[i] & heldMask) heldMask = 0;
  // Every maximal set of pairwise-allowed schemes (amounts are never negative, so subsets are dominated).
  for (let m = 1; m < 1 << n; m++) {
    if ((m & heldMask) !== heldMask) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) if (m & (1 << i) && conflict[i] & m) ok = false;
    if (!ok) continue;
    let maximal = true;
    for (let j = 0; j < n && maximal; j++) if (!(m & (1 << j)) && !(conflict[j] & m)) maximal = false;
    if (!maximal) continue;
    const c: Combination = { schemes: [], total: 0, perYear: new Array<number>(HORIZON).fill(0) };
    let less = 0;
    const pairs: string[][] = [];
    const pending: string[] = [];
    for (let i = 0; i < n; i++) {
      if (!(m & (1 << i))) continue;
      const x = candidates[i];
      c.schemes.push(x.id);
      for (let y = 0; y < HORIZON; y++) c.perYear[y] += x.perYear[y];
      less += x.less;
      if (x.estimate) c.estimate = true;
      if (x.pending) pending.push(x.id);
      for (let j = i + 1; j < n; j++) if (m & (1 << j) && uncertain[i] & (1 << j)) pairs.push([x.id, candidates[j].id]);
    }
    c.total = sum(c.perYear);
    if (less) c.totalMin = c.total - less;
    if (pairs.length) c.uncertain = pairs;
    if (pending.length) c.pending = pending;
    combinations.push(c);
  }
  combinations.sort((a, b) => b.total - a.total || (a.uncertain?.length ?? 0) - (b.uncertain?.length ?? 0));
  return { combinations, exclusions };
}
