import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { allow, type IRules } from 'graphql-shield';
import { PERSONAL_DATA_FIELDS, type PersonalDataType } from '@mamori/shared';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../modules';
import { personalDataAudit } from '../modules/audit/audit.middleware';
import { permissionRules, permissions, shieldOptions } from '../permissions';
import { resolverContainer } from './resolvers';
import { argumentValidator } from './validation';

/** The type-graphql schema as built from the resolvers, before permissions and audit. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, container: resolverContainer, validateFn: argumentValidator(), emitSchemaFile: false });
}

/** The rule graphql-shield applies to `type.field`: a type-wide rule, else the field's own, else the type's `'*'`; undefined means the fallback (deny). */
function ruleOf(rules: IRules, type: string, field: string): unknown {
  const entry = (rules as Record<string, unknown>)[type];
  const isFieldMap = entry !== null && typeof entry === 'object' && Object.getPrototypeOf(entry) === Object.prototype;
  if (!isFieldMap) return entry;
  const fields = entry as Record<string, unknown>;
  return fields[field] ?? fields['*'];
}

type FieldArgs = [parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo];
type Resolve = (...args: FieldArgs) => unknown;
type RuleInternals = { cache: unknown; func: (...args: FieldArgs) => unknown };
const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/**
 * Shield's own field wrapper, with shield's exact semantics, for the personal
 * fields' plain rules: the same rule function decides (true → resolve; an
 * Error or a string → that error; anything else, or a throw → the fallback
 * error; a resolver's error passes through as `allowExternalErrors` says), but
 * a rule that answers synchronously (need-to-know already decided for this
 * object) costs no promise. Shield's wrapper always awaits three times, and a
 * 100-subject list has 900 personal fields.
 */
function inlineGuard(rule: RuleInternals, options: typeof shieldOptions) {
  const fallback = (error: unknown) => options.fallbackError(error);
  const resolverFailed = (error: unknown) => {
    if (options.debug) throw error;
    return options.allowExternalErrors ? error : fallback(error);
  };
  const decide = (verdict: unknown, resolve: Resolve, parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo): unknown => {
    if (verdict === true) {
      try {
        const value = resolve(parent, args, ctx, info);
        return isPromise(value) ? value.catch(resolverFailed) : value;
      } catch (error) {
        return resolverFailed(error);
      }
    }
    if (verdict instanceof Error) return verdict;
    if (typeof verdict === 'string') return new Error(verdict);
    return fallback(null);
  };
  return (resolve: Resolve, parent: unknown, args: unknown, ctx: unknown, info: GraphQLResolveInfo): unknown => {
    let verdict: unknown;
    try {
      verdict = rule.func(parent, args, ctx, info);
    } catch {
      verdict = false;
    }
    return isPromise(verdict)
      ? verdict.then(
          (v) => decide(v, resolve, parent, args, ctx, info),
          () => decide(false, resolve, parent, args, ctx, info),
        )
      : decide(verdict, resolve, parent, args, ctx, info);
  };
}

/** A plain `rule(...)` without caching (shield itself recognises rules by the constructor's name). */
const isPlainUncachedRule = (rule: unknown): rule is RuleInternals =>
  typeof rule === 'object' && rule !== null && rule.constructor.name === 'Rule' && (rule as RuleInternals).cache === 'no_cache' && typeof (rule as RuleInternals).func === 'function';

/**
 * The shield's per-field middleware, minus the fields whose rule is `allow`.
 * Shield wraps every field of every type in an async middleware; for an
 * `allow` field that wrapper only ever calls the resolver (errors pass through
 * unchanged, as `allowExternalErrors` is on), so dropping it changes no
 * decision while sparing a few promises per field of every object returned.
 * Personal fields keep their rule, applied by `inlineGuard`. Fields the map
 * does not name keep shield's wrapper (fallbackRule: deny).
 */
export function permissionMiddleware(schema: GraphQLSchema): IMiddlewareTypeMap {
  const generated = permissions.generate(schema) as IMiddlewareTypeMap;
  const kept: IMiddlewareTypeMap = {};
  for (const [type, fields] of Object.entries(generated)) {
    const personal: readonly string[] = PERSONAL_DATA_FIELDS[type as PersonalDataType] ?? [];
    const wrapped: Record<string, unknown> = {};
    for (const [field, middleware] of Object.entries(fields as Record<string, unknown>)) {
      const rule = ruleOf(permissionRules, type, field);
      if (rule === allow) continue;
      wrapped[field] = personal.includes(field) && isPlainUncachedRule(rule) ? inlineGuard(rule, shieldOptions) : middleware;
    }
    // graphql-middleware passes a plain value through (its typings ask for a promise).
    if (Object.keys(wrapped).length > 0) kept[type] = wrapped as unknown as IMiddlewareTypeMap[string];
  }
  return kept;
}

/** The served schema: permissions outermost, then the personal-data audit, then resolvers. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildBareSchema();
  return applyMiddleware(schema, permissionMiddleware(schema), personalDataAudit());
}
