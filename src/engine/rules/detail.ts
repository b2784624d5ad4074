/**
 * What the first answer does not show, split from the rule files at build time for the widget: sources and
 * their titles, the texts of conditions, notes, objectives and cumulation rules, the départements table.
 * The widget restores it right after the first answer. In the sources and the engine's own bundles the rule
 * files are whole: there is nothing to add.
 */
export const detailTexts: Record<string, unknown> | undefined = undefined;
