import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';
import { buildBareSchema } from '../server/src/graphql/schema';
import { databaseKinds } from './support/databases';
import { recordFigures } from './support/figures';
import {
  COLUMNS,
  committedMatrix,
  operationFor,
  personalPaths,
  rootFields,
  type Column,
  type Operation,
  type PersonalPath,
  type RootKind,
} from './support/schema-operations';
import { AUDITOR, DEMO_PASSWORD, MANAGER, STAFF, SUPERVISOR, startServer, type GraphQLResponse, type TestServer } from './support/server';

const PERSONAL = PERSONAL_DATA_FIELDS as Record<string, readonly string[]>;
const EMAIL: Record<Exclude<Column, 'anonymous'>, string> = { PRIVACY_MANAGER: MANAGER, STAFF, SUPERVISOR, AUDITOR };
/** Actions whose entry covers personal data that left the server in the same request. */
const COVERING = new Set(['READ', 'BREAK_GLASS', 'CREATE', 'UPDATE', 'ERASE']);
const SENTENCE = 'The requester telephoned and this record must be checked at once for the reply.';

/**
 * Arguments whose placeholder would be refused by the operation itself with an
 * authentication error (a wrong password is UNAUTHENTICATED by contract), so
 * the outcome would not tell the permission layer apart. Everything else is
 * built from the argument types.
 */
const CREDENTIALS: Record<string, Record<string, unknown>> = {
  login: { email: MANAGER, password: DEMO_PASSWORD },
  // the right current password with a too-short new one: BAD_USER_INPUT, nothing changes
  changePassword: { currentPassword: DEMO_PASSWORD, newPassword: 'x' },
};

interface AuditRow {
  request_id: string;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  subject_id: number | null;
  fields: string;
  outcome: string;
}

const requestId = () => `pm-${randomBytes(12).toString('hex')}`;
const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions.code);

async function send(s: TestServer, op: Operation, token: string | undefined): Promise<GraphQLResponse & { requestId: string }> {
  const id = requestId();
  const res = await s.gql(op.query, op.variables, token, { 'x-request-id': id });
  return { ...res, requestId: id };
}

async function entriesOf(s: TestServer, requestIds: string[]): Promise<Map<string, AuditRow[]>> {
  const byRequest = new Map<string, AuditRow[]>(requestIds.map((id) => [id, []]));
  for (let i = 0; i < requestIds.length; i += 200) {
    const chunk = requestIds.slice(i, i + 200);
    const rows = await s.sql<AuditRow>(
      `SELECT request_id, action, entity_type, entity_id, subject_id, fields, outcome FROM audit_entry WHERE request_id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const r of rows) byRequest.get(r.request_id)?.push({ ...r, subject_id: r.subject_id === null ? null : Number(r.subject_id) });
  }
  return byRequest;
}

describe('the committed permission matrix', () => {
  test('names exactly the queries and mutations of the built schema', async () => {
    const schema = await buildBareSchema();
    const matrix = committedMatrix();
    for (const root of ['Query', 'Mutation'] as const) {
      const inSchema = rootFields(schema, root).map((f) => f.name).sort();
      expect({ root, operations: [...matrix[root].keys()].sort() }).toEqual({ root, operations: inSchema });
    }
  });
});

describe.each(databaseKinds())('the permission matrix, called for real on %s', (kind) => {
  let s: TestServer;
  let schema: GraphQLSchema;
  const tokens: Partial<Record<Column, string>> = {};
  const matrix = committedMatrix();
  const tally = { tests: 9, testsPassed: 0, calls: 0, allowed: 0, denied: 0, personalPaths: 0, personalRequests: 0, valuesAudited: 0, refusalsAudited: 0 };

  beforeAll(async () => {
    schema = await buildBareSchema();
    s = await startServer(kind);
    for (const [column, email] of Object.entries(EMAIL)) tokens[column as Column] = await s.login(email);
  });
  afterAll(async () => {
    const { tests, testsPassed, calls, allowed, denied, ...paths } = tally;
    recordFigures(`permission-matrix-${kind}`, { tests, testsPassed, calls, allowed, denied });
    recordFigures(`permission-paths-${kind}`, { tests, testsPassed, ...paths });
    await s?.close();
  });

  const takesCredential = (root: RootKind, name: string) =>
    rootFields(schema, root)
      .find((f) => f.name === name)!
      .args.some((a) => /password|code|totp/i.test(a.name));

  test.each(COLUMNS)('every query and mutation called as %s has the outcome docs/permissions.md gives', async (column) => {
    const token = tokens[column];
    const calls: Array<{ root: RootKind; name: string; allowed: boolean; res: GraphQLResponse & { requestId: string } }> = [];
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = rootFields(schema, root);
      for (let i = 0; i < fields.length; i += 6) {
        await Promise.all(
          fields.slice(i, i + 6).map(async (field) => {
            const op = operationFor(root, field, CREDENTIALS[field.name] ?? {});
            const allowed = matrix[root].get(field.name)?.has(column) ?? false;
            calls.push({ root, name: field.name, allowed, res: await send(s, op, token) });
          }),
        );
      }
    }
    const audit = await entriesOf(s, calls.map((c) => c.res.requestId));
    const wrong: string[] = [];
    for (const { root, name, allowed, res } of calls) {
      const got = codes(res);
      const operationDenials = audit.get(res.requestId)!.filter((e) => e.action === 'ACCESS_DENIED' && e.entity_type === 'Operation');
      const label = `${root}.${name} as ${column}`;
      if (res.status >= 500) wrong.push(`${label}: HTTP ${res.status}`);
      if (allowed) {
        // A signed-in caller's UNAUTHENTICATED can only be the operation's own verdict on a credential it was given (a wrong code).
        const credentialVerdict = column !== 'anonymous' && takesCredential(root, name);
        if (got.includes('FORBIDDEN') || (got.includes('UNAUTHENTICATED') && !credentialVerdict)) wrong.push(`${label}: allowed by the matrix but ${got.join(',')}`);
        if (operationDenials.length) wrong.push(`${label}: allowed by the matrix but an operation denial was audited`);
      } else if (column === 'anonymous') {
        if (!got.includes('UNAUTHENTICATED')) wrong.push(`${label}: denied by the matrix but ${got.join(',') || 'no error'}`);
        if (audit.get(res.requestId)!.length) wrong.push(`${label}: an anonymous refusal touched the audit log`);
      } else {
        if (!got.includes('FORBIDDEN')) wrong.push(`${label}: denied by the matrix but ${got.join(',') || 'no error'}`);
        if (operationDenials.length !== 1) wrong.push(`${label}: denied, with ${operationDenials.length} ACCESS_DENIED entries instead of 1`);
      }
      if (res.data && res.data[name] !== null && res.data[name] !== undefined && !allowed) wrong.push(`${label}: denied but returned data`);
      tally.calls++;
      if (allowed) tally.allowed++;
      else tally.denied++;
    }
    expect(wrong).toEqual([]);
    expect(calls.length).toBe(matrix.Query.size + matrix.Mutation.size);
    tally.testsPassed++;
  });

  describe('every personal-data field through every path', () => {
    let staffId: number;
    let paths: PersonalPath[];
    /** Known personal values, with the entities they belong to ("DataSubject#3", "Case#7"). */
    const owners = new Map<string, Set<string>>();
    const idPools = new Map<string, string[]>();

    beforeAll(async () => {
      paths = personalPaths(schema);
      tally.personalPaths = paths.length;
      [{ id: staffId }] = await s.sql('SELECT id FROM app_user WHERE email = ?', [STAFF]);
      staffId = Number(staffId);
      const subjects = await s.sql(`SELECT * FROM data_subject`);
      const cases = await s.sql(`SELECT * FROM request_case`);
      const add = (value: unknown, owner: string) => {
        if (typeof value !== 'string' || value.length < 4 || value === '[erased]') return;
        if (!owners.has(value)) owners.set(value, new Set());
        owners.get(value)!.add(owner);
      };
      const column = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const row of subjects) for (const f of PERSONAL.DataSubject!) add(row[column(f)], `DataSubject#${row.id}`);
      for (const row of cases) for (const f of PERSONAL.Case!) add(row[column(f)], `Case#${row.id}`);
      expect(owners.size).toBeGreaterThan(20);
      // ids of every listable type, through its list query, as the manager sees them
      for (const f of rootFields(schema, 'Query')) {
        const named = getNamedType(f.type);
        const list = isListType(isNonNullType(f.type) ? f.type.ofType : f.type);
        if (!f.name.startsWith('all') || !list || !isObjectType(named) || !('id' in named.getFields())) continue;
        const res = await s.gql(`{ ${f.name}(perPage: 50) { id } }`, {}, tokens.PRIVACY_MANAGER);
        idPools.set(named.name, ((res.data?.[f.name] as Array<{ id: string }>) ?? []).map((r) => r.id));
      }
    });

    /** Open cases assigned to the staff member decide which subjects they may read; their cases are those assigned or recorded. */
    async function staffView(): Promise<{ subjects: Set<number>; cases: Set<number> }> {
      const open = await s.sql(
        "SELECT c.subject_id FROM request_case c JOIN data_subject d ON d.id = c.subject_id WHERE c.assignee_id = ? AND c.status <> 'CLOSED' AND d.restricted = 0",
        [staffId],
      );
      const mine = await s.sql('SELECT id FROM request_case WHERE assignee_id = ? OR recorded_by_id = ?', [staffId, staffId]);
      return { subjects: new Set(open.map((r) => Number(r.subject_id))), cases: new Set(mine.map((r) => Number(r.id))) };
    }

    /** Id pools for the staff member: one the rules let them read, one they do not. */
    async function staffPools(): Promise<Record<'visible' | 'hidden', Map<string, string[]>>> {
      const view = await staffView();
      const allCases = idPools.get('Case') ?? [];
      const allSubjects = idPools.get('DataSubject') ?? [];
      const casesAbout = await s.sql('SELECT id, subject_id FROM request_case WHERE assignee_id = ? AND subject_id IS NOT NULL', [staffId]);
      const visible = new Map(idPools);
      visible.set('Case', casesAbout.filter((c) => view.subjects.has(Number(c.subject_id))).map((c) => String(c.id)));
      visible.set('DataSubject', [...view.subjects].map(String));
      const hidden = new Map(idPools);
      hidden.set('Case', allCases.filter((id) => !view.cases.has(Number(id))));
      hidden.set('DataSubject', allSubjects.filter((id) => !view.subjects.has(Number(id))));
      return { visible, hidden };
    }

    const ALIASES: Record<string, string> = { subject: 'DataSubject', assignee: 'User', reviewer: 'User', entry: 'AuditEntry', purpose: 'PurposeOfUse' };

    /** The type an `id` argument names: the return type, or for text (`caseReplyLetter`) the type the field's name starts with. */
    function ownerType(field: GraphQLField<unknown, unknown>): string {
      const named = getNamedType(field.type);
      if (isObjectType(named)) return named.name;
      const candidates = Object.keys(schema.getTypeMap()).filter((t) => field.name.startsWith(t.charAt(0).toLowerCase() + t.slice(1)));
      return candidates.sort((a, b) => b.length - a.length)[0] ?? named.name;
    }

    /** Argument values: real ids of the type an argument names, a reason-like sentence for strings, placeholders otherwise. */
    function argumentsFor(field: GraphQLField<unknown, unknown>, pools: Map<string, string[]>): Record<string, unknown> {
      const values: Record<string, unknown> = {};
      for (const a of field.args) {
        if (!(isNonNullType(a.type) && a.defaultValue === undefined)) continue;
        const named = getNamedType(a.type);
        if (named.name === 'ID') {
          const base = a.name === 'id' ? ownerType(field) : a.name.replace(/Ids?$/, '');
          const type = ALIASES[base] ?? (schema.getType(base) ? base : base.charAt(0).toUpperCase() + base.slice(1));
          const pool = pools.get(type);
          if (pool?.length) values[a.name] = isListType(isNonNullType(a.type) ? a.type.ofType : a.type) ? [pool[0]] : pool[0];
        } else if (named.name === 'String' && !isListType(isNonNullType(a.type) ? a.type.ofType : a.type)) {
          values[a.name] = SENTENCE;
        }
      }
      return { ...values, ...(CREDENTIALS[field.name] ?? {}) };
    }

    /** The objects at the end of `trail` in a response (through lists). */
    function holders(data: unknown, trail: string[]): Array<Record<string, unknown>> {
      if (data === null || data === undefined) return [];
      if (Array.isArray(data)) return data.flatMap((d) => holders(d, trail));
      if (trail.length === 0) return [data as Record<string, unknown>];
      return holders((data as Record<string, unknown>)[trail[0]!], trail.slice(1));
    }

    async function check(role: 'PRIVACY_MANAGER' | 'STAFF', path: PersonalPath, values: Record<string, unknown>, failures: string[]): Promise<void> {
      const before = role === 'STAFF' ? await staffView() : null;
      const op = operationFor(path.root, path.field, values, path.selection);
      const res = await send(s, op, tokens[role]);
      const after = role === 'STAFF' ? await staffView() : null;
      const entries = (await entriesOf(s, [res.requestId])).get(res.requestId)!;
      const label = `${path.root}.${path.field.name}${path.trail.map((t) => `.${t}`).join('')} as ${role}`;
      tally.personalRequests++;
      if (res.status >= 500 || codes(res).includes('INTERNAL_SERVER_ERROR')) failures.push(`${label}: ${res.status} ${codes(res).join(',')}`);
      // (a) every personal value that left has an entry of this request covering that entity
      for (const holder of holders(res.data?.[path.field.name], path.trail)) {
        const returned = PERSONAL[path.holder]!.filter((f) => holder[f] !== null && holder[f] !== undefined);
        if (returned.length === 0) continue;
        const entity = `${path.holder}#${holder.id}`;
        const covering = entries.filter((e) => e.outcome === 'ALLOWED' && COVERING.has(e.action) && `${e.entity_type}#${e.entity_id}` === entity);
        const reads = covering.filter((e) => e.action === 'READ' || e.action === 'BREAK_GLASS');
        const changed = covering.some((e) => e.action !== 'READ' && e.action !== 'BREAK_GLASS');
        if (!covering.length) failures.push(`${label}: ${entity} ${returned.join(',')} returned without an audit entry`);
        else if (!changed && !returned.every((f) => reads.some((e) => e.fields.split(',').includes(f)))) {
          failures.push(`${label}: ${entity} read entry lists ${reads.map((e) => e.fields).join('|')}, returned ${returned.join(',')}`);
        } else tally.valuesAudited++;
        // (b) the staff member only gets what need-to-know allows
        if (role === 'STAFF') {
          const id = Number(holder.id);
          const breakGlass = entries.some((e) => e.action === 'BREAK_GLASS' && Number(e.subject_id) === id);
          const mayRead =
            path.holder === 'DataSubject' ? before!.subjects.has(id) || after!.subjects.has(id) || breakGlass : before!.cases.has(id) || after!.cases.has(id);
          if (!mayRead) failures.push(`${label}: ${entity} personal data returned to staff without need-to-know`);
        }
      }
      // (c) every refusal of personal data is an audited denial
      if (codes(res).includes('FORBIDDEN')) {
        if (!entries.some((e) => e.action === 'ACCESS_DENIED' && e.outcome === 'DENIED')) failures.push(`${label}: FORBIDDEN without an ACCESS_DENIED entry`);
        else tally.refusalsAudited++;
      }
      // (d) no known personal value anywhere in the body without an entry for its entity or subject
      failures.push(...unaudited(label, res, entries));
    }

    /**
     * Known personal values found in a response: exact string values of its
     * data, or, for text built from personal data (letters, exports), every
     * known value the text contains that is not just part of a longer one found.
     */
    function valuesIn(res: GraphQLResponse, text: boolean): string[] {
      if (!text) {
        const leaves: string[] = [];
        const collect = (v: unknown) => {
          if (typeof v === 'string') leaves.push(v);
          else if (v && typeof v === 'object') Object.values(v).forEach(collect);
        };
        collect(res.data);
        return leaves.filter((v) => owners.has(v));
      }
      const found = [...owners.keys()].filter((v) => res.body.includes(v) || res.body.includes(JSON.stringify(v).slice(1, -1)));
      return found.filter((v) => !found.some((w) => w !== v && w.includes(v)));
    }

    function unaudited(label: string, res: GraphQLResponse, entries: AuditRow[], text = false): string[] {
      const problems: string[] = [];
      for (const value of valuesIn(res, text)) {
        const who = owners.get(value)!;
        const covered = [...who].some((owner) => {
          const [type, id] = owner.split('#');
          return entries.some(
            (e) =>
              e.outcome === 'ALLOWED' &&
              COVERING.has(e.action) &&
              ((e.entity_type === type && e.entity_id === id) || (type === 'DataSubject' && Number(e.subject_id) === Number(id))),
          );
        });
        if (!covered) problems.push(`${label}: a personal value of ${[...who].join('/')} left without an audit entry`);
      }
      return problems;
    }

    test('the walk reaches every field of the shared personal-data list, through queries and mutation results', () => {
      const reached = new Set(paths.map((p) => p.holder));
      expect([...reached].sort()).toEqual(Object.keys(PERSONAL).sort());
      expect(paths.filter((p) => p.root === 'Mutation').length).toBeGreaterThan(5);
      expect(paths.filter((p) => p.trail.length > 0).length).toBeGreaterThan(5);
      tally.testsPassed++;
    });

    test('as the manager and as staff (with and without need-to-know), queries are refused or audited as the rules say', async () => {
      const failures: string[] = [];
      for (const path of paths.filter((p) => p.root === 'Query')) {
        await check('PRIVACY_MANAGER', path, argumentsFor(path.field, idPools), failures);
        const pools = await staffPools();
        await check('STAFF', path, argumentsFor(path.field, pools.visible), failures);
        await check('STAFF', path, argumentsFor(path.field, pools.hidden), failures);
      }
      expect(failures).toEqual([]);
      tally.testsPassed++;
    });

    test('query fields that return text built from personal data (reply letters, exports) are audited whenever a value leaves', async () => {
      const failures: string[] = [];
      const textual = rootFields(schema, 'Query').filter((f) => !isObjectType(getNamedType(f.type)) && f.args.some((a) => getNamedType(a.type).name === 'ID' || a.name === 'format'));
      expect(textual.map((f) => f.name)).toEqual(expect.arrayContaining(['caseReplyLetter', 'exportAuditEntries']));
      let leftWithValue = 0;
      for (const field of textual) {
        for (const [role, pools] of [
          ['PRIVACY_MANAGER', idPools],
          ['STAFF', (await staffPools()).visible],
          ['STAFF', (await staffPools()).hidden],
        ] as const) {
          // every id of the pool: a letter exists only for completed cases
          const tries = Math.max(1, ...[...pools.values()].map((ids) => ids.length));
          for (let n = 0; n < Math.min(tries, 50); n++) {
            const rotated = new Map([...pools].map(([type, ids]) => [type, ids.slice(n % Math.max(ids.length, 1))]));
            const res = await send(s, operationFor('Query', field, argumentsFor(field, rotated)), tokens[role]);
            const entries = (await entriesOf(s, [res.requestId])).get(res.requestId)!;
            if (valuesIn(res, true).length) leftWithValue++;
            failures.push(...unaudited(`Query.${field.name} as ${role}`, res, entries, true));
            if (res.status >= 500) failures.push(`Query.${field.name} as ${role}: HTTP ${res.status}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(leftWithValue).toBeGreaterThan(0); // the letter really carried personal data
      tally.testsPassed++;
    }, 180_000); // every text field × every role, each call audited: minutes on a loaded machine

    test('mutation results carrying personal data are refused or audited as the rules say', async () => {
      const failures: string[] = [];
      // staff first: the manager's calls may erase or reassign what the staff calls rely on
      for (const role of ['STAFF', 'PRIVACY_MANAGER'] as const) {
        for (const path of paths.filter((p) => p.root === 'Mutation')) {
          const pools = role === 'STAFF' ? (await staffPools()).visible : idPools;
          await check(role, path, argumentsFor(path.field, pools), failures);
        }
      }
      expect(failures).toEqual([]);
      tally.testsPassed++;
    });
  });
});
