/**
 * What comes with the questions, split from the rule files at build time for the widget (which loads it with
 * its questions' chunk, or before the first paint of a regional embed): the specialties' labels, the regions'
 * contacts and texts, the regional schemes' texts and the départements table. In the sources, and in the
 * engine's own bundles, the rule files are whole: there is nothing to add.
 */
export const questionTexts: Record<string, unknown> | undefined = undefined;
