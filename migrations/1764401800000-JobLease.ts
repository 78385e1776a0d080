import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { text } from './columns';

/**
 * Leases of cluster-wide singletons (the audit chain's linker, scheduled jobs):
 * one row per name, claimed with a conditional UPDATE, so it works on one
 * server and on multi-primary clusters alike (see server/src/db/lease.ts).
 */
export class JobLease1764401800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'job_lease',
        columns: [
          { ...text('name', 100), isPrimary: true },
          text('holder', 100),
          // milliseconds since the epoch, by the database's clock
          { name: 'expires_at', type: 'bigint', isNullable: false, default: 0 },
          // the last run a once-per-period job completed (e.g. a Japan day)
          text('done_key', 100, true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('job_lease');
  }
}
