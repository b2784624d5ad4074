import { css } from 'lit';

/**
 * The assistant's tools: they arrive with their chunk and are added to each instance's shadow root then. The
 * tables come with the detail's styles, the fields with the questions'. Tokens as in aide-assistant-medical.styles.ts.
 */
export const toolStyles = css`
  .aam-tool {
    min-width: 0;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    padding: var(--gap);
  }
  .aam-tool table {
    max-width: none;
    font-size: 0.94em;
  }
  .aam-tool th,
  .aam-tool td {
    padding: 0.25em 0.3em;
  }
  .aam-tool tbody th {
    white-space: nowrap;
  }
  .aam-answer [aria-expanded='true'] {
    background: var(--link);
    color: var(--bg);
  }
  .aam-tool-head {
    display: flex;
    gap: 0.75em;
    align-items: baseline;
    justify-content: space-between;
  }
  .aam-tool h3 {
    font-size: 1.05em;
  }
  .aam-tool h4 {
    margin-top: 0.75em;
  }
  .aam-tool-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
    align-items: flex-start;
    border-top: 1px solid var(--border);
    margin-top: 0.75em;
    padding-top: 0.5em;
  }
  .aam-tool-form > h4,
  .aam-tool-form > fieldset,
  .aam-tool-form > p {
    flex-basis: 100%;
  }
  .aam-tool-form .aam-field {
    flex: 1 1 11rem;
    max-width: 20rem;
    margin-bottom: 0.6em;
  }
  .aam-tool-form > fieldset.aam-field {
    flex-basis: 100%;
    max-width: none;
  }
  .aam-tool .aam-field small {
    display: block;
    margin-top: 0.2em;
  }
  .aam-group-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25em;
    align-items: flex-end;
    border: 0;
    margin: 0;
    padding: 0.4em 0 0;
    min-width: 0;
  }
  .aam-group-fields .aam-field {
    flex: 1 1 7rem;
    max-width: 13rem;
  }
  .aam-group-fields .aam-field:has([type='date']) {
    flex: 0 0 auto;
  }
  .aam-group-fields fieldset.aam-field {
    flex: 1 1 auto;
    max-width: none;
  }
  .aam-group-fields + .aam-group-fields {
    border-top: 1px solid var(--border);
  }
  .aam-group-fields.aam-top {
    align-items: flex-start;
  }
  .aam-group-fields > legend {
    float: left;
    width: 100%;
    font-weight: 600;
    margin: 0 0 0.3em;
  }
  .aam-group-fields > .aam-error {
    flex-basis: 100%;
  }
  .aam-group-fields > .aam-link {
    margin-bottom: 1em;
  }
  /* The field's look comes with the questions' styles (input, select); a list is as wide as its options. */
  .aam-tool select {
    width: auto;
    max-width: 100%;
  }
  .aam-progress > div {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.15em;
    margin: 0 0 0.6em;
  }
  .aam-progress progress {
    width: 100%;
    max-width: 24rem;
    height: 0.8em;
    accent-color: var(--link);
  }
  .aam-tool-files {
    border-top: 1px solid var(--border);
    margin-top: 0.5em;
    padding-top: 0.5em;
  }
  .aam-tool-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .aam-tool a.aam-button,
  .aam-tool a.aam-primary {
    display: inline-block;
    text-decoration: none;
  }
  .aam-file {
    position: relative;
    cursor: pointer;
  }
  .aam-file input {
    position: absolute;
    inset: 0;
    width: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .aam-file:has(:focus-visible) {
    outline: 3px solid var(--link);
    outline-offset: 2px;
  }
  .aam-tool-files [role='status'] {
    margin: 0;
  }
  @container (min-width: 52rem) {
    :host(:not([compact])) .aam:has(.aam-tool) {
      grid-auto-flow: dense;
    }
    :host(:not([compact])) .aam:has(.aam-answer) > .aam-tool {
      grid-column: 1;
    }
  }
  @media print {
    .aam-tool-form,
    .aam-tool-files {
      display: none;
    }
  }
`;
