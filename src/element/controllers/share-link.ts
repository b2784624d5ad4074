/**
 * The shared link: on connection, this instance's answers (and a contract's follow-up) from the URL fragment
 * (its own key only); on demand, the page's address with them (copied by the toolbar's copyLink).
 * The widget never rewrites the page's URL.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Profile } from '../../engine/types.js';
import { fragmentKey, linkWithAnswers, readSharedAnswers } from '../share-link.js';

export interface ShareHost extends ReactiveControllerHost, HTMLElement {
  restore(answers: Profile): void;
  /** Opens a view of the assistant's tools: here, the follow-up the link held (unchecked: the tools check it). */
  tool(kind: string, from: unknown): void;
}

export class ShareLinkController implements ReactiveController {
  /** 'copied', or 'manual' when the clipboard refused (the link is shown in a field to copy). */
  state: '' | 'copied' | 'manual' = '';
  /** The fragment had this widget's key but could not be read. */
  unreadable = false;

  constructor(private readonly host: ShareHost) {
    host.addController(this);
  }

  /** The fragment is read once: an instance moved in the page keeps the answers changed since. */
  private restored = false;

  hostConnected(): void {
    if (this.restored) return;
    this.restored = true;
    const key = fragmentKey(this.host.id);
    const shared = readSharedAnswers(globalThis.location?.hash ?? '', key);
    if (shared) {
      this.host.restore(shared.answers);
      if (shared.followUp !== undefined) this.host.tool('follow', shared.followUp);
      // What the link held that the widget does not use: said once, for whoever wrote the link.
      if (shared.dropped.length)
        console.warn(
          `<aide-assistant-medical>: the shared link's ${shared.dropped.map((d) => d.field).join(', ')} ignored (unknown or invalid).`,
          shared.dropped,
        );
    } else if (shared === null) {
      this.unreadable = true;
      console.warn(`<aide-assistant-medical>: the #${key}= part of the URL is not readable; ignored.`);
    }
  }

  link(answers: Profile, followUp?: object): string {
    return linkWithAnswers(location.href, fragmentKey(this.host.id), answers, followUp);
  }

  /** Says how a copy went (the copying itself comes with the toolbar, in the interaction chunk: see copyLink). */
  show(state: ShareLinkController['state']): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
