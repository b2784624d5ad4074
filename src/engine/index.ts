/**
 * aide-assistant-medical/engine: a pure rules engine (no DOM) for the aids French doctors can claim.
 * `simulate(profile, options)` returns an explained `Simulation`; every amount carries its sources.
 * This entry also accepts rules packs (`options.rules`), validated with the rule files' zod schemas.
 */
import './texts-en.js';
// Also imported by core.js, and said again here: the npm build (several entries sharing chunks) left it out of this
// entry otherwise (test/engine/npm-entries.test.ts checks every entry).
import './schemes/band-detail.js';
import { enableToolPacks } from './assistant-tools.js';
import { compilePack } from './rules/pack.js';
import { enablePacks } from './simulate.js';

enablePacks(compilePack);
enableToolPacks(compilePack);

export * from './core.js';
export { compilePack, packRef, packChangeRef, MAX_PACK_BYTES, type PackResult } from './rules/pack.js';
export { checkPackLimits, MAX_PACK_DEPTH, MAX_PACK_NODES, MAX_TEXT_LENGTH } from './rules/limits.js';
export { PLAUSIBLE_FACTOR } from './rules/figures.js';
export { validateRuleFile, type RuleFileKind } from './rules/validate.js';
export type { RulesPack, RegionRules, ObjectiveGrid } from './rules/pack-schema.js';
export type { RuleIssue } from './rules/schema.js';
