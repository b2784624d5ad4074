/**
 * Profile fields: their type and range, and normalisation of whatever a host passes in.
 * Hand-written rather than zod: it runs on every simulation and must stay in the microseconds.
 */
import { isIsoDate } from './dates.js';
import type { FieldError, HeldContract, Profile } from './types.js';

export interface FieldSpec {
  type: 'number' | 'integer' | 'boolean' | 'enum' | 'date' | 'share' | 'percentile' | 'string' | 'contracts';
  min?: number;
  max?: number;
  values?: readonly string[];
}

const range = (type: FieldSpec['type'], max: number, min = 0): FieldSpec => ({ type, min, max });
const int = (max: number, min = 0) => range('integer', max, min);
const oneOf = (...values: string[]): FieldSpec => ({ type: 'enum', values });
const bool: FieldSpec = { type: 'boolean' };
const share = range('share', 1);
const date: FieldSpec = { type: 'date' };
const euros = range('number', 10_000_000);
const text: FieldSpec = { type: 'string' };

/** Every profile field the engine reads. The names are public API. */
export const profileFields: Readonly<Record<string, FieldSpec>> = {
  situation: oneOf('installe', 'installation', 'remplacant', 'etudiant'),
  specialty: text,
  sector: oneOf('1', '2-optam', '2', 'non-conventionne'),
  age: int(100, 18),
  patienteleMT: int(100_000),
  fileActive: int(100_000),
  percentile: range('percentile', 100),
  ccamShare: share,
  newlyInstalled: bool,
  contractDate: date,
  objectivesReached: bool,
  groupPractice: bool,
  coordinatedPractice: bool,
  zone: oneOf('zip', 'zac', 'hors-zone'),
  zoneSousDense: bool,
  rqthOrAld: bool,
  childrenShare: share,
  mixedActivity: bool,
  sharedAssistant: bool,
  option: oneOf('1/3-etp', '1/2-etp', '1-etp'),
  qpv: bool,
  mountain: bool,
  department: text,
  daysPerWeek: range('number', 7),
  firstInstallation: bool,
  installationDate: date,
  secondaryPractice: bool,
  pdsa: bool,
  hospitalDeProximite: bool,
  traineeMonths: range('number', 12),
  conventionalFees: euros,
  opposableShare: share,
  feesInZip: euros,
  daysPerYearInZip: range('number', 366),
  hostsYoungDoctor: bool,
  student: bool,
  allowanceMonths: int(120),
  remplacant: bool,
  heldContracts: { type: 'contracts' },
  fmtAmount: euros,
};

/** The same, for lookups on the hot path (a 40-key object literal is slower to probe by name). */
const SPECS = new Map(Object.entries(profileFields));

const DEPARTMENT = /^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/;

/** « 'a', 'b' »: values as an error message lists them. */
export const quoteList = (values: Iterable<string>) => [...values].map((v) => `'${v}'`).join(', ');

/** What a field expects, for error messages (numbers say their range, enums their values). */
const EXPECTED: Partial<Record<FieldSpec['type'], string>> = {
  boolean: 'true ou false',
  date: 'une date AAAA-MM-JJ',
  contracts: 'une liste [{ id, signed }]',
  string: 'un texte',
};

const describe = ({ type, values, min, max }: FieldSpec): string =>
  values
    ? `une des valeurs ${quoteList(values)}`
    : (EXPECTED[type] ?? `un nombre${type === 'integer' ? ' entier' : ''} entre ${min} et ${max}`);

/** Held contracts: ids, or { id, signed, renewed }; undefined when any entry is invalid. */
function contracts(v: unknown): HeldContract[] | undefined {
  if (!Array.isArray(v) || v.length > 20) return undefined;
  const out: HeldContract[] = [];
  for (const c of v as unknown[]) {
    // An entry is an object, or the id alone.
    const { id, signed, renewed } = (c && typeof c === 'object' ? c : { id: c }) as Partial<HeldContract>;
    if (typeof id !== 'string' || !id || (signed !== undefined && !isIsoDate(signed))) return undefined;
    out.push({ id, signed, renewed: renewed === true });
  }
  return out;
}

/** The value, normalised, when valid for the field; else undefined. */
function check(name: string, spec: FieldSpec, v: unknown): unknown {
  const { type } = spec;
  if (type === 'contracts') return contracts(v);
  if (type === 'string') {
    if (typeof v !== 'string' || v.length > 80) return undefined;
    if (name !== 'department') return v;
    const code = v.toUpperCase();
    return DEPARTMENT.test(code) ? code : undefined;
  }
  const ok =
    type === 'boolean'
      ? typeof v === 'boolean'
      : type === 'enum'
        ? spec.values!.includes(v as string)
        : type === 'date'
          ? isIsoDate(v)
          : typeof v === 'number' && Number.isFinite(v) && (type !== 'integer' || Number.isInteger(v)) && v >= spec.min! && v <= spec.max!;
  return ok ? v : undefined;
}

/**
 * Keeps the known, valid fields of `input`; reports the invalid ones instead of throwing.
 * `null`, `undefined` and '' mean "not answered" and are silently dropped.
 */
export function normalizeProfile(input: unknown): { profile: Profile; errors: FieldError[] } {
  const profile: Profile = {};
  return { profile, errors: readInto(profile, input) };
}

/**
 * Every field, unanswered. simulate() reads each profile into a copy of it: all its profiles then share one shape,
 * so that V8 reads a field at a known offset instead of looking its name up in each profile's own layout (a profile
 * built key by key from the answers has a layout per set of answers, and the engine reads fields by name everywhere).
 */
const BLANK: Readonly<Profile> = Object.fromEntries(Object.keys(profileFields).map((name) => [name, undefined]));

/** The profile simulate() evaluates: every field present (`undefined` when unanswered), the valid answers set. */
export function shapedProfile(input: unknown): { profile: Profile; errors: FieldError[] } {
  const profile: Profile = { ...BLANK };
  return { profile, errors: readInto(profile, input) };
}

/** Whether any field is answered (a shaped profile has every key, answered or not). */
export function anyAnswer(profile: Profile): boolean {
  for (const name in profile) if (profile[name] !== undefined) return true;
  return false;
}

/** Sets the known, valid fields of `input` on `profile`; returns the errors of the invalid ones. */
function readInto(profile: Profile, input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (input == null) return errors;
  if (typeof input !== 'object' || Array.isArray(input)) {
    errors.push({ field: 'profile', value: input, message: 'Le profil doit être un objet.' });
    return errors;
  }
  // Walk the input's own keys (usually few) rather than every known field.
  for (const name of Object.keys(input)) {
    const spec = SPECS.get(name);
    const v = (input as Record<string, unknown>)[name];
    if (!spec || v == null || v === '') continue;
    const ok = check(name, spec, v);
    if (ok === undefined) errors.push({ field: name, value: v, message: `Valeur invalide pour ${name} : attendu ${describe(spec)}.` });
    else profile[name] = ok;
  }
  return errors;
}
