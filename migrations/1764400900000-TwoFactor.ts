import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, int, longText, text } from './columns';

/** TOTP two-factor sign-in: the encrypted secret, replay guard and hashed recovery codes. */
export class TwoFactor1764400900000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('app_user', [
      new TableColumn(text('totp_secret', 200, true)),
      new TableColumn(bool('totp_enabled', false)),
      new TableColumn(int('totp_last_step', true)),
      new TableColumn(longText('recovery_codes')),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['recovery_codes', 'totp_last_step', 'totp_enabled', 'totp_secret']) await q.dropColumn('app_user', column);
  }
}
