import { css } from 'lit';

/**
 * The detail's styles and the print layout: they arrive with the detail's chunk (after the first answer) and
 * are added to each instance's shadow root then. Tokens as in aide-assistant-medical.styles.ts.
 */
export const detailStyles = css`
  .aam-print-only {
    display: none;
  }
  .aam-details-title {
    font-size: 1em;
    margin-top: 0.25em;
  }
  .aam-scheme,
  .aam-group {
    border-top: 1px solid var(--border);
    padding: 0.5em 0;
  }
  .aam-scheme > summary {
    width: auto;
  }
  .aam-scheme-meta {
    display: block;
    margin-left: 1.1em;
    font-size: 0.9em;
    color: var(--muted);
  }
  .aam-scheme-title {
    font-weight: 600;
  }
  .aam-scheme-total {
    color: var(--fg);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .aam-scheme-body {
    padding: 0.5em 0 0.25em;
  }
  .aam-changed {
    font-weight: 600;
    color: var(--warn);
  }
  .aam-table {
    overflow-x: auto;
    margin: 0 0 0.5em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    max-width: 34rem;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.25em 0.4em;
    border-bottom: 1px solid var(--border);
    text-align: right;
    vertical-align: top;
  }
  th:first-child {
    text-align: left;
  }
  thead th {
    font-size: 0.875em;
    color: var(--muted);
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-bottom: 0;
  }
  .aam-renewal th {
    color: var(--muted);
    font-weight: normal;
    font-size: 0.875em;
  }
  .aam-chart {
    display: block;
    width: 100%;
    max-width: 14rem;
    height: auto;
    max-height: 6rem;
    margin: 0 0 0.5em;
  }
  .aam-chart rect {
    fill: var(--link);
  }
  .aam-chart .aam-bar-light {
    fill-opacity: 0.3;
  }
  .aam-chart text {
    fill: var(--muted);
    font-size: 9px;
    text-anchor: middle;
  }
  .aam-objectives h4 {
    margin-top: 0.5em;
  }
  .aam-reasons {
    list-style: none;
    padding: 0;
  }
  .aam-reasons li {
    padding-left: 1.4em;
    text-indent: -1.4em;
    margin-bottom: 0.3em;
  }
  .aam-reasons b {
    display: inline-block;
    width: 1.4em;
    text-indent: 0;
  }
  .aam-ok b {
    color: var(--ok);
  }
  .aam-ko b {
    color: var(--ko);
  }
  .aam-open b {
    color: var(--warn);
  }
  .aam-group ul {
    margin-top: 0.4em;
  }
  .aam-legend {
    font-size: 0.875em;
    color: var(--muted);
  }
  @media print {
    .aam {
      display: block;
      border: 0;
      padding: 0;
      color: #000;
      background: #fff;
      font-size: 9.5pt;
    }
    .aam > * + * {
      margin-top: 0.8em;
    }
    .aam-lang,
    .aam-q,
    .aam-toolbar,
    .aam-link,
    .aam-button,
    .aam-summary > summary,
    .aam-chart,
    .aam-group:not([open]),
    .aam-scheme:not([open]),
    .aam-more:not([open]) {
      display: none !important;
    }
    .aam-summary {
      display: block;
      background: none;
      padding: 0;
    }
    .aam-summary ul {
      columns: 2;
      column-gap: 2em;
    }
    .aam-summary li {
      break-inside: avoid;
    }
    .aam-answer {
      border: 1px solid #000;
    }
    a {
      color: #000;
    }
    .aam-print-only {
      display: block;
      font-size: 8.5pt;
      word-break: break-all;
    }
    .aam-scheme,
    table {
      break-inside: avoid;
    }
    .aam-footer {
      font-weight: 600;
    }
  }
`;
