import type { EntityManager } from 'typeorm';
// mysql2's callback API, as TypeORM loads it: importing 'mysql2/promise' loads
// its promise wrappers from another path first, and then every query TypeORM
// sends (PoolConnection.promise() requires its wrapper each time) resolves
// that module's file name afresh, about 10 µs a query.
import mysql from 'mysql2';
import { dialectOf, type Dialect } from '../../../db/dialect';
import { splitHosts } from '../../../db/hosts';
import type { AuditEntry } from '../audit-entry.entity';
import type { Subtree } from './merkle';
import { HASH_AT_SQL, NODE_SQL, entriesSql, joinedLinksSql, linkRowsSql, type JoinedLink, type LinkRow, type RangeReader } from './range-verification';

/** What better-sqlite3 offers that a reader uses (the package ships no types; TypeORM loads it the same way). */
interface SqliteStatement {
  raw(on: boolean): SqliteStatement;
  pluck(on: boolean): SqliteStatement;
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
  pragma(statement: string): unknown;
  close(): void;
}

type EntryRow = AuditEntry & { linkSeq: number };

const byLinkSeq = (rows: EntryRow[]) => new Map(rows.map((r) => [Number(r.linkSeq), r]));

/** The stored hashes of `subtrees`, one indexed read each (a range needs one, or a few at the head). */
async function nodesBy(read: (level: number, index: number) => Promise<string | undefined>, subtrees: Subtree[]): Promise<Array<string | null>> {
  const hashes: Array<string | null> = [];
  for (const { level, index } of subtrees) hashes.push((await read(level, index)) ?? null);
  return hashes;
}

/** The reader's memory map of the file (address space, not memory); SQLite lowers it to its build's limit, 2 GB by default. */
const SQLITE_MMAP_BYTES = 2 ** 34;

export interface ClosableReader extends RangeReader {
  close(): Promise<void>;
}

/** The database of `url` as a range reader of its own: a worker thread's connection. */
export async function openRangeReader(url: string): Promise<ClosableReader> {
  const dialect = dialectOf(url.startsWith('sqlite:') ? 'better-sqlite3' : 'mysql');
  return dialect.name === 'sqlite' ? sqliteReader(url.slice('sqlite:'.length), dialect) : mysqlReader(url, dialect);
}

function sqliteReader(file: string, dialect: Dialect): ClosableReader {
  const Sqlite = require('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => SqliteHandle;
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  // Pages read in place instead of copied into the connection's cache: a read-only pass over the whole log.
  db.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  const links = db.prepare(linkRowsSql(dialect)).raw(true);
  const joinedLinks = db.prepare(joinedLinksSql(dialect)).pluck(true);
  const hashAt = db.prepare(HASH_AT_SQL);
  const node = db.prepare(NODE_SQL);
  return {
    links: async (from, to) => links.all(from, to) as LinkRow[],
    joinedLinks: async (from, to) => joinedLinks.all(from, to) as JoinedLink[],
    hashAt: async (seq) => (hashAt.get(seq) as { hash: string } | undefined)?.hash ?? null,
    entries: async (seqs) => byLinkSeq(db.prepare(entriesSql(seqs.length)).all(...seqs) as EntryRow[]),
    nodes: (subtrees) => nodesBy(async (level, index) => (node.get(level, index) as { hash: string } | undefined)?.hash, subtrees),
    close: async () => db.close(),
  };
}

/** One connection to the first node of the URL that accepts it, decoding as the application's pool does. */
async function mysqlReader(url: string, dialect: Dialect): Promise<ClosableReader> {
  const { url: first, hosts } = splitHosts(url.replace(/^mariadb:/, 'mysql:'));
  const options = { charset: 'utf8mb4', timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true } as const;
  let connection: ReturnType<mysql.Connection['promise']> | null = null;
  let failure: unknown = null;
  const uris = hosts.length
    ? hosts.map((h) => {
        const uri = new URL(first);
        uri.hostname = h.host;
        uri.port = String(h.port);
        return uri.toString();
      })
    : [first];
  for (const uri of uris) {
    try {
      connection = await connect({ uri, ...options });
      break;
    } catch (error) {
      failure = error;
    }
  }
  if (!connection) throw failure;
  const c = connection;
  const sql = linkRowsSql(dialect);
  const joinedSql = joinedLinksSql(dialect);
  return {
    links: async (from, to) => (await c.query({ sql, rowsAsArray: true }, [from, to]))[0] as unknown as LinkRow[],
    joinedLinks: async (from, to) => ((await c.query({ sql: joinedSql, rowsAsArray: true }, [from, to]))[0] as unknown as Array<[JoinedLink]>).map((r) => r[0]),
    hashAt: async (seq) => ((await c.query(HASH_AT_SQL, [seq]))[0] as Array<{ hash: string }>)[0]?.hash ?? null,
    entries: async (seqs) => byLinkSeq((await c.query(entriesSql(seqs.length), seqs))[0] as EntryRow[]),
    nodes: (subtrees) => nodesBy(async (level, index) => ((await c.query(NODE_SQL, [level, index]))[0] as Array<{ hash: string }>)[0]?.hash, subtrees),
    close: () => c.end(),
  };
}

/** A connection once the server accepted it, with mysql2's promise interface. */
function connect(options: mysql.ConnectionOptions): Promise<ReturnType<mysql.Connection['promise']>> {
  const connection = mysql.createConnection(options);
  return new Promise((resolve, reject) =>
    connection.connect((error) => {
      if (error) {
        connection.destroy();
        reject(error);
      } else resolve(connection.promise());
    }),
  );
}

/** The application's own connection as a range reader: verification in the main thread. */
export function managerReader(manager: EntityManager, dialect: Dialect): RangeReader {
  const sql = linkRowsSql(dialect);
  const joinedSql = joinedLinksSql(dialect);
  return {
    links: async (from, to) => {
      const rows: Array<{ seq: number; prevHash: string; hash: string; entryId: number | null; canonical: string | null }> = await manager.query(sql, [from, to]);
      return rows.map((r) => [Number(r.seq), r.prevHash, r.hash, r.entryId === null ? null : Number(r.entryId), r.canonical]);
    },
    joinedLinks: async (from, to) => ((await manager.query(joinedSql, [from, to])) as Array<{ joined: JoinedLink }>).map((r) => r.joined),
    hashAt: async (seq) => ((await manager.query(HASH_AT_SQL, [seq])) as Array<{ hash: string }>)[0]?.hash ?? null,
    entries: async (seqs) => byLinkSeq(await manager.query(entriesSql(seqs.length), seqs)),
    nodes: (subtrees) => nodesBy(async (level, index) => ((await manager.query(NODE_SQL, [level, index])) as Array<{ hash: string }>)[0]?.hash, subtrees),
  };
}
