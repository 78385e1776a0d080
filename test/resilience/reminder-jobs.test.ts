import mysql from 'mysql2/promise';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { recordFigures } from '../support/figures';
import { MailSink } from '../support/mail-sink';
import { gql, signIn, spawnServer, waitFor, type ServerProcess } from './support';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The reminder jobs of two server processes on one MariaDB: each message is
 * queued once, and when the process sending the outbox is killed with
 * SIGKILL halfway through, the other takes the lease over and sends the rest.
 */
describe('reminder jobs when the sending process is killed', () => {
  let db: TestDatabase;
  let sql: mysql.Connection;
  const sink = new MailSink(400);
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    await sink.start();
    db = await createTestDatabase('mysql');
    sql = await mysql.createConnection({ uri: db.url });
    const env = {
      DATABASE_URL: db.url,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: 'Mamori <mamori@example.jp>',
      PUBLIC_URL: 'https://mamori.example.jp',
      REMINDER_DIGEST_HOUR: '0',
      REMINDER_CHECK_EVERY_MS: '300',
    };
    servers.push(await spawnServer(env));
    servers.push(await spawnServer(env));
  });
  afterAll(async () => {
    for (const s of servers) await s.kill('SIGTERM');
    await sql?.end();
    await db?.drop();
    await sink.stop();
  });

  const rows = async <T>(query: string): Promise<T[]> => (await sql.query(query))[0] as T[];

  test('each reminder is queued once and all are sent after the holder of the outbox is killed', async () => {
    const token = await signIn(servers[0]!.url);
    // reportable incidents detected 3 days ago: an alert each, and the preliminary report's deadline in 2 days
    const detectedAt = new Date(Date.now() - 3 * DAY_MS).toISOString();
    for (let i = 0; i < 4; i++) {
      const res = await gql(
        servers[0]!.url,
        'mutation($at: DateTime!) { createIncident(kind: LOSS, detectedAt: $at, description: "書類の紛失", peopleAffected: 2, sensitiveData: true) { id } }',
        { at: detectedAt },
        token,
      );
      expect(res.errors).toBeUndefined();
    }
    // Kill the sender mid-work: some messages delivered, some still waiting.
    const pendingNow = async () => Number((await rows<{ n: number }>("SELECT COUNT(*) AS n FROM mail_message WHERE status = 'PENDING'"))[0]!.n);
    await waitFor(async () => sink.received.length >= 1 && (await pendingNow()) > 0, 30_000, 50);
    const [lease] = await rows<{ holder: string }>("SELECT holder FROM job_lease WHERE name = 'mail-outbox'");
    const holderPid = Number(lease!.holder.split(':')[1]);
    const victim = servers.find((s) => s.child.pid === holderPid)!;
    expect(victim).toBeDefined();
    const survivor = servers.find((s) => s !== victim)!;
    const [queuedAtKill] = await rows<{ pending: number | string; total: number | string }>(
      "SELECT SUM(status = 'PENDING') AS pending, COUNT(*) AS total FROM mail_message",
    );
    const killedAt = Date.now();
    await victim.kill('SIGKILL', 0);

    // Recovered: every incident's alert queued (the killed process may have held the reminder job's lease too) and none pending.
    const recoveredMs = await waitFor(async () => {
      const [counts] = await rows<{ pending: number | string; alerts: number | string }>(
        "SELECT SUM(status = 'PENDING') AS pending, SUM(kind = 'INCIDENT_REPORTABLE') AS alerts FROM mail_message",
      );
      return Number(counts!.pending) === 0 && Number(counts!.alerts) >= 4;
    }, 60_000);
    const [after] = await rows<{ holder: string }>("SELECT holder FROM job_lease WHERE name = 'mail-outbox'");
    expect(Number(after!.holder.split(':')[1])).toBe(survivor.child.pid);

    const stored = await rows<{ dedupe_key: string; kind: string; recipient_id: number }>('SELECT dedupe_key, kind, recipient_id FROM mail_message');
    const digestsPerUser = new Map<number, number>();
    for (const m of stored.filter((m) => m.kind === 'DIGEST')) digestsPerUser.set(m.recipient_id, (digestsPerUser.get(m.recipient_id) ?? 0) + 1);
    expect([...digestsPerUser.values()].every((n) => n === 1)).toBe(true);
    expect(stored.filter((m) => m.kind === 'INCIDENT_REPORTABLE').length).toBeGreaterThanOrEqual(4);

    // at least once: every stored message arrived; at most the one in flight at the kill arrived twice
    const received = sink.received.map((m) => m.messageId);
    const distinct = new Set(received);
    expect(distinct.size).toBe(stored.length);
    expect(received.length - distinct.size).toBeLessThanOrEqual(1);
    expect(Number(queuedAtKill!.pending)).toBeGreaterThan(0);
    recordFigures('reminder-jobs', {
      messages: stored.length,
      pendingAtKill: Number(queuedAtKill!.pending),
      sentAgainAfterKill: received.length - distinct.size,
      secondsToSendTheRest: Math.round((recoveredMs || Date.now() - killedAt) / 100) / 10,
    });
  });
});
