/**
 * Self-defining entry of `<aide-assistant-medical>`: the file a `<script type="module">` tag loads.
 * The define is guarded so that loading the script twice (two plugins, two bundles) does not throw.
 * Import `aide-assistant-medical/element` for the class without registering it.
 */
import { AideAssistantMedical } from './element/aide-assistant-medical.js';

export const tagName = 'aide-assistant-medical';

if (!customElements.get(tagName)) customElements.define(tagName, AideAssistantMedical);

export { AideAssistantMedical };
export type {
  AideActionEvent,
  AideChangeDetail,
  AideChangeEvent,
  AideQuestionDetail,
  AideQuestionEvent,
  AideResultEvent,
} from './element/aide-assistant-medical.js';
export type * from './engine/types.js';
