import { css } from 'lit';

/**
 * The questions, the answers given and the actions: they arrive with their chunk and are added to each
 * instance's shadow root then. Tokens as in aide-assistant-medical.styles.ts.
 */
export const interactionStyles = css`
  /* The questions' button (and the tools', which take the fields' styles from here too). */
  .aam-primary {
    background: var(--accent);
    color: var(--on-accent);
    border: 1px solid var(--accent);
    border-radius: var(--radius);
    padding: 0.4em 1.1em;
    font-weight: 600;
  }
  .aam-q,
  .aam-summary {
    background: var(--surface);
    border-radius: var(--radius);
    padding: var(--gap);
  }
  .aam-field {
    margin: 0 0 0.9em;
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .aam-field > label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.3em;
    padding: 0;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--bg);
    border: 1px solid var(--muted);
    border-radius: calc(var(--radius) / 2);
    padding: 0.35em 0.5em;
    width: 100%;
    max-width: 24rem;
  }
  input[type='radio'] {
    width: auto;
    margin: 0;
    accent-color: var(--link);
  }
  input[type='date'] {
    width: auto;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--ko);
  }
  .aam-choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .aam-choices label {
    display: flex;
    gap: 0.4em;
    align-items: center;
    border: 1px solid var(--muted);
    border-radius: var(--radius);
    padding: 0.3em 0.7em 0.3em 0.5em;
    background: var(--bg);
    cursor: pointer;
  }
  .aam-choices label:has(:checked) {
    border: 2px solid var(--link);
    font-weight: 600;
  }
  .aam-help {
    margin: 0 0 0.4em;
    font-size: 0.875em;
    color: var(--muted);
  }
  .aam-actions {
    display: flex;
    gap: 0.75em;
    align-items: center;
  }
  .aam-picker [role='listbox'] {
    list-style: none;
    margin: 0.25em 0 0;
    padding: 0.2em;
    max-height: 12rem;
    max-width: 24rem;
    overflow: auto;
    border: 1px solid var(--muted);
    border-radius: calc(var(--radius) / 2);
    background: var(--bg);
  }
  .aam-picker [role='option'] {
    padding: 0.25em 0.4em;
    cursor: pointer;
    border-radius: calc(var(--radius) / 2);
  }
  .aam-picker [aria-selected='true'] {
    background: var(--link);
    color: var(--bg);
  }
  .aam-picker .aam-current {
    font-weight: 600;
  }
  .aam-chosen {
    margin: 0.25em 0 0;
    font-weight: 600;
  }
  .aam-hint:empty {
    display: none;
  }
  .aam-hint {
    font-size: 0.875em;
    color: var(--muted);
    margin: 0.25em 0 0;
  }

  /* Answers given */
  .aam-summary ul {
    list-style: none;
    padding: 0;
    margin: 0.5em 0 0;
  }
  .aam-summary li {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: baseline;
    padding: 0.3em 0;
    border-bottom: 1px solid var(--border);
  }
  .aam-summary li > span {
    grid-column: 1 / -1;
    color: var(--muted);
    font-size: 0.875em;
  }
  .aam-summary .aam-edit {
    display: block;
  }

  .aam-toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .aam-toolbar p {
    flex-basis: 100%;
    margin: 0;
  }
`;
