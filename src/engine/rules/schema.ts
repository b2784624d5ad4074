/**
 * The rule-file format, as zod/mini schemas. Validates the built-in files at build and test time,
 * and rules packs at run time; `rules/schema.json` is generated from it for rule authors' editors.
 */
import * as z from 'zod/mini';

// Zod 4 probes `new Function` for a faster parser; that breaks a strict CSP (no unsafe-eval).
z.config({ jitless: true });

const str = z.string().check(z.minLength(1));
const optStr = z.optional(str);
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9/.-]*$/, 'identifiant en minuscules (a-z, 0-9, -, /, .)'));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ'));

/** A seed file of the project, a public URL, or a note of a rules pack's own publisher. */
export const sourceRef = z
  .string()
  .check(
    z.regex(
      /^(\d{3}_[0-9a-f]{16}\.txt|https?:\/\/\S+|pack:[^\s].*)$/,
      "fichier seed (000_xxxxxxxxxxxxxxxx.txt), URL https://… ou 'pack:…'",
    ),
  );
const sources = z.array(sourceRef).check(z.minLength(1, 'au moins une source'));

/** Every figure and date says where it comes from; `inferred` says why it is not read as such in a text. */
const sourced = { sources, inferred: optStr };

export const figure = z.object({ value: z.number(), ...sourced });
export const datedFigure = z.object({ date: isoDate, ...sourced });
/** Yearly amounts: values[i] is contract year firstYear + i; the last value repeats for later years. */
export const amountRow = z.object({
  values: z.array(z.number().check(z.gte(0))).check(z.minLength(1)),
  firstYear: z.optional(z.number().check(z.int(), z.gte(1))),
  ...sourced,
});

const textVariants = {
  ok: optStr,
  ko: optStr,
  unknown: optStr,
};
export const text = z.object({ ...textVariants, en: z.optional(z.object(textVariants)) });

type TestShape =
  | { field: string; in?: unknown[]; notIn?: unknown[]; eq?: unknown; gte?: number; gt?: number; lt?: number; lte?: number }
  | { all: TestShape[] }
  | { any: TestShape[] }
  | { not: TestShape }
  | { fact: string };

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const test: z.ZodMiniType<TestShape> = z.lazy(() =>
  z.union([
    z.strictObject({
      field: str,
      in: z.optional(z.array(scalar)),
      notIn: z.optional(z.array(scalar)),
      eq: z.optional(scalar),
      gte: z.optional(z.number()),
      gt: z.optional(z.number()),
      lt: z.optional(z.number()),
      lte: z.optional(z.number()),
    }),
    z.strictObject({ all: z.array(test).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(test).check(z.minLength(1)) }),
    z.strictObject({ not: test }),
    z.strictObject({ fact: str }),
  ]),
);

export const condition = z.object({
  id,
  /** When false the condition does not apply (e.g. the CCAM rule only for surgical specialties). */
  when: z.optional(test),
  test,
  text,
  ...sourced,
});

export const note = z.object({
  id,
  text: str,
  en: optStr,
  kind: z.optional(z.enum(['info', 'warning', 'estimate', 'cpam'])),
  when: z.optional(test),
  ...sourced,
});

export const option = z.object({
  id,
  label: str,
  label_en: optStr,
  /** Short label for sentences (e.g. « mi-temps »); the label when absent. */
  short: optStr,
  short_en: optStr,
  /** false: kept for running contracts only (no new subscription). */
  open: z.optional(z.boolean()),
  /** The option is offered only when this holds (e.g. 1 ETP only in zone sous-dense under avenant 7). */
  when: z.optional(test),
  /** Amount rows by band level (`standard`, `p90`, …) or by kind (`rate`, `amount`); empty: set with the CPAM. */
  amounts: z.record(z.string(), amountRow),
});

/** Which profile fields measure the patientèle, by specialty: the first entry whose `when` holds applies. */
const indicators = z.array(
  z.object({ when: z.optional(test), fields: z.array(z.enum(['patienteleMT', 'fileActive'])).check(z.minLength(1)) }),
);

/**
 * Minimum patientèle (a percentile of the specialty's national distribution), with the derogations
 * that waive it, in the order the texts give them. Texts: `threshold.*` keys of the scheme or regime.
 */
export const minimum = z.object({
  id,
  percentile: z.number().check(z.gte(0), z.lte(100)),
  derogations: z.optional(z.array(condition)),
  ...sourced,
});

/**
 * Patientèle bands that set the amount row: `from` is the lowest percentile of the band; a count places
 * the doctor only through thresholds published for the regime's distribution (never an inferred one).
 */
export const bands = z.object({
  indicators,
  /** Several indicators (avenant 7: PMT and file active): the lowest band applies, the top one when any reaches it. */
  topAny: z.optional(z.boolean()),
  levels: z
    .array(
      z.object({
        id,
        from: z.number().check(z.gte(0), z.lte(100)),
        /** Key of the options' amount rows for this band (default `standard`). */
        amounts: optStr,
        label: str,
        label_en: optStr,
      }),
    )
    .check(z.minLength(1)),
  ...sourced,
});

/** Yearly payments of a contract: its length and, from `advanceFrom`, an advance at the anniversary and a balance later. */
export const payment = z.object({
  years: z.number().check(z.int(), z.gte(1), z.lte(50)),
  advanceFrom: z.optional(z.number().check(z.int(), z.gte(1))),
  advanceShare: z.optional(z.number().check(z.gte(0), z.lte(1))),
  balanceDelayMonths: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24))),
  ...sourced,
});

/**
 * One way of setting the objectives; the first rule whose `when` holds applies.
 * maintain: keep the initial counts (down to `floor` × initial); reach: the given percentile of the specialty;
 * rate: grow by `rates[option][band index]`; grid: a rules pack's objective grid; cpam: set with the CPAM (text only).
 */
export const objectiveRule = z.object({
  id,
  when: z.optional(test),
  kind: z.enum(['maintain', 'reach', 'rate', 'grid', 'cpam']),
  floor: z.optional(figure),
  percentile: z.optional(z.number().check(z.gte(0), z.lte(100))),
  rates: z.optional(z.record(z.string(), amountRow)),
  text,
  ...sourced,
});

export const regime = z.object({
  id,
  title: str,
  title_en: optStr,
  signedFrom: z.optional(datedFigure),
  signedTo: z.optional(datedFigure),
  /** Regime whose tables apply to this regime's contracts from their first anniversary on or after its start. */
  revaluedBy: z.optional(id),
  conditions: z.array(condition),
  options: z.array(option),
  params: z.optional(z.record(z.string(), figure)),
  tables: z.optional(z.record(z.string(), amountRow)),
  notes: z.optional(z.array(note)),
  /** Amount by level of a measure (CAIM: days per week → €): the row with the largest `from` ≤ the value applies. */
  steps: z.optional(z.array(z.object({ from: z.number(), value: z.number().check(z.gte(0)), ...sourced }))),
  /** Payment schedule of a one-off amount: share paid at the start of each contract year. */
  schedule: z.optional(
    z.array(z.object({ year: z.number().check(z.int(), z.gte(1)), share: z.number().check(z.gte(0), z.lte(1)), ...sourced })),
  ),
  // band-table kind (assistant médical):
  threshold: z.optional(minimum),
  bands: z.optional(bands),
  payment: z.optional(payment),
  /** Indicators the objectives bear on, by specialty (GPs and pediatricians: both; others: file active). */
  objectiveIndicators: z.optional(indicators),
  objectives: z.optional(z.array(objectiveRule)),
  /** Texts of this regime, over the scheme's texts of the same key. */
  texts: z.optional(z.record(z.string(), text)),
});

export const scheme = z.object({
  $schema: optStr,
  id,
  version: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'version x.y.z')),
  updated: isoDate,
  title: str,
  title_en: optStr,
  /** In sentences, with its article: « l’aide à l’emploi d’un assistant médical ». */
  name: optStr,
  name_en: optStr,
  kind: z.enum(['band-table', 'prorata-days', 'forfait', 'percent-fees', 'allowance', 'one-off', 'percent-forfait', 'range']),
  /** Situations the scheme concerns; another answered situation makes it not applicable, with nothing asked. */
  situations: z.optional(z.array(z.enum(['installe', 'installation', 'remplacant', 'etudiant'])).check(z.minLength(1))),
  /** The scheme concerns the doctor only when this holds; while it is unanswered the scheme is not applicable and asks nothing. */
  applies: z.optional(test),
  /** Profile date that picks the regime (e.g. 'installationDate' for the 2026 aids, no retroactivity); default the simulation date. */
  dateField: optStr,
  /** Profile field the amount is computed from (days per week, fees, months, forfait). */
  amountField: optStr,
  scope: z.enum(['national', 'regional']),
  regions: z.optional(z.array(id)),
  sources,
  regimes: z.array(regime).check(z.minLength(1)),
  apply: z.optional(z.object({ text: str, en: optStr, links: sources })),
  /** What to prepare before contacting the organisation (documents, figures). */
  prepare: z.optional(z.object({ text: str, en: optStr, sources })),
  texts: z.optional(z.record(z.string(), text)),
});

export const specialtiesTable = z.object({
  $schema: optStr,
  version: str,
  updated: isoDate,
  specialties: z.array(
    z.object({
      id,
      label: str,
      label_en: optStr,
      /** 'generaliste' and 'pediatrie' are assessed on patientèle MT; 'chirurgicale' has the CCAM rule. */
      group: z.enum(['generaliste', 'pediatrie', 'clinique', 'chirurgicale', 'technique']),
      /** Avenant 7/8: eligible everywhere, or only in zone sous-dense. */
      avenant7: z.enum(['france', 'zone-sous-dense']),
      ...sourced,
    }),
  ),
});

const threshold = z.object({
  value: z.number().check(z.gte(0)),
  /** Whether a count equal to the threshold reaches it ('inclusive', the default) or the texts disagree ('ambiguous'). */
  boundary: z.optional(z.enum(['inclusive', 'exclusive', 'ambiguous'])),
  ...sourced,
});
export const percentilesTable = z.object({
  $schema: optStr,
  version: str,
  updated: isoDate,
  distributions: z.array(
    z.object({
      id,
      title: str,
      /** What a rule author should know about the values (e.g. percentile labels that are a reading). */
      note: optStr,
      /** Regimes that use this distribution. */
      regimes: z.array(id),
      rows: z.array(
        z.object({
          specialty: id,
          indicator: z.enum(['patienteleMT', 'fileActive']),
          p30: z.optional(threshold),
          p50: z.optional(threshold),
          p70: z.optional(threshold),
          p90: z.optional(threshold),
          p95: z.optional(threshold),
        }),
      ),
    }),
  ),
});

export const sourcesTable = z.object({
  $schema: optStr,
  sources: z.record(sourceRef, z.object({ title: str, url: optStr })),
});

/** Cumulation rules between schemes: pairs `a × b` (or every pair within `a`), with the text and sources saying so. */
export const cumulationFile = z.object({
  $schema: optStr,
  version: str,
  updated: isoDate,
  rules: z.array(
    z.object({
      id,
      /**
       * 'excluded': not cumulable; 'allowed': explicitly cumulable; 'unknown': the texts are silent or conflict;
       * 'sequence': `b` may follow `a` (for contracts signed until `until`; `after` says what holds later).
       */
      kind: z.enum(['excluded', 'allowed', 'unknown', 'sequence']),
      a: z.array(id).check(z.minLength(1)),
      b: z.optional(z.array(id)),
      until: z.optional(isoDate),
      /** 'excluded' pairs only: a contract already held may be resigned to take the other (« en substitution »). */
      resignable: z.optional(z.boolean()),
      /** The rule holds only for profiles where this test is true (e.g. only the ZIP majoration of the FMT). */
      when: z.optional(test),
      text: str,
      en: optStr,
      after: optStr,
      after_en: optStr,
      ...sourced,
    }),
  ),
  /** Reason given for a pair no rule covers. */
  fallback: z.object({ text: str, en: optStr }),
});

// Employer cost of an assistant (issue 13): dated rows, each in force from `from` until the next one.
const euros = z.number().check(z.gt(0));
const share = z.number().check(z.gte(0), z.lte(1));

/** Monthly gross minima of IDCC 1147 by level ("4"…"9"), full time. */
export const salaryGridRow = z.object({
  from: isoDate,
  title: str,
  levels: z.record(z.string().check(z.regex(/^\d{1,2}$/, 'niveau (nombre)')), euros),
  ...sourced,
});
/** Monthly gross SMIC for full time (151,67 h). */
export const smicRow = z.object({ from: isoDate, monthly: euros, hourly: z.optional(euros), ...sourced });
/**
 * Employer cost / gross salary, computed at a few salaries (`points`) for the contribution rates in force
 * from `from`; the engine interpolates between points on gross / SMIC. Parts are kept to be shown.
 */
export const employerCostRow = z.object({
  from: isoDate,
  title: str,
  points: z
    .array(
      z.object({
        grossMonthly: euros,
        smicMonthly: euros,
        /** Employer contributions before any reduction, as a share of gross. */
        contributions: share,
        /** General reduction at that salary, as a share of gross. */
        reduction: share,
        ratio: z.number().check(z.gte(1), z.lte(2)),
      }),
    )
    .check(z.minLength(1)),
  /** Ratio once no reduction applies (the ceiling of any interpolation above the last point). */
  withoutReduction: z.number().check(z.gte(1), z.lte(2)),
  /** AT/MP rate assumed in the ratios. */
  atmp: figure,
  ...sourced,
});
export const priceRow = z.object({ from: isoDate, value: euros, code: optStr, ...sourced });

export const costsTable = z.object({
  $schema: optStr,
  version: str,
  updated: isoDate,
  /** Levels an assistant can be placed at, and the default. */
  levels: z.object({
    min: z.number().check(z.int()),
    max: z.number().check(z.int()),
    default: z.number().check(z.int()),
    ...sourced,
  }),
  /** Share of full time of each assistant option. */
  options: z.record(id, z.object({ share: z.number().check(z.gt(0), z.lte(1)), ...sourced })),
  salaryGrid: z.array(salaryGridRow).check(z.minLength(1)),
  smic: z.array(smicRow).check(z.minLength(1)),
  employerCost: z.array(employerCostRow).check(z.minLength(1)),
  /** What the employer cost leaves out, said with every result. */
  excluded: z.array(z.object({ id, text: str, en: optStr, ...sourced })),
  /** Default price of a consultation (the G of GPs). */
  consultationPrice: z.array(priceRow).check(z.minLength(1)),
  consultationsPerPatient: figure,
  /** Contract and follow-up calendar of the assistant aid. */
  followUp: z.object({ contractYears: figure, year1Months: figure, reviewMonths: figure, cqpYears: figure }),
  texts: z.record(z.string(), z.object({ text: str, en: optStr })),
});

export type SchemeRules = z.infer<typeof scheme>;
export type CostsTable = z.infer<typeof costsTable>;
export type CumulationFile = z.infer<typeof cumulationFile>;
export type RegimeRules = z.infer<typeof regime>;
export type ConditionRules = z.infer<typeof condition>;
export type OptionRules = z.infer<typeof option>;
export type AmountRow = z.infer<typeof amountRow>;
export type Figure = z.infer<typeof figure>;
export type TextRules = z.infer<typeof text>;
export type NoteRules = z.infer<typeof note>;
export type ThresholdRules = z.infer<typeof minimum>;
export type BandsRules = z.infer<typeof bands>;
export type ObjectiveRules = z.infer<typeof objectiveRule>;
export type Test = TestShape;
export type SpecialtiesTable = z.infer<typeof specialtiesTable>;
export type PercentilesTable = z.infer<typeof percentilesTable>;
export type SourcesTable = z.infer<typeof sourcesTable>;

export interface RuleIssue {
  /** JSON path such as `regimes[0].options[1].amounts.standard.values[2]`. */
  path: string;
  message: string;
}

/** Runs a schema and turns zod issues into path + message pairs a rule author can act on. */
export function check<T>(schema: z.ZodMiniType<T>, data: unknown): { ok: true; data: T } | { ok: false; issues: RuleIssue[] } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: formatPath(i.path), message: describeIssue(i) })) };
}

function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(racine)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & {
    expected?: string;
    format?: string;
    pattern?: string;
    minimum?: number;
    keys?: string[];
    values?: unknown[];
  };
  switch (i.code) {
    case 'invalid_type':
      return `attendu ${i.expected}`;
    case 'invalid_value':
      return `attendu une des valeurs ${(i.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `clés inconnues : ${(i.keys ?? []).join(', ')}`;
    case 'too_small':
      return `trop petit (minimum ${i.minimum})`;
    case 'invalid_union':
      return 'forme non reconnue (voir rules/schema.json)';
    default:
      return i.message && !/^Invalid/.test(i.message) ? `attendu ${i.message}` : i.code;
  }
}
