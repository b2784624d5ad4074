/**
 * The engine's result for the current answers and options, what to announce to screen readers when the
 * answer changes, and the `aide-change` event once the new result is on screen (and `aide-result` when the
 * answer has just become complete). Bad values the engine reports go to the console once each; a result that
 * cannot be computed keeps the answers and says so.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { simulate } from '../../engine/widget.js';
import type { Profile, SimulateOptions, Simulation } from '../../engine/types.js';
import { fire } from '../events.js';

export interface AideChangeDetail {
  profile: Profile;
  simulation: Simulation;
}

export interface SimulationHost extends ReactiveControllerHost, EventTarget {
  readonly profile: Profile;
}

export class SimulationController implements ReactiveController {
  result?: Simulation;
  failed = false;
  /** Said by the polite live region: the new answer, once, when it changes. */
  announcement = '';
  private dispatched?: Simulation;
  /** The last result dispatched was complete (not waiting for answers): `aide-result` fires on the way there. */
  private complete?: boolean;
  private readonly warned = new Set<string>();

  constructor(private readonly host: SimulationHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  compute(profile: Profile, options: SimulateOptions, pack: unknown, announce: boolean): Simulation | undefined {
    const previous = this.result?.answer.text;
    try {
      const result = simulate(profile, { ...options, ...(pack !== undefined && { rules: pack }) });
      // The answer is built on first read: here, inside the guard, and before the result is kept or dispatched.
      void result.answer;
      this.result = result;
      this.failed = false;
    } catch (error) {
      // The engine is not supposed to throw; whatever a page or a pack does must still not break the widget.
      this.result = undefined;
      this.failed = true;
      console.warn('<aide-assistant-medical>: the simulation failed.', error);
    }
    for (const e of this.result?.errors ?? []) {
      const key = `${e.field}:${JSON.stringify(e.value)?.slice(0, 80)}`;
      if (this.warned.has(key)) continue;
      this.warned.add(key);
      if (e.field === 'rules')
        console.error('<aide-assistant-medical>: the rules pack is invalid; built-in rules used.', e.details ?? e.message);
      else console.warn(`<aide-assistant-medical>: ${e.message}`);
    }
    const answer = this.result?.answer;
    this.announcement = announce && answer && answer.text !== previous && (answer.status !== 'pending' || answer.open) ? answer.text : '';
    return this.result;
  }

  hostUpdated(): void {
    const simulation = this.result;
    if (!simulation || simulation === this.dispatched) return;
    this.dispatched = simulation;
    const detail: AideChangeDetail = { profile: this.host.profile, simulation };
    fire(this.host, 'aide-change', detail);
    const complete = simulation.answer.status !== 'pending';
    if (complete && !this.complete) fire(this.host, 'aide-result', detail);
    this.complete = complete;
  }
}
