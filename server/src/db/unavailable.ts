/**
 * How database errors are told apart: the database could not serve (refused,
 * dropped, timed out, pool closed, or a cluster node that is not ready), or a
 * transaction lost a race with a concurrent one and may simply be run again.
 * Drivers put the cause in `code`/`errno`/`sqlState`; TypeORM wraps query
 * errors with the driver's in `driverError`.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'POOL_CLOSED',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

/**
 * Server errors that mean "this node cannot serve now", not "this request is wrong":
 * 1047 Galera node not ready (joining, non-primary component: "WSREP has not yet prepared node"),
 * 1053 shutdown in progress, 1290/1836 read-only (a replica, a Group Replication secondary),
 * 1927 connection killed (node going down), 2006/2013 server gone or connection lost,
 * 3100 Group Replication refused the commit (member not online / not in the primary partition).
 */
const NOT_READY_ERRNO = new Set([1047, 1053, 1290, 1836, 1927, 2006, 2013, 3100]);

/**
 * Lost a race with a concurrent transaction; nothing was committed, so running the whole
 * transaction again is safe: 1213 deadlock (also Galera's certification conflict, SQLSTATE 40001),
 * 1205 lock wait timeout, 3101 Group Replication's certification rollback.
 */
const RETRYABLE_ERRNO = new Set([1213, 1205, 3101]);

interface DriverFields {
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  fatal?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

function anyLayer(error: unknown, test: (e: DriverFields) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as DriverFields;
  if (test(e)) return true;
  return [e.driverError, e.cause, e.originalError].some((inner) => anyLayer(inner, test, depth + 1));
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return anyLayer(
    error,
    (e) =>
      (typeof e.code === 'string' && UNREACHABLE.has(e.code)) ||
      (typeof e.errno === 'number' && NOT_READY_ERRNO.has(e.errno)) ||
      e.fatal === true ||
      (typeof e.message === 'string' && /^(Connection lost|connect ECONNREFUSED|Pool is closed)/.test(e.message)),
  );
}

export function isRetryableConflict(error: unknown): boolean {
  return anyLayer(error, (e) => (typeof e.errno === 'number' && RETRYABLE_ERRNO.has(e.errno)) || e.sqlState === '40001');
}
