import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, id, instant, ref, text } from './columns';

/** Records of personal data received from third parties, with the provider's confirmation (APPI art. 30). */
export class ReceivedData1764404100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'received_data_record',
        columns: [
          id(),
          text('provider_name', 200),
          text('provider_address', 300),
          text('provider_representative', 100, true),
          text('acquisition_method', 1000),
          day('received_on'),
          text('items', 2000),
          text('subject_category', 30),
          text('note', 1000, true),
          ref('recorded_by_id'),
          instant('created_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_received_data_record_received_on', columnNames: ['received_on'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('received_data_record');
  }
}
