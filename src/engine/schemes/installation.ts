/** Evaluators of the installation and retention aids, by the rule file's `kind`. */
import { evaluateAllowance } from './allowance.js';
import { evaluateForfait } from './forfait.js';
import { evaluateOneOff } from './one-off.js';
import { evaluatePercentFees } from './percent-fees.js';
import { evaluatePercentForfait } from './percent-forfait.js';
import { evaluateProrataDays } from './prorata-days.js';
import { evaluateRange } from './range.js';

export const installationEvaluators = {
  'prorata-days': evaluateProrataDays,
  forfait: evaluateForfait,
  'percent-fees': evaluatePercentFees,
  allowance: evaluateAllowance,
  'one-off': evaluateOneOff,
  'percent-forfait': evaluatePercentForfait,
  range: evaluateRange,
};
