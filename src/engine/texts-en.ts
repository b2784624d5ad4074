/**
 * The engine's own English texts (the rule files carry theirs): registered when imported. The engine's
 * entries import it; the widget loads it with the rest of its English, only when an instance speaks it.
 */
import { ANSWER_TEXTS } from './answer.js';
import { GENERIC, MONTHS } from './schemes/aid.js';

ANSWER_TEXTS.en = {
  can: 'You can claim {names}: {amount}{horizon}{first}.',
  canPending: 'You can claim {names}: the amount depends on your answers.',
  canHeld: 'You can count on {names}: {amount}{horizon}{first}.',
  horizon: ' over {years} years',
  firstYear: ', of which {first} in year 1',
  choice: '{min} ({minLabel}) to {max} ({maxLabel})',
  atLeast: 'at least {min} (up to {max})',
  span: '{min} to {max}',
  and: ' and ',
  pendingName: '{name} (amount to be set)',
  none: 'None of the aids offered is open to you: {why}',
  noneShort: 'None of the aids offered is open to you.',
  start: 'Answer the questions: the amount shows as soon as it is known.',
  option: 'The amount depends on the assistant’s working time: half-time or full-time.',
  band: 'Amounts of the {band} band, the lowest: your CPAM may place you higher.',
  date: 'Contract signed on {date}.',
  pending: '{name}: amount to be set.',
  upBand: '{condition}: {total}{horizon}.',
  upCumul: 'If your CPAM accepts combining it with {names}: {total}{horizon}.',
  prepare: 'To prepare: ',
  heldOnly: 'No new aid adds up for now to {names}, which you keep.',
};

GENERIC.en = {
  ended: 'No new contracts since {d}.',
  notYet: 'Open to contracts signed from {d}.',
  s2: 'Secteur 2: amount prorated by the share of activity at tarifs opposables ({share}).',
  s2unknown: 'Secteur 2: amount prorated by the share of activity at tarifs opposables; enter it (maximum shown).',
  renew: 'If the contract is renewed.',
  held: 'Contract signed on {d}: you keep it.',
  heldUntil: 'Contract signed on {d}: you keep it until {end}.',
  heldUndated: 'You signed this contract: you keep it.',
  heldDone: 'Contract signed on {d}: its payments are over.',
  situation: 'Does not concern your situation.',
  range: 'Between {a} € and {b} € (unit unclear in the text).',
  uplift: 'Uplift: {label}.',
  perYear: '{rate}/yr',
  then: '{list}, then {tail}',
  outsideRegion: "{where} is not in {region}: that region's own aids do not apply; the national schemes still do.",
};

MONTHS.en = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
