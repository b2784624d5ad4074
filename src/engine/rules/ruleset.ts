/**
 * The rules the engine runs on: built-in files, indexed once, optionally merged with a rules pack.
 */
import assistantMedical from '../../../rules/schemes/assistant-medical.json';
import percentiles from '../../../rules/tables/percentiles.json';
import sourcesFile from '../../../rules/sources.json';
import specialtiesFile from '../../../rules/tables/specialties.json';
import type { Source } from '../types.js';
import type { PercentilesTable, SchemeRules, SourcesTable, SpecialtiesTable } from './schema.js';

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
  resolve(refs: readonly string[]): Source[];
}

/** Built-in scheme files, in the default display order. */
export const builtinSchemes = [assistantMedical] as unknown as SchemeRules[];
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

const national = builtinSchemes.filter((s) => s.scope === 'national').map((s) => s.id);

export const builtinRules: RuleSet = makeRuleSet(
  builtinSchemes,
  builtinSpecialties,
  builtinPercentiles,
  builtinSources.sources,
  new Map([['national', national]]),
);
