import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RangeReader, RangeResult, RangeTask } from './range-verification';
import { verifyRange } from './range-verification';

/** Threads are kept this long after their last verification, so frequent ones do not start them again. */
const IDLE_MS = 30_000;

/**
 * Run from the TypeScript sources (the test suites), a thread loads them as
 * the suites' child processes do; the built server runs the compiled file.
 */
const FROM_SOURCES = __filename.endsWith('.ts');
const WORKER_FILE = join(__dirname, FROM_SOURCES ? 'verify-worker.ts' : 'verify-worker.js');
const WORKER_EXEC_ARGV = FROM_SOURCES ? ['--require', join(__dirname, '../../../../../test/support/register-ts.js')] : [];

type Reply = { id: number; result?: RangeResult | null; error?: string };

class VerifyThread {
  private readonly worker = new Worker(WORKER_FILE, { execArgv: WORKER_EXEC_ARGV });
  private readonly pending = new Map<number, { resolve(result: RangeResult | null): void; reject(error: Error): void }>();
  private nextId = 1;
  failed: Error | null = null;

  constructor() {
    this.worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.error !== undefined) p?.reject(new Error(`audit range verification failed: ${reply.error}`));
      else p?.resolve(reply.result ?? null);
    });
    const fail = (error: Error) => {
      this.failed ??= error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`an audit verification thread exited (${code})`)));
    this.worker.unref();
  }

  private send(message: object): Promise<RangeResult | null> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    this.worker.ref();
    return new Promise<RangeResult | null>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  async verify(pool: number, url: string, task: RangeTask): Promise<RangeResult> {
    return (await this.send({ kind: 'verify', pool, url, task }))!;
  }

  /** Closes the thread's connection of `pool`. */
  async release(pool: number): Promise<void> {
    await this.send({ kind: 'release', pool });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The verification threads of this process, shared by its pools (one per
 * application; a test process runs several), started when first needed and
 * stopped after IDLE_MS without work.
 */
const threads = {
  list: [] as VerifyThread[],
  idle: null as NodeJS.Timeout | null,
  take(count: number): VerifyThread[] {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.list = this.list.filter((t) => !t.failed);
    while (this.list.length < count) this.list.push(new VerifyThread());
    return this.list.slice(0, count);
  },
  rest(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      const list = this.list;
      this.list = [];
      for (const t of list) void t.stop();
    }, IDLE_MS);
    this.idle.unref();
  },
};

let nextPool = 1;

/**
 * Verifies ranges of the log on `threadCount` worker threads, each with its
 * own database connection (so both cores hash, and SQLite reads in parallel),
 * or in the main thread on the application's connection when `threadCount`
 * is 0 or the database is in memory.
 */
export class RangeVerifierPool {
  private readonly id = nextPool++;
  private used: VerifyThread[] = [];

  constructor(
    private readonly url: string,
    private readonly threadCount: number,
    private readonly inThread: () => RangeReader,
  ) {}

  private get onThreads(): boolean {
    return this.threadCount > 0 && this.url !== 'sqlite::memory:';
  }

  /** How many ranges are verified at once. */
  get parallel(): number {
    return this.onThreads ? this.threadCount : 1;
  }

  /** The tasks' results in their order; `each` sees every result as it comes, while the others are still verified. */
  async run(tasks: RangeTask[], each: (result: RangeResult) => void = () => undefined): Promise<RangeResult[]> {
    const results: RangeResult[] = new Array(tasks.length);
    if (!this.onThreads) {
      const reader = this.inThread();
      for (let i = 0; i < tasks.length; i++) each((results[i] = await verifyRange(reader, tasks[i]!)));
      return results;
    }
    const workers = threads.take(Math.min(this.threadCount, tasks.length));
    for (const w of workers) if (!this.used.includes(w)) this.used.push(w);
    let next = 0;
    try {
      await Promise.all(
        workers.map(async (w) => {
          while (next < tasks.length) {
            const i = next++;
            try {
              each((results[i] = await w.verify(this.id, this.url, tasks[i]!)));
            } catch (error) {
              next = tasks.length;
              throw error;
            }
          }
        }),
      );
    } finally {
      threads.rest();
    }
    return results;
  }

  /** Closes this pool's connections in every thread (a file database must not stay open after the application). */
  async close(): Promise<void> {
    const used = this.used;
    this.used = [];
    await Promise.all(used.map((t) => (t.failed ? undefined : t.release(this.id).catch(() => undefined))));
  }
}
