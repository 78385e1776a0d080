/**
 * The plain-stack reference for `npm run bench`: what a team would write on
 * the same libraries (Apollo Server 5 on Express 5, type-graphql, TypeORM,
 * graphql-shield, mysql2 / better-sqlite3) against the same table, with a
 * static bearer token and none of Mamori's guarantees (no audit, no limits,
 * no need-to-know, no sign-in). Started by bench/run.js beside Mamori, on the
 * same database, and spoken to over the same IPC protocol as bench/server.js.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import { buildSchema } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Person } from './person';
import { personResolver } from './resolver';

interface PlainContext {
  authorised: boolean;
}

function dataSource(url: string): DataSource {
  if (url.startsWith('sqlite:')) {
    return new DataSource({
      type: 'better-sqlite3',
      database: url.slice('sqlite:'.length),
      entities: [Person],
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
      },
    });
  }
  // The same pool size as Mamori's default, so the comparison is of the request path, not of the pool.
  return new DataSource({ type: 'mysql', url, charset: 'utf8mb4', timezone: 'Z', poolSize: 20, entities: [Person] });
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const token = process.env.BENCH_PLAIN_TOKEN;
  if (!url || !token) throw new Error('BENCH_DATABASE_URL and BENCH_PLAIN_TOKEN are required');
  const db = await dataSource(url).initialize();

  const isAuthorised = rule({ cache: 'contextual' })((_parent, _args, ctx: PlainContext) => ctx.authorised);
  const permissions = shield(
    { Query: { DataSubject: isAuthorised, allDataSubjects: isAuthorised }, Mutation: { updateDataSubject: isAuthorised }, DataSubject: allow },
    { fallbackRule: deny },
  );
  const schema = applyMiddleware(await buildSchema({ resolvers: [personResolver(db)], validate: false }), permissions);

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<PlainContext>({ schema, includeStacktraceInErrorResponses: false });
  await apollo.start();
  const expected = `Bearer ${token}`;
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ authorised: req.get('authorization') === expected }) }),
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));

  const profiler = new Session();
  const post = (method: string, params?: object) =>
    new Promise<{ profile?: unknown }>((resolve, reject) => profiler.post(method, params, (e, r) => (e ? reject(e) : resolve(r as { profile?: unknown }))));
  const handlers: Record<string, (args: { file?: string }) => unknown> = {
    /** A CPU profile between the two calls, as bench/server.js takes one, to compare where the time goes. */
    profileStart: async () => {
      profiler.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return true;
    },
    profileStop: async ({ file }) => {
      const { profile } = await post('Profiler.stop');
      writeFileSync(file!, JSON.stringify(profile));
      profiler.disconnect();
      return file;
    },
    cpu: () => {
      const { user, system } = process.cpuUsage();
      return user + system;
    },
    close: async () => {
      await apollo.stop();
      httpServer.close();
      await db.destroy();
      setImmediate(() => process.exit(0));
      return true;
    },
  };
  process.on('message', async (msg: { id: number; cmd: string; args?: { file?: string } }) => {
    try {
      const handler = handlers[msg.cmd];
      if (!handler) throw new Error(`unknown command ${msg.cmd}`);
      process.send!({ id: msg.id, result: await handler(msg.args ?? {}) });
    } catch (error) {
      process.send!({ id: msg.id, error: String(error) });
    }
  });
  process.send!({ ready: true, port: (httpServer.address() as AddressInfo).port });
}

main().catch((error) => {
  console.error('plain reference server failed to start:', error);
  process.exit(1);
});
