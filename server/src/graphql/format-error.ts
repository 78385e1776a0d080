import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { isDatabaseUnavailable, isRetryableConflict } from '../db/unavailable';
import { conflict, isAppError } from '../errors';
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

/**
 * The end of a value as graphql-js prints it in a message (a JSON-quoted
 * string, a block string, an object or list with quoted strings inside, or a
 * bare word), starting at `start`. Quotes are followed through their escapes,
 * so a value holding `"`, `;` or `]` cannot end the cut early.
 */
function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first !== '"' && first !== '{' && first !== '[') {
    const bare = /[;\s]/.exec(text.slice(start)); // a number, true, null or an enum-like name
    return bare ? start + bare.index : text.length;
  }
  let i = start;
  let depth = 0;
  do {
    if (text.startsWith('"""', i)) {
      const close = text.indexOf('"""', i + 3);
      i = close < 0 ? text.length : close + 3;
    } else if (text[i] === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else {
      if (text[i] === '{' || text[i] === '[') depth++;
      else if (text[i] === '}' || text[i] === ']') depth--;
      i++;
    }
  } while (i < text.length && depth > 0);
  return Math.min(i, text.length);
}

/** Replaces each value printed after `prefix` (a pattern ending where the value starts) by `replacement`. */
function cutValues(message: string, prefix: RegExp, replacement: string | ((match: RegExpExecArray) => string)): string {
  let out = '';
  let rest = message;
  for (let m = prefix.exec(rest); m; m = prefix.exec(rest)) {
    const valueStart = m.index + m[0].length;
    out += rest.slice(0, m.index) + (typeof replacement === 'string' ? replacement : replacement(m));
    rest = rest.slice(endOfValue(rest, valueStart));
  }
  return out + rest;
}

/** Messages from graphql-js quote the offending value; it may be personal data, so it is cut out. */
function withoutValues(message: string): string {
  let text = cutValues(message, /got invalid value /, 'got an invalid value');
  text = cutValues(text, /\b([Vv]alue) (?=["{[])/, (m) => `${m[1]} "…"`);
  text = cutValues(text, /, found (?=\S)/, ', found an invalid value');
  return text.replace(/(cannot represent [^:]*?value): .*$/s, '$1').slice(0, 500);
}

function fieldOf(message: string): string | undefined {
  return /Variable "\$([A-Za-z0-9_]+)"/.exec(message)?.[1] ?? /[Aa]rgument "([A-Za-z0-9_.]+)"/.exec(message)?.[1];
}

export const DATABASE_UNAVAILABLE = 'The database is unavailable; try again shortly';

/** Answers that failed because the database could not be reached are 503 with Retry-After, for clients and load balancers. */
export function unavailableStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors?.some((e) => e.message === DATABASE_UNAVAILABLE)) {
            // a request cut off by the database answers nothing of what it had resolved: fail closed, whole
            response.body.singleResult.data = null;
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}

/**
 * Logs each error the formatter masks (the database unavailable, anything
 * unexpected) by its name and path, with the request's id; nothing else of it.
 */
export function errorLogPlugin(): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            // the formatter decides what is masked; only what it masks is logged
            const answer = formatError(error.toJSON(), error);
            if (answer.extensions?.code !== 'INTERNAL_SERVER_ERROR' || isAppError(unwrapResolverError(error))) continue;
            const fields = { name: (unwrapResolverError(error) as Error)?.name ?? 'unknown', path: error.path?.join('.'), requestId: contextValue.requestId };
            logger.error(answer.message === DATABASE_UNAVAILABLE ? 'database unavailable' : 'unexpected error', fields);
          }
        },
      };
    },
  };
}

/** Raised while authenticating, before the request pipeline runs: also a 503. */
export function databaseUnavailableError(cause: unknown): GraphQLError {
  return new GraphQLError(DATABASE_UNAVAILABLE, {
    originalError: cause as Error,
    extensions: { http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) } },
  });
}

/**
 * The one error formatter: our typed errors pass through with their codes,
 * argument validation becomes BAD_USER_INPUT naming the field, graphql-js
 * request errors keep their codes without echoing values, and anything else is
 * masked as INTERNAL_SERVER_ERROR (logged by errorLogPlugin by name only: no
 * SQL, no personal data).
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
  // graphql-js stops coercing variables after 50 errors with an error of no code: still the caller's input
  if (formatted.message.startsWith('Too many errors processing variables')) {
    return { message: 'Too many invalid variable values; the request was not run', extensions: { code: 'BAD_USER_INPUT' } };
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
  if (isRetryableConflict(original)) {
    // lost a race with a concurrent change every time it was run (see Database.transaction); nothing was committed
    const { message, extensions } = conflict('CONCURRENT_CHANGE', 'A concurrent change collided with this one; nothing was changed, try again', { retryable: true });
    return { message, path: formatted.path, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    // fail closed with a message the caller can act on; still no driver text
    return { message: DATABASE_UNAVAILABLE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
