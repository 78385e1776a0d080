import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, day, id, instant, int, longText, ref, text } from './columns';

/** Data subjects, purposes of use, consents, and the case (request) that gives staff need-to-know. */
export class PersonalData1764400002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'data_subject',
        columns: [
          id(),
          text('category', 30),
          text('full_name', 100),
          text('full_name_kana', 100, true),
          text('postal_code', 8, true),
          text('postal_address', 300, true),
          text('phone', 20, true),
          text('email', 254, true),
          text('company', 200, true),
          text('division', 200, true),
          text('title', 100, true),
          // NFKC-normalised, lower-cased name, kana and e-mail, for search
          text('search_text', 700),
          bool('restricted', false),
          bool('provision_stopped', false),
          instant('erased_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_data_subject_category', columnNames: ['category'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'purpose_of_use',
        columns: [
          id(),
          text('code', 50),
          text('title', 200),
          text('title_ja', 200),
          longText('description'),
          text('categories', 300),
          bool('active', true),
        ],
        indices: [new TableIndex({ name: 'UQ_purpose_of_use_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'consent',
        columns: [
          id(),
          int('subject_id'),
          int('purpose_id'),
          day('consented_on'),
          text('method', 20),
          instant('withdrawn_at', true),
          ref('recorded_by_id'),
          instant('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_consent_subject', columnNames: ['subject_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'request_case',
        columns: [
          id(),
          text('reference', 20),
          text('type', 40),
          text('requester', 20),
          text('requester_name', 100),
          text('representative_name', 100, true),
          text('reply_address', 300),
          text('channel', 20),
          day('received_on'),
          ref('subject_id'),
          bool('no_matching_data', false),
          ref('assignee_id'),
          ref('recorded_by_id'),
          text('data_items', 2000),
          int('fee_yen', false, 0),
          bool('has_request_form', false),
          text('identity_document', 30, true),
          bool('has_proxy_letter', false),
          day('seal_certificate_issued_on', true),
          text('status', 20),
          text('non_disclosure_reasons', 500),
          day('replied_on', true),
          day('completed_on', true),
          instant('documents_destroyed_at', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_request_case_reference', columnNames: ['reference'], isUnique: true }),
          new TableIndex({ name: 'IDX_request_case_assignee', columnNames: ['assignee_id', 'status'] }),
          new TableIndex({ name: 'IDX_request_case_subject', columnNames: ['subject_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['request_case', 'consent', 'purpose_of_use', 'data_subject']) await q.dropTable(table);
  }
}
