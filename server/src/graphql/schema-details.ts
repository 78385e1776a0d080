import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

export const INVALID_REQUEST = 'The request is not valid for this API';

/**
 * Production tells no one what the schema holds: Apollo's
 * hideSchemaDetailsFromClientErrors drops graphql-js's "Did you mean" hints,
 * and this plugin goes further for callers who are not signed in: a request
 * that fails validation is answered with one fixed message, because
 * graphql-js names fields, types and arguments of the schema in its
 * validation messages ("Cannot query field … on type …", "Unknown argument …").
 */
export function anonymousValidationPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.user || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) return;
          response.body.singleResult.errors = errors.map((e) =>
            e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' ? { message: INVALID_REQUEST, locations: e.locations, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } } : e,
          );
        },
      };
    },
  };
}
