/**
 * Everything English, as one chunk of the widget build (loaded only when an instance speaks English): the
 * interface's templates, the engine's sentences (registered on import) and the rule files' English texts.
 */
import { restoreTexts } from '../engine/rules/ruleset.js';
import { englishTexts } from '../engine/rules/english.js';
import '../engine/texts-en.js';

export { templates } from '../locales/en.js';

// The rule objects are shared by every instance: their English is put back once, on load.
if (englishTexts) restoreTexts(englishTexts);
