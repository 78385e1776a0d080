import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { logger } from '../../logger';
import { mailMetrics } from '../../metrics';
import { User } from '../user/user.entity';
import { MailMessage } from './mail-message.entity';
import type { MailText } from './reminder-texts';

const BATCH = 50;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60 * 1000;

/** SMTP through Nodemailer; `SMTP_URL` as Nodemailer reads it (smtp://, smtps://, with user:password@ when the relay asks for it). */
export function smtpTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}

/** The code of a send failure, safe to store and log: an SMTP status or a socket error name, never a message text (it may quote addresses). */
function failureCode(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; name?: string };
  if (e.responseCode) return `SMTP_${e.responseCode}`;
  return String(e.code ?? e.name ?? 'ERROR').slice(0, 60);
}

/**
 * The outbox: messages are stored first (in the job that composes them) and
 * sent afterwards, each until the SMTP server accepts it; a failed send is
 * counted and retried with a growing delay, so a mail server that is down
 * loses no reminder. Delivery is at least once: a process killed between the
 * server's acceptance and the SENT mark sends that one message again, with
 * the same Message-ID, which mail clients recognise.
 */
export class MailOutbox {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly transport: Transporter | null,
    private readonly from: string,
  ) {}

  /** Closes the SMTP connections (at shutdown). */
  close(): void {
    this.transport?.close();
  }

  /** Stores a message unless one with this key exists (INSERT … IGNORE, so a concurrent twin is stored once); true when it was new. */
  async enqueue(dedupeKey: string, kind: string, recipientId: number, text: MailText): Promise<boolean> {
    if (await this.db.manager.existsBy(MailMessage, { dedupeKey })) return false;
    const now = this.clock.now().toISOString();
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(MailMessage)
      .values({ dedupeKey, kind, recipientId, subject: text.subject, body: text.body, status: 'PENDING', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null })
      .orIgnore()
      .execute();
    mailMetrics.queued.inc({ kind });
    return true;
  }

  /** Sends what is due; returns how many the SMTP server accepted. */
  async deliverDue(): Promise<number> {
    if (!this.transport) return 0;
    const now = this.clock.now();
    const due = await this.db.manager
      .createQueryBuilder(MailMessage, 'm')
      .where("m.status = 'PENDING' AND m.next_attempt_at <= :now", { now: now.toISOString() })
      .orderBy('m.id', 'ASC')
      .limit(BATCH)
      .getMany();
    let sent = 0;
    for (const message of due) if (await this.deliver(message, now)) sent += 1;
    const [row] = await this.db.manager.query("SELECT COUNT(*) AS n FROM mail_message WHERE status = 'PENDING'");
    mailMetrics.pending.set(Number(row.n));
    return sent;
  }

  private async deliver(message: MailMessage, now: Date): Promise<boolean> {
    const recipient = await this.db.manager.findOneBy(User, { id: message.recipientId });
    if (!recipient?.active) {
      await this.db.manager.update(MailMessage, { id: message.id }, { status: 'CANCELLED' });
      return false;
    }
    try {
      await this.transport!.sendMail({
        from: this.from,
        to: recipient.email,
        subject: message.subject,
        text: message.body,
        messageId: `<${createHash('sha256').update(message.dedupeKey).digest('hex').slice(0, 32)}@mamori>`,
      });
    } catch (error) {
      const attempts = message.attempts + 1;
      const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS);
      const code = failureCode(error);
      await this.db.manager.update(MailMessage, { id: message.id }, { attempts, lastError: code, nextAttemptAt: new Date(now.getTime() + delay).toISOString() });
      mailMetrics.failures.inc();
      logger.warn('mail send failed; retried later', { messageId: message.id, kind: message.kind, attempts, code, retryInMs: delay });
      return false;
    }
    await this.db.manager.update(MailMessage, { id: message.id }, { status: 'SENT', attempts: message.attempts + 1, sentAt: this.clock.now().toISOString(), lastError: null });
    mailMetrics.sent.inc();
    return true;
  }
}
