/**
 * `accent-color`: one colour → a palette with AA contrast, applied through a constructed stylesheet of the
 * instance (allowed under a strict `style-src`, unlike a style attribute).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { derivePalette, parseColor, type Rgb } from '../palette.js';

/** Any CSS colour → RGB: hex and rgb() by the pure parser, names and other syntaxes by the browser. */
function resolveColor(value: string): Rgb | undefined {
  const rgb = parseColor(value);
  if (rgb || !globalThis.CSS?.supports('color', value)) return rgb;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.fillStyle = value;
  return parseColor(String(context.fillStyle));
}

export class AccentController implements ReactiveController {
  private sheet?: CSSStyleSheet;
  private applied?: string;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Applies the colour; returns false when it is not a colour (the default palette stays). */
  apply(value: string): boolean {
    const color = value.trim();
    if (color === this.applied) return true;
    const rgb = color ? resolveColor(color) : undefined;
    const root = this.host.renderRoot as ShadowRoot | undefined;
    if (root?.adoptedStyleSheets) {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
      }
      const p = rgb && derivePalette(rgb);
      this.sheet.replaceSync(p ? `:host{--_a:${p.accent};--_oa:${p.onAccent};--_l:${p.accentOnLight};--_ld:${p.accentOnDark}}` : '');
      this.applied = color;
    }
    return !color || !!rgb;
  }
}
