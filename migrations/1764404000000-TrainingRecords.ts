import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, id, instant, int, ref, text } from './columns';

/** Training records: the yearly courses and each user's attempts with their comprehension result. */
export class TrainingRecords1764404000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'training_course',
        columns: [id(), text('title', 200), int('fiscal_year'), day('due_on'), instant('retired_at', true), ref('recorded_by_id'), instant('created_at'), instant('updated_at')],
        indices: [new TableIndex({ name: 'IDX_training_course_year', columnNames: ['fiscal_year'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'training_completion',
        columns: [id(), ref('course_id', false), ref('user_id', false), day('completed_on'), text('result', 10), int('score', true), ref('recorded_by_id'), instant('created_at')],
        indices: [new TableIndex({ name: 'IDX_training_completion_course_user', columnNames: ['course_id', 'user_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('training_completion');
    await q.dropTable('training_course');
  }
}
