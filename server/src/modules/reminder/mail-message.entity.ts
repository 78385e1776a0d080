import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type MailStatus = 'PENDING' | 'SENT' | 'CANCELLED';

/**
 * One message in the outbox, kept until the SMTP server accepted it. The
 * unique key names what it is about (`digest:<user>:<day>`, …), so composing
 * twice (two processes, or a job redone after a crash) stores it once.
 */
@Entity('mail_message')
@Index('UQ_mail_message_dedupe_key', ['dedupeKey'], { unique: true })
@Index('IDX_mail_message_due', ['status', 'nextAttemptAt'])
export class MailMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column('varchar', { name: 'dedupe_key', length: 150 })
  dedupeKey!: string;

  @Column('varchar', { length: 30 })
  kind!: string;

  /** The user it goes to; the address is looked up when it is sent, so a deactivated user gets nothing. */
  @Column('integer', { name: 'recipient_id' })
  recipientId!: number;

  @Column('varchar', { length: 200 })
  subject!: string;

  @Column('text')
  body!: string;

  @Column('varchar', { length: 10 })
  status!: MailStatus;

  @Column('integer')
  attempts!: number;

  @Column('varchar', { name: 'next_attempt_at', length: 24 })
  nextAttemptAt!: string;

  /** The last failure's code (an SMTP status or a socket error name), never its text. */
  @Column('varchar', { name: 'last_error', length: 60, nullable: true })
  lastError!: string | null;

  @Column('varchar', { name: 'created_at', length: 24 })
  createdAt!: string;

  @Column('varchar', { name: 'sent_at', length: 24, nullable: true })
  sentAt!: string | null;
}
