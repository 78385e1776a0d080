import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler } from 'express';
import { migrations } from '../../migrations';
import { MovableClock, SystemClock, type Clock } from './clock';
import { ConfigError, type Config } from './config';
import { loadSigningKeys } from './modules/audit/transparency/signing-key';
import { openDatabase, runMigrations } from './db/data-source';
import { notReadyReason } from './db/readiness';
import { grantRuntimeAccount } from './db/grants';
import type { Context } from './graphql/context';
import { databaseUnavailableError, errorLogPlugin, formatError, unavailableStatusPlugin } from './graphql/format-error';
import { isDatabaseUnavailable } from './db/unavailable';
import { costLimitPlugin, limitRules } from './graphql/limits';
import { inputTextPlugin } from './graphql/input-text';
import { anonymousValidationPlugin } from './graphql/schema-details';
import { buildAppSchema } from './graphql/schema';
import { logger } from './logger';
import { httpMetrics, registry } from './metrics';
import { entities } from './modules';
import { auditPlugin } from './graphql/audit.plugin';
import { caseDocumentRouter } from './http/case-document.routes';
import { assignRequestId, originOf, requestIdOf } from './http/request-id';
import { RequestsInFlight } from './http/requests-in-flight';
import { securityHeaders } from './http/security-headers';
import { signInRouter } from './http/sign-in.routes';
import { Sealer } from './modules/auth/sealer';
import { witnessRouter } from './http/witness.routes';
import { createCaller, type AuthUser } from './modules/common/caller';
import { createResolvers } from './graphql/resolvers';
import { seedPurposes } from './modules/purpose/purpose.seed';
import { seedIfEmpty } from './seed';
import { createServices, type Services } from './services';

export const BODY_LIMIT = '1mb';
/** How long a stopping server waits for handlers still at work (as long as the HTTP drain waits for connections). */
const REQUEST_GRACE_MS = 10_000;
/** The built UI, seen from the compiled server (server/dist/server/src) or from its sources (server/src, as the tests run it). */
const UI_DIR =
  [join(__dirname, '../../../../admin-ui/dist'), join(__dirname, '../../admin-ui/dist')].find((dir) => existsSync(join(dir, 'index.html'))) ??
  join(__dirname, '../../../../admin-ui/dist');

export interface MamoriApp {
  server: Server;
  services: Services;
  /** Listens on `port` (0 picks a free one) and resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Wires the whole server: database, migrations, seed, GraphQL, UI and health endpoints. */
export async function createApp(config: Config, clock: Clock = config.clockOffsetMs ? new MovableClock(config.clockOffsetMs) : new SystemClock()): Promise<MamoriApp> {
  if (config.production && clock.moved) throw new ConfigError('A moved clock is refused in production');
  loadSigningKeys({ production: config.production, signingKey: config.auditSigningKey, previousVerifierKeys: config.auditPreviousVerifierKeys, dataDir: config.dataDir });
  await runMigrations(config.migrationDatabaseUrl, entities, migrations);
  await grantRuntimeAccount(config.migrationDatabaseUrl, config.databaseUrl);
  const db = await openDatabase(config.databaseUrl, entities);
  const services = createServices(db, clock, config);
  const resolvers = createResolvers(services);
  if (config.production) await seedPurposes(db.manager);
  else await seedIfEmpty(services);
  services.linker.start();
  services.transparency.start();
  services.retentionScheduler.start();
  services.reminderScheduler?.start();

  const app = express();
  const server = createServer(app);
  app.disable('x-powered-by');
  // No ETag on API answers: a SHA-1 of every response body, for answers to POSTs that no cache keeps (static files keep theirs).
  app.set('etag', false);
  app.set('trust proxy', process.env.TRUST_PROXY ?? false);
  app.use(securityHeaders());
  app.use(assignRequestId);
  // The routes that reach the database; static files are left out (an aborted download never ends its response).
  const inFlight = new RequestsInFlight();
  app.use(['/graphql', '/api', '/auth', '/witness', '/healthz'], inFlight.track);

  // Readiness, for load balancers: 200 only when this server can read and write through its database connection.
  app.get('/healthz', async (_req, res) => {
    const reason = await notReadyReason(db).catch(() => 'unreachable');
    if (reason) res.status(503).set('retry-after', '5').json({ status: 'unavailable', reason });
    else res.json({ status: 'ok' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });

  const apollo = new ApolloServer<Context>({
    schema: await buildAppSchema(),
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    // main.ts stops the server on SIGTERM/SIGINT; Apollo's own handler would call stop() a second
    // time concurrently, and that call never returns (the process hung on SIGTERM with a keep-alive client)
    stopOnTerminationSignals: false,
    formatError,
    validationRules: limitRules(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No HTTP caching of GraphQL answers here; left on, it hooks every resolved field of every response.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(),
      unavailableStatusPlugin(),
      inputTextPlugin(),
      ...(config.production ? [anonymousValidationPlugin()] : []),
      errorLogPlugin(),
      auditPlugin(services.auditWriter),
      {
        async requestDidStart() {
          const stop = httpMetrics.duration.startTimer();
          return { async willSendResponse() { stop(); } };
        },
      },
    ],
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const header = req.get('authorization');
        let user: AuthUser | null = null;
        let authError: string | null = null;
        if (header) {
          const token = /^Bearer (\S+)$/i.exec(header)?.[1];
          const outcome = token
            ? await services.auth.authenticate(token).catch((error: unknown) => {
                if (!isDatabaseUnavailable(error)) throw error;
                logger.error('database unavailable', { name: (error as Error).name, path: 'authentication', requestId: requestIdOf(res) });
                throw databaseUnavailableError(error);
              })
            : { error: 'The Authorization header must be "Bearer <token>"' };
          if ('user' in outcome) user = outcome.user;
          else authError = outcome.error;
        }
        // extended in place: spreading the caller into a new object cost several µs a request
        return Object.assign(createCaller(user, originOf(req, res), db, clock), { authError, services, resolvers });
      },
    }),
  );

  app.use('/api/cases', caseDocumentRouter(services));
  app.use(
    '/auth',
    signInRouter({
      sso: services.singleSignOn,
      auditWriter: services.auditWriter,
      clock,
      sealer: new Sealer(config.jwtSecret, 'sign-in-cookie'),
      publicUrl: config.publicUrl,
      passwordSignIn: config.passwordSignIn,
    }),
  );
  if (config.auditWitnessLogs.length) app.use('/witness', witnessRouter(config.auditWitnessLogs, config.dataDir, services.transparency.keys.signer, clock));

  if (existsSync(join(UI_DIR, 'index.html'))) {
    app.use(express.static(UI_DIR, { index: 'index.html', maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(join(UI_DIR, 'index.html')));
  } else {
    app.get('/', (_req, res) => res.type('text/plain').send('Mamori API: POST GraphQL requests to /graphql'));
  }

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = Number(err?.status ?? err?.statusCode ?? 500);
    if (status === 413) {
      res.status(413).json({ errors: [{ message: `The request body is larger than ${BODY_LIMIT}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (status === 400) {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      logger.error('request failed', { name: err?.name, requestId: requestIdOf(res) });
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
  };
  app.use(onError);

  return {
    server,
    services,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    async close() {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      // Before the jobs stop: the entries these requests write are linked and signed at shutdown like any other.
      const unfinished = await inFlight.settled(REQUEST_GRACE_MS);
      if (unfinished) logger.warn('stopping with requests still at work', { requests: unfinished });
      await services.retentionScheduler.stop();
      await services.reminderScheduler?.stop();
      services.mailOutbox.close();
      await services.linker.stop();
      await services.transparency.stop();
      await db.source.destroy();
    },
  };
}
