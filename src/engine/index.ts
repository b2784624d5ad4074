/**
 * aide-assistant-medical/engine: a pure rules engine (no DOM) for the aids French doctors can claim.
 * `simulate(profile, options)` returns an explained `Simulation`; every amount carries its sources.
 */
export { simulate, evaluators } from './simulate.js';
export { estimateModulation, type ModulationInput, type ModulationEstimate } from './modulation.js';
export { profileFields, normalizeProfile, type FieldSpec } from './profile.js';
export { builtinRules } from './rules/ruleset.js';
export * from './types.js';
import { builtinRules } from './rules/ruleset.js';

/** Specialties the rules know, with their French (and English) labels and groups. */
export const specialties = [...builtinRules.specialties.values()].map((s) => ({ id: s.id, label: s.label, label_en: s.label_en, group: s.group }));
/** Every scheme id the built-in rules define. */
export const schemeIds = [...builtinRules.schemes.keys()];
/** Every region id the built-in rules define. */
export const regionIds = [...builtinRules.regions.keys()];
/** Date of the newest rule file: print it with any result. */
export const rulesVersion = builtinRules.version;
