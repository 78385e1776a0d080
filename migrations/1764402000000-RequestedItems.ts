import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { day, instant, int, ref, text } from './columns';

/**
 * Requested items that mean something: the free-text `data_items` of a case
 * become the policy's items ({ item, description }); known words (Japanese or
 * English) map to their item, anything else is kept as OTHER with the text as
 * its description. Also the method of disclosure, the period of a request for
 * provision records, and the organisation profile (one row, empty until filled).
 * The word list is frozen here on purpose: a migration must not change with the code.
 */
const WORDS: Record<string, string[]> = {
  NAME: ['氏名', '名前', 'お名前', '姓名', 'フリガナ', 'ふりがな', '氏名(フリガナ)', 'name', 'fullname', 'full name'],
  ADDRESS: ['住所', 'ご住所', '所在地', '郵便番号', '住所・郵便番号', 'address', 'postal address', 'postal code', 'postcode'],
  TELEPHONE: ['電話番号', '電話', '携帯電話', '携帯電話番号', '連絡先電話番号', 'telephone', 'telephone number', 'phone', 'phone number', 'tel'],
  PLACE_OF_WORK: ['勤務先', '会社名', '勤務先名', '所属', '所属部署', '部署', '役職', '勤務先(会社名・所属・役職)', 'place of work', 'workplace', 'company', 'employer', 'division', 'title'],
  EMAIL: ['メールアドレス', 'メール', '電子メール', 'eメール', 'eメールアドレス', '電子メールアドレス', 'email', 'e-mail', 'email address', 'e-mail address', 'mail address'],
};
const key = (word: string) => word.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const ITEM_OF = new Map(Object.entries(WORDS).flatMap(([item, words]) => words.map((w) => [key(w), item] as const)));

interface Item {
  item: string;
  description: string | null;
}

/** One case's old items as new ones, duplicates dropped (two words for one item count once). */
export function mapOldItems(old: string[]): Item[] {
  const items: Item[] = [];
  for (const word of old) {
    const text = word.trim();
    if (!text) continue;
    const item = ITEM_OF.get(key(text));
    const next = item ? { item, description: null } : { item: 'OTHER', description: text.slice(0, 100) };
    if (!items.some((i) => i.item === next.item && i.description === next.description)) items.push(next);
  }
  return items;
}

export class RequestedItems1764402000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    const rows: Array<{ id: number; data_items: string }> = await q.query('SELECT id, data_items FROM request_case');
    for (const row of rows) {
      const old = JSON.parse(row.data_items || '[]') as unknown[];
      if (old.every((i) => typeof i === 'object')) continue;
      const items = mapOldItems(old.map(String));
      await q.query('UPDATE request_case SET data_items = ? WHERE id = ?', [JSON.stringify(items), row.id]);
    }
    await q.addColumns('request_case', [
      new TableColumn({ ...text('disclosure_method', 30), default: "'REGISTERED_MAIL'" }),
      new TableColumn(day('period_from', true)),
      new TableColumn(day('period_to', true)),
    ]);
    await q.createTable(
      new Table({
        name: 'organisation_profile',
        columns: [
          { ...int('id'), isPrimary: true },
          text('name_ja', 200, true),
          text('name_en', 200, true),
          text('postal_code', 8, true),
          text('postal_address', 300, true),
          text('responsible_department', 200, true),
          text('responsible_title', 200, true),
          text('responsible_department_en', 200, true),
          text('responsible_title_en', 200, true),
          text('contact_email', 254, true),
          text('request_address', 300, true),
          text('date_style', 20),
          instant('updated_at', true),
          ref('updated_by_id'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('organisation_profile');
    for (const column of ['period_to', 'period_from', 'disclosure_method']) await q.dropColumn('request_case', column);
    const rows: Array<{ id: number; data_items: string }> = await q.query('SELECT id, data_items FROM request_case');
    for (const row of rows) {
      const items = JSON.parse(row.data_items || '[]') as Item[];
      const words = items.map((i) => i.description ?? i.item);
      await q.query('UPDATE request_case SET data_items = ? WHERE id = ?', [JSON.stringify(words), row.id]);
    }
  }
}
