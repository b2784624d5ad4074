/** Memoisation shared by the engine's caches: rule objects and texts never change once loaded. */

export interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `make(key)` once per key: the value cached, computed on the first call. */
export function cached<K, V>(cache: Cache<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}

/**
 * A cache emptied whenever `generation()` changes. In the widget's build, texts and sources are put back into the
 * rule objects after the first answer (`restoreTexts` bumps the rules' generation): what was derived from them
 * before is stale then.
 */
export function renewedCache<K, V>(generation: () => number, make: () => Cache<K, V>): Cache<K, V> {
  let cache = make();
  let at = generation();
  const current = () => {
    if (at !== generation()) {
      cache = make();
      at = generation();
    }
    return cache;
  };
  return { get: (key) => current().get(key), set: (key, value) => current().set(key, value) };
}
