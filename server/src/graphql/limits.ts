import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, getNullableType, isListType, visit, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
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

/** A paged list costs its page size times what each row selects (the only argument a cost depends on: see `costOf`). */
const pagedListEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type)) || !('perPage' in (field.args ? Object.fromEntries(field.args.map((a) => [a.name, a])) : {}))) {
    return undefined;
  }
  const perPage = typeof args.perPage === 'number' ? args.perPage : DEFAULT_PER_PAGE;
  return perPage * (1 + childComplexity);
};

/**
 * Whether a document's cost can change with its variables: through a variable
 * `perPage` (the estimator above) or a variable `@skip`/`@include` (which
 * getComplexity honours). Anything else a variable feeds leaves the cost alone.
 */
function costVaries(document: DocumentNode): boolean {
  let varies = false;
  const usesVariable = (node: object) => {
    let found = false;
    visit(node as DocumentNode, { [Kind.VARIABLE]: () => void (found = true) });
    return found;
  };
  visit(document, {
    Argument(node) {
      if (node.name.value === 'perPage' && usesVariable(node.value)) varies = true;
    },
    Directive(node) {
      if (usesVariable(node)) varies = true;
    },
  });
  return varies;
}

/** Costs of documents whose cost no variable changes, by operation name; Apollo hands the same parsed document to every request that sends the same text. */
const fixedCosts = new WeakMap<DocumentNode, Map<string, number> | null>();

function costOf(schema: Parameters<typeof getComplexity>[0]['schema'], document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  let fixed = fixedCosts.get(document);
  if (fixed === undefined) {
    fixed = costVaries(document) ? null : new Map();
    fixedCosts.set(document, fixed);
  }
  const known = fixed?.get(operationName ?? '');
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables,
    estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  fixed?.set(operationName ?? '', cost);
  return cost;
}

/**
 * The cost limit: every selected field costs 1 and a paged list multiplies
 * its rows' cost by perPage, computed with the request's variables before
 * anything executes (once per document when no variable can change it).
 * Introspection is counted too.
 */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = costOf(schema, document, request.operationName, request.variables ?? {});
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
