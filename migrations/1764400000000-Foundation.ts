import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, text } from './columns';

/** Users and sign-in. */
export class Foundation1764400000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          id(),
          text('email', 254),
          text('display_name', 100),
          text('role', 20),
          bool('active', true),
          text('password_hash', 255),
          int('failed_logins', false, 0),
          instant('locked_until', true),
          int('token_version', false, 0),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_app_user_email', columnNames: ['email'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('app_user');
  }
}
