/**
 * The English texts of the rule files, split from them at build time for the widget (which loads them only
 * when an instance speaks English). In the sources, and in the engine's own bundles, the rule files carry
 * their English already: there is nothing to add.
 */
export const englishTexts: Record<string, unknown> | undefined = undefined;
