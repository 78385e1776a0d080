import { AsyncLocalStorage } from 'node:async_hooks';
import winston from 'winston';

/**
 * Operational log: JSON lines with the request id. Never pass personal data
 * here — log ids, codes and counts only; the audit log is a separate thing.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

const withRequestId = winston.format((info) => {
  const scope = requestScope.getStore();
  if (scope) info.requestId = scope.requestId;
  return info;
});

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  format: winston.format.combine(withRequestId(), winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn'] })],
});
