import { HttpError } from 'react-admin';
import { i18nProvider } from './i18n';

/** What the server said about a refused request: the contract's code, and the rule or field at fault. */
export interface ServerError {
  code: string;
  message: string;
  rule?: string;
  field?: string;
  lockedUntil?: string;
  /** The records a rule names as in the way (e.g. the ledger records naming a subcontractor), for the message. */
  names?: string;
  /** Sign-in needs the six-digit code (or a recovery code) of the user's authenticator. */
  twoFactorRequired?: boolean;
}

interface GraphQLErrorLike {
  message?: string;
  extensions?: Record<string, unknown>;
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Finds the first GraphQL error in an Apollo error, an HttpError's body, or a network error. */
export function serverErrorOf(error: unknown): ServerError | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as {
    body?: unknown;
    status?: number;
    graphQLErrors?: GraphQLErrorLike[];
    networkError?: { statusCode?: number; result?: { errors?: GraphQLErrorLike[] } } | null;
    errors?: GraphQLErrorLike[];
  };
  if (e.body && typeof e.body === 'object' && 'code' in e.body) return e.body as ServerError;
  if (e.body) {
    const inner = serverErrorOf(e.body);
    if (inner) return inner;
  }
  const first = e.graphQLErrors?.[0] ?? e.networkError?.result?.errors?.[0] ?? e.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    return {
      code: asString(ext.code) ?? 'INTERNAL_SERVER_ERROR',
      message: first.message ?? '',
      rule: asString(ext.rule),
      field: asString(ext.field),
      lockedUntil: asString(ext.lockedUntil),
      names: Array.isArray(ext.ledgerRecordNames) ? ext.ledgerRecordNames.filter((n): n is string => typeof n === 'string').join(', ') : undefined,
      twoFactorRequired: ext.twoFactorRequired === true,
    };
  }
  if (e.networkError) {
    return { code: e.networkError.statusCode === 401 ? 'UNAUTHENTICATED' : 'NETWORK', message: 'network error' };
  }
  if (e.status === 401) return { code: 'UNAUTHENTICATED', message: 'unauthenticated' };
  return null;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  TOO_MANY_REQUESTS: 429,
};

/** The message to show for a server error, in the current language (a rule or field named when the server named one). */
export function describeServerError(error: ServerError): string {
  const t = i18nProvider.translate;
  if (error.code === 'UNAUTHENTICATED' && error.twoFactorRequired) return t('mamori.auth.two_factor_code_needed');
  if (error.code === 'UNAUTHENTICATED' && error.lockedUntil) return t('mamori.auth.locked');
  if ((error.code === 'CONFLICT' || error.code === 'FORBIDDEN') && error.rule) {
    return t(`mamori.rules.${error.rule}`, { names: error.names ?? '', _: t('mamori.errors.CONFLICT_RULE', { rule: error.rule }) });
  }
  if (error.code === 'BAD_USER_INPUT' && error.field) {
    return t('mamori.errors.BAD_USER_INPUT_FIELD', { field: error.field, message: error.message });
  }
  return t(`mamori.errors.${error.code}`, { _: t('mamori.errors.INTERNAL_SERVER_ERROR') });
}

/**
 * Turns any failure into react-admin's HttpError: status 401 for UNAUTHENTICATED
 * (the auth provider then signs the user out), the message in the user's
 * language, and for a bad argument `body.errors` so a form marks the field.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError && error.body && typeof error.body === 'object' && 'code' in error.body) return error;
  const server = serverErrorOf(error) ?? { code: 'INTERNAL_SERVER_ERROR', message: String((error as Error)?.message ?? error) };
  const message = describeServerError(server);
  const fieldName = server.field?.replace(/^filter\./, '');
  return new HttpError(message, STATUS[server.code] ?? 500, {
    ...server,
    ...(server.code === 'BAD_USER_INPUT' && fieldName ? { errors: { [fieldName]: message } } : {}),
  });
}

export const isUnauthenticated = (error: unknown): boolean => serverErrorOf(error)?.code === 'UNAUTHENTICATED';
