import { createTestDatabase, databaseKinds } from './support/databases';
import { MailSink } from './support/mail-sink';
import { AUDITOR, MANAGER, STAFF, startServer, type TestServer } from './support/server';

const PUBLIC_URL = 'https://mamori.example.jp';
const DAY_MS = 24 * 60 * 60 * 1000;

/** 09:00 in Japan on the day `days` from now: after the digest hour. */
function japanMorning(days: number): string {
  const day = new Date(Date.now() + 9 * 3600 * 1000 + days * DAY_MS).toISOString().slice(0, 10);
  return `${day}T00:00:00.000Z`;
}

const mailOverrides = (port: number) => ({
  publicUrl: PUBLIC_URL,
  mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Mamori <mamori@example.jp>', digestHour: 8, checkEveryMs: 60_000 },
});

const tick = (s: TestServer) => s.app.services.reminderScheduler!.tick();

async function personalValues(s: TestServer, manager: string): Promise<string[]> {
  const res = await s.gql('{ allDataSubjects(perPage: 100) { fullName fullNameKana email phone postalAddress } }', {}, manager);
  return (res.data!.allDataSubjects as Array<Record<string, string | null>>).flatMap((row) => Object.values(row).filter((v): v is string => !!v && v.length > 3));
}

describe.each(databaseKinds())('e-mail reminders on %s', (kind) => {
  let sink: MailSink;
  let s: TestServer;
  let manager: string;
  let staff: string;

  beforeAll(async () => {
    sink = new MailSink();
    await sink.start();
    s = await startServer(kind, mailOverrides(sink.port));
  });

  /** Signs in again after the clock moved (tokens last hours, the tests move days). */
  async function signIn(): Promise<void> {
    manager = await s.login(MANAGER);
    staff = await s.login(STAFF);
  }

  afterAll(async () => {
    await s?.close();
    await sink?.stop();
  });

  test("each user gets one digest a day of what is theirs: references, counts and links, no personal data", async () => {
    s.clock.set(japanMorning(12));
    await signIn();
    const staffDashboard = (await s.gql('{ dashboard { today cases { overdueCount dueSoonCount overdue { id reference } dueSoon { id reference } } } }', {}, staff)).data!.dashboard;
    const due = [...staffDashboard.cases.overdue, ...staffDashboard.cases.dueSoon] as Array<{ id: string; reference: string }>;
    expect(due.length).toBeGreaterThan(0);

    await tick(s);
    await tick(s); // the same day again: nothing twice
    const [staffMail, ...moreForStaff] = sink.to(STAFF);
    expect(moreForStaff).toHaveLength(0);
    expect(staffMail!.subject).toContain(staffDashboard.today);
    for (const c of due) {
      expect(staffMail!.text).toContain(c.reference);
      expect(staffMail!.text).toContain(`${PUBLIC_URL}/#/Case/${c.id}/show`);
    }
    const managerMails = sink.to(MANAGER).filter((m) => m.subject?.includes('リマインダー'));
    expect(managerMails).toHaveLength(1);
    expect(managerMails[0]!.text).toMatch(/担当者未割当の案件: \d+件|期限を過ぎた案件/);
    expect(managerMails[0]!.text).toMatch(/期限を過ぎた是正処置: [1-9]\d*件/);
    // the auditor's digest: the corrective actions it watches, not the cases others work
    const auditorMails = sink.to(AUDITOR);
    expect(auditorMails).toHaveLength(1);
    expect(auditorMails[0]!.text).toMatch(/期限を過ぎた是正処置: [1-9]\d*件/);
    expect(auditorMails[0]!.text).not.toContain('期限を過ぎた案件');

    const personal = await personalValues(s, manager);
    expect(personal.length).toBeGreaterThan(5);
    for (const mail of sink.received) for (const value of personal) expect(`${mail.subject}\n${mail.text}`).not.toContain(value);
  });

  test('a user sees and turns off their digest, and chooses its language', async () => {
    await signIn();
    expect((await s.gql('{ myReminderSettings { digest language } }', {}, staff)).data!.myReminderSettings).toEqual({ digest: true, language: 'ja' });
    const off = await s.gql('mutation { updateMyReminderSettings(digest: false) { digest language } }', {}, staff);
    expect(off.data!.updateMyReminderSettings).toEqual({ digest: false, language: 'ja' });
    await s.gql('mutation { updateMyReminderSettings(language: en) { digest } }', {}, manager);
    const nothing = await s.gql('mutation { updateMyReminderSettings { digest } }', {}, staff);
    expect(nothing.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const wrongLanguage = await s.gql('mutation { updateMyReminderSettings(language: fr) { digest } }', {}, staff);
    expect(wrongLanguage.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const before = sink.received.length;
    s.clock.set(japanMorning(13));
    await tick(s);
    const fresh = sink.received.slice(before);
    expect(fresh.filter((m) => sink.to(STAFF).includes(m))).toHaveLength(0);
    const managerDigest = fresh.find((m) => sink.to(MANAGER).includes(m) && m.subject?.startsWith('[Mamori] Reminders'));
    expect(managerDigest?.text).toContain('These need your attention today.');
  });

  test('a reportable incident alerts the managers at once, and again as each report deadline approaches', async () => {
    await signIn();
    const detectedAt = s.clock.now().toISOString();
    const created = await s.gql(
      'mutation($at: DateTime!) { createIncident(kind: LEAK, detectedAt: $at, description: "誤送信", peopleAffected: 3, sensitiveData: true) { id reference preliminaryReportDueOn } }',
      { at: detectedAt },
      manager,
    );
    const incident = created.data!.createIncident as { id: string; reference: string; preliminaryReportDueOn: string };
    await tick(s);
    const alerts = () => sink.to(MANAGER).filter((m) => m.subject?.includes(incident.reference));
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]!.subject).toBe(`[Mamori] Reportable incident: ${incident.reference}`);
    expect(alerts()[0]!.text).toContain(`${PUBLIC_URL}/#/Incident/${incident.id}/show`);

    s.clock.advance(2 * DAY_MS); // three days left of the preliminary report's five
    await tick(s);
    await tick(s);
    expect(alerts()).toHaveLength(2);
    expect(alerts()[1]!.subject).toContain(`preliminary report is due on ${incident.preliminaryReportDueOn}`);
  });

  test('a failed send stays in the outbox, is counted and retried, and arrives once the mail server is back', async () => {
    const port = sink.port;
    await sink.stop();
    const before = sink.received.length;
    s.clock.advance(DAY_MS);
    await tick(s);
    const [waiting] = await s.sql("SELECT COUNT(*) AS n, MAX(attempts) AS attempts, MAX(last_error) AS code FROM mail_message WHERE status = 'PENDING'");
    expect(Number(waiting.n)).toBeGreaterThan(0);
    expect(Number(waiting.attempts)).toBe(1);
    expect(waiting.code).toMatch(/^(ECONNREFUSED|ESOCKET|ECONNECTION)$/);
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    expect(metrics).toMatch(/mamori_mail_send_failures_total [1-9]/);

    await sink.start(port);
    await tick(s); // not yet due again: nothing sent
    expect(sink.received.length).toBe(before);
    s.clock.advance(60_000);
    await tick(s);
    await tick(s);
    expect(sink.received.length - before).toBe(Number(waiting.n));
    const [left] = await s.sql("SELECT COUNT(*) AS n FROM mail_message WHERE status = 'PENDING'");
    expect(Number(left.n)).toBe(0);
  });
});

// several server processes share one MySQL/MariaDB database (docs/scaling.md), not one SQLite file
describe.each(databaseKinds().includes('mysql') ? ['mysql' as const] : [])('reminders with two servers on one %s database', (kind) => {
  test('each reminder is sent once, whichever server runs the job', async () => {
    const sink = new MailSink();
    await sink.start();
    const db = await createTestDatabase(kind);
    const first = await startServer(kind, mailOverrides(sink.port), { url: db.url, drop: async () => undefined });
    const second = await startServer(kind, mailOverrides(sink.port), { url: db.url, drop: async () => undefined });
    try {
      for (const server of [first, second]) server.clock.set(japanMorning(12));
      await Promise.all([tick(first), tick(second), tick(first), tick(second)]);
      // whichever held the outbox lease sent; the other stood by: a second round sends the rest
      await Promise.all([tick(first), tick(second)]);
      const [queued] = await first.sql('SELECT COUNT(*) AS n FROM mail_message');
      expect(Number(queued.n)).toBeGreaterThan(0);
      const keys = sink.received.map((m) => m.messageId);
      expect(new Set(keys).size).toBe(keys.length);
      expect(sink.received.length).toBe(Number(queued.n));
    } finally {
      await first.close();
      await second.close();
      await db.drop();
      await sink.stop();
    }
  });
});
