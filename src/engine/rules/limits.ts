/**
 * Structural limits of a rules pack, checked on the parsed JSON before any validation. The schema
 * validator, the merge and the condition compiler (conditions.ts) all recurse over the pack; an
 * over-deep or over-wide pack must be refused here, by a walk that does not recurse itself.
 */
import type { RuleIssue } from './schema.js';

/**
 * Deepest nesting of objects and arrays, the root counting as 1. The built-in rules wrapped in a
 * pack reach 14; 48 leaves room for deeper `all`/`any`/`not` tests while keeping every later
 * recursion shallow: zod's validation and the recursive `compile` of conditions.ts (which we do not
 * guard) then stay a few hundred frames deep, far from any engine's stack limit (about 10 000).
 */
export const MAX_PACK_DEPTH = 48;
/** Most values (objects, arrays, strings, numbers…) in a pack. All the built-in rules hold 2 400. */
export const MAX_PACK_NODES = 50_000;
/** Longest text or key. The longest built-in text has 400 characters; pack-schema.ts uses the same bound. */
export const MAX_TEXT_LENGTH = 2000;
/** Largest pack the widget downloads or the CLI reads: a pack is tables and texts, not data dumps. */
export const MAX_PACK_BYTES = 512 * 1024;
/** Every string of a pack together: what a pack passed as an object (not a file) may hold. */
export const MAX_PACK_CHARS = MAX_PACK_BYTES;
/** Enough problems to act on; a hostile pack would otherwise produce thousands. */
const MAX_ISSUES = 20;

/** Keys that mean something to JavaScript objects, never to rules. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  value: unknown;
  depth: number;
  parent?: Frame;
  key?: string | number;
}

/** `schemes[0].regimes[1].conditions[2].test.all[0]`, built only when a problem is reported. */
function pathOf(frame: Frame): string {
  const keys: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) keys.push(f.key!);
  let out = '';
  for (const k of keys.reverse()) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out || '(racine)';
}

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, '\u202f');

/**
 * Walks parsed JSON (or any value) with an explicit stack and reports what no pack may hold:
 * nesting deeper than MAX_PACK_DEPTH, more than MAX_PACK_NODES values, texts or keys longer than
 * MAX_TEXT_LENGTH, more than MAX_PACK_CHARS of text, prototype keys, and values JSON cannot hold.
 * Stops at the first structural overflow (depth, count, total text): its path is enough to act on.
 */
export function checkPackLimits(data: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const stack: Frame[] = [{ value: data, depth: 1 }];
  let nodes = 0;
  let chars = 0;
  const report = (frame: Frame, message: string) => issues.push({ path: pathOf(frame), message });
  while (stack.length && issues.length < MAX_ISSUES) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (++nodes > MAX_PACK_NODES) {
      report(frame, `pack trop gros : plus de ${fmt(MAX_PACK_NODES)} valeurs`);
      break;
    }
    if (typeof v === 'string') {
      chars += v.length;
      if (v.length > MAX_TEXT_LENGTH) report(frame, `texte trop long (${fmt(v.length)} caractères, maximum ${fmt(MAX_TEXT_LENGTH)})`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) report(frame, 'nombre invalide (NaN ou infini)');
    } else if (v !== null && typeof v === 'object') {
      if (frame.depth > MAX_PACK_DEPTH) {
        report(frame, `imbrication trop profonde (plus de ${MAX_PACK_DEPTH} niveaux)`);
        break;
      }
      const depth = frame.depth + 1;
      if (Array.isArray(v)) {
        // Pushed in reverse so that problems come out in document order.
        for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth, parent: frame, key: i });
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const key = keys[i];
          const child: Frame = { value: (v as Record<string, unknown>)[key], depth, parent: frame, key };
          chars += key.length;
          if (FORBIDDEN_KEYS.has(key)) report(child, `clé interdite : ${key}`);
          else if (key.length > MAX_TEXT_LENGTH) report(frame, `clé trop longue (${fmt(key.length)} caractères)`);
          else stack.push(child);
        }
      }
    } else if (typeof v !== 'boolean' && v !== null) {
      report(frame, `valeur non JSON (${typeof v})`);
    }
    if (chars > MAX_PACK_CHARS) {
      report(frame, `textes trop volumineux (plus de ${fmt(MAX_PACK_CHARS / 1024)} Ko au total)`);
      break;
    }
  }
  return issues;
}
