import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, day, id, instant, int, ref, text } from './columns';

/** The personal-information ledger (個人情報管理台帳) and the risk assessment of each of its records. */
export class PersonalInformationLedger1764406000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ledger_record',
        columns: [
          id(),
          text('name', 200),
          text('department', 100),
          text('subject_category', 30),
          text('data_items', 300),
          text('other_data_items', 2000),
          bool('special_care', false),
          int('approximate_records'),
          text('acquisition_method', 30),
          text('purpose_ids', 500),
          text('storage_system', 200, true),
          text('storage_medium', 30),
          text('storage_location', 200),
          text('access_roles', 200),
          text('access_departments', 1000),
          text('retention_period', 200),
          text('disposal_method', 300),
          text('subcontractor_ids', 500),
          bool('third_party_provision', false),
          text('provision_basis', 40, true),
          text('provision_recipients', 500, true),
          bool('foreign_transfer', false),
          text('foreign_country', 2, true),
          text('foreign_transfer_basis', 30, true),
          text('note', 1000, true),
          day('last_reviewed_on'),
          day('next_review_due'),
          instant('retired_at', true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_ledger_record_review', columnNames: ['retired_at', 'next_review_due'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'risk_assessment',
        columns: [
          id(),
          ref('ledger_record_id', false),
          text('stage', 20),
          text('risk_kind', 30),
          text('likelihood', 10),
          text('impact', 10),
          text('measures_in_place', 2000),
          text('residual_risk', 10),
          text('planned_measure', 2000, true),
          ref('reviewer_id', false),
          day('reviewed_on'),
          day('next_assessment_due'),
          instant('retired_at', true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_risk_assessment_record', columnNames: ['ledger_record_id', 'retired_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('risk_assessment');
    await q.dropTable('ledger_record');
  }
}
