import type { RequestHandler, Response } from 'express';

/**
 * The requests whose handlers are still at work. The HTTP drain waits for
 * open connections only: a client that hangs up closes its connection while
 * its resolvers go on reading and writing (and auditing). The server waits for
 * them here before it stops its jobs and closes the database, so that work
 * ends as it would have with the client still there.
 */
export class RequestsInFlight {
  private running = 0;
  private idle: Array<() => void> = [];

  /** Counts a request from its start until its handler ends the response. */
  readonly track: RequestHandler = (_req, res, next) => {
    this.running++;
    let ended = false;
    const end = res.end as (this: Response, ...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (!ended) {
        ended = true;
        this.done();
      }
      return end.apply(res, args);
    }) as Response['end'];
    next();
  };

  get count(): number {
    return this.running;
  }

  /** Resolves with 0 once no handler is at work, or after `graceMs` with how many still are. */
  settled(graceMs: number): Promise<number> {
    if (this.running === 0) return Promise.resolve(0);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idle = this.idle.filter((r) => r !== onIdle);
        resolve(this.running);
      }, graceMs);
      const onIdle = () => {
        clearTimeout(timer);
        resolve(0);
      };
      this.idle.push(onIdle);
    });
  }

  private done(): void {
    this.running--;
    if (this.running === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
