/**
 * A disclosure whose content is rendered only while it is open: a folded detail costs nothing to render
 * and is not read out, and the page stays short (closed <details> content still has layout boxes).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface Folds {
  isOpen(key: string): boolean;
  toggle(key: string, open: boolean): void;
}

export function fold(
  folds: Folds,
  key: string,
  summary: unknown,
  body: () => unknown,
  options: { class?: string; part?: string } = {},
): TemplateResult {
  const open = folds.isOpen(key);
  return html`<details
    class=${options.class ?? 'aam-more'}
    part=${ifDefined(options.part)}
    ?open=${open}
    @toggle=${(e: Event) => folds.toggle(key, (e.target as HTMLDetailsElement).open)}
  >
    <summary>${summary}</summary>
    ${open ? body() : nothing}
  </details>`;
}
