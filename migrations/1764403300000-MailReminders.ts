import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, longText, ref, text } from './columns';

/**
 * E-mail reminders: each user's digest switch and mail language, and the
 * outbox that holds every message until the SMTP server has accepted it (so a
 * failed send is retried, and a job killed halfway is redone without a second
 * copy: each message has a unique key).
 */
export class MailReminders1764403300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('app_user', [new TableColumn(bool('reminder_digest', true)), new TableColumn({ ...text('mail_language', 2), default: "'ja'" })]);
    await q.createTable(
      new Table({
        name: 'mail_message',
        columns: [
          id(),
          text('dedupe_key', 150),
          text('kind', 30),
          ref('recipient_id', false),
          text('subject', 200),
          longText('body', false),
          text('status', 10),
          int('attempts', false, 0),
          instant('next_attempt_at'),
          text('last_error', 60, true),
          instant('created_at'),
          instant('sent_at', true),
        ],
        indices: [new TableIndex({ name: 'UQ_mail_message_dedupe_key', columnNames: ['dedupe_key'], isUnique: true }), new TableIndex({ name: 'IDX_mail_message_due', columnNames: ['status', 'next_attempt_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('mail_message');
    await q.dropColumn('app_user', 'mail_language');
    await q.dropColumn('app_user', 'reminder_digest');
  }
}
