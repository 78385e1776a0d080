import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
} from 'graphql';
import { APPEND_ONLY_TABLES } from '../migrations/1764402000000-AuditTree';
import { AUDIT_UNAVAILABLE } from '../server/src/graphql/audit.plugin';
import { recordFigures } from './support/figures';
import { committedSchema, minimalSelection, operationFor, printLiteral, rootFields, type RootKind } from './support/schema-operations';
import { startServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * Hostile input, property-based (fast-check, fixed seed, SQLite): every
 * mutation's arguments and every query's arguments and filters get random and
 * malicious values. Whatever comes back: never HTTP 500 or
 * INTERNAL_SERVER_ERROR, never a stack or SQL text, and never a change in the
 * database when an error comes back (audit tables aside: refusals may be audited).
 */

const SEED = 20_261_129;
const RUNS = { Mutation: 16, Query: 6 };
const schema = committedSchema();

// ---------------------------------------------------------------- values

const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE data_subject; --",
  '" OR ""="',
  '1; SELECT * FROM app_user',
  "' UNION SELECT password_hash, email FROM app_user --",
  "admin'--",
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  '`',
  '*/ /*',
  "1' AND SLEEP(5) --",
  "'); INSERT INTO audit_entry VALUES (1); --",
  'x\' || (SELECT hash FROM audit_link LIMIT 1) || \'',
];
const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uDBFFb',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '\u200B\u200C\u200D',
  '\uFEFF',
  'e\u0301\u0301\u0301',
  '０３-１２３４-５６７８',
  '１２３-４５６７',
  '１',
  '𠮷野家 😀👨‍👩‍👧',
  'ｱｲｳｴｵ ﾃｽﾄ',
  'İı ß ǅ',
  '\r\n\t',
  '',
  '   ',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '{{7*7}}${7*7}',
];
const HUGE = ['x'.repeat(101), 'x'.repeat(5_000), 'あ'.repeat(100_000), '\u0000'.repeat(10_000), '😀'.repeat(30_000), `${'%'.repeat(3000)}_`];
const DATES = ['2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31', '2026-6-1', '２０２６-０６-０１', '2026-06-01T00:00:00Z', '1969-12-31', '+275760-09-13'];
const INSTANTS = ['2026-06-01T25:00:00.000Z', '2026-06-01', '2026-06-01T00:00:00+09:00', '0000-01-01T00:00:00.000Z', 'yesterday'];
const IDS = ['0', '-1', '987654321', '99999999999999999999', '1 OR 1=1', '1;DROP TABLE app_user', '１', '1e3', '0x10', ' 1', '1.5', ''];
const BAD_ENUMS = ['NOT_A_VALUE', 'customer', '', '__proto__', '0'];
const INTS = [0, -1, 2_147_483_647, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e21];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SQL, ...UNICODE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...SQL, ...UNICODE), fc.constantFrom(...SQL, ...UNICODE)).map(([a, b]) => `${a}試験${b}`) },
);
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant({ __proto__: { admin: true }, constructor: 'x' }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', 'unknownField', 'toString'), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A plausible value, so that a share of the calls get past validation into the services. */
function goodScalar(typeName: string, argName: string): fc.Arbitrary<unknown> {
  const name = argName.toLowerCase();
  switch (typeName) {
    case 'ID':
      return fc.constantFrom('1', '2', '3');
    case 'Int':
      return fc.integer({ min: 0, max: 5 });
    case 'Float':
      return fc.double({ min: 0, max: 10, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom('2026-06-01', '2026-05-15', '2027-01-31');
    case 'DateTime':
      return fc.constantFrom('2026-06-01T00:00:00.000Z', '2026-05-31T15:00:00.000Z');
    default:
      if (name.includes('email')) return fc.constantFrom('someone@example.jp', 'fuzz.target@example.com');
      if (name.includes('phone')) return fc.constantFrom('03-1234-5678', '090-1234-5678');
      if (name.includes('postalcode')) return fc.constant('100-0005');
      if (name.includes('password')) return fc.constant('a-long-enough-password-2026');
      return fc.constantFrom('試験 太郎', 'An ordinary note written for the record, long enough to be a sentence.', 'Example Co., Ltd.');
  }
}

function hostileScalar(typeName: string): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID':
      // numbers far from the ids in use (fast-check favours small ones), so the fuzzer's own accounts survive
      return fc.oneof(fc.constantFrom(...IDS), fc.integer({ min: 1_000_000 }).map(String), fc.integer({ min: -2_147_483_648, max: -1 }), hostileString);
    case 'Int':
    case 'Float':
      return fc.oneof(fc.constantFrom(...INTS), fc.integer(), fc.double(), hostileString);
    case 'Boolean':
      return fc.oneof(fc.constantFrom('true', 1, 0), hostileString);
    case 'Date':
      return fc.oneof(fc.constantFrom(...DATES), hostileString);
    case 'DateTime':
      return fc.oneof(fc.constantFrom(...INSTANTS), hostileString);
    default:
      return hostileString;
  }
}

function valueOf(type: GraphQLInputType, argName: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, argName, depth);
  if (isListType(type)) {
    const item = valueOf(type.ofType, argName, depth + 1);
    return fc.oneof(
      { weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 500, maxLength: 3000 }) },
      { weight: 1, arbitrary: item }, // a single value where a list is expected (GraphQL coerces it)
    );
  }
  let good: fc.Arbitrary<unknown>;
  let bad: fc.Arbitrary<unknown>;
  if (isEnumType(type)) {
    good = fc.constantFrom(...type.getValues().map((v) => v.name));
    bad = fc.oneof(fc.constantFrom(...BAD_ENUMS), hostileString);
  } else if (isInputObjectType(type)) {
    good = depth > 3 ? fc.constant({}) : inputObject(type, depth + 1);
    bad = fc.oneof(fc.constant({ unknownField: 1 }), hostileString, fc.constant([]));
  } else if (isScalarType(type)) {
    good = goodScalar(type.name, argName);
    bad = hostileScalar(type.name);
  } else {
    throw new Error(`no arbitrary for ${String(type)}`);
  }
  return fc.oneof({ weight: 5, arbitrary: good }, { weight: 4, arbitrary: bad }, { weight: 1, arbitrary: wrongType });
}

function inputObject(type: GraphQLInputObjectType, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  const model = Object.fromEntries(fields.map((f) => [f.name, valueOf(f.type, f.name, depth)]));
  const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
  return fc.record(model, { requiredKeys: required });
}

/** Arguments of `field`: required ones always, optional ones sometimes. */
function argumentsOf(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(field.args.map((a) => [a.name, valueOf(a.type, a.name)]));
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
  return fc.record(model, { requiredKeys: required });
}

// ---------------------------------------------------------------- checks

/** What a response must never hold: SQL, driver names, stack frames, source paths. */
const LEAK = /\bSELECT\b|\bINSERT\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|sqlite|mysql|mariadb|QueryFailedError|TypeORM|\bER_[A-Z_]{3,}|\bat \/|\bat \S+ \(|\.ts:\d|\.js:\d|node_modules/i;

type Role = 'PRIVACY_MANAGER' | 'STAFF' | 'SUPERVISOR' | 'AUDITOR' | 'anonymous';

interface Tally {
  requests: number;
  succeeded: number;
  refused: Record<string, number>;
}

const tally = {
  tests: 0,
  testsPassed: 0,
  mutations: { requests: 0, succeeded: 0, refused: {} } as Tally,
  queries: { requests: 0, succeeded: 0, refused: {} } as Tally,
  floods: { requests: 0, succeeded: 0, refused: {} } as Tally,
  operations: { mutations: 0, queries: 0 },
  snapshotsCompared: 0,
};

function count(t: Tally, res: { status: number; errors?: GraphQLResponse['errors'] }): void {
  t.requests++;
  const first = res.errors?.[0]?.extensions?.code ?? (res.status >= 400 ? `HTTP_${res.status}` : null);
  if (first) t.refused[first] = (t.refused[first] ?? 0) + 1;
  else t.succeeded++;
}

/** The problems of one response (empty when it holds). */
function problemsOf(status: number, body: string): string[] {
  const problems: string[] = [];
  let json: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null = null;
  try {
    json = JSON.parse(body);
  } catch {
    json = null;
  }
  const auditFailure = json?.errors?.some((e) => e.message === AUDIT_UNAVAILABLE) ?? false;
  if (status >= 500 && !(status === 503 && auditFailure)) problems.push(`HTTP ${status}`);
  if (!json) {
    if (LEAK.test(body)) problems.push(`leaks internals: ${body.slice(0, 200)}`);
    return problems;
  }
  for (const e of json.errors ?? []) {
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' && e.message !== AUDIT_UNAVAILABLE) problems.push(`INTERNAL_SERVER_ERROR: ${e.message}`);
  }
  const errorsText = JSON.stringify(json.errors ?? []);
  const leak = LEAK.exec(errorsText);
  if (leak) problems.push(`error text leaks "${leak[0]}": ${errorsText.slice(0, 300)}`);
  return problems;
}

describe('hostile input on sqlite', () => {
  let s: TestServer;
  const tokens: Record<Role, string | undefined> = { PRIVACY_MANAGER: undefined, STAFF: undefined, SUPERVISOR: undefined, AUDITOR: undefined, anonymous: undefined };
  let tables: string[] = [];

  beforeAll(async () => {
    tally.tests = rootFields(schema, 'Mutation').length + rootFields(schema, 'Query').filter((f) => f.args.length > 0).length + 5;
    s = await startServer('sqlite');
    // own accounts, so that what the fuzzer does to the demo users (demotions, resets) does not end its sessions
    const manager = await s.login('manager@mamori.example');
    for (const role of ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR'] as const) {
      const email = `fuzz-${role.toLowerCase().replace('_', '-')}@mamori.example`;
      await s.gql('mutation($e: String!, $r: Role!) { createUser(email: $e, displayName: "Fuzz", role: $r, password: "fuzz-account-password-2026") { id } }', { e: email, r: role }, manager);
      tokens[role] = await s.login(email, 'fuzz-account-password-2026');
    }
    const rows = await s.sql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    // append-only logs grow with every request, and leases are renewed by the background jobs every second
    const changingOnTheirOwn: readonly string[] = [...APPEND_ONLY_TABLES, 'job_lease'];
    tables = rows.map((r) => r.name).filter((t) => !changingOnTheirOwn.includes(t));
  });
  afterAll(async () => {
    recordFigures('fuzz-sqlite', { seed: SEED, ...tally });
    await s?.close();
  });

  /** Row count and checksum of every table but the audit log's; `login` may count a failed attempt, which is its job. */
  async function snapshot(operation: string): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const table of tables) {
      let rows = await s.sql<Record<string, unknown>>(`SELECT * FROM "${table}"`);
      if (table === 'app_user' && operation === 'login') rows = rows.map(({ failed_logins: _f, locked_until: _l, ...rest }) => rest);
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      out[table] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
    }
    tally.snapshotsCompared++;
    return out;
  }

  async function post(body: string, token?: string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { status: res.status, body: await res.text() };
  }

  const roleArb = fc.constantFrom<Role>('PRIVACY_MANAGER', 'PRIVACY_MANAGER', 'PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR', 'anonymous');

  /** One call with generated arguments, as variables or inlined as literals; the checks of this suite on its outcome. */
  async function callAndCheck(root: RootKind, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, role: Role, inline: boolean): Promise<void> {
    const present = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
    let body: string;
    if (inline) {
      const list = field.args.filter((a) => a.name in present).map((a) => `${a.name}: ${printLiteral(present[a.name], a.type)}`);
      body = JSON.stringify({ query: `${root === 'Query' ? 'query' : 'mutation'} { ${field.name}${list.length ? `(${list.join(', ')})` : ''} ${minimalSelection(field)} }` });
    } else {
      const op = operationFor(root, field, present);
      body = JSON.stringify({ query: op.query, variables: op.variables });
    }
    const before = await snapshot(field.name);
    const res = await post(body, tokens[role]);
    const after = await snapshot(field.name);
    let parsed: GraphQLResponse['errors'];
    try {
      parsed = JSON.parse(res.body).errors;
    } catch {
      parsed = undefined;
    }
    count(root === 'Mutation' ? tally.mutations : tally.queries, { status: res.status, errors: parsed });
    const problems = problemsOf(res.status, res.body);
    const failed = res.status >= 400 || (parsed?.length ?? 0) > 0;
    if (failed || root === 'Query') {
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length) problems.push(`${failed ? 'an error came back' : 'a query ran'} but ${changed.join(', ')} changed`);
    }
    if (problems.length) {
      throw new Error(`${root}.${field.name} as ${role} (${inline ? 'inline' : 'variables'}): ${problems.join('; ')}\nresponse: ${res.body.slice(0, 400)}`);
    }
  }

  const seedOf = (name: string) => SEED + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 100_000, 0);

  describe('every mutation', () => {
    const mutations = rootFields(schema, 'Mutation');
    test.each(mutations.map((f) => [f.name, f] as const))('%s: random and malicious arguments never break it, leak internals or change data on an error', async (_name, field) => {
      tally.operations.mutations++;
      await fc.assert(
        fc.asyncProperty(argumentsOf(field), roleArb, fc.boolean(), (args, role, inline) => callAndCheck('Mutation', field, args, role, inline)),
        { seed: seedOf(field.name), numRuns: RUNS.Mutation, interruptAfterTimeLimit: 30_000 },
      );
      tally.testsPassed++;
    });
  });

  describe('every query and list filter', () => {
    const queries = rootFields(schema, 'Query').filter((f) => f.args.length > 0);
    test.each(queries.map((f) => [f.name, f] as const))('%s: random and malicious arguments and filters never break it, leak internals or change data', async (_name, field) => {
      tally.operations.queries++;
      await fc.assert(
        fc.asyncProperty(argumentsOf(field), roleArb, fc.boolean(), (args, role, inline) => callAndCheck('Query', field, args, role, inline)),
        { seed: seedOf(field.name), numRuns: RUNS.Query, interruptAfterTimeLimit: 30_000 },
      );
      tally.testsPassed++;
    });
  });

  describe('floods', () => {
    const listFields = rootFields(schema, 'Query').filter((f) => f.name.startsWith('all'));

    async function checkFlood(body: string, role: Role): Promise<void> {
      const before = await snapshot('flood');
      const res = await post(body, tokens[role]);
      const after = await snapshot('flood');
      let errors: GraphQLResponse['errors'];
      try {
        const json = JSON.parse(res.body);
        errors = Array.isArray(json) ? json.flatMap((j) => j.errors ?? []) : json.errors;
      } catch {
        errors = undefined;
      }
      count(tally.floods, { status: res.status, errors });
      const problems = problemsOf(res.status, res.body);
      const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
      if (changed.length) problems.push(`${changed.join(', ')} changed`);
      const health = await fetch(`${s.url}/healthz`);
      if (health.status !== 200) problems.push('the server stopped answering /healthz');
      if (problems.length) throw new Error(`${problems.join('; ')}\nrequest: ${body.slice(0, 300)}\nresponse: ${res.body.slice(0, 300)}`);
    }

    test('nested, aliased and repeated selections are refused or answered, never a crash', async () => {
      const deepIntrospection = fc.integer({ min: 1, max: 60 }).map((n) => `{ __schema { types { fields { type ${'{ ofType '.repeat(n)}{ name }${' }'.repeat(n)} } } } }`);
      const aliases = fc
        .tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom(...listFields.map((f) => f.name)), fc.constantFrom(1, 100, 1000))
        .map(([n, list, per]) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${list}(perPage: ${per}) { id }`).join(' ')} }`);
      const repeated = fc.integer({ min: 1, max: 5000 }).map((n) => `{ me { ${'id '.repeat(n)}} }`);
      const directives = fc.integer({ min: 2, max: 2000 }).map((n) => `{ me ${'@include(if: true) '.repeat(n)}{ id } }`);
      const fragments = fc.integer({ min: 1, max: 200 }).map(
        (n) => `{ me { ...F0 } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on User { id ...F${(i + 1) % n} }`).join(' ')}`,
      );
      const nestedLists = fc.integer({ min: 1, max: 3000 }).map((n) => `{ allCases(filter: { ids: ${'['.repeat(n)}"1"${']'.repeat(n)} }) { id } }`);
      const longName = fc.integer({ min: 1000, max: 200_000 }).map((n) => `{ ${'a'.repeat(n)} }`);
      const query = fc.oneof(deepIntrospection, aliases, repeated, directives, fragments, nestedLists, longName);
      await fc.assert(
        fc.asyncProperty(query, fc.constantFrom<Role>('PRIVACY_MANAGER', 'STAFF', 'anonymous'), (q, role) => checkFlood(JSON.stringify({ query: q }), role)),
        { seed: SEED, numRuns: 60, interruptAfterTimeLimit: 40_000 },
      );
      tally.testsPassed++;
    });

    test('batched operations and mutations smuggled in odd requests change nothing', async () => {
      const mutation = 'mutation { createIncident(kind: LEAK, detectedAt: "2026-06-01T00:00:00.000Z", description: "batched", peopleAffected: 1) { id } }';
      const batch = fc
        .array(fc.constantFrom(mutation, '{ me { id } }', '{ allDataSubjects { id fullName } }'), { minLength: 2, maxLength: 40 })
        .map((qs) => JSON.stringify(qs.map((query) => ({ query }))));
      const deepJson = fc.integer({ min: 10, max: 5000 }).map((n) => `{"query":"{ me { id } }","variables":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`);
      const garbage = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('{', '{"query":', 'null', '[]', '"x"', '{"query":null}', '{"query":{"a":1}}', `{"query":"${mutation.replace(/"/g, '\\"')}","variables":"x"}`));
      await fc.assert(
        fc.asyncProperty(fc.oneof(batch, deepJson, garbage), fc.constantFrom<Role>('PRIVACY_MANAGER', 'STAFF', 'anonymous'), async (body, role) => {
          const before = await snapshot('batch');
          await checkFlood(body, role);
          // a batch must not have run its mutations: snapshot checked in checkFlood; also as form and text bodies
          for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
            const res = await post(body, tokens[role], type);
            const problems = problemsOf(res.status, res.body);
            if (problems.length) throw new Error(`${type}: ${problems.join('; ')}`);
          }
          const after = await snapshot('batch');
          const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
          if (changed.length) throw new Error(`${changed.join(', ')} changed`);
        }),
        { seed: SEED, numRuns: 40, interruptAfterTimeLimit: 40_000 },
      );
      // a mutation sent with GET (a cross-site request) never runs
      const before = await snapshot('get');
      const res = await fetch(`${s.url}/graphql?query=${encodeURIComponent(mutation)}`, { headers: { authorization: `Bearer ${tokens.PRIVACY_MANAGER}` } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await snapshot('get')).toEqual(before);
      tally.testsPassed++;
    });
  });

  describe('text that could not be stored as sent', () => {
    const BAD_TEXT = ['a\uD800b', 'nul\u0000byte', 'over\u202Eride', 'bell\u0007'];

    test('is refused in every string argument of every mutation, naming the argument, before anything changes', async () => {
      const failures: string[] = [];
      let n = 0;
      for (const field of rootFields(schema, 'Mutation')) {
        for (const arg of field.args) {
          const named = getNamedType(arg.type);
          if (!isScalarType(named) || named.name !== 'String') continue;
          const bad = BAD_TEXT[n++ % BAD_TEXT.length]!;
          const base = operationFor('Mutation', field, {});
          const list = isListType(isNonNullType(arg.type) ? arg.type.ofType : arg.type);
          const op = operationFor('Mutation', field, { ...base.variables, [arg.name]: list ? ['ok', bad] : bad });
          const before = await snapshot(field.name);
          const res = await s.gql(op.query, op.variables, tokens.PRIVACY_MANAGER);
          const after = await snapshot(field.name);
          const error = res.errors?.[0]?.extensions;
          if (error?.code !== 'BAD_USER_INPUT' || error.field !== arg.name) failures.push(`${field.name}(${arg.name}): ${JSON.stringify(error)}`);
          if (JSON.stringify(before) !== JSON.stringify(after)) failures.push(`${field.name}(${arg.name}): the database changed`);
          if (res.body.includes(JSON.stringify(bad).slice(1, -1))) failures.push(`${field.name}(${arg.name}): the value was echoed`);
        }
      }
      expect(failures).toEqual([]);
      expect(n).toBeGreaterThan(40);
      tally.testsPassed++;
    });

    test('well-formed text of every kind is stored and read back exactly as it was acknowledged', async () => {
      const texts = ['𠮷野家の𩸽 😀👨‍👩‍👧', 'ｱｲｳｴｵ ﾃｽﾄ', '０３－１２３４', 'e\u0301 Å Å', "O'Brien; DROP TABLE x --", '100% _under_ \\back\\slash', '改行\nと\tタブ'];
      for (const text of texts) {
        const created = await s.gql(
          'mutation($n: String!, $c: String) { createDataSubject(category: CUSTOMER, fullName: $n, company: $c) { id fullName company } }',
          { n: text.slice(0, 100), c: text },
          tokens.PRIVACY_MANAGER,
        );
        expect({ text, errors: created.errors }).toEqual({ text, errors: undefined });
        const read = await s.gql('query($id: ID!) { DataSubject(id: $id) { fullName company } }', { id: created.data!.createDataSubject.id }, tokens.PRIVACY_MANAGER);
        expect(read.data?.DataSubject).toEqual({ fullName: created.data!.createDataSubject.fullName, company: created.data!.createDataSubject.company });
        expect(read.data?.DataSubject.company).toBe(text);
      }
      tally.testsPassed++;
    });
  });

  test('the fuzzing accounts were still signed in at the end (the calls reached the services, not only the sign-in check)', async () => {
    for (const role of ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR'] as const) {
      expect((await s.gql('{ me { role } }', {}, tokens[role])).data?.me.role).toBe(role);
    }
    expect(tally.mutations.succeeded).toBeGreaterThan(20);
    tally.testsPassed++;
  });
});
