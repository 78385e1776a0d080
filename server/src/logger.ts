import winston from 'winston';

/**
 * Operational log: JSON lines; a line about a request names its `requestId`.
 * Never pass personal data here — log ids, codes and counts only; the audit
 * log is a separate thing.
 */
export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn'] })],
});
