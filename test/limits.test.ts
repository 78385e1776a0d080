import type { AddressInfo } from 'node:net';
import express from 'express';
import { getIntrospectionQuery } from 'graphql';
import helmet from 'helmet';
import { createApp } from '../server/src/app';
import { SECURITY_HEADER_OPTIONS } from '../server/src/http/security-headers';
import { ConfigError, loadConfig } from '../server/src/config';
import { MovableClock } from '../server/src/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEVELOPMENT_KEY_PREFIX } from '../server/src/modules/audit/transparency/signing-key';
import { generateKey } from '../server/src/modules/audit/transparency/signed-note';
import { createTestDatabase } from './support/databases';
import { MANAGER, startServer, type TestServer } from './support/server';

describe('errors and limits', () => {
  let s: TestServer;
  let manager: string;
  beforeAll(async () => {
    s = await startServer('sqlite');
    manager = await s.login(MANAGER);
  });
  afterAll(() => s?.close());

  test('the standard introspection query passes the limits outside production', async () => {
    const res = await s.gql(getIntrospectionQuery(), {}, manager);
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.types.length).toBeGreaterThan(20);
  });

  test('an over-deep query is GRAPHQL_VALIDATION_FAILED, introspection included', async () => {
    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(14)}{ name }${' }'.repeat(14)} } } } }`;
    const res = await s.gql(deep, {}, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.data).toBeNull();
  });

  test('an alias flood is refused', async () => {
    const flood = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await s.gql(flood, {}, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('an over-costly query is refused', async () => {
    const costly = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: allCases(perPage: 1000) { id reference type status dueOn daysLeft feeOwedYen dataItems receivedOn subject { id category createdAt updatedAt } }`).join(' ')} }`;
    const res = await s.gql(costly, {}, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('perPage over the cap is BAD_USER_INPUT naming perPage', async () => {
    const res = await s.gql('{ allDataSubjects(perPage: 1001) { id } }', {}, manager);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
  });

  test('an unknown sort field is BAD_USER_INPUT naming sortField', async () => {
    const res = await s.gql('{ allDataSubjects(sortField: "full_name; DROP TABLE data_subject") { id } }', {}, manager);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
  });

  test('an unknown enum value or malformed id is a clear input error that does not echo the value', async () => {
    const res = await s.gql('query($c: SubjectCategory) { allDataSubjects(filter: { category: $c }) { id } }', { c: '山田太郎' }, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body).not.toContain('山田太郎');
    const bad = await s.gql('{ DataSubject(id: "1 OR 1=1") { id } }', {}, manager);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('an unknown id is NOT_FOUND', async () => {
    const res = await s.gql('{ DataSubject(id: "999999") { id } }', {}, manager);
    expect(res.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  test('a request body over the limit is 413', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('batched operations are refused', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  test("security headers are set on every answer, exactly as helmet sets them", async () => {
    const reference = express();
    reference.use(helmet(SECURITY_HEADER_OPTIONS));
    reference.get('/', (_req, res) => res.send('ok'));
    const server = reference.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const helmetSets = (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
    server.close();
    const names = [...helmetSets.keys()].filter((name) => !['content-type', 'content-length', 'etag', 'date', 'connection', 'keep-alive'].includes(name));
    expect(names.length).toBeGreaterThan(10);
    for (const res of [
      await fetch(`${s.url}/healthz`),
      await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) }),
      await fetch(`${s.url}/`),
    ]) {
      expect(Object.fromEntries(names.map((n) => [n, res.headers.get(n)]))).toEqual(Object.fromEntries(names.map((n) => [n, helmetSets.get(n)])));
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    expect(helmetSets.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('production guard', () => {
  const strong = { JWT_SECRET: 'j'.repeat(40), AUDIT_HMAC_KEY: 'k'.repeat(40), AUDIT_SIGNING_KEY: generateKey('limits.test/audit').signerKey };

  test('production refuses default or short secrets and a moved clock', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, JWT_SECRET: 'short-secret' } as NodeJS.ProcessEnv)).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, AUDIT_HMAC_KEY: 'short' } as NodeJS.ProcessEnv)).toThrow(/AUDIT_HMAC_KEY/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...strong, CLOCK_OFFSET_MS: '60000' } as NodeJS.ProcessEnv)).toThrow(/CLOCK/);
    expect(loadConfig({ NODE_ENV: 'production', ...strong } as NodeJS.ProcessEnv).production).toBe(true);
  });

  test('in production: no demo accounts, introspection off, a moved clock refused', async () => {
    const db = await createTestDatabase('sqlite');
    const dataDir = mkdtempSync(join(tmpdir(), 'mamori-prod-data-'));
    const config = {
      ...loadConfig({ NODE_ENV: 'production', ...strong, LOG_LEVEL: 'error', DATA_DIR: dataDir } as NodeJS.ProcessEnv),
      databaseUrl: db.url,
      migrationDatabaseUrl: db.url,
    };
    await expect(createApp(config, new MovableClock(60_000))).rejects.toThrow(/clock/i);
    // The checkpoint signing key: required, and never a development one.
    await expect(createApp({ ...config, auditSigningKey: null })).rejects.toThrow(/AUDIT_SIGNING_KEY must be set in production/);
    const devKey = generateKey(`${DEVELOPMENT_KEY_PREFIX}/abcd`).signerKey;
    await expect(createApp({ ...config, auditSigningKey: devKey })).rejects.toThrow(/development key/);
    await expect(createApp({ ...config, auditSigningKey: 'PRIVATE+KEY+x+00000000+AAAA' })).rejects.toThrow(/AUDIT_SIGNING_KEY: /);
    const app = await createApp(config);
    try {
      const port = await app.listen(0);
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
      });
      const body = (await res.json()) as { errors?: Array<{ extensions: { code: string } }> };
      expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const [{ n }] = await app.services.db.manager.query('SELECT COUNT(*) AS n FROM app_user');
      expect(Number(n)).toBe(0);
      const [{ p }] = await app.services.db.manager.query('SELECT COUNT(*) AS p FROM purpose_of_use');
      expect(Number(p)).toBeGreaterThan(0);
    } finally {
      await app.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
