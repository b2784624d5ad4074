/**
 * The `rules-src` pack, as a task: downloaded once per URL for the page (pack-loader), validated by the
 * engine's pack compiler, which is loaded only then (zod and the validation code are not part of the
 * widget until a page asks for a pack). Until it arrives, and if it is unusable, the built-in rules apply.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { RuleIssue } from '../../engine/rules/schema.js';
import { describeLoad, loadPack, type PackLoad } from '../pack-loader.js';

export interface PackState {
  url: string;
  /** The pack as downloaded (validated by the engine when it simulates). */
  pack?: unknown;
  problem?: PackLoad['problem'];
  detail?: string;
  /** Region ids the pack adds, for the `region` attribute. */
  regions: string[];
}

export class RulesPackController {
  private readonly task: Task<[string], PackState | undefined>;

  constructor(
    host: ReactiveControllerHost,
    private readonly src: () => string,
    onLoad: (state: PackState) => void,
  ) {
    this.task = new Task(host, {
      args: () => [src().trim()],
      task: async ([url]) => {
        if (!url) return undefined;
        const [load, { enablePacks }, { compilePack }] = await Promise.all([
          loadPack(url, document.baseURI),
          import('../../engine/simulate.js'),
          import('../../engine/rules/pack.js'),
        ]);
        if (load.pack !== undefined) enablePacks(compilePack);
        // The visitor gets one short notice; the webmaster, here, what went wrong (validation problems are
        // reported by the simulation, with their paths).
        else if (load.problem)
          console.error(
            `<aide-assistant-medical>: the rules pack ${clip(load.url)} could not be used (${describeLoad(load)}); the built-in rules apply.`,
          );
        const regions = packRegions(load.pack);
        const state: PackState = { url: load.url, pack: load.pack, problem: load.problem, detail: load.detail, regions };
        onLoad(state);
        return state;
      },
    });
  }

  /** Why the pack could not be downloaded or read, in a few words (validation problems are the engine's). */
  get problem(): string | undefined {
    const state = this.state;
    return state?.problem ? `rules-src : ${describeLoad(state)}` : undefined;
  }

  /** The pack in use, once loaded. */
  get state(): PackState | undefined {
    return this.task.value;
  }

  /**
   * True while a pack is asked for and not settled, including before the download starts (the first
   * update of an element reads its attributes before the task runs).
   */
  get loading(): boolean {
    const status = this.task.status;
    return status === TaskStatus.PENDING || (status === TaskStatus.INITIAL && !!this.src().trim());
  }
}

const clip = (text: string) => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

function packRegions(pack: unknown): string[] {
  const regions = (pack as { regions?: unknown } | undefined)?.regions;
  return Array.isArray(regions)
    ? regions
        .map((r) => (r as { id?: unknown })?.id)
        .filter((id): id is string => typeof id === 'string')
        .slice(0, 50)
    : [];
}

export type { RuleIssue };
