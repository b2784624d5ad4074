/**
 * Public types of the engine. These names are part of the API: keep them stable.
 * The engine is pure (no DOM); the element only renders a `Simulation`.
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type Sector = '1' | '2-optam' | '2' | 'non-conventionne';
export type Zone = 'zip' | 'zac' | 'hors-zone';
export type Lang = 'fr' | 'en';
/** Where the doctor stands: installed, installing (or installed less than a year ago), replacing, student. */
export type Situation = 'installe' | 'installation' | 'remplacant' | 'etudiant';

/** A contract the doctor already holds (issue 4: closed schemes still show what is kept). */
export interface HeldContract {
  id: string;
  /** Signature date of the contract. */
  signed?: IsoDate;
  /** Already renewed once (COTRAM can be renewed once). */
  renewed?: boolean;
}

/**
 * What the doctor tells us. Every field is optional; unknown fields are ignored;
 * invalid values are reported in `Simulation.errors` and treated as unanswered.
 */
export interface Profile {
  /** Asked first when the schemes offered concern several situations: prunes whole families of questions. */
  situation?: Situation;
  specialty?: string;
  sector?: Sector;
  age?: number;
  /** Patientèle médecin traitant (number of patients). */
  patienteleMT?: number;
  /** File active: distinct patients seen at least once in the year. */
  fileActive?: number;
  /** 0–100: position in the national distribution of the specialty, as the CPAM gives it. */
  percentile?: number;
  /** 0–1: share of fees from CCAM technical acts over the last 12 months. */
  ccamShare?: number;
  newlyInstalled?: boolean;
  /** Signature date of the assistant contract (default: `asOf`); a past date is a contract already signed. */
  contractDate?: IsoDate;
  /** The objectives of the assistant contract held were reached (second assistant, convention 2024). */
  objectivesReached?: boolean;
  groupPractice?: boolean;
  coordinatedPractice?: boolean;
  zone?: Zone;
  /** Avenant 7/8 notion: ZIP, ZAC with APL ≤ 3.5, zone dérogatoire CPL. */
  zoneSousDense?: boolean;
  rqthOrAld?: boolean;
  /** 0–1: share of patients under 16. */
  childrenShare?: number;
  /** Part-salaried (mixed) activity: 2024 derogation "sous réserve d'aménagement au contrat". */
  mixedActivity?: boolean;
  /** Avenant 7/8: doctors not grouped, < 20 km apart, committing to share one assistant. */
  sharedAssistant?: boolean;
  /** Avenant 7/8: takes part (or commits within 2 years) in soins non programmés. */
  soinsNonProgrammes?: boolean;
  /** Assistant option wanted, to focus the result ('1/2-etp', '1-etp', '1/3-etp'). */
  option?: string;
  // Installation and retention aids (issue 4).
  qpv?: boolean;
  mountain?: boolean;
  /** INSEE département code such as '09', '2A', '971'. */
  department?: string;
  daysPerWeek?: number;
  firstInstallation?: boolean;
  installationDate?: IsoDate;
  secondaryPractice?: boolean;
  pdsa?: boolean;
  hospitalDeProximite?: boolean;
  traineeMonths?: number;
  conventionalFees?: number;
  opposableShare?: number;
  feesInZip?: number;
  daysPerYearInZip?: number;
  hostsYoungDoctor?: boolean;
  student?: boolean;
  allowanceMonths?: number;
  remplacant?: boolean;
  heldContracts?: HeldContract[];
  fmtAmount?: number;
  [extra: string]: unknown;
}

export interface SimulateOptions {
  /** The day the simulation is made for (default: today). */
  asOf?: IsoDate;
  /** Region pack id (default 'national'). */
  region?: string;
  /** Scheme ids to evaluate, in display order (default: the region's set). */
  schemes?: string[];
  /** An extra rules pack merged over the built-in rules. */
  rules?: unknown;
  /** Language of the texts (default 'fr'). */
  lang?: Lang;
}

/** A reference to a source text: a seed file of the project or a public URL. */
export interface Source {
  /** As written in the rules: seed file name (`004_1cfd4a0c640bcd57.txt`) or URL. */
  ref: string;
  /** Human title of the source. */
  title: string;
  /** Link when the source is a public page. */
  url?: string;
  /** Who published it when it came from a rules pack. */
  publisher?: string;
}

export interface Reason {
  /** Stable id, e.g. 'secteur', 'specialite', 'patientele-p30'. */
  id: string;
  /** true: met; false: not met; null: needs an answer. */
  ok: boolean | null;
  text: string;
  sources: Source[];
  /** The reason rests on an inferred or ambiguous reading: say so in the UI. */
  estimate?: boolean;
  /** Profile fields this reason needs (when ok is null) or rests on. */
  fields?: string[];
}

export interface Payment {
  /** Contract year, from 1. */
  year: number;
  /** Maximum amount for that year (€). */
  amount: number;
  /** When the (first) payment is due. */
  date?: IsoDate;
  /** From year 3: 50 % paid at the anniversary. */
  advance?: number;
  /** From year 3: balance paid within 2 months, reduced if objectives are missed. */
  balanceMax?: number;
  /** Date by which the balance is paid (end of the contract year + 2 months). */
  balanceDate?: IsoDate;
  /** Which table the amount comes from, e.g. 'convention-2024'. */
  table?: string;
  sources: Source[];
  /** The figure is an inference (reason in `note`). */
  estimate?: boolean;
  note?: string;
  /** Share of a base the amount is computed from (FMT majoration: 0.5 = +50 % of the forfait). */
  rate?: number;
}

export interface ObjectiveTarget {
  from: number;
  target: number;
  /** Lowest accepted value (maintain objectives with a tolerance). */
  min?: number;
}

/** One indicator's objective: the profile field it bears on, its initial value and the target. */
export interface Target extends ObjectiveTarget {
  field: string;
}

export interface Objectives {
  /** Which rule set them, e.g. 'p95', '65-ans', 'taux', 'cpam'. */
  rule?: string;
  /** One entry per indicator the rule gives a figure for; empty when the objective is set with the CPAM. */
  targets: Target[];
  /** @deprecated since 0.2.0, removed in 0.3.0: read `targets` (the entry whose field is 'patienteleMT'). */
  patienteleMT?: ObjectiveTarget;
  /** @deprecated since 0.2.0, removed in 0.3.0: read `targets` (the entry whose field is 'fileActive'). */
  fileActive?: ObjectiveTarget;
  text: string;
  estimate?: boolean;
  sources: Source[];
}

/** The amounts of a higher band the doctor may be in, shown beside (never instead of) the option's payments. */
export interface Alternative {
  /** Band id, e.g. 'p90', 'p95'. */
  band: string;
  /** « Si votre CPAM vous situe dans la tranche P90 à P94 » */
  text: string;
  payments: Payment[];
  total: number;
  sources: Source[];
}

export interface OptionResult {
  /** '1/2-etp' | '1-etp' | '1/3-etp' for the assistant aid; scheme-specific otherwise. */
  id: string;
  label: string;
  /** Short label for sentences (« mi-temps »). */
  short?: string;
  /** Payments of the signed term only (renewals are in `renewal`). */
  payments: Payment[];
  /** Sum of `payments`. */
  total: number;
  /** Payments if the contract is renewed (tacitly or on conditions): never counted in totals or combinations. */
  renewal?: Payment[];
  /** The patientèle band the payments are for (settled, or the lowest one possible). */
  band?: { id: string; label: string };
  /** Higher-band amounts when the band is not settled: `payments` are those of the lowest band possible. */
  alternatives?: Alternative[];
  /** The amount is not published: it is set with the CPAM (a rules pack may give it). */
  amountUnknown?: boolean;
  /** Total is a range (CDE): lowest possible total. */
  totalMin?: number;
  objectives?: Objectives;
  notes?: string[];
  estimate?: boolean;
}

/**
 * eligible: every condition met; ineligible: one is not; incomplete: answers needed; closed: no new contract on that date;
 * held: a contract the doctor holds (what is still to come); not-applicable: does not concern the doctor's situation (nothing asked).
 */
export type SchemeStatus = 'eligible' | 'ineligible' | 'incomplete' | 'closed' | 'held' | 'not-applicable';

export interface Note {
  id: string;
  text: string;
  sources: Source[];
  kind?: 'info' | 'warning' | 'estimate' | 'cpam';
}

export interface SchemeResult {
  id: string;
  title: string;
  /** Regime or version applied, e.g. 'convention-2024'. */
  regime?: string;
  regimeTitle?: string;
  status: SchemeStatus;
  reasons: Reason[];
  /** Profile fields to ask next, most decisive first. */
  missing: string[];
  options: OptionResult[];
  /** The options are a choice still open to the doctor, made by answering this profile field (e.g. 'option'). */
  choose?: string;
  notes: Note[];
  /** How to apply: contacts and steps. */
  apply?: { text: string; links: Source[] };
  /** What to prepare before applying. */
  prepare?: { text: string; sources: Source[] };
}

export interface FieldError {
  field: string;
  value: unknown;
  message: string;
  /** Every problem found (rules packs): JSON path and what was expected. */
  details?: { path: string; message: string }[];
}

export interface Contact {
  label: string;
  url?: string;
  email?: string;
  phone?: string;
  /** Only for doctors of this département. */
  department?: string;
  sources: Source[];
}

/** What the region pack in force offers beside the schemes: contacts and local figures. */
export interface RegionInfo {
  id: string;
  title: string;
  contacts: Contact[];
  facts: Note[];
}

export interface Combination {
  schemes: string[];
  /** Sum over the first 5 years (€): payments still to come for contracts already held; renewals never count. */
  total: number;
  /** Years 1 to 5 from the simulation date (contract years for new contracts). */
  perYear: number[];
  /** Lowest possible total when an amount is a range (CDE) or depends on a choice not made yet (the assistant's working time). */
  totalMin?: number;
  /** Lowest possible amount of each year, beside `perYear`, when `totalMin` is given. */
  perYearMin?: number[];
  /**
   * Pairs in this combination whose cumulation no known text settles. A combination with such pairs is never
   * the first: it is offered as « si votre CPAM accepte le cumul ».
   */
  uncertain?: string[][];
  /** Schemes in this combination whose amount is not known yet (e.g. FMT without `fmtAmount`): counted 0. */
  pending?: string[];
  /** Some amount in it is an estimate. */
  estimate?: boolean;
}

export interface Exclusion {
  schemes: string[];
  reason: string;
  sources: Source[];
  /** 'excluded' by a sourced rule, or 'unknown' when no rule is known. */
  kind?: 'excluded' | 'unknown';
}

/** A figure that may be a range: `min` equals `max` when it is exact. */
export interface Range {
  min: number;
  max: number;
}

/** What the figure of the answer takes for granted, and the answer that would settle it. */
export interface Assumption {
  field: string;
  /** The value assumed, when one is (e.g. the contract date defaults to the simulation date). */
  value?: unknown;
  text: string;
}

export interface NextStep {
  id: string;
  text: string;
  /** Where to go or whom to contact. */
  links: Source[];
  /** The scheme it is for, when it is one scheme's. */
  scheme?: string;
  /** The organisation to contact (the region's, for the doctor's département when known). */
  contact?: Contact;
}

/**
 * The answer, first: what the doctor can get, on what assumption, and what to do next. Built by the
 * engine from the scheme results (the element never computes it); every figure is one of the results'.
 */
export interface Answer {
  /** pending: not enough answers yet; eligible: a headline exists; ineligible: nothing offered applies. */
  status: 'pending' | 'eligible' | 'ineligible';
  /** One sentence: how much, for what, over how long; or why not; or what decides it. */
  text: string;
  /** Schemes of the headline: the best combination whose cumulations the texts confirm. */
  schemes: string[];
  /** Total over `years` years (`min` < `max` for a range: the assistant's working time, a CDE range). */
  total?: Range;
  /** Amount of the first year. */
  firstYear?: Range;
  years: number;
  /** When the range comes from a choice the doctor has not made: each choice's figures. */
  choices?: { field: string; value: string; label: string; total: number; firstYear: number }[];
  /** What the figure assumes (each an answer that would settle it). */
  assumes: Assumption[];
  /** Schemes counted 0 € because their amount is not known yet (e.g. the FMT majoration without the forfait). */
  pending?: string[];
  /** « Jusqu'à » figures: a higher band the CPAM may give, or a cumulation the texts do not confirm. */
  upTo: { reason: 'band' | 'cumulation'; total: number; text: string; schemes: string[] }[];
  /** Some amount in the headline is an estimate. */
  estimate?: boolean;
  /** Profile fields whose answers would change the figure, most decisive first (a subset of `missing`). */
  ask: string[];
  /** Pending: the condition that decides it when the texts leave a doubt on the very answer given (775 patients exactly). */
  open?: { scheme: string; reason: string; fields: string[] };
  nextSteps: NextStep[];
  /** Sources of the headline's figures. */
  sources: Source[];
}

/**
 * What simulate() returns. The figures (`schemes`, `missing`, `errors`, `notices`) are computed at once; `answer`,
 * `combinations`, `exclusions` and `regionInfo` on the first read of any of them, then kept as own properties.
 * JSON.stringify has every part; a spread or structuredClone of a result none of whose parts was read has the
 * figures only.
 */
export interface Simulation {
  /** The answer to show first (built on first read, with the combinations and the region's contacts). */
  answer: Answer;
  asOf: IsoDate;
  rulesVersion: string;
  region: string;
  lang: Lang;
  schemes: SchemeResult[];
  /** Invalid profile values and options, reported rather than thrown. */
  errors: FieldError[];
  /** Profile fields to ask next across all schemes, most decisive first. */
  missing: string[];
  combinations: Combination[];
  exclusions: Exclusion[];
  /** Gentle notices (e.g. a département outside the configured region): not errors. */
  notices: Note[];
  regionInfo: RegionInfo;
  /** The rules pack merged in, if any. */
  pack?: { publisher: string; version: string; date: string };
}
