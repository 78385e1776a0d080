import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, day, id, instant, int, longText, ref, text } from './columns';

/** The incident register (leaks, losses, ...) and the measures taken for each incident. */
export class IncidentRegister1764400501000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'incident',
        columns: [
          id(),
          text('reference', 20),
          text('kind', 30),
          instant('detected_at'),
          longText('description', false),
          int('people_affected', false, 0),
          bool('sensitive_data', false),
          bool('financial_loss_risk', false),
          bool('wrongful_purpose', false),
          ref('subcontractor_id'),
          day('preliminary_reported_on', true),
          day('final_reported_on', true),
          day('individuals_notified_on', true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_incident_reference', columnNames: ['reference'], isUnique: true }),
          new TableIndex({ name: 'IDX_incident_detected_at', columnNames: ['detected_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'incident_measure',
        columns: [
          id(),
          int('incident_id'),
          text('description', 1000),
          text('status', 20),
          day('due_on', true),
          day('done_on', true),
          ref('recorded_by_id'),
          instant('created_at'),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_incident_measure_incident', columnNames: ['incident_id', 'status'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['incident_measure', 'incident']) await q.dropTable(table);
  }
}
