import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import { PERSONAL_DATA_FIELDS, type PersonalDataType } from '@mamori/shared';
import type { Context } from '../../graphql/context';
import type { Justification } from './request-audit';

type Parent = Record<string, unknown> & { id: number };

/** How to find the entity and data subject behind a personal field, per type. */
const LOCATE: Record<PersonalDataType, (parent: Parent, ctx: Context) => Promise<[number | null, Justification]>> = {
  DataSubject: async (p, ctx) => [p.id, (await ctx.access.subject(p as Parent & { restricted: boolean })) ?? { caseId: null }],
  Case: async (p) => [(p.subjectId as number | null) ?? null, { caseId: p.id }],
};

/**
 * Field-level audit, generated from the shared personal-data list: every
 * personal field that resolves is noted for this request's READ entry. It runs
 * inside the permission layer, so only reads that were allowed are noted; the
 * entries are committed before the response is sent (audit.plugin).
 */
export function personalDataAudit(): IMiddlewareTypeMap {
  const map: IMiddlewareTypeMap = {};
  for (const type of Object.keys(PERSONAL_DATA_FIELDS) as PersonalDataType[]) {
    const fields: Record<string, (resolve: Function, parent: Parent, args: unknown, ctx: Context, info: GraphQLResolveInfo) => Promise<unknown>> = {};
    for (const field of PERSONAL_DATA_FIELDS[type]) {
      fields[field] = async (resolve, parent, args, ctx, info) => {
        const value = await resolve(parent, args, ctx, info);
        const [subjectId, justification] = await LOCATE[type](parent, ctx);
        ctx.audit.recordRead(type, parent.id, subjectId, info.fieldName, justification);
        return value;
      };
    }
    map[type] = fields;
  }
  return map;
}
