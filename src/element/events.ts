/**
 * The widget's events, all dispatched the same way: from the element, bubbling and composed (they cross the
 * shadow boundary), never with an answer's value beyond what `aide-change` gives. Without a detail, `detail`
 * is `null` (CustomEvent's default). Their types are declared with the class (`HTMLElementEventMap`).
 */
export const fire = (target: EventTarget, type: string, detail?: unknown) =>
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
