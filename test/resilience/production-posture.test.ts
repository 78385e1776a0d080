import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from '../../server/src/modules/audit/transparency/signed-note';
import { recordFigures } from '../support/figures';
import { gql, refusedStart, ROOT, spawnServer, type ServerProcess } from './support';

/**
 * The built server as it runs in production (NODE_ENV=production): it refuses
 * to start with default or short secrets, introspection is off, security
 * headers are on, errors carry no stack. `npm audit --omit=dev` is summarised
 * (reported, not a gate: advisories change without a code change).
 */

const STRONG = {
  JWT_SECRET: 'j'.repeat(24) + 'production-jwt-secret',
  AUDIT_HMAC_KEY: 'k'.repeat(24) + 'production-audit-key',
  AUDIT_SIGNING_KEY: generateKey('posture.test/audit').signerKey,
};

describe('production posture of the built server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mamori-posture-'));
  const databaseUrl = `sqlite:${join(dir, 'prod.sqlite')}`;
  const base = { NODE_ENV: 'production', DATABASE_URL: databaseUrl, DOCUMENT_DIR: join(dir, 'documents'), DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' };
  const refusals: Array<{ case: string; code: number | null; message: string }> = [];
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['no secrets at all', {}, /JWT_SECRET must be set in production/],
    ['the development JWT secret', { JWT_SECRET: 'mamori-development-jwt-secret-not-for-production', AUDIT_HMAC_KEY: STRONG.AUDIT_HMAC_KEY }, /JWT_SECRET must be set/],
    ['a short JWT secret', { JWT_SECRET: 'short-secret', AUDIT_HMAC_KEY: STRONG.AUDIT_HMAC_KEY }, /JWT_SECRET must be at least 32 characters/],
    ['the development audit key', { JWT_SECRET: STRONG.JWT_SECRET }, /AUDIT_HMAC_KEY must be set/],
    ['a short audit key', { JWT_SECRET: STRONG.JWT_SECRET, AUDIT_HMAC_KEY: 'k'.repeat(31) }, /AUDIT_HMAC_KEY must be at least 32 characters/],
    ['a moved clock', { ...STRONG, CLOCK_OFFSET_MS: '86400000' }, /CLOCK_OFFSET_MS is refused in production/],
    ['no checkpoint signing key', { JWT_SECRET: STRONG.JWT_SECRET, AUDIT_HMAC_KEY: STRONG.AUDIT_HMAC_KEY }, /AUDIT_SIGNING_KEY must be set in production/],
    ['a development signing key', { ...STRONG, AUDIT_SIGNING_KEY: generateKey('mamori-development/0000').signerKey }, /development key/],
  ] as const)('start-up with %s exits non-zero with a clear message', async (name, env, message) => {
    const { code, output } = await refusedStart({ ...base, ...env });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toMatch(message);
    expect(output).not.toMatch(/\bat \/|\.ts:\d|\.js:\d/); // a message, not a stack
    refusals.push({ case: name, code, message: /"message":"([^"]*)"/.exec(output.split('\n').find((l) => /must|refused/.test(l)) ?? '')?.[1] ?? '' });
  });

  test('with strong secrets it starts, and answers with introspection off, security headers on and no stack in errors', async () => {
    server = await spawnServer({ ...base, ...STRONG, REQUIRE_MANAGER_TWO_FACTOR: 'true' });
    const introspection = await gql(server.url, '{ __schema { queryType { name } types { name } } }');
    expect(introspection.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(introspection.json.data ?? null).toBeNull();
    const typeLookup = await gql(server.url, '{ __type(name: "DataSubject") { fields { name } } }');
    expect(typeLookup.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // no demo accounts in production
    const demo = await gql(server.url, 'mutation { login(email: "manager@mamori.example", password: "mamori-demo-2026") { token } }');
    expect(demo.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const headers: Record<string, Record<string, string | null>> = {};
    for (const [path, init] of [
      ['/healthz', {}],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { id } }' }) }],
      ['/', {}],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, init as RequestInit);
      const h = (name: string) => res.headers.get(name);
      headers[path] = Object.fromEntries(
        ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy', 'x-powered-by'].map((n) => [n, h(n)]),
      );
      expect({ path, csp: h('content-security-policy') }).toEqual({ path, csp: expect.stringContaining("default-src 'self'") });
      expect(h('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(h('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(h('x-content-type-options')).toBe('nosniff');
      expect(h('x-frame-options')).toBe('SAMEORIGIN');
      expect(h('referrer-policy')).toBe('no-referrer');
      expect(h('x-powered-by')).toBeNull();
    }

    const broken = await gql(server.url, '{ me { id ');
    expect(broken.body).not.toMatch(/stacktrace|\bat \/|\.ts:\d|\.js:\d/);
    const unknown = await gql(server.url, '{ allDataSubjects { id } }');
    expect(unknown.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.body).not.toMatch(/stacktrace/);

    // no schema details for a caller who is not signed in: no suggestions, no names of fields, types or arguments
    for (const misspelt of ['{ allDataSubject { id } }', '{ me { idd } }', '{ dataSubject(idx: 1) { id } }', 'mutation { logn(email: "a", password: "b") { token } }']) {
      const answer = await gql(server.url, misspelt);
      expect({ misspelt, code: answer.json.errors?.[0]?.extensions?.code }).toEqual({ misspelt, code: 'GRAPHQL_VALIDATION_FAILED' });
      expect(answer.body).not.toMatch(/Did you mean|DataSubject|allDataSubjects|"Query"|Mutation|login|Cannot query field|Unknown argument/);
      expect(answer.json.data ?? null).toBeNull();
    }
    recordFigures('production-posture', { refusals, introspection: 'refused', headers: headers['/graphql'] });
  });

  test('npm audit --omit=dev is summarised for docs/reliability.md (a report, not a gate)', async () => {
    const report = await new Promise<string>((resolve) =>
      execFile('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, timeout: 90_000, maxBuffer: 20_000_000 }, (_error, stdout) => resolve(stdout)),
    );
    let figures: Record<string, unknown>;
    try {
      const json = JSON.parse(report) as {
        statusCode?: number;
        metadata?: { vulnerabilities?: Record<string, number>; dependencies?: { prod?: number; total?: number } };
        vulnerabilities?: Record<string, { severity: string; via: Array<string | { title?: string; url?: string }>; fixAvailable?: unknown }>;
      };
      if (!json.metadata) throw new Error(`the advisory service answered ${json.statusCode ?? 'without a report'}`);
      const serious = Object.entries(json.vulnerabilities ?? {})
        .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
        .map(([name, v]) => ({
          name,
          severity: v.severity,
          advisories: v.via.filter((x): x is { title?: string; url?: string } => typeof x === 'object').map((x) => `${x.title ?? ''} ${x.url ?? ''}`.trim()),
          fixAvailable: Boolean(v.fixAvailable),
        }));
      figures = { available: true, counts: json.metadata?.vulnerabilities ?? {}, dependencies: json.metadata?.dependencies ?? {}, highOrCritical: serious };
    } catch (error) {
      // no host names in the report: only what went wrong
      figures = { available: false, reason: `npm audit gave no report: ${(error as Error).message.replace(/https?:\/\/\S+/g, '…')}` };
    }
    // what the audit would cover: the production packages of the lock file
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; link?: boolean }> };
    figures.productionPackages = Object.entries(lock.packages).filter(([path, p]) => path.includes('node_modules/') && !p.dev && !p.link).length;
    recordFigures('npm-audit', figures);
    expect(figures).toHaveProperty('available');
  });
});
