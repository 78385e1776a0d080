import { japanDay, type Clock } from '../../clock';
import type { ExclusiveRunner } from '../../db/lease';
import { logger } from '../../logger';
import type { MailOutbox } from './mail-outbox';
import type { ReminderService } from './reminder.service';

export const DIGEST_LEASE = 'reminder-digest';
export const INCIDENT_ALERT_LEASE = 'reminder-incidents';
export const OUTBOX_LEASE = 'mail-outbox';

export interface ReminderTiming {
  /** How often incidents are checked and the outbox is sent. */
  checkEveryMs: number;
  /** The hour (Japan time, 0–23) from which the day's digest goes out. */
  digestHour: number;
}

/**
 * Runs the reminder jobs, each under its own lease so that of several server
 * processes one does it: the digest once per Japan day from `digestHour`,
 * incident alerts and the outbox every `checkEveryMs`. A job cut off halfway
 * (a crash) is simply run again by whoever holds the lease next: the outbox's
 * keys keep it from queueing anything twice.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly exclusive: ExclusiveRunner,
    private readonly reminders: ReminderService,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
    private readonly timing: ReminderTiming,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.timing.checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass of every job (also what the timer runs); passes never overlap. */
  tick(): Promise<void> {
    this.running ??= this.runJobs().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runJobs(): Promise<void> {
    const now = this.clock.now();
    const japanHour = (now.getUTCHours() + 9) % 24;
    await this.job(INCIDENT_ALERT_LEASE, () => this.reminders.queueIncidentAlerts());
    if (japanHour >= this.timing.digestHour) await this.job(DIGEST_LEASE, () => this.reminders.queueDigests(), japanDay(now));
    await this.job(OUTBOX_LEASE, () => this.outbox.deliverDue());
  }

  private async job(name: string, fn: () => Promise<number>, onceFor?: string): Promise<void> {
    try {
      const outcome = await this.exclusive.runExclusive(name, fn, onceFor ? { onceFor } : {});
      if (outcome.ran && outcome.result > 0) logger.info('reminder job', { job: name, count: outcome.result });
    } catch (error) {
      logger.error('reminder job failed', { job: name, name: (error as Error).name });
    }
  }
}
