import 'reflect-metadata';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type MamoriApp } from '../../server/src/app';
import { MovableClock } from '../../server/src/clock';
import { loadConfig, type Config } from '../../server/src/config';
import { DEMO_USERS } from '../../server/src/seed';
import { createTestDatabase, isMysqlReachable, TEST_MYSQL_URL, type DatabaseKind, type TestDatabase } from './databases';

export const DEMO_PASSWORD = 'mamori-demo-2026';
export const MANAGER = 'manager@mamori.example';
export const STAFF = 'staff@mamori.example';
export const STAFF2 = 'staff2@mamori.example';
export const SUPERVISOR = 'supervisor@mamori.example';
export const AUDITOR = 'auditor@mamori.example';
export { DEMO_USERS };

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; field?: string; rule?: string; [k: string]: unknown } }>;
  body: string;
}

export interface TestServer {
  kind: DatabaseKind;
  url: string;
  databaseUrl: string;
  app: MamoriApp;
  clock: MovableClock;
  /** Sends one GraphQL request over HTTP. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Signs in (demo password by default) and returns the token. */
  login(email: string, password?: string): Promise<string>;
  /** Raw SQL on the test database (through the running app's connection). */
  sql<T = any>(query: string, params?: unknown[]): Promise<T[]>;
  /** Waits until every committed audit entry is linked into the chain. */
  linked(): Promise<void>;
  /** Links everything committed, signs a checkpoint and hands it to the witnesses. */
  published(): Promise<void>;
  close(): Promise<void>;
}

/** Sends GraphQL requests over HTTP to the server at `url`. */
function gqlAt(url: string): TestServer['gql'] {
  return async (query, variables, token, headers = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.text();
    const json = JSON.parse(body);
    return { status: res.status, data: json.data ?? null, errors: json.errors, body };
  };
}

export interface SecondProcess {
  url: string;
  gql: TestServer['gql'];
  close(): Promise<void>;
}

/**
 * Another server process (test/support/second-process.js: the same sources,
 * the same test configuration and secrets) on the database of `first`.
 */
export function secondProcess(first: TestServer): Promise<SecondProcess> {
  const child = fork(join(__dirname, 'second-process.js'), [], { env: { ...process.env, SECOND_DATABASE_URL: first.databaseUrl, SECOND_DATA_DIR: first.app.services.config.dataDir }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the second server process exited with ${code} before listening`)));
    child.once('message', (message: { port: number }) => {
      const url = `http://127.0.0.1:${message.port}`;
      resolve({
        url,
        gql: gqlAt(url),
        async close() {
          child.send('close');
          await exited;
        },
      });
    });
  });
}

export interface WitnessProcess {
  /** The witness endpoint, for AUDIT_WITNESS_URLS. */
  url: string;
  port: number;
  /** Where the witnessed log's append-only files are (DATA_DIR/witnessed/<origin hash>). */
  logDir(origin: string): string;
  close(): Promise<void>;
  /** Ends the process at once (an outage). */
  kill(): Promise<void>;
}

/**
 * Another Mamori install (test/support/witness-process.js) as a child process:
 * the HTTP witness of the logs whose verifier keys are `logKeys`, with its own
 * database, key and storage in `dataDir`; `port` to come back where it was.
 */
export function witnessProcess(dataDir: string, logKeys: string[], port = 0): Promise<WitnessProcess> {
  const child = fork(join(__dirname, 'witness-process.js'), [], {
    env: { ...process.env, DATA_DIR: dataDir, AUDIT_WITNESS_LOGS: logKeys.join(','), PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the witness process exited with ${code} before listening`)));
    child.once('message', (message: { port: number }) => {
      resolve({
        url: `http://127.0.0.1:${message.port}/witness`,
        port: message.port,
        logDir: (origin) => join(dataDir, 'witnessed', createHash('sha256').update(origin).digest('hex').slice(0, 16)),
        async close() {
          if (child.connected) child.send('close');
          await exited;
        },
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

/**
 * Boots the real server (migrations, demo seed, HTTP on a free port) on a
 * fresh database of `kind`. Each call makes its own database and drops it on close.
 */
export async function startServer(kind: DatabaseKind, overrides: Partial<Config> = {}, db?: TestDatabase): Promise<TestServer> {
  if (kind === 'mysql' && !(await isMysqlReachable())) {
    throw new Error(`MySQL/MariaDB is not reachable at ${TEST_MYSQL_URL}; start it or set TEST_MYSQL_URL`);
  }
  const database = db ?? (await createTestDatabase(kind));
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'mamori-data-'));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' } as NodeJS.ProcessEnv),
    dataDir,
    auditWitnessDir: join(dataDir, 'witness'),
    databaseUrl: database.url,
    migrationDatabaseUrl: database.url,
    documentDir: `${database.url.startsWith('sqlite:') ? database.url.slice(7) : '/tmp/mamori-docs-' + Date.now()}.documents`,
    failedLoginsPerAddressPerMinute: 1000,
    anonymousRefusalsPerAddressPerMinute: 100_000,
    ...overrides,
  };
  // CLOCK_OFFSET_MS as the server applies it (a restart with the clock stepped back)
  const clock = new MovableClock(config.clockOffsetMs);
  const app = await createApp(config, clock);
  const port = await app.listen(overrides.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const gql = gqlAt(url);
  return {
    kind,
    url,
    databaseUrl: database.url,
    app,
    clock,
    gql,
    async login(email, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
        { e: email, p: password },
      );
      if (!res.data?.login) throw new Error(`login failed for ${email}: ${res.body}`);
      return res.data.login.token;
    },
    sql: (query, params) => app.services.db.manager.query(query, params),
    linked: () => app.services.linker.linkPending(),
    async published() {
      await app.services.linker.linkPending();
      await app.services.transparency.publisher.publish();
    },
    async close() {
      await app.close();
      await database.drop();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
