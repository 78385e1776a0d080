import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createServer, Socket, type Server } from 'node:net';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';

/** Helpers of the resilience suites: the built server as a child process, a TCP proxy to cut, a load that logs what it received. */

export const ROOT = join(__dirname, '../..');
export const MAIN = join(ROOT, 'server/dist/server/src/main.js');
export const DEMO_PASSWORD = 'mamori-demo-2026';
export const MANAGER = 'manager@mamori.example';
const PERSONAL = PERSONAL_DATA_FIELDS as Record<string, readonly string[]>;
/** A developer's .env must not leak into these runs: dotenv reads this (absent) file instead. */
const HERMETIC_DOTENV = join(ROOT, 'test/resilience/no.env');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  output(): string;
  /** Sends `signal`; after `graceMs` without an exit, SIGKILL. Resolves true when the process ended within the grace period. */
  kill(signal?: NodeJS.Signals, graceMs?: number): Promise<boolean>;
}

/** One data directory (signing key, witness) per database, so processes restarted on it keep one log. */
function dataDirOf(databaseUrl: string | undefined): string {
  return join(tmpdir(), `mamori-data-${createHash('sha256').update(databaseUrl ?? 'default').digest('hex').slice(0, 16)}`);
}

/** Runs the built server with `env`; resolves once it listens (its port read from its start-up log line). */
export function spawnServer(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: HERMETIC_DOTENV, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DB_POOL_SIZE: '10', DATA_DIR: dataDirOf(env.DATABASE_URL), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.length > 2_000_000) out = out.slice(-1_000_000);
      const port = /"message":"Mamori is listening"[^\n]*"port":(\d+)/.exec(out)?.[1];
      if (port && !server) {
        clearTimeout(timer);
        server = {
          url: `http://127.0.0.1:${port}`,
          port: Number(port),
          child,
          exited,
          output: () => out,
          async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000) {
            if (child.exitCode !== null || child.signalCode !== null) return true;
            child.kill(signal);
            let timer: NodeJS.Timeout | undefined;
            const inTime = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), graceMs)))]);
            clearTimeout(timer);
            if (!inTime) {
              child.kill('SIGKILL');
              await exited;
            }
            return inTime;
          },
        };
        resolve(server);
      }
    };
    let server: ServerProcess | undefined;
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!server) reject(new Error(`the server exited (${code}) before listening:\n${out.slice(-2000)}`));
    });
  });
}

/** Runs the built server expecting it to refuse to start; resolves with its exit code and output. */
export async function refusedStart(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: HERMETIC_DOTENV, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/**
 * A TCP proxy between the server and MariaDB on 127.0.0.1. `cut` drops every
 * open connection and refuses new ones (the listener closes); `restore` listens
 * again on the same port.
 */
export class TcpProxy {
  port = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  connections = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = '127.0.0.1',
  ) {}

  async start(port = 0): Promise<number> {
    const server = createServer((client) => {
      this.connections++;
      const upstream = new Socket();
      this.sockets.add(client);
      this.sockets.add(upstream);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      upstream.connect(this.targetPort, this.targetHost, () => {
        client.pipe(upstream);
        upstream.pipe(client);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }

  close(): Promise<void> {
    return this.cut();
  }
}

export interface Sent {
  requestId: string;
  kind: 'read' | 'list' | 'case' | 'create';
  phase: string;
  /** HTTP status, or 0 when no response arrived (connection refused, reset, timed out). */
  status: number;
  ok: boolean;
  code: string | null;
  message: string | null;
  /** Entities whose personal fields came back non-null: "DataSubject#12" → fields. */
  personal: Map<string, string[]>;
  createdId: string | null;
  marker: string | null;
  body: string;
  /** Time to the full response (or to the failure), in ms. */
  ms: number;
}

export async function gql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string, requestId?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(requestId ? { 'x-request-id': requestId } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = await res.text();
  return { status: res.status, headers: res.headers, body, json: JSON.parse(body) as { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

export async function signIn(url: string, email = MANAGER): Promise<string> {
  const res = await gql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD });
  const token = res.json.data?.login?.token;
  if (!token) throw new Error(`sign-in failed: ${res.body}`);
  return token;
}

/** Personal fields that came back non-null, per entity, anywhere in `data`. */
function personalIn(data: unknown, typeOf: (obj: Record<string, unknown>) => string | null, out = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(data)) data.forEach((d) => personalIn(d, typeOf, out));
  else if (data && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    const type = typeOf(obj);
    if (type && obj.id !== undefined) {
      const fields = PERSONAL[type]!.filter((f) => obj[f] !== null && obj[f] !== undefined);
      if (fields.length) out.set(`${type}#${obj.id}`, fields);
    }
    Object.values(obj).forEach((v) => personalIn(v, typeOf, out));
  }
  return out;
}
const typeOf = (obj: Record<string, unknown>) => (typeof obj.__typename === 'string' && PERSONAL[obj.__typename] ? obj.__typename : null);

export interface LoadOptions {
  urls: string[];
  token: string;
  subjectIds: string[];
  caseIds: string[];
  /** Marks the subjects this load creates, so they can be found afterwards. */
  tag: string;
  workers: number;
  maxRequests: number;
  /** The phase each request is logged under (read when it is sent). */
  phase: () => string;
  /** Stops the load early when it returns true. */
  stop?: () => boolean;
  /** A pause between a worker's requests, in ms. */
  pauseMs?: number;
}

/**
 * A bounded read-and-write load over loopback: subject reads, list pages,
 * case reads (requester data) and subject creations, in turn. Every response
 * is logged with what personal data it carried; a request that got no
 * response is logged with status 0.
 */
export async function runLoad(options: LoadOptions, log: Sent[]): Promise<void> {
  let next = 0;
  const run = randomBytes(3).toString('hex'); // markers stay unique across several loads of one tag
  const worker = async (w: number) => {
    while (next < options.maxRequests && !options.stop?.()) {
      const n = next++;
      const url = options.urls[n % options.urls.length]!;
      const requestId = `load-${options.tag}-${n}-${randomBytes(4).toString('hex')}`;
      const kind = (['read', 'list', 'case', 'create'] as const)[(n + w) % 4]!;
      let query: string;
      let variables: Record<string, unknown> = {};
      let marker: string | null = null;
      if (kind === 'read') {
        query = 'query($id: ID!) { DataSubject(id: $id) { __typename id fullName email phone } }';
        variables = { id: options.subjectIds[n % options.subjectIds.length] };
      } else if (kind === 'list') {
        query = 'query($p: Int) { allDataSubjects(page: $p, perPage: 5, sortField: "id") { __typename id fullName postalAddress } }';
        variables = { p: n % 3 };
      } else if (kind === 'case') {
        query = 'query($id: ID!) { Case(id: $id) { __typename id requesterName replyAddress } }';
        variables = { id: options.caseIds[n % options.caseIds.length] };
      } else {
        marker = `負荷 ${options.tag} ${run}-${n}`;
        query = 'mutation($n: String!) { createDataSubject(category: CUSTOMER, fullName: $n, phone: "03-5555-0101") { __typename id fullName } }';
        variables = { n: marker };
      }
      const phase = options.phase();
      const entry: Sent = { requestId, kind, phase, status: 0, ok: false, code: null, message: null, personal: new Map(), createdId: null, marker, body: '', ms: 0 };
      const started = performance.now();
      try {
        const res = await gql(url, query, variables, options.token, requestId);
        if (res.headers.get('x-request-id') !== requestId) throw new Error(`the server answered with another request id (${res.headers.get('x-request-id')})`);
        entry.status = res.status;
        entry.body = res.body;
        entry.code = res.json.errors?.[0]?.extensions?.code ?? null;
        entry.message = res.json.errors?.[0]?.message ?? null;
        entry.ok = res.status === 200 && !res.json.errors;
        entry.personal = personalIn(res.json.data, typeOf);
        if (kind === 'create') entry.createdId = res.json.data?.createDataSubject?.id ?? null;
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        entry.message = `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`;
        if (/another request id/.test(entry.message)) throw error;
      }
      entry.ms = Math.round(performance.now() - started);
      log.push(entry);
      if (options.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
}

export interface Verdict {
  chain: { ok: boolean; checked: number; headSeq: number; unlinked: number; firstBrokenSeq: number | null };
  links: number;
  minSeq: number;
  maxSeq: number;
  entries: number;
  personalResponses: number;
  personalUnaudited: string[];
  createsAcknowledged: number;
  rowsCreated: number;
  createEntries: number;
  halfWritten: string[];
  writtenTwice: string[];
}

/**
 * What the database says after a run, compared with what the client received:
 * the chain (through the API, which links pending entries first), its sequence
 * numbers, an entry for every personal-data response, and every creation
 * either whole (row and CREATE entry, once) or absent.
 */
export async function verify(url: string, token: string, databaseUrl: string, tag: string, log: Sent[]): Promise<Verdict> {
  const chainRes = await gql(url, '{ verifyAuditChain { ok checked headSeq unlinked firstBrokenSeq } }', {}, token);
  const chain = chainRes.json.data?.verifyAuditChain;
  if (!chain) throw new Error(`verifyAuditChain failed: ${chainRes.body}`);
  const db = await mysql.createConnection({ uri: databaseUrl });
  try {
    // the verification writes its own AUDIT_VERIFY entry; the server's linker links it within a second or so
    let links: any;
    let entries: any;
    await waitFor(async () => {
      [[links]] = (await db.query('SELECT COUNT(*) AS n, MIN(seq) AS minSeq, MAX(seq) AS maxSeq FROM audit_link')) as any;
      [[entries]] = (await db.query('SELECT COUNT(*) AS n FROM audit_entry')) as any;
      return Number(links.n) === Number(entries.n);
    }, 15_000).catch(() => undefined);
    const personal = log.filter((s) => s.personal.size > 0);
    const ids = log.map((s) => s.requestId);
    const byRequest = new Map<string, Array<{ action: string; entity_type: string; entity_id: string; fields: string }>>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const [rows] = (await db.query('SELECT request_id, action, entity_type, entity_id, fields FROM audit_entry WHERE request_id IN (?)', [chunk])) as any;
      for (const r of rows) {
        if (!byRequest.has(r.request_id)) byRequest.set(r.request_id, []);
        byRequest.get(r.request_id)!.push(r);
      }
    }
    const personalUnaudited: string[] = [];
    for (const s of personal) {
      const entries = byRequest.get(s.requestId) ?? [];
      for (const [entity, fields] of s.personal) {
        const covering = entries.filter((e) => `${e.entity_type}#${e.entity_id}` === entity && ['READ', 'CREATE', 'UPDATE', 'BREAK_GLASS'].includes(e.action));
        const change = covering.some((e) => e.action !== 'READ' && e.action !== 'BREAK_GLASS');
        const listed = new Set(covering.flatMap((e) => e.fields.split(',')));
        if (!covering.length || (!change && !fields.every((f) => listed.has(f)))) personalUnaudited.push(`${s.requestId} ${entity} ${fields.join(',')}`);
      }
    }
    // creations: each marker once at most, and each row with its CREATE entry from the request that made it
    const [rows] = (await db.query('SELECT id, full_name FROM data_subject WHERE full_name LIKE ?', [`負荷 ${tag} %`])) as any;
    const byMarker = new Map<string, string[]>();
    for (const r of rows) byMarker.set(r.full_name, [...(byMarker.get(r.full_name) ?? []), String(r.id)]);
    const writtenTwice = [...byMarker].filter(([, v]) => v.length > 1).map(([k]) => k);
    const creates = log.filter((s) => s.kind === 'create');
    const halfWritten: string[] = [];
    let createEntries = 0;
    for (const s of creates) {
      const rowIds = byMarker.get(s.marker!) ?? [];
      const entries = (byRequest.get(s.requestId) ?? []).filter((e) => e.action === 'CREATE' && e.entity_type === 'DataSubject');
      createEntries += entries.length;
      if (rowIds.length !== entries.length || rowIds.some((id) => !entries.some((e) => e.entity_id === id))) {
        halfWritten.push(`${s.requestId}: ${rowIds.length} row(s), ${entries.length} CREATE entr(ies)`);
      }
      if (s.createdId && !rowIds.includes(s.createdId)) halfWritten.push(`${s.requestId}: acknowledged ${s.createdId} but no such row`);
    }
    return {
      chain,
      links: Number(links.n),
      minSeq: Number(links.minSeq),
      maxSeq: Number(links.maxSeq),
      entries: Number(entries.n),
      personalResponses: personal.length,
      personalUnaudited,
      createsAcknowledged: creates.filter((s) => s.createdId).length,
      rowsCreated: rows.length,
      createEntries,
      halfWritten,
      writtenTwice,
    };
  } finally {
    await db.end();
  }
}

/** Ids of subjects and cases to read, as the manager sees them. */
export async function readTargets(url: string, token: string): Promise<{ subjectIds: string[]; caseIds: string[] }> {
  const res = await gql(url, '{ allDataSubjects(perPage: 20) { id } allCases(perPage: 20) { id } }', {}, token);
  return { subjectIds: res.json.data!.allDataSubjects.map((r: { id: string }) => r.id), caseIds: res.json.data!.allCases.map((r: { id: string }) => r.id) };
}

export const waitFor = async (check: () => Promise<boolean>, timeoutMs: number, stepMs = 200): Promise<number> => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`not within ${timeoutMs} ms`);
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
};

export const summary = (log: Sent[]) => ({
  sent: log.length,
  latencyMs: Object.fromEntries(
    (['read', 'list', 'case', 'create'] as const).map((kind) => {
      const ms = log.filter((s) => s.kind === kind && s.ok).map((s) => s.ms);
      return [kind, { p50: percentile(ms, 50), p95: percentile(ms, 95) }];
    }),
  ),
  answered: log.filter((s) => s.status > 0).length,
  ok: log.filter((s) => s.ok).length,
  noResponse: log.filter((s) => s.status === 0).length,
  personalResponses: log.filter((s) => s.personal.size > 0).length,
});
