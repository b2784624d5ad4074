/**
 * What the doctor acts with: the questions, the answers given (each editable), the actions. A chunk of its
 * own in the widget build, requested as soon as an instance connects: an answer known from the start (a
 * shared link, a `profile` set by the page) is on screen without waiting for it. It brings the texts the
 * questions need (the specialties' labels, the départements, which decide the region) and the regions' own
 * texts, put back into the rules here.
 */
import { questionTexts } from '../engine/rules/question-texts.js';
import { restoreTexts } from '../engine/rules/ruleset.js';

if (questionTexts) restoreTexts(questionTexts);

export { QuestionsController, type QuestionsHost } from './controllers/questions.js';
export { answersSummary, questionsForm, type QuestionHandlers } from './templates/questions.js';
export { copyLink, printWidget, toolbar } from './templates/toolbar.js';
export { interactionStyles } from './interaction.styles.js';
// The assistant's tools read typed numbers and word the working times as the questions do; they take them from
// here (this chunk is loaded when the first instance connects, before any tool): one chunk, not a third one shared.
export { parseNumber } from './format.js';
export { valueLabel } from './field-labels.js';
