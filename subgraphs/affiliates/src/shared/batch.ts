interface Pending<T> {
  ids: Set<string>;
  promise: Promise<Map<string, T>>;
}

const scopes = new WeakMap<object, Map<string, Pending<unknown>>>();

/**
 * Loads `id` together with every other id asked for under the same key in this request (`scope`:
 * the request's EntityManager) during the same turn of the event loop: a page of affiliates costs
 * one statement for all their links, figures or balances instead of one per affiliate.
 */
export function batchLoad<T>(
  scope: object,
  key: string,
  id: string,
  load: (ids: string[]) => Promise<Map<string, T>>,
): Promise<T | undefined> {
  let byKey = scopes.get(scope);
  if (!byKey) {
    byKey = new Map();
    scopes.set(scope, byKey);
  }
  let pending = byKey.get(key) as Pending<T> | undefined;
  if (!pending) {
    const ids = new Set<string>();
    const keys = byKey;
    const promise = new Promise<Map<string, T>>((resolve, reject) =>
      setImmediate(() => {
        keys.delete(key);
        load([...ids]).then(resolve, reject);
      }),
    );
    pending = { ids, promise };
    byKey.set(key, pending as Pending<unknown>);
  }
  pending.ids.add(id);
  return pending.promise.then((loaded) => loaded.get(id));
}
