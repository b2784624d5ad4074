/**
 * Net cost of an assistant (issue 13): salary (collective-agreement minimum or SMIC), employer cost from a
 * sourced ratio, the aid of each contract year, and the consultations that pay for the rest. An estimate.
 */
import {
  aidFor,
  noAidError,
  readDate,
  readNumber,
  readOption,
  say,
  SourceList,
  toolEnv,
  type AssistantToolOptions,
} from './assistant-tools.js';
import { addMonths, addYears } from './dates.js';
import type { CostsTable } from './rules/schema.js';
import type { FieldError, IsoDate, Note, Profile, SchemeStatus, Source } from './types.js';

export interface AssistantCostInput {
  /** '1/2-etp' or '1-etp'. */
  option: string;
  /** Level of the assistant in IDCC 1147 (5 to 9; default 5). */
  level?: number;
  /** Monthly gross actually paid under this option (half-time salary for '1/2-etp'); overrides the grid, never below the SMIC. */
  grossMonthly?: number;
  /** Signature date of the assistant contract. */
  contractDate: IsoDate;
  /** Income of one consultation (€; default: the G in force at the start of each contract year). */
  consultationPrice?: number;
  /** Consultations per patient and year (default: the rules' figure, an inference). */
  consultationsPerPatient?: number;
  /** The doctor's answers, for the aid (specialty, sector, percentile…). */
  profile?: Profile;
}

export interface CostYear {
  /** Contract year, from 1. */
  year: number;
  start: IsoDate;
  /** Gross salaries of the 12 months (€). */
  grossSalary: number;
  /** Gross salaries plus employer contributions after reductions (€). */
  employerCost: number;
  /** employerCost / grossSalary. */
  ratio: number;
  /** Maximum aid of the contract year (€); null when the aid could not be computed (see `errors`). */
  aid: number | null;
  /** employerCost − aid: negative when the aid exceeds the cost. */
  net: number | null;
  consultationPrice: number;
  /** Consultations that pay for `net` (0 when the aid covers the cost). */
  breakEvenConsultations: number | null;
  breakEvenPatients: number | null;
}

/** A ratio table used, with its parts, so that the result can show where the employer cost comes from. */
export interface CostRatioBasis {
  from: IsoDate;
  title: string;
  points: { grossToSmic: number; contributions: number; reduction: number; ratio: number }[];
  withoutReduction: number;
  /** AT/MP rate assumed. */
  atmp: number;
  sources: Source[];
  estimate: boolean;
}

export interface AssistantCost {
  asOf: IsoDate;
  option?: string;
  /** Level used (absent when `grossMonthly` is given). */
  level?: number;
  contractDate: IsoDate;
  years: CostYear[];
  estimate: true;
  consultationsPerPatient: number;
  ratios: CostRatioBasis[];
  /** What the employer cost leaves out. */
  excluded: string[];
  /** Status of the assistant aid for the profile. */
  aidStatus?: SchemeStatus;
  notes: Note[];
  sources: Source[];
  errors: FieldError[];
}

type Dated = { from: IsoDate };

/** The row in force on `date`, else the oldest (flagged: the rules hold nothing that early). */
function inForce<T extends Dated>(rows: readonly T[], date: IsoDate): { row: T; before: boolean } {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].from <= date) return { row: rows[i], before: false };
  return { row: rows[0], before: true };
}

type RatioRow = CostsTable['employerCost'][number];
const xOf = (p: RatioRow['points'][number]) => p.grossMonthly / p.smicMonthly;

/** Ratio at a salary / SMIC: linear between the computed points, the nearest point outside them. */
function ratioAt(row: RatioRow, x: number): { ratio: number; beyond: boolean } {
  const pts = row.points;
  const last = pts[pts.length - 1];
  if (x > xOf(last) + 1e-9) return { ratio: last.ratio, beyond: true };
  if (x <= xOf(pts[0])) return { ratio: pts[0].ratio, beyond: false };
  let i = 1;
  while (xOf(pts[i]) < x) i++;
  const a = pts[i - 1];
  const b = pts[i];
  return { ratio: a.ratio + ((x - xOf(a)) / (xOf(b) - xOf(a))) * (b.ratio - a.ratio), beyond: false };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
// 21 / 0.7 is 30.000000000000004 in floating point: a whole number must not round up to the next.
const ceil = (n: number) => (n > 0 ? Math.ceil(n - 1e-9) : 0);

/**
 * Net cost of an assistant for each of the contract's years. Never throws: bad input is reported in
 * `errors` and replaced by its default; without an aid the net cost and break-even are null.
 */
export function assistantCost(input: AssistantCostInput, options: AssistantToolOptions = {}): AssistantCost {
  const env = toolEnv(options);
  const { costs, lang } = env;
  const inp: Partial<AssistantCostInput> = input && typeof input === 'object' ? input : {};
  const src = new SourceList(env.rules);
  const option = readOption(env, inp.option);
  const contractDate = readDate(env, 'contractDate', inp.contractDate);
  const levels = costs.levels;
  const grossMonthly = readNumber(env, 'grossMonthly', inp.grossMonthly, 0.01, 1e6);
  let level: number | undefined = readNumber(env, 'level', inp.level, levels.min, levels.max, true) ?? levels.default;
  if (grossMonthly !== undefined) level = undefined;
  const priceIn = readNumber(env, 'consultationPrice', inp.consultationPrice, 0.01, 1e4);
  const perPatient =
    readNumber(env, 'consultationsPerPatient', inp.consultationsPerPatient, 0.01, 1e3) ?? costs.consultationsPerPatient.value;
  if (inp.consultationsPerPatient === undefined) src.refs(costs.consultationsPerPatient.sources);

  const aid = aidFor(env, inp.profile, { option, contractDate });
  const result: AssistantCost = {
    asOf: env.asOf,
    option,
    level,
    contractDate,
    years: [],
    estimate: true,
    consultationsPerPatient: perPatient,
    ratios: [],
    excluded: costs.excluded.map((e) => (lang === 'en' && e.en) || e.text),
    aidStatus: aid.scheme?.status,
    notes: [],
    sources: [],
    errors: env.errors,
  };
  if (!option) return result;
  const share = costs.options[option];
  src.refs(share.sources);
  if (level !== undefined) src.refs(levels.sources);
  if (!aid.option || aid.scheme?.status === 'incomplete') env.errors.push(noAidError(aid));
  const noAid = aid.scheme?.status === 'ineligible';

  const usedRatios = new Set<RatioRow>();
  // The latest start among the tables that begin after a month used: before it, some figure is borrowed.
  let before: IsoDate | undefined;
  const borrowed = (from: IsoDate) => {
    if (!before || from > before) before = from;
  };
  let beyond: RatioRow | undefined;
  let belowSmic = false;
  let lastMonth = contractDate;
  for (let year = 1; year <= costs.followUp.contractYears.value; year++) {
    const start = addYears(contractDate, year - 1);
    let gross = 0;
    let cost = 0;
    // Month by month, from the signature day: the SMIC and the grid change mid contract year.
    for (let m = 0; m < 12; m++) {
      const date = addMonths(start, m);
      lastMonth = date;
      const smic = inForce(costs.smic, date);
      const ratioRow = inForce(costs.employerCost, date);
      let fullTime: number;
      const smicMonthly = smic.row.monthly;
      if (grossMonthly !== undefined) {
        fullTime = grossMonthly / share.share;
        if (fullTime < smicMonthly - 0.005) belowSmic = true;
      } else {
        const grid = gridAt(costs, level!, date);
        src.refs(grid.row.sources);
        if (grid.before) borrowed(grid.row.from);
        fullTime = grid.value;
      }
      fullTime = Math.max(fullTime, smicMonthly);
      const r = ratioAt(ratioRow.row, fullTime / smicMonthly);
      if (r.beyond) beyond = ratioRow.row;
      if (smic.before) borrowed(smic.row.from);
      if (ratioRow.before) borrowed(ratioRow.row.from);
      src.refs(smic.row.sources);
      usedRatios.add(ratioRow.row);
      const g = round2(fullTime * share.share);
      gross += g;
      cost += g * r.ratio;
    }
    const price = priceIn ?? inForce(costs.consultationPrice, start);
    if (typeof price !== 'number') {
      src.refs(price.row.sources);
      if (price.before) borrowed(price.row.from);
    }
    const payment = aid.option?.payments.find((p) => p.year === year);
    const aidAmount = payment ? payment.amount : noAid ? 0 : null;
    if (payment) src.add(payment.sources);
    const employerCost = Math.round(cost);
    const net = aidAmount === null ? null : employerCost - aidAmount;
    const priceValue = typeof price === 'number' ? price : price.row.value;
    const consultations = net === null ? null : net > 0 ? ceil(net / priceValue) : 0;
    result.years.push({
      year,
      start,
      grossSalary: Math.round(gross),
      employerCost,
      ratio: Math.round((cost / gross) * 1e4) / 1e4,
      aid: aidAmount,
      net,
      consultationPrice: priceValue,
      breakEvenConsultations: consultations,
      breakEvenPatients: consultations === null ? null : ceil(consultations / perPatient),
    });
  }

  for (const row of usedRatios) {
    src.refs(row.sources);
    src.refs(row.atmp.sources);
    result.ratios.push({
      from: row.from,
      title: row.title,
      points: row.points.map((p) => ({
        grossToSmic: Math.round(xOf(p) * 1e4) / 1e4,
        contributions: p.contributions,
        reduction: p.reduction,
        ratio: p.ratio,
      })),
      withoutReduction: row.withoutReduction,
      atmp: row.atmp.value,
      sources: env.rules.resolve(row.sources),
      estimate: !!row.inferred,
    });
  }
  for (const e of costs.excluded) src.refs(e.sources);

  if (belowSmic)
    env.errors.push({
      field: 'grossMonthly',
      value: grossMonthly,
      message: 'Salaire inférieur au SMIC en vigueur : le SMIC est retenu pour les mois concernés.',
    });
  const note = (id: string, vars?: Record<string, unknown>, sources: Source[] = []) =>
    result.notes.push({ id, kind: 'estimate', text: say(costs, id, lang, vars), sources });
  note('cost.smic');
  note(
    'cost.ratio',
    { excluded: result.excluded.join(' ; ') },
    result.ratios.flatMap((r) => r.sources),
  );
  if (beyond) note('cost.beyond', { ratio: beyond.points[beyond.points.length - 1].ratio, max: beyond.withoutReduction });
  if (before) note('cost.before', { date: before });
  if (lastMonth > env.asOf)
    note('cost.held', { smic: costs.smic[costs.smic.length - 1].from, grid: costs.salaryGrid[costs.salaryGrid.length - 1].from });
  if (aid.option) note('cost.aid', {}, aid.option.payments[0]?.sources);
  note('cost.breakEven', { price: result.years[result.years.length - 1]?.consultationPrice, perPatient });
  result.sources = src.list;
  return result;
}

/** The level's minimum in force on `date` (a pack's newer grid may give only some levels). */
function gridAt(
  costs: CostsTable,
  level: number,
  date: IsoDate,
): { value: number; row: CostsTable['salaryGrid'][number]; before: boolean } {
  const rows = costs.salaryGrid.filter((r) => r.levels[level] !== undefined);
  const { row, before } = inForce(rows.length ? rows : costs.salaryGrid, date);
  return { value: row.levels[level] ?? 0, row, before };
}
