import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, id, instant, int, longText, ref, text } from './columns';

/** Management review: top management's reviews of the management system, their inputs as presented, and the actions decided. */
export class ManagementReview1764407000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'management_review',
        columns: [
          id(),
          int('fiscal_year'),
          text('title', 200),
          day('period_from'),
          day('period_to'),
          day('planned_on'),
          day('held_on', true),
          text('participants', 3500),
          text('law_changes', 2000, true),
          text('other_inputs', 2000, true),
          text('conclusions', 2000, true),
          text('status', 10),
          longText('inputs_snapshot'),
          day('closed_on', true),
          ref('closed_by_id'),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_management_review_year', columnNames: ['fiscal_year'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'management_review_action',
        columns: [
          id(),
          ref('review_id', false),
          text('description', 2000),
          ref('owner_id', false),
          day('due_on'),
          text('status', 10),
          day('done_on', true),
          text('result', 2000, true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_management_review_action_review', columnNames: ['review_id'] }),
          new TableIndex({ name: 'IDX_management_review_action_due', columnNames: ['status', 'due_on'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('management_review_action');
    await q.dropTable('management_review');
  }
}
