/**
 * Whether an error means the database could not be reached (refused, dropped,
 * timed out, pool closed) rather than a fault of the request. Drivers put the
 * cause in `code`; TypeORM wraps query errors with the driver's in `driverError`.
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

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; fatal?: unknown; driverError?: unknown; cause?: unknown; originalError?: unknown; message?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
  if (e.fatal === true) return true;
  if (typeof e.message === 'string' && /^(Connection lost|connect ECONNREFUSED|Pool is closed)/.test(e.message)) return true;
  return [e.driverError, e.cause, e.originalError].some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
