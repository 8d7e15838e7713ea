/**
 * Collects the keys asked for while GraphQL resolves one level of a response and fetches them in one
 * call (as DataLoader does: the batch runs after the promise jobs of the current tick), so a feed page
 * costs the same number of SQL statements whatever the number of posts, comments or replies.
 */
export class Batcher<K, V> {
  private cache = new Map<K, Promise<V>>();
  private queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly fetch: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: (key: K) => V,
  ) {}

  load(key: K): Promise<V> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V>((resolve, reject) => {
      if (this.queue.length === 0) void Promise.resolve().then(() => process.nextTick(() => void this.flush()));
      this.queue.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  /** Seeds the cache with what a query already read. */
  prime(key: K, value: V): void {
    if (!this.cache.has(key)) this.cache.set(key, Promise.resolve(value));
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const found = await this.fetch([...new Set(batch.map((item) => item.key))]);
      for (const item of batch) item.resolve(found.has(item.key) ? found.get(item.key)! : this.missing(item.key));
    } catch (error) {
      for (const item of batch) {
        this.cache.delete(item.key);
        item.reject(error);
      }
    }
  }
}

/** One set of batchers per request (or per live change), created on first use. */
export function perContext<T>(create: () => T): (context: object) => T {
  const byContext = new WeakMap<object, T>();
  return (context) => {
    let value = byContext.get(context);
    if (!value) {
      value = create();
      byContext.set(context, value);
    }
    return value;
  };
}
