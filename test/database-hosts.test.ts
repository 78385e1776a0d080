import 'reflect-metadata';
import { openDatabase } from '../server/src/db/data-source';
import { splitHosts } from '../server/src/db/hosts';
import { notReadyReason } from '../server/src/db/readiness';
import { entities } from '../server/src/modules';
import { createTestDatabase, databaseKinds } from './support/databases';

describe('several hosts in DATABASE_URL', () => {
  test('are split into the first host (for URL parsers) and every host in order', () => {
    expect(splitHosts('mysql://u:p%40ss@db1:3311,db2,10.0.0.3:3313/mamori?ssl=true')).toEqual({
      url: 'mysql://u:p%40ss@db1:3311/mamori?ssl=true',
      hosts: [
        { host: 'db1', port: 3311 },
        { host: 'db2', port: 3306 },
        { host: '10.0.0.3', port: 3313 },
      ],
    });
  });

  test.each(databaseKinds().filter((k) => k === 'mysql'))('on %s, a host that refuses connections is passed over for the next', async (kind) => {
    const database = await createTestDatabase(kind);
    // port 1 on loopback refuses at once: a node that is down
    const url = database.url.replace('@127.0.0.1:', '@127.0.0.1:1,127.0.0.1:');
    const db = await openDatabase(url, entities);
    try {
      const rows = await Promise.all(Array.from({ length: 5 }, () => db.manager.query('SELECT 1 AS one')));
      expect(rows.map(([r]) => Number(r.one))).toEqual([1, 1, 1, 1, 1]);
      expect(await notReadyReason(db)).toBeNull(); // a single server, neither read-only nor a cluster node
    } finally {
      await db.source.destroy();
      await database.drop();
    }
  });
});
