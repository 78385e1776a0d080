import { databaseKinds } from './support/databases';
import { startServer, type TestServer } from './support/server';
import { auditSince, codeOf, lastAuditId, signIn, type Tokens } from './support/case-workflow';

const PASSWORD = 'a-new-password-2026';

/** Who gave whom which role, deactivated or reset whom: every change of an account is in the audit trail. */
describe.each(databaseKinds())('changes of user accounts on %s', (kind) => {
  let s: TestServer;
  let t: Tokens;
  let userId: string;

  beforeAll(async () => {
    s = await startServer(kind);
    t = await signIn(s);
  });
  afterAll(() => s?.close());

  const userEntries = async (since: number) => (await auditSince(s, since)).filter((e) => e.entity_type === 'User');

  test('creating an account writes a CREATE entry naming the role, never the password', async () => {
    const before = await lastAuditId(s);
    const res = await s.gql(
      'mutation($p: String!) { createUser(email: "new.hire@mamori.example", displayName: "新入社員 山本", role: STAFF, department: "お客様相談室", password: $p) { id } }',
      { p: PASSWORD },
      t.manager,
    );
    expect(res.errors).toBeUndefined();
    userId = res.data!.createUser.id;
    const [entry, ...more] = await userEntries(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'CREATE', entity_id: userId, outcome: 'ALLOWED', reason: 'created as STAFF' });
    expect(entry!.fields.split(',').sort()).toEqual(['department', 'displayName', 'email', 'role']);
    const stored = JSON.stringify(await s.sql('SELECT * FROM audit_entry WHERE id > ?', [before]));
    expect(stored).not.toContain(PASSWORD);
  });

  test('a role change and a deactivation name the fields and what changed', async () => {
    let before = await lastAuditId(s);
    expect((await s.gql('mutation($id: ID!) { updateUser(id: $id, role: SUPERVISOR) { role } }', { id: userId }, t.manager)).errors).toBeUndefined();
    let entries = await userEntries(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'UPDATE', entity_id: userId, reason: 'role STAFF → SUPERVISOR' });
    expect(entries[0]!.fields.split(',')).toEqual(['role']);

    before = await lastAuditId(s);
    expect((await s.gql('mutation($id: ID!) { updateUser(id: $id, active: false) { active } }', { id: userId }, t.manager)).errors).toBeUndefined();
    entries = await userEntries(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'UPDATE', reason: 'deactivated' });
    expect(entries[0]!.fields.split(',')).toEqual(['active']);
  });

  test('sending the values an account already has changes nothing and writes nothing', async () => {
    const before = await lastAuditId(s);
    const res = await s.gql('mutation($id: ID!) { updateUser(id: $id, role: SUPERVISOR, active: false) { role } }', { id: userId }, t.manager);
    expect(res.errors).toBeUndefined();
    expect(await userEntries(before)).toEqual([]);
  });

  test('a password reset, an unlock and a two-factor reset are audited without the password', async () => {
    const before = await lastAuditId(s);
    expect((await s.gql('mutation($id: ID!) { updateUser(id: $id, active: true) { active } }', { id: userId }, t.manager)).errors).toBeUndefined();
    expect((await s.gql('mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) { id } }', { id: userId, p: `${PASSWORD}-2` }, t.manager)).errors).toBeUndefined();
    expect((await s.gql('mutation($id: ID!) { unlockUser(id: $id) { id } }', { id: userId }, t.manager)).errors).toBeUndefined();
    expect((await s.gql('mutation($id: ID!) { resetUserTwoFactor(id: $id) { id } }', { id: userId }, t.manager)).errors).toBeUndefined();
    const entries = await userEntries(before);
    expect(entries.map((e) => [e.action, e.fields.split(','), e.reason])).toEqual([
      ['UPDATE', ['active'], 'reactivated'],
      ['UPDATE', ['password'], 'password reset by the privacy manager'],
      ['UPDATE', ['lockedUntil'], 'unlocked'],
      ['UPDATE', ['twoFactor'], 'two-factor sign-in reset'],
    ]);
    expect(JSON.stringify(await s.sql('SELECT * FROM audit_entry WHERE id > ?', [before]))).not.toContain(`${PASSWORD}-2`);
  });

  test('changing one’s own password is audited as that user; a refused change writes no UPDATE', async () => {
    const token = await s.login('new.hire@mamori.example', `${PASSWORD}-2`);
    let before = await lastAuditId(s);
    const wrong = await s.gql('mutation { changePassword(currentPassword: "not-the-password", newPassword: "whatever-else-2026") { id } }', {}, token);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect((await userEntries(before)).filter((e) => e.action === 'UPDATE')).toEqual([]);

    before = await lastAuditId(s);
    const ok = await s.gql('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }', { c: `${PASSWORD}-2`, n: `${PASSWORD}-3` }, token);
    expect(ok.errors).toBeUndefined();
    const [row] = await s.sql<{ actor_id: number; fields: string; reason: string }>('SELECT actor_id, fields, reason FROM audit_entry WHERE id > ? AND entity_type = ?', [before, 'User']);
    expect(Number(row!.actor_id)).toBe(Number(userId));
    expect(row).toMatchObject({ reason: 'own password changed' });
  });
});
