/**
 * Loads what many list rows need in one query per batch instead of one per
 * row: keys asked for while one request resolves its fields are collected and
 * loaded together on the next turn of the event loop. Results are cached for
 * the request; `clear` after a change.
 */
export class RequestBatch<K, V> {
  private queue: Array<{ key: K; resolve: (v: V) => void; reject: (e: unknown) => void }> = [];
  private readonly cache = new Map<K, Promise<V>>();

  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = new Promise<V>((resolve, reject) => {
        this.queue.push({ key, resolve, reject });
        if (this.queue.length === 1) setImmediate(() => void this.dispatch());
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  clear(): void {
    this.cache.clear();
  }

  private async dispatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const loaded = await this.loadMany([...new Set(batch.map((b) => b.key))]);
      for (const b of batch) {
        const value = loaded.get(b.key);
        if (value === undefined) b.reject(new Error('batch load returned no value'));
        else b.resolve(value);
      }
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}

/** One batch per request (keyed on the request's context object) and per kind. */
export class PerRequest<K, V> {
  private readonly batches = new WeakMap<object, RequestBatch<K, V>>();

  constructor(private readonly loadMany: (keys: K[]) => Promise<Map<K, V>>) {}

  of(ctx: object): RequestBatch<K, V> {
    let batch = this.batches.get(ctx);
    if (!batch) {
      batch = new RequestBatch(this.loadMany);
      this.batches.set(ctx, batch);
    }
    return batch;
  }
}
