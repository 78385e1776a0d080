import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../modules';
import { personalDataAudit } from '../modules/audit/audit.middleware';
import { permissions } from '../permissions';

/** The type-graphql schema as built from the resolvers, before permissions and audit. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: { forbidUnknownValues: false }, emitSchemaFile: false });
}

/** The served schema: permissions outermost, then the personal-data audit, then resolvers. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), permissions, personalDataAudit());
}
