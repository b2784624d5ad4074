/** A link out of the widget: web addresses only, in a new window, said so to screen readers. */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';

export const isWebAddress = (url?: string): url is string => !!url && /^https?:\/\//i.test(url);

export function link(url: string | undefined, text: string) {
  if (!isWebAddress(url)) return text || nothing;
  return html`<a href=${url} target="_blank" rel="noopener noreferrer"
    >${text}<span class="aam-v"> ${msg('(nouvelle fenêtre)', { id: 'nouvelle-fenetre' })}</span></a
  >`;
}
