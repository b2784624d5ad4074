import { html, svg } from 'lit';
import type { Payment } from '../../engine/types.js';

const BAR = 26;
const GAP = 10;
const HEIGHT = 64;

/**
 * Year-by-year bars of one option, scaled on `scale` (the largest payment of the scheme, so that
 * options compare). The solid part is paid whatever the objectives (years 1–2, the advance from
 * year 3); the light part is the balance that depends on them. Decorative: the table beside it
 * carries the same figures for assistive technologies.
 */
export function paymentsChart(payments: readonly Payment[], scale: number) {
  if (!payments.length || !(scale > 0)) return '';
  const height = (value: number) => Math.max(0, (value / scale) * HEIGHT);
  return html`<svg class="ch" part="chart" aria-hidden="true" viewBox="0 0 ${payments.length * (BAR + GAP)} ${HEIGHT + 14}">
    ${payments.map((p, i) => {
      const x = i * (BAR + GAP) + GAP / 2;
      const total = height(p.amount);
      const sure = height(p.advance ?? p.amount);
      return svg`<rect class="bl" x=${x} y=${HEIGHT - total} width=${BAR} height=${total} />
        <rect x=${x} y=${HEIGHT - sure} width=${BAR} height=${sure} />
        <text x=${x + BAR / 2} y=${HEIGHT + 11}>${p.year}</text>`;
    })}
  </svg>`;
}
