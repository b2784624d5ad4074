/**
 * What the element needs of the engine, and nothing more: no English texts (a chunk loaded when an instance
 * speaks English), no cost tools. The `./engine/core` entry re-exports it with the rest.
 */
import { builtinRules } from './rules/ruleset.js';

export { simulate, evaluators, enablePacks } from './simulate.js';
export { profileFields, normalizeProfile, type FieldSpec } from './profile.js';
export { builtinRules, changedByPack } from './rules/ruleset.js';
export * from './types.js';

/**
 * Specialties the rules know, with their French (and English) labels and groups. The rule objects themselves:
 * texts restored after load (English in the widget) show here too.
 */
export const specialties = builtinRules.input.specialties;
/** Every scheme id the built-in rules define. */
export const schemeIds = [...builtinRules.schemes.keys()];
/** Every region id the built-in rules define. */
export const regionIds = [...builtinRules.regions.keys()];
/** Départements (INSEE code, name, region id) from the Etalab administrative dataset. */
export const departements = builtinRules.input.departements;
/** Date of the newest rule file: print it with any result. */
export const rulesVersion = builtinRules.version;
