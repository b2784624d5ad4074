/**
 * The rules the engine runs on: built-in files, indexed once, optionally merged with a rules pack.
 */
import cumulationFile from '../../../rules/cumulation.json';
import aideInstallation2026 from '../../../rules/schemes/aide-installation-2026.json';
import arsOccitanie from '../../../rules/schemes/ars-occitanie-installation.json';
import assistantMedical from '../../../rules/schemes/assistant-medical.json';
import caim from '../../../rules/schemes/caim.json';
import cde from '../../../rules/schemes/cde.json';
import cesp from '../../../rules/schemes/cesp.json';
import coscom from '../../../rules/schemes/coscom.json';
import cotram from '../../../rules/schemes/cotram.json';
import cstm from '../../../rules/schemes/cstm.json';
import fmtMajoration from '../../../rules/schemes/fmt-majoration.json';
import percentiles from '../../../rules/tables/percentiles.json';
import sourcesFile from '../../../rules/sources.json';
import specialtiesFile from '../../../rules/tables/specialties.json';
import type { Source } from '../types.js';
import type { CumulationFile, PercentilesTable, SchemeRules, SourcesTable, SpecialtiesTable } from './schema.js';

export type Specialty = SpecialtiesTable['specialties'][number];
export type Distribution = PercentilesTable['distributions'][number];

export interface RuleSet {
  /** Shown with every result so a printed simulation says which rules it used. */
  version: string;
  schemes: Map<string, SchemeRules>;
  specialties: Map<string, Specialty>;
  distributions: Distribution[];
  sources: SourcesTable['sources'];
  /** Scheme ids offered by default, per region id. */
  regions: Map<string, string[]>;
  /** Who published each source ref that came from a rules pack. */
  packPublisher?: string;
  /** Cumulation rules between schemes (rules/cumulation.json). */
  cumulation?: CumulationFile;
  resolve(refs: readonly string[]): Source[];
}

/** Built-in scheme files, in the default display order. */
export const builtinSchemes = [assistantMedical, caim, coscom, cotram, cstm, cesp, cde, arsOccitanie, aideInstallation2026, fmtMajoration] as unknown as SchemeRules[];
export const builtinCumulation = cumulationFile as unknown as CumulationFile;
export const builtinSpecialties = specialtiesFile as unknown as SpecialtiesTable;
export const builtinPercentiles = percentiles as unknown as PercentilesTable;
export const builtinSources = sourcesFile as unknown as SourcesTable;

export function makeRuleSet(
  schemes: SchemeRules[],
  specialties: SpecialtiesTable,
  table: PercentilesTable,
  sources: SourcesTable['sources'],
  regions: Map<string, string[]>,
  publisher?: string,
): RuleSet {
  const cache = new WeakMap<readonly string[], Source[]>();
  const dates = [specialties.updated, table.updated, ...schemes.map((s) => s.updated)].sort();
  return {
    version: dates[dates.length - 1],
    schemes: new Map(schemes.map((s) => [s.id, s])),
    specialties: new Map(specialties.specialties.map((s) => [s.id, s])),
    distributions: table.distributions,
    sources,
    regions,
    packPublisher: publisher,
    // Rule arrays are never mutated, so resolved sources are cached by array identity.
    resolve(refs) {
      let out = cache.get(refs);
      if (!out) {
        out = refs.map((ref) => {
          const known = sources[ref];
          const url = known?.url ?? (/^https?:\/\//.test(ref) ? ref : undefined);
          const source: Source = { ref, title: known?.title ?? ref };
          if (url) source.url = url;
          if (ref.startsWith('pack:') && publisher) source.publisher = publisher;
          return source;
        });
        cache.set(refs, out);
      }
      return out;
    },
  };
}

/** 'national': every national scheme; each region: the national set plus its regional schemes, in display order. */
function regionsOf(schemes: SchemeRules[]): Map<string, string[]> {
  const regions = new Map([['national', schemes.filter((s) => s.scope === 'national').map((s) => s.id)]]);
  for (const s of schemes) for (const r of s.scope === 'regional' ? (s.regions ?? []) : []) regions.set(r, []);
  for (const [r, ids] of regions) if (r !== 'national') ids.push(...schemes.filter((s) => s.scope === 'national' || s.regions?.includes(r)).map((s) => s.id));
  return regions;
}

export const builtinRules: RuleSet = Object.assign(
  makeRuleSet(builtinSchemes, builtinSpecialties, builtinPercentiles, builtinSources.sources, regionsOf(builtinSchemes)),
  { cumulation: builtinCumulation },
);
