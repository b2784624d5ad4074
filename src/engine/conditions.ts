/**
 * Three-valued evaluation of rule tests: true, false, or null when an answer is missing.
 * A null result carries the profile fields whose answers would decide it, most decisive first.
 */
import type { Test, TextRules } from './rules/schema.js';
import type { Lang } from './types.js';
import { cached } from './cached.js';

export interface Verdict {
  value: boolean | null;
  /** Unanswered fields that would decide a null verdict. */
  fields: string[];
}

/** Where tests read values: profile fields, derived fields, and facts computed by a mechanism. */
export interface Context {
  get(name: string): unknown;
  /** The profile field to ask when `name` (possibly derived) is unknown. */
  askFor(name: string): string;
  fact(name: string): Verdict;
}

/** The verdicts without fields, shared: a verdict is read, never changed (a reason copies the fields it keeps). */
export const TRUE: Verdict = { value: true, fields: [] };
export const FALSE: Verdict = { value: false, fields: [] };

type Compiled = (ctx: Context) => Verdict;
/**
 * Tests are compiled once into closures (rule data never changes), kept on the test object itself under a symbol:
 * a property read, where a WeakMap lookup cost a hash probe on every evaluation. Not enumerable, so a copy of a
 * rule object (spread, Object.assign, JSON, structuredClone) never carries the original's compiled test.
 */
const COMPILED = Symbol('compiled');

/** A test's verdict; no test (a rule without `when`) holds. */
export function evaluate(test: Test | undefined, ctx: Context): Verdict {
  if (!test) return TRUE;
  let run = (test as { [COMPILED]?: Compiled })[COMPILED];
  if (!run) {
    run = compile(test);
    // A frozen rule object (a host's own) is compiled on every call rather than refused.
    if (Object.isExtensible(test)) Object.defineProperty(test, COMPILED, { value: run });
  }
  return run(ctx);
}

function compile(test: Test): Compiled {
  if ('all' in test || 'any' in test) {
    const isAll = 'all' in test;
    const parts = (isAll ? test.all : test.any).map(compile);
    return (ctx) => {
      let fields: string[] | undefined;
      for (const part of parts) {
        const v = part(ctx);
        // `all` stops at the first false, `any` at the first true.
        if (v.value === !isAll) return v.value ? TRUE : FALSE;
        if (v.value === null) for (const f of v.fields) if (!(fields ??= []).includes(f)) fields.push(f);
      }
      return fields ? { value: null, fields } : isAll ? TRUE : FALSE;
    };
  }
  if ('not' in test) {
    const inner = compile(test.not);
    return (ctx) => {
      const v = inner(ctx);
      return v.value === null ? v : v.value ? FALSE : TRUE;
    };
  }
  if ('fact' in test) {
    const name = test.fact;
    return (ctx) => ctx.fact(name);
  }
  const { field, in: among, notIn, eq, gte, gt, lt, lte } = test;
  const numeric = gte !== undefined || gt !== undefined || lt !== undefined || lte !== undefined;
  // The unanswered verdict, made once per test and context's answer to ask (verdicts are never changed).
  let unanswered: Verdict | undefined;
  return (ctx) => {
    const value = ctx.get(field);
    if (value === undefined) {
      const ask = ctx.askFor(field);
      return unanswered?.fields[0] === ask ? unanswered : (unanswered = { value: null, fields: [ask] });
    }
    const ok =
      (!among || among.includes(value)) &&
      (!notIn || !notIn.includes(value)) &&
      (eq === undefined || value === eq) &&
      (!numeric ||
        (typeof value === 'number' &&
          (gte === undefined || value >= gte) &&
          (gt === undefined || value > gt) &&
          (lt === undefined || value < lt) &&
          (lte === undefined || value <= lte)));
    return ok ? TRUE : FALSE;
  };
}

const numberFormats: Partial<Record<Lang, Intl.NumberFormat>> = {};

/** Formats numbers the French way ("1 550") for texts; the element formats amounts itself with Intl. */
export function formatNumber(n: number, lang: Lang): string {
  // Integers (the common case) are grouped by hand: Intl is correct but slow on the hot path.
  if (Number.isInteger(n) && Math.abs(n) < 1e15) {
    const digits = String(Math.abs(n));
    const sep = lang === 'en' ? ',' : '\u202f';
    let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
    for (let i = out.length; i < digits.length; i += 3) out += sep + digits.slice(i, i + 3);
    return n < 0 ? `-${out}` : out;
  }
  const f = (numberFormats[lang] ??= new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 2 }));
  return f.format(n);
}

/**
 * A rule object's text in the language asked: in English, `<key>_en` (`en` beside a `text`) when the rules
 * give it, else the French `<key>`. Rule texts are never empty strings (the schema says so).
 */
export const localized = <T, K extends keyof T & string>(o: T, key: K, lang: Lang): T[K] =>
  (lang === 'en' && o[(key === 'text' ? 'en' : `${key}_en`) as K]) || o[key];

/** Values texts interpolate: a record, or an object that looks them up (a rule context). */
export type Vars = Record<string, unknown> | { get(name: string): unknown };

/** Picks the text variant for a verdict and language, and fills `{placeholders}` from `vars`. */
export type Variant = 'ok' | 'ko' | 'unknown';

export function pickText(text: TextRules | undefined, variant: Variant, lang: Lang, vars: Vars): string {
  if (!text) return '';
  const raw = (lang === 'en' && text.en?.[variant]) || text[variant] || text.ok || text.ko || text.unknown || '';
  return fill(raw, vars, lang);
}

/** Templates split once into literal / placeholder parts: even parts are text, odd parts are names. */
const templates = new Map<string, string[]>();
const split = (raw: string) => raw.split(/\{(\w+)\}/);

export function fill(raw: string | undefined, vars: Vars, lang: Lang): string {
  // A text may be absent: the widget's build loads some rule texts after the first answer.
  if (!raw) return '';
  const parts = cached(templates, raw, split);
  if (parts.length === 1) return raw;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = typeof vars.get === 'function' ? (vars as Context).get(parts[i]) : (vars as Record<string, unknown>)[parts[i]];
    // Values are strings, numbers or booleans (never objects: the engine sets them).
    out += (v === undefined ? '…' : typeof v === 'number' ? formatNumber(v, lang) : `${v as string | boolean}`) + parts[i + 1];
  }
  return out;
}
