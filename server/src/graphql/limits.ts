import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export const LIMITS = { maxDepth: 15, maxCost: 20_000, maxAliases: 30 };

/** Reported as an ordinary validation error (GRAPHQL_VALIDATION_FAILED), nothing executes. */
const report = (ctx: ValidationContext | null, error: GraphQLError) =>
  ctx?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));

const common = { exposeLimits: true, onReject: [report], propagateOnRejection: false };

/** Depth, cost and alias limits; introspection is measured like any other query. */
export function limitRules(): ValidationRule[] {
  return [
    maxDepthRule({ ...common, n: LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true }),
    costLimitRule({ ...common, maxCost: LIMITS.maxCost, ignoreIntrospection: false }),
    maxAliasesRule({ ...common, n: LIMITS.maxAliases }),
  ] as unknown as ValidationRule[];
}
