import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { text } from './columns';

/** Each user's department (部署): training is followed per department, and an internal auditor may not audit their own. */
export class UserDepartment1764405000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('app_user', new TableColumn(text('department', 60, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('app_user', 'department');
  }
}
