/**
 * aide-assistant-medical/engine/core: the engine with its built-in rules and nothing else
 * (no rules-pack validation). The lightest way to simulate; measured against the 12 KB budget.
 */
import './texts-en.js';
// The objectives of the assistant médical aid (the widget loads them with its detail).
import './schemes/band-detail.js';
export * from './widget.js';
export { estimateModulation, type ModulationInput, type ModulationEstimate } from './modulation.js';
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
