import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { isAppError } from '../errors';
import { logger } from '../logger';

const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Messages from graphql-js quote the offending value; it may be personal data, so it is cut out. */
function withoutValues(message: string): string {
  return message
    .replace(/got invalid value .*?; /s, 'got an invalid value; ')
    .replace(/(cannot represent [^:]*?value): .*$/s, '$1')
    .replace(/found .*?;/s, 'found an invalid value;')
    .replace(/\b([Vv]alue) "[^"]*"/g, '$1 "…"')
    .slice(0, 500);
}

function fieldOf(message: string): string | undefined {
  return /Variable "\$([A-Za-z0-9_]+)"/.exec(message)?.[1] ?? /[Aa]rgument "([A-Za-z0-9_.]+)"/.exec(message)?.[1];
}

/**
 * The one error formatter: our typed errors pass through with their codes,
 * argument validation becomes BAD_USER_INPUT naming the field, graphql-js
 * request errors keep their codes without echoing values, and anything else is
 * masked as INTERNAL_SERVER_ERROR (logged by name only: no SQL, no personal data).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isAppError(original)) {
    return { message: original.message, path: formatted.path, extensions: { ...original.extensions } };
  }
  if (original instanceof ArgumentValidationError) {
    const first = original.extensions.validationErrors?.[0] as
      | { property: string; constraints?: Record<string, string>; children?: Array<{ property: string; constraints?: Record<string, string> }> }
      | undefined;
    const child = first?.children?.[0];
    const field = child ? `${first!.property}.${child.property}` : first?.property;
    const constraint = Object.values((child ?? first)?.constraints ?? {})[0] ?? 'is invalid';
    return {
      message: `Invalid ${field ?? 'argument'}: ${constraint}`,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', field },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const field = formatted.extensions?.field ?? fieldOf(formatted.message);
    return {
      message: withoutValues(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: field ? { code, field } : { code },
    };
  }
  logger.error('unexpected error', { name: (original as Error)?.name ?? 'unknown', path: formatted.path?.join('.') });
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
