/**
 * aide-assistant-medical/engine/core: the engine with its built-in rules and nothing else
 * (no rules-pack validation). The lightest way to simulate; measured against the 12 KB budget.
 */
export { simulate, evaluators } from './simulate.js';
export { estimateModulation, type ModulationInput, type ModulationEstimate } from './modulation.js';
export { profileFields, normalizeProfile, type FieldSpec } from './profile.js';
export { builtinRules, changedByPack } from './rules/ruleset.js';
export { assistantCost, type AssistantCostInput, type AssistantCost, type CostYear, type CostRatioBasis } from './cost.js';
export {
  followUp,
  type FollowUpInput,
  type FollowUp,
  type FollowUpObjective,
  type FollowUpReview,
  type PatientCounts,
  type BalanceEstimate,
} from './follow-up.js';
export { paymentCalendar, type CalendarOptions } from './calendar.js';
export type { AssistantToolOptions } from './assistant-tools.js';
export * from './types.js';
import { builtinRules } from './rules/ruleset.js';

/** Specialties the rules know, with their French (and English) labels and groups. */
export const specialties = [...builtinRules.specialties.values()].map((s) => ({
  id: s.id,
  label: s.label,
  label_en: s.label_en,
  group: s.group,
}));
/** Every scheme id the built-in rules define. */
export const schemeIds = [...builtinRules.schemes.keys()];
/** Every region id the built-in rules define. */
export const regionIds = [...builtinRules.regions.keys()];
/** Départements (INSEE code, name, region id) from the Etalab administrative dataset. */
export const departements = builtinRules.input.departements;
/** Date of the newest rule file: print it with any result. */
export const rulesVersion = builtinRules.version;
