/**
 * What the doctor acts with: the questions, the answers given (each editable), the actions. A chunk of its
 * own in the widget build, requested as soon as an instance connects: an answer known from the start (a
 * shared link, a `profile` set by the page) is on screen without waiting for it. It brings the regions' texts
 * and the départements (for the département question and the region it decides), put back into the rules here.
 */
import { regionalTexts } from '../engine/rules/regional.js';
import { restoreTexts } from '../engine/rules/ruleset.js';

if (regionalTexts) restoreTexts(regionalTexts);

export { QuestionsController, type QuestionsHost } from './controllers/questions.js';
export { answersSummary, questionsForm, type QuestionHandlers } from './templates/questions.js';
export { toolbar } from './templates/toolbar.js';
export { interactionStyles } from './interaction.styles.js';
