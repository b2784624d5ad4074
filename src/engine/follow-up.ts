/**
 * Follow-up of an assistant contract (issue 13): attainment of the patient objectives at the latest review,
 * the next semester review, and an estimate of the year-3+ balance (the engine's modulation estimate).
 */
import {
  aidFor,
  noAidError,
  readDate,
  readNumber,
  readOption,
  reviewDates,
  say,
  SourceList,
  toolEnv,
  type AssistantToolOptions,
  type ToolEnv,
} from './assistant-tools.js';
import { isIsoDate, yearsBetween } from './dates.js';
import { estimateModulation } from './modulation.js';
import type { FieldError, IsoDate, Note, ObjectiveTarget, Profile, Source } from './types.js';

type Indicator = 'patienteleMT' | 'fileActive';
const INDICATORS: readonly Indicator[] = ['patienteleMT', 'fileActive'];

export interface PatientCounts {
  patienteleMT?: number;
  fileActive?: number;
}

export interface FollowUpReview extends PatientCounts {
  date: IsoDate;
}

export interface FollowUpInput {
  contractDate: IsoDate;
  /** '1/2-etp' or '1-etp'. */
  option: string;
  /** Counts at the signature (the base of the objectives). */
  initial: PatientCounts;
  /** Targets as the CPAM gave them (counts to reach); else the engine's, where the rules give one. */
  objective?: PatientCounts;
  /** Counts at each review so far. */
  reviews: FollowUpReview[];
  /** The doctor's answers, for the aid and its objectives (specialty, sector, age, newlyInstalled…). */
  profile?: Profile;
}

export interface FollowUpObjective {
  patienteleMT?: ObjectiveTarget;
  fileActive?: ObjectiveTarget;
  /** 'cpam': given in the input; 'engine': computed from the rules (see `estimate`). */
  origin: 'cpam' | 'engine';
  text: string;
  estimate?: boolean;
  sources: Source[];
}

export interface BalanceEstimate {
  /** Contract year the balance is for (the current one, or the first modulated one before it). */
  year: number;
  /** Estimated balance (€); null when the objective or a review is missing. */
  amount: number | null;
  /** Largest possible balance of that year. */
  max: number | null;
  /** Estimated aid due for that year. */
  due: number | null;
  advance: number | null;
  estimate: true;
  method: string;
}

export interface FollowUp {
  asOf: IsoDate;
  contractDate: IsoDate;
  option?: string;
  /** Contract year on `asOf` (0 before the signature). */
  contractYear: number;
  /** null: the objective is set with the CPAM and was not given. */
  objective: FollowUpObjective | null;
  latestReview: FollowUpReview | null;
  /** 1 = objective reached; `rate` is the lowest of the indicators (null when not computable). */
  attainment: { rate: number | null } & PatientCounts;
  /** Next semester review on or after `asOf`; null once the contract has ended. */
  nextReview: IsoDate | null;
  balanceEstimate: BalanceEstimate;
  notes: Note[];
  sources: Source[];
  errors: FieldError[];
}

const MAX_COUNT = 100_000;

function readCounts(env: ToolEnv, field: string, value: unknown): PatientCounts | undefined {
  if (value === undefined) return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    env.errors.push({ field, value, message: 'Valeur invalide : attendu { patienteleMT, fileActive }.' });
    return undefined;
  }
  const out: PatientCounts = {};
  for (const k of INDICATORS) {
    const n = readNumber(env, `${field}.${k}`, (value as PatientCounts)[k], 0, MAX_COUNT, true);
    if (n !== undefined) out[k] = n;
  }
  return out;
}

/** Follow-up of the contract on `asOf`. Never throws: bad input is reported in `errors` and left out. */
export function followUp(input: FollowUpInput, options: AssistantToolOptions = {}): FollowUp {
  const env = toolEnv(options);
  const { costs, lang, asOf } = env;
  const inp: Partial<FollowUpInput> = input && typeof input === 'object' ? input : {};
  const src = new SourceList(env.rules);
  const contractDate = readDate(env, 'contractDate', inp.contractDate);
  const option = readOption(env, inp.option);
  const initial = readCounts(env, 'initial', inp.initial) ?? {};
  if (!INDICATORS.some((k) => initial[k] !== undefined) && !env.errors.some((e) => e.field.startsWith('initial')))
    env.errors.push({
      field: 'initial',
      value: inp.initial,
      message: 'Patientèle initiale manquante : attendu { patienteleMT, fileActive }.',
    });
  const given = readCounts(env, 'objective', inp.objective);

  const reviews: FollowUpReview[] = [];
  if (inp.reviews !== undefined && !Array.isArray(inp.reviews))
    env.errors.push({
      field: 'reviews',
      value: inp.reviews,
      message: 'Valeur invalide : attendu une liste [{ date, patienteleMT, fileActive }].',
    });
  (Array.isArray(inp.reviews) ? inp.reviews : []).forEach((r: unknown, i) => {
    const field = `reviews[${i}]`;
    const date = r && typeof r === 'object' ? (r as FollowUpReview).date : undefined;
    if (!isIsoDate(date)) return env.errors.push({ field: `${field}.date`, value: date, message: 'Date invalide : attendu AAAA-MM-JJ.' });
    if (date < contractDate || date > asOf)
      return env.errors.push({
        field: `${field}.date`,
        value: date,
        message: `Date hors du contrat : attendu entre le ${contractDate} et le ${asOf} ; point d'étape ignoré.`,
      });
    reviews.push({ date, ...readCounts(env, field, r) });
  });

  const aid = aidFor(env, inp.profile, { option, contractDate, ...initial });
  if (option && (!aid.option || aid.scheme?.status === 'incomplete')) env.errors.push(noAidError(aid));

  // The objective: as the CPAM gave it, else the engine's where the rules give numbers.
  let objective: FollowUpObjective | null = null;
  const fromEngine = aid.option?.objectives;
  if (given && INDICATORS.some((k) => given[k] !== undefined)) {
    objective = { origin: 'cpam', text: say(costs, 'followUp.given', lang), sources: [] };
    for (const k of INDICATORS) {
      const target = given[k];
      if (target === undefined) continue;
      const from = initial[k];
      if (from === undefined)
        env.errors.push({ field: `initial.${k}`, value: undefined, message: "Valeur initiale manquante pour l'objectif donné." });
      else objective[k] = { from, target };
    }
  } else if (fromEngine && (fromEngine.patienteleMT || fromEngine.fileActive)) {
    objective = { origin: 'engine', text: fromEngine.text, sources: fromEngine.sources };
    for (const k of INDICATORS) if (fromEngine[k]) objective[k] = fromEngine[k];
    if (fromEngine.estimate) objective.estimate = true;
    src.add(fromEngine.sources);
  }
  const notes: Note[] = [];
  if (!objective)
    notes.push({
      id: 'followUp.cpam',
      kind: 'cpam',
      text: fromEngine?.text || say(costs, 'followUp.cpam', lang),
      sources: fromEngine?.sources ?? [],
    });

  let latest: FollowUpReview | null = null;
  for (const r of reviews) if (!latest || r.date >= latest.date) latest = r;
  if (!latest) notes.push({ id: 'followUp.noReview', kind: 'info', text: say(costs, 'followUp.noReview', lang), sources: [] });

  const modulation = (amount: number) =>
    objective && latest ? estimateModulation({ amount, objectives: objective, achieved: latest }) : undefined;
  const rates = modulation(0)?.rates ?? {};
  const values = Object.values(rates);
  const attainment = { rate: values.length ? Math.min(...values) : null, ...rates };

  // The balance: the current contract year's, or the first modulated year's while the first years are paid in full.
  const contractYear = asOf < contractDate ? 0 : yearsBetween(contractDate, asOf) + 1;
  const payments = aid.option?.payments ?? [];
  const modulated = payments.filter((p) => p.advance !== undefined);
  const pay =
    modulated.find((p) => p.year === contractYear) ??
    (contractYear < (modulated[0]?.year ?? 0) ? modulated[0] : modulated[modulated.length - 1]);
  const m = pay && attainment.rate !== null ? modulation(pay.amount) : undefined;
  let method = say(costs, 'followUp.method', lang);
  if (pay && contractYear < pay.year) method = `${say(costs, 'followUp.early', lang, { year: pay.year })} ${method}`;
  const balanceEstimate: BalanceEstimate = {
    year: pay?.year ?? contractYear,
    amount: m ? m.balance : null,
    max: pay?.balanceMax ?? null,
    due: m ? m.due : null,
    advance: pay?.advance ?? null,
    estimate: true,
    method,
  };
  if (pay) src.add(pay.sources);
  src.refs(costs.followUp.reviewMonths.sources);

  const next = reviewDates(costs, contractDate).find((d) => d >= asOf) ?? null;
  return {
    asOf,
    contractDate,
    option,
    contractYear,
    objective,
    latestReview: latest,
    attainment,
    nextReview: next,
    balanceEstimate,
    notes,
    sources: src.list,
    errors: env.errors,
  };
}
