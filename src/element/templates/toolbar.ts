/**
 * The actions once the doctor has answered: share the simulation (copied, or shown to copy by hand when the
 * clipboard refuses), print it, start again. Sharing fires `aide-share`, printing `aide-print`, from the element.
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import type { ShareLinkController } from '../controllers/share-link.js';
import { fire } from '../events.js';

export interface ToolbarHandlers {
  copy(): void;
  print(): void;
  reset(): void;
}

export function toolbar(on: ToolbarHandlers, share: { state: '' | 'copied' | 'manual'; link: () => string }) {
  return html`<div class="aam-toolbar" part="toolbar">
    <button type="button" class="aam-button" @click=${(e: Event) => (on.copy(), fire(hostOf(e), 'aide-share'))}>
      ${msg('Copier le lien', { id: 'copier-lien' })}
    </button>
    <button type="button" class="aam-button" @click=${on.print}>${msg('Imprimer', { id: 'imprimer' })}</button>
    <button type="button" class="aam-button" @click=${on.reset}>${msg('Recommencer', { id: 'recommencer' })}</button>
    ${
      share.state === 'copied'
        ? html`<p class="aam-muted">${msg('Lien copié : il reprend cette simulation.', { id: 'lien-copie-reprend' })}</p>`
        : share.state === 'manual'
          ? html`<p>
              <label>${msg('Copiez ce lien :', { id: 'copiez-lien' })} <input readonly .value=${share.link()} /></label>
            </p>`
          : nothing
    }
  </div>`;
}

/** Copies the link to the clipboard; when the clipboard refuses (insecure page, permission), it is shown to copy by hand. */
export async function copyLink(share: Pick<ShareLinkController, 'state' | 'show'>, link: string): Promise<void> {
  share.state = '';
  try {
    await navigator.clipboard.writeText(link);
    share.show('copied');
  } catch {
    share.show('manual');
  }
}

/** The element whose shadow root holds the control an event came from. */
const hostOf = (e: Event) => ((e.currentTarget as Element).getRootNode() as ShadowRoot).host;

/** Prints only this widget: the rest of the host page is hidden for the duration of the print. */
export function printWidget(host: HTMLElement): void {
  if (host.hasAttribute('data-aam-print')) return; // a second click before the first print ended
  fire(host, 'aide-print');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '@media print{body *{visibility:hidden!important}[data-aam-print]{visibility:visible!important;position:absolute;inset:0 0 auto}}',
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  host.setAttribute('data-aam-print', '');
  addEventListener(
    'afterprint',
    () => {
      host.removeAttribute('data-aam-print');
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    },
    { once: true },
  );
  print();
}
