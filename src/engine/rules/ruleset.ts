/**
 * The rules the engine runs on: built-in files, indexed once, optionally merged with a rules pack.
 */
import cumulationFile from '../../../rules/cumulation.json';
import centreValDeLoire from '../../../rules/regions/centre-val-de-loire.json';
import national from '../../../rules/regions/national.json';
import nouvelleAquitaine from '../../../rules/regions/nouvelle-aquitaine.json';
import occitanie from '../../../rules/regions/occitanie.json';
import aideInstallation2026 from '../../../rules/schemes/aide-installation-2026.json';
import arsOccitanie from '../../../rules/schemes/ars-occitanie-installation.json';
import assistantMedical from '../../../rules/schemes/assistant-medical.json';
import assistantMedicalSecond from '../../../rules/schemes/assistant-medical-second.json';
import caim from '../../../rules/schemes/caim.json';
import cde from '../../../rules/schemes/cde.json';
import cesp from '../../../rules/schemes/cesp.json';
import coscom from '../../../rules/schemes/coscom.json';
import cotram from '../../../rules/schemes/cotram.json';
import cstm from '../../../rules/schemes/cstm.json';
import fmtMajoration from '../../../rules/schemes/fmt-majoration.json';
import sourcesFile from '../../../rules/sources.json';
import departementsFile from '../../../rules/tables/departements.json';
import percentiles from '../../../rules/tables/percentiles.json';
import specialtiesFile from '../../../rules/tables/specialties.json';
import { cached, renewedCache } from '../cached.js';
import type { Source } from '../types.js';
import type { DepartementsTable, ObjectiveGrid, RegionRules } from './pack-schema.js';
import type { CostsTable, CumulationFile, PercentilesTable, SchemeRules, SourcesTable, SpecialtiesTable } from './schema.js';

export type Specialty = SpecialtiesTable['specialties'][number];
export type Distribution = PercentilesTable['distributions'][number];
export type Departement = DepartementsTable['departements'][number];

/** Start of the reference a rules pack puts on the figures it changes (see rules/pack.ts). */
export const PACK_CHANGE_PREFIX = 'pack:modifié par ';

/**
 * The publisher of the rules pack that changed the figure these sources vouch for, if one did:
 * the element then says "modifié par <publisher>" beside the figure. Such a figure never cites a
 * built-in source.
 */
export const changedByPack = (sources: readonly Source[]): string | undefined =>
  sources.find((s) => s.ref.startsWith(PACK_CHANGE_PREFIX))?.publisher;

/** Everything a rule set is made of, as plain data: the built-in files, or those merged with a pack. */
export interface RuleSetInput {
  schemes: SchemeRules[];
  specialties: Specialty[];
  distributions: Distribution[];
  sources: SourcesTable['sources'];
  regions: RegionRules[];
  departements: Departement[];
  objectiveGrids: ObjectiveGrid[];
  cumulation?: CumulationFile;
  /** Salary grid, SMIC, employer-cost ratios and consultation prices for the net cost of an assistant. */
  costs?: CostsTable;
  /** The rules pack merged in, if any. */
  publisher?: string;
}

export interface RuleSet {
  /** Shown with every result so a printed simulation says which rules it used. */
  version: string;
  input: RuleSetInput;
  schemes: Map<string, SchemeRules>;
  specialties: Map<string, Specialty>;
  distributions: Distribution[];
  sources: SourcesTable['sources'];
  regions: Map<string, RegionRules>;
  departements: Map<string, Departement>;
  objectiveGrids: ObjectiveGrid[];
  cumulation?: CumulationFile;
  costs?: CostsTable;
  publisher?: string;
  resolve(refs: readonly string[]): Source[];
}

/** Built-in scheme files, in the default display order. */
export const builtinInput: RuleSetInput = {
  schemes: [
    assistantMedical,
    assistantMedicalSecond,
    caim,
    coscom,
    cotram,
    cstm,
    cesp,
    cde,
    arsOccitanie,
    aideInstallation2026,
    fmtMajoration,
  ] as unknown as SchemeRules[],
  specialties: (specialtiesFile as unknown as SpecialtiesTable).specialties,
  distributions: (percentiles as unknown as PercentilesTable).distributions,
  sources: (sourcesFile as unknown as SourcesTable).sources,
  regions: [national, occitanie, centreValDeLoire, nouvelleAquitaine],
  departements: (departementsFile as unknown as DepartementsTable).departements,
  objectiveGrids: [],
  cumulation: cumulationFile as unknown as CumulationFile,
};

const NO_SOURCES: Source[] = [];

/** Bumped whenever texts are restored: what was derived from the rules before (resolved sources) is stale. */
let generation = 0;
export const rulesGeneration = () => generation;

export function makeRuleSet(input: RuleSetInput): RuleSet {
  const cache = renewedCache(rulesGeneration, () => new WeakMap<readonly string[], Source[]>());
  const { sources, publisher } = input;
  // Made once per rule set: a closure made per call allocated more than the cached lookup it guards.
  const resolveAll = (refs: readonly string[]) =>
    refs.map((ref) => {
      const known = sources[ref];
      const url = known?.url ?? (/^https?:\/\//.test(ref) ? ref : undefined);
      const source: Source = { ref, title: known?.title ?? ref };
      if (url) source.url = url;
      if (ref.startsWith('pack:') && publisher) source.publisher = publisher;
      return source;
    });
  return {
    version: [...input.schemes, ...input.regions]
      .map((r) => r.updated)
      .sort()
      .at(-1)!,
    input,
    schemes: new Map(input.schemes.map((s) => [s.id, s])),
    specialties: new Map(input.specialties.map((s) => [s.id, s])),
    distributions: input.distributions,
    sources,
    regions: new Map(input.regions.map((r) => [r.id, r])),
    departements: new Map(input.departements.map((d) => [d.code, d])),
    objectiveGrids: input.objectiveGrids,
    cumulation: input.cumulation,
    costs: input.costs,
    publisher,
    // Rule arrays are never mutated after a rule set is made, so resolved sources are cached by array identity.
    resolve(refs) {
      if (!refs?.length) return NO_SOURCES;
      return cached(cache, refs, resolveAll);
    },
  };
}

export const builtinRules: RuleSet = makeRuleSet(builtinInput);

/** The built-in rule files by path under rules/: what a build-time text split refers to. */
const ruleFiles: Record<string, unknown> = {
  'cumulation.json': cumulationFile,
  'regions/centre-val-de-loire.json': centreValDeLoire,
  'regions/national.json': national,
  'regions/nouvelle-aquitaine.json': nouvelleAquitaine,
  'regions/occitanie.json': occitanie,
  'schemes/aide-installation-2026.json': aideInstallation2026,
  'schemes/ars-occitanie-installation.json': arsOccitanie,
  'schemes/assistant-medical.json': assistantMedical,
  'schemes/assistant-medical-second.json': assistantMedicalSecond,
  'schemes/caim.json': caim,
  'schemes/cde.json': cde,
  'schemes/cesp.json': cesp,
  'schemes/coscom.json': coscom,
  'schemes/cotram.json': cotram,
  'schemes/cstm.json': cstm,
  'schemes/fmt-majoration.json': fmtMajoration,
  'sources.json': sourcesFile,
  'tables/departements.json': departementsFile,
  'tables/percentiles.json': percentiles,
  'tables/specialties.json': specialtiesFile,
};

/**
 * Puts back texts a build split from the rule files (the English ones, loaded on demand by the widget):
 * objects by key, arrays by index. The rule objects are the live ones, so every rule set built on them sees it.
 */
export function restoreTexts(patches: Record<string, unknown>): void {
  const merge = (target: unknown, patch: unknown): void => {
    if (!patch || typeof patch !== 'object' || !target || typeof target !== 'object') return;
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined) continue;
      const t = (target as Record<string, unknown>)[k];
      if (typeof v === 'object' && t && typeof t === 'object') merge(t, v);
      else (target as Record<string, unknown>)[k] = v;
    }
  };
  for (const [file, patch] of Object.entries(patches)) merge(ruleFiles[file], patch);
  generation++;
  for (const d of (departementsFile as unknown as DepartementsTable).departements) builtinRules.departements.set(d.code, d);
}
