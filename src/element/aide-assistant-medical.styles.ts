import { css } from 'lit';

/**
 * Public tokens are `--aam-*` (documented on the class); `--_*` come from the `accent-color` attribute
 * (a constructed sheet per instance). Light and dark values sit side by side in light-dark(); `theme`
 * only sets color-scheme. Class names say what they style (`aam-answer`, `aam-scheme`); the public
 * hooks are the `::part`s.
 */
export const styles = css`
  :host {
    display: block;
    color-scheme: light;
  }
  /*
   * A page's CSS reaches the host element itself (a page rule beats :host) and everything it inherits.
   * The layout therefore hangs on the frame inside: it is the size container, and it takes from the page
   * only the font's family and size; line height, spacing, case, alignment, weight and direction are
   * the widget's own.
   */
  .aam-frame {
    display: block;
    container-type: inline-size;
    line-height: 1.45;
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
    direction: ltr;
    writing-mode: horizontal-tb;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  .aam {
    --accent: var(--aam-accent, var(--_a, #1d4ed8));
    --on-accent: var(--aam-on-accent, var(--_oa, #fff));
    --link: var(--aam-link, light-dark(var(--_l, #1d4ed8), var(--_ld, #8ab4f8)));
    --bg: var(--aam-bg, light-dark(#fff, #181a1f));
    --fg: var(--aam-fg, light-dark(#1b1f24, #e8eaed));
    --muted: var(--aam-muted, light-dark(#545b64, #aab1ba));
    --border: var(--aam-border, light-dark(#c9ced6, #474d57));
    --surface: var(--aam-surface, light-dark(#f3f5f8, #23262d));
    --ok: var(--aam-ok, light-dark(#17702f, #74d48f));
    --ko: var(--aam-ko, light-dark(#b42318, #ff9c91));
    --warn: var(--aam-warn, light-dark(#7a4f00, #f1c46b));
    --radius: var(--aam-radius, 0.5rem);
    --gap: var(--aam-gap, 1rem);
    position: relative;
    display: grid;
    gap: var(--gap);
    background: var(--bg);
    color: var(--fg);
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--gap);
  }
  :host([compact]) .aam {
    --gap: var(--aam-gap, 0.75rem);
    font-size: 0.94em;
  }
  @container (max-width: 26rem) {
    .aam {
      --gap: var(--aam-gap, 0.7rem);
    }
  }
  * {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0 0 0.4em;
    line-height: 1.25;
    font-size: 1em;
  }
  p,
  ul,
  ol {
    margin: 0 0 0.5em;
  }
  p:last-child,
  ul:last-child {
    margin-bottom: 0;
  }
  ul {
    padding-left: 1.2em;
  }
  a,
  summary {
    color: var(--link);
  }
  summary {
    cursor: pointer;
    width: fit-content;
  }
  :focus-visible {
    outline: 3px solid var(--link);
    outline-offset: 2px;
  }
  .aam-v {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .aam-muted,
  small {
    color: var(--muted);
    font-size: 0.875em;
  }

  /* Title, purpose, language */
  .aam-head {
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    justify-content: space-between;
  }
  .aam-title {
    font-size: 1.15em;
    margin: 0;
  }
  .aam-purpose {
    margin: 0.15em 0 0;
    color: var(--muted);
  }

  /* Buttons */
  button {
    font: inherit;
    cursor: pointer;
  }
  .aam-button,
  .aam-lang {
    color: var(--link);
    background: var(--bg);
    border: 1px solid var(--link);
    border-radius: var(--radius);
    padding: 0.25em 0.7em;
  }
  .aam-lang {
    flex: none;
    font-size: 0.875em;
  }
  .aam-link {
    color: var(--link);
    background: none;
    border: 0;
    padding: 0 0.2em;
    text-decoration: underline;
  }

  /* The answer */
  .aam-answer {
    border: 2px solid var(--link);
    border-radius: var(--radius);
    padding: var(--gap);
  }
  .aam-answer.aam-ineligible,
  .aam-answer.aam-pending {
    border-color: var(--border);
  }
  .aam-answer-title {
    font-size: 0.875em;
    color: var(--muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .aam-lead {
    font-size: 1.1em;
  }
  .aam-figure {
    font-size: 1.3em;
    white-space: nowrap;
  }
  .aam-assumes,
  .aam-upto {
    list-style: none;
    padding: 0;
    font-size: 0.95em;
  }
  .aam-assumes li,
  .aam-upto li {
    margin: 0.2em 0;
    padding-left: 1em;
    text-indent: -1em;
  }
  .aam-assumes li::before {
    content: '→ ';
    color: var(--muted);
  }
  .aam-upto li::before {
    content: '↗ ';
    color: var(--muted);
  }
  .aam-next {
    border-top: 1px solid var(--border);
    padding-top: 0.6em;
    margin-top: 0.6em;
  }
  .aam-mark {
    color: var(--warn);
    font-weight: 700;
    margin-left: 0.1em;
  }
  .aam-note {
    font-size: 0.9em;
    border-left: 3px solid var(--border);
    padding-left: 0.6em;
  }
  .aam-note.aam-warning,
  .aam-note.aam-estimate {
    border-left-color: var(--warn);
  }
  .aam-more {
    margin: 0.4em 0;
  }

  .aam-error {
    color: var(--ko);
    font-weight: 600;
    margin: 0.3em 0 0;
  }
  .aam-notices ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .aam-notices {
    margin: 0;
    padding: 0.6em 0.8em;
    border-left: 4px solid var(--warn);
    background: var(--surface);
    border-radius: var(--radius);
  }
  .aam-notices li + li {
    margin-top: 0.3em;
  }
  .aam-debug {
    font-family: monospace;
    font-size: 0.85em;
  }
  .aam-footer {
    margin: 0;
  }

  /* Wide containers: the answer and its detail beside the questions. */
  @container (min-width: 52rem) {
    :host(:not([compact])) .aam:has(.aam-answer) {
      grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
      align-items: start;
    }
    :host(:not([compact])) .aam:has(.aam-answer) > :not(.aam-answer, .aam-q, .aam-summary, .aam-details) {
      grid-column: 1 / -1;
    }
    :host(:not([compact])) .aam:has(.aam-answer) > .aam-q,
    :host(:not([compact])) .aam:has(.aam-answer) > .aam-summary {
      grid-column: 2;
    }
    :host(:not([compact])) .aam:has(.aam-answer) > .aam-answer {
      grid-column: 1;
      grid-row: span 2;
    }
    :host(:not([compact])) .aam:has(.aam-answer) > .aam-details {
      grid-column: 1;
    }
  }
  @container (min-width: 36rem) {
    .aam:not(:has(.aam-answer)) > .aam-q {
      max-width: 36rem;
    }
  }
`;
