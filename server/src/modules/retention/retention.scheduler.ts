import { japanDay, type Clock } from '../../clock';
import type { ExclusiveRunner } from '../../db/lease';
import { logger } from '../../logger';
import { RequestAudit } from '../audit/request-audit';
import type { RetentionService } from './retention.service';

const CHECK_EVERY_MS = 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 10 * 60 * 1000;
export const RETENTION_LEASE = 'retention';

/**
 * Runs retention once a day (Japan time): checked hourly, so a restart does
 * not skip a day; under the retention lease, so that of several server
 * processes only one runs it, once a day. The timers are unref'd so they
 * never keep the process alive.
 */
export class RetentionScheduler {
  private timers: NodeJS.Timeout[] = [];
  private lastRunDay: string | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly retention: RetentionService,
    private readonly clock: Clock,
    private readonly exclusive: ExclusiveRunner,
  ) {}

  start(): void {
    if (this.timers.length) return;
    this.timers = [setTimeout(() => this.check(), FIRST_CHECK_AFTER_MS), setInterval(() => this.check(), CHECK_EVERY_MS)];
    for (const timer of this.timers) timer.unref();
  }

  /** Stops the timers and waits for a run in progress. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await this.running;
  }

  private check(): void {
    const today = japanDay(this.clock.now());
    if (this.running || this.lastRunDay === today) return;
    const audit = new RequestAudit({ actorId: null, actorRole: null, requestId: `retention-${today}`, clientIp: 'scheduler' }, this.clock);
    this.running = this.exclusive
      .runExclusive(RETENTION_LEASE, () => this.retention.run(audit), { onceFor: today })
      .then((outcome) => {
        if (outcome.ran) logger.info('retention run', { ...outcome.result });
        // another process runs it now: checked again next hour (by then marked done)
        if (outcome.ran || outcome.reason === 'done') this.lastRunDay = today;
      })
      .catch((error: Error) => {
        logger.error('retention run failed', { name: error.name });
      })
      .finally(() => {
        this.running = null;
      });
  }
}
