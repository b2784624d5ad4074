/**
 * Downloads a rules pack for `rules-src`: once per absolute URL (every instance shares the
 * result), without credentials, with a 10 s timeout, JSON content type only, at most
 * MAX_PACK_BYTES (by Content-Length and by what actually arrives). Never throws: a failure is
 * a `problem` the element turns into one notice; validation is the engine's job.
 */
import { MAX_PACK_BYTES } from '../engine/rules/limits.js';

/** Why a pack could not be read (`detail` adds the status, content type, error…): for the console and `debug`. */
export type PackProblem = 'url' | 'http' | 'type' | 'size' | 'network' | 'json' | 'empty';

export interface PackLoad {
  url: string;
  pack?: unknown;
  problem?: PackProblem;
  detail?: string;
}

const TIMEOUT_MS = 10_000;
const loads = new Map<string, Promise<PackLoad>>();

/** Resolves `src` against the page and fetches it (cached per URL). */
export function loadPack(src: string, base: string): Promise<PackLoad> {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return Promise.resolve({ url: src, problem: 'url', detail: src });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return Promise.resolve({ url: src, problem: 'url', detail: url.protocol });
  const key = url.href;
  let load = loads.get(key);
  if (!load) loads.set(key, (load = download(key)));
  return load;
}

async function download(url: string): Promise<PackLoad> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const fail = (problem: PackProblem, detail = ''): PackLoad => {
    controller.abort();
    return { url, problem, detail };
  };
  try {
    const response = await fetch(url, {
      credentials: 'omit',
      signal: controller.signal,
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) return fail('http', String(response.status));
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) return fail('type', type);
    if (Number(response.headers.get('content-length')) > MAX_PACK_BYTES) return fail('size');
    const reader = response.body?.getReader();
    if (!reader) return fail('network');
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > MAX_PACK_BYTES) {
        void reader.cancel();
        return fail('size');
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) bytes.set(c, (at += c.length) - c.length);
    let pack: unknown;
    try {
      pack = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      return fail('json', (error as Error).message);
    }
    // `null` would read as "no pack" further on and vanish without a notice: it is a problem of its own.
    // (Other non-objects reach the engine, which refuses them with their path.)
    return pack === null ? fail('empty', 'null') : { url, pack };
  } catch {
    return fail('network', controller.signal.aborted ? 'timeout' : '');
  } finally {
    clearTimeout(timer);
  }
}

/** Size limit, for messages. */
export const maxPackKb = Math.round(MAX_PACK_BYTES / 1024);

/** A load problem in a few words, for the console and the webmaster's `debug` notice (details shortened). */
export function describeLoad(load: PackLoad): string {
  const raw = (load.detail ?? '').replace(/\s+/g, ' ').trim();
  const detail = raw.length > 120 ? `${raw.slice(0, 120)}…` : raw;
  switch (load.problem) {
    case undefined:
      return '';
    case 'url':
      return `url: not an http: or https: address (${detail})`;
    case 'http':
      return `http: HTTP status ${detail}`;
    case 'type':
      return `type: served as ${detail || 'no content type'}, not as JSON`;
    case 'size':
      return `size: larger than ${maxPackKb} KB`;
    case 'network':
      return detail === 'timeout' ? `network: no answer within ${TIMEOUT_MS / 1000} s` : 'network: the download failed';
    case 'json':
      return `json: not JSON (${detail})`;
    case 'empty':
      return 'empty: the body is JSON null';
  }
}
