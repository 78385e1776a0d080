import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, getNullableType, isListType, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export const LIMITS = { maxDepth: 15, maxAliases: 30, maxCost: 50_000 };
const DEFAULT_PER_PAGE = 25;

/** Reported as an ordinary validation error (GRAPHQL_VALIDATION_FAILED), nothing executes. */
const report = (ctx: ValidationContext | null, error: GraphQLError) =>
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));

/** Depth and alias limits; introspection is measured like any other query. */
export function limitRules(): ValidationRule[] {
  const common = { exposeLimits: true, onReject: [report], propagateOnRejection: false };
  return [
    maxDepthRule({ ...common, n: LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true }),
    maxAliasesRule({ ...common, n: LIMITS.maxAliases }),
  ] as unknown as ValidationRule[];
}

/** A paged list costs its page size times what each row selects. */
const pagedListEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type)) || !('perPage' in (field.args ? Object.fromEntries(field.args.map((a) => [a.name, a])) : {}))) {
    return undefined;
  }
  const perPage = typeof args.perPage === 'number' ? args.perPage : DEFAULT_PER_PAGE;
  return perPage * (1 + childComplexity);
};

/**
 * The cost limit: every selected field costs 1 and a paged list multiplies
 * its rows' cost by perPage, computed with the request's variables before
 * anything executes. Introspection is counted too.
 */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that cannot be coerced: execution refuses them with BAD_USER_INPUT before running anything.
            return;
          }
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`Query cost ${Math.round(cost)} exceeds the limit of ${LIMITS.maxCost}; ask for fewer rows or fields`, {
              // thrown from a plugin, it would otherwise be answered with HTTP 500
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
