/** Memoisation shared by the engine's caches: rule objects and texts never change once loaded. */

interface Cache<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** `make(key)` once per key: the value cached, computed on the first call. */
export function cached<K, V>(cache: Cache<K, V>, key: K, make: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make(key)));
  return value;
}
