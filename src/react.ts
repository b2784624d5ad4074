/**
 * `aide-assistant-medical/react`: the element as a React component, made with `@lit/react`. Importing it defines
 * `<aide-assistant-medical>` (as the package's main entry does, guarded). Props are the element's properties
 * (`region`, `rulesSrc`, `schemes`, `lang`, `asOf`, `specialty`, `accentColor`, `compact`, `theme`, `docsBase`,
 * `debug`, `profile`), set as properties; each event has its `on…` prop, typed.
 *
 * ```tsx
 * import { AideAssistantMedical } from 'aide-assistant-medical/react';
 *
 * <AideAssistantMedical region="occitanie" onAideResult={(e) => track(e.detail.simulation.answer.status)} />;
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName, type ReactWebComponent } from '@lit/react';
import { AideAssistantMedical as AideAssistantMedicalElement, tagName } from './index.js';
import type { AideActionEvent, AideChangeEvent, AideQuestionEvent, AideResultEvent } from './element/aide-assistant-medical.js';

/** The `on…` props, by the event they listen to (a type, not an interface: `@lit/react` wants an index signature). */
export type AideEventProps = {
  onAideChange: EventName<AideChangeEvent>;
  onAideResult: EventName<AideResultEvent>;
  onAideQuestion: EventName<AideQuestionEvent>;
  onAideShare: EventName<AideActionEvent>;
  onAidePrint: EventName<AideActionEvent>;
  onAideCalendar: EventName<AideActionEvent>;
};

const events: AideEventProps = {
  onAideChange: 'aide-change' as EventName<AideChangeEvent>,
  onAideResult: 'aide-result' as EventName<AideResultEvent>,
  onAideQuestion: 'aide-question' as EventName<AideQuestionEvent>,
  onAideShare: 'aide-share' as EventName<AideActionEvent>,
  onAidePrint: 'aide-print' as EventName<AideActionEvent>,
  onAideCalendar: 'aide-calendar' as EventName<AideActionEvent>,
};

/** `<aide-assistant-medical>` for React. */
export const AideAssistantMedical: ReactWebComponent<AideAssistantMedicalElement, AideEventProps> = createComponent({
  react: React,
  tagName,
  elementClass: AideAssistantMedicalElement,
  events,
  displayName: 'AideAssistantMedical',
});

/** The props of the component. */
export type AideAssistantMedicalProps = React.ComponentProps<typeof AideAssistantMedical>;

export { AideAssistantMedicalElement };
export type {
  AideActionEvent,
  AideChangeDetail,
  AideChangeEvent,
  AideQuestionDetail,
  AideQuestionEvent,
  AideResultEvent,
} from './element/aide-assistant-medical.js';
