import { GraphQLError } from 'graphql';

/**
 * The error codes of the contract. Services throw these; the formatter passes
 * them through and masks everything else as INTERNAL_SERVER_ERROR.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = 'Sign in first', extra: Record<string, unknown> = {}) =>
  new AppError('UNAUTHENTICATED', message, extra);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);
export const badInput = (field: string, message: string) => new AppError('BAD_USER_INPUT', message, { field });
export const notFound = (entity: string, id?: string | number) =>
  new AppError('NOT_FOUND', id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
/** A business rule refused the operation; `rule` names it so the UI can explain it. */
export const conflict = (rule: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, { ...extra, rule });
export const tooManyRequests = (message = 'Too many requests; try again later', retryAfterSeconds?: number) =>
  new AppError('TOO_MANY_REQUESTS', message, retryAfterSeconds ? { retryAfterSeconds } : {});

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
