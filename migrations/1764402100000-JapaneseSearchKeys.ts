import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf } from '../server/src/db/dialect';
import { subjectSearchKeys } from '../server/src/modules/data-subject/search-keys';
import { text } from './columns';

interface SubjectRow {
  id: number;
  full_name: string;
  full_name_kana: string | null;
  email: string | null;
  erased_at: string | null;
}

/**
 * Search keys as Japanese is typed (hiragana = katakana, spaces ignored, long
 * vowels and small kana folded) and the 50-sound sort key of the reading, both
 * compared byte for byte on both databases; every existing subject's keys are
 * rewritten.
 */
export class JapaneseSearchKeys1764402100000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const collation = dialectOf(q.connection.options.type).binaryCollation;
    await q.addColumn('data_subject', new TableColumn({ ...text('reading_key', 210, true), collation }));
    if (collation) await q.changeColumn('data_subject', 'search_text', new TableColumn({ ...text('search_text', 700), collation }));
    const rows: SubjectRow[] = await q.query('SELECT id, full_name, full_name_kana, email, erased_at FROM data_subject');
    for (const row of rows) {
      const keys = row.erased_at === null ? subjectSearchKeys({ fullName: row.full_name, fullNameKana: row.full_name_kana, email: row.email }) : { searchText: '', readingKey: '' };
      await q.query('UPDATE data_subject SET search_text = ?, reading_key = ? WHERE id = ?', [keys.searchText, keys.readingKey, row.id]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('data_subject', 'reading_key');
  }
}
