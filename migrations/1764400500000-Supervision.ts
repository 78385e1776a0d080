import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, day, id, instant, int, longText, ref, text } from './columns';

/** Subcontractors, their confidentiality agreements, supervision reviews and hand-overs of data. */
export class Supervision1764400500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'subcontractor',
        columns: [
          id(),
          text('name', 200),
          text('contact', 300),
          text('entrusted_categories', 300),
          text('entrusted_purposes', 500),
          bool('meets_standards', false),
          day('last_assessed_on', true),
          bool('active', true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'UQ_subcontractor_name', columnNames: ['name'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'confidentiality_agreement',
        columns: [
          id(),
          int('subcontractor_id'),
          day('signed_on'),
          day('effective_from'),
          day('expires_on'),
          text('document_ref', 200),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_confidentiality_agreement_subcontractor', columnNames: ['subcontractor_id', 'expires_on'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'supervision_review',
        columns: [
          id(),
          int('subcontractor_id'),
          day('reviewed_on'),
          int('reviewer_id'),
          text('result', 20),
          longText('findings'),
          longText('corrective_actions'),
          day('next_review_due'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_supervision_review_subcontractor', columnNames: ['subcontractor_id', 'reviewed_on'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'entrustment',
        columns: [
          id(),
          int('subcontractor_id'),
          text('data_categories', 300),
          text('data_items', 2000),
          int('subject_count'),
          text('purpose_ids', 500),
          day('handed_over_on'),
          day('ends_on'),
          text('note', 1000, true),
          day('closed_on', true),
          text('certificate_kind', 20, true),
          text('certificate_ref', 200, true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_entrustment_subcontractor', columnNames: ['subcontractor_id', 'closed_on'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['entrustment', 'supervision_review', 'confidentiality_agreement', 'subcontractor']) await q.dropTable(table);
  }
}
