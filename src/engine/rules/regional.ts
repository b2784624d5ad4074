/**
 * The regions' contacts and texts, the regional schemes' texts and the départements table, split from the
 * rule files at build time for the widget (which loads them with its questions, or before the first paint of
 * a regional embed). In the sources, and in the engine's own bundles, the rule files are whole: there is
 * nothing to add.
 */
export const regionalTexts: Record<string, unknown> | undefined = undefined;
