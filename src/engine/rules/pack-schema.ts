/**
 * Schemas of region files, the département table, objective grids and rules packs. A pack uses the
 * same formats as rules/ (schemes, tables, regions, sources) plus who published it and when.
 */
import * as z from 'zod/mini';
import { MAX_TEXT_LENGTH } from './limits.js';
import {
  cumulationFile,
  employerCostRow,
  figure,
  percentilesTable,
  priceRow,
  salaryGridRow,
  scheme,
  smicRow,
  sourceRef,
  sourcesTable,
  specialtiesTable,
} from './schema.js';

const str = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));
const optStr = z.optional(str);
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9/.-]*$/, 'identifiant en minuscules (a-z, 0-9, -, /, .)'), z.maxLength(80));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ'));
const department = z
  .string()
  .check(z.regex(/^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/, 'code INSEE de département (01…95, 2A, 2B, 971…976)'));
const sources = z.array(sourceRef).check(z.minLength(1, 'au moins une source'), z.maxLength(20));
const sourced = { sources, inferred: optStr };
const httpsUrl = z.string().check(z.regex(/^https?:\/\/[^\s"'<>]+$/, 'URL http(s)://…'));

export const region = z.object({
  $schema: optStr,
  id,
  version: str,
  updated: isoDate,
  title: str,
  title_en: optStr,
  /** Départements of the region (INSEE codes); empty for 'national'. */
  departments: z.array(department).check(z.maxLength(30)),
  /** Default scheme set, in display order. */
  schemes: z.array(id).check(z.minLength(1), z.maxLength(50)),
  contacts: z
    .array(
      z.object({
        label: str,
        label_en: optStr,
        /** Only for doctors of this département (e.g. one CPAM). */
        department: z.optional(department),
        url: z.optional(httpsUrl),
        email: z.optional(z.string().check(z.regex(/^[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}$/i, 'adresse e-mail'))),
        phone: z.optional(z.string().check(z.regex(/^[0-9 +().-]{6,20}$/, 'numéro de téléphone'))),
        ...sourced,
      }),
    )
    .check(z.maxLength(50)),
  /** Local figures worth showing (e.g. a CPAM's results). */
  facts: z.optional(
    z.array(z.object({ id, text: str, en: optStr, department: z.optional(department), ...sourced })).check(z.maxLength(30)),
  ),
  /** Avenant 7/8: specialties otherwise limited to zones sous-denses, eligible there in these départements. */
  avenant7Specialties: z.optional(
    z.array(z.object({ department, specialties: z.array(id).check(z.minLength(1)), ...sourced })).check(z.maxLength(30)),
  ),
});

export const departementsTable = z.object({
  $schema: optStr,
  version: str,
  sources,
  regions: z.record(id, str),
  departements: z.array(z.object({ code: department, name: str, region: id })),
});

/** Objective grid of the assistant aid: extra patients by initial patientèle, for one specialty, option and indicator. */
export const objectiveGrid = z.object({
  scheme: id,
  regime: id,
  specialty: id,
  option: id,
  indicator: z.enum(['patienteleMT', 'fileActive']),
  rows: z
    .array(
      z.object({
        /** Initial patientèle from (inclusive) … to (exclusive). */
        from: z.number().check(z.gte(0)),
        to: z.optional(z.number().check(z.gte(0))),
        /** Extra patients to reach, or a rate of the initial patientèle. */
        add: z.optional(z.number().check(z.gte(0))),
        rate: z.optional(z.number().check(z.gte(0), z.lte(5))),
      }),
    )
    .check(z.minLength(1), z.maxLength(100)),
  ...sourced,
});

const specialty = specialtiesTable.shape.specialties.def.element;
const distribution = percentilesTable.shape.distributions.def.element;

export const pack = z.strictObject({
  $schema: optStr,
  /** Who publishes the pack: shown beside every figure that comes from it. */
  publisher: str,
  version: str,
  date: isoDate,
  description: optStr,
  schemes: z.optional(z.array(scheme).check(z.maxLength(30))),
  regions: z.optional(z.array(region).check(z.maxLength(30))),
  specialties: z.optional(z.array(specialty).check(z.maxLength(100))),
  /** Merged into the built-in distributions by id; rows replace rows of the same specialty and indicator. */
  percentiles: z.optional(z.array(distribution).check(z.maxLength(10))),
  objectiveGrids: z.optional(z.array(objectiveGrid).check(z.maxLength(200))),
  /** Cumulation rules added to rules/cumulation.json (a pack may settle a pair the texts leave open). */
  cumulation: z.optional(cumulationFile.shape.rules.check(z.maxLength(100))),
  sources: z.optional(sourcesTable.shape.sources),
  /** Newer salary grid, SMIC, employer-cost ratios or consultation prices: rows added, or replacing the row of the same date. */
  costs: z.optional(
    z.object({
      salaryGrid: z.optional(z.array(salaryGridRow).check(z.maxLength(20))),
      smic: z.optional(z.array(smicRow).check(z.maxLength(20))),
      employerCost: z.optional(z.array(employerCostRow).check(z.maxLength(20))),
      consultationPrice: z.optional(z.array(priceRow).check(z.maxLength(20))),
      /** Replaces the national figure (a region may know its own). */
      consultationsPerPatient: z.optional(figure),
    }),
  ),
});

export type RegionRules = z.infer<typeof region>;
export type DepartementsTable = z.infer<typeof departementsTable>;
export type ObjectiveGrid = z.infer<typeof objectiveGrid>;
export type RulesPack = z.infer<typeof pack>;
