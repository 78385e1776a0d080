import type { GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareFunction, IMiddlewareTypeMap } from 'graphql-middleware';
import { PERSONAL_DATA_FIELDS, type PersonalDataType } from '@mamori/shared';
import type { Caller } from '../common/caller';
import type { Justification } from './request-audit';

type Parent = Record<string, unknown> & { id: number };
type Located = [number | null, Justification];

/**
 * How to find the entity and data subject behind a personal field, per type.
 * Synchronous when need-to-know is known without loading anything (always,
 * once the field's permission rule has asked), so a list of 100 subjects does
 * not pay a promise per field.
 */
const LOCATE: Record<PersonalDataType, (parent: Parent, caller: Caller) => Located | Promise<Located>> = {
  DataSubject: (p, caller) => {
    const decided = caller.access.subjectNow(p as Parent & { restricted: boolean });
    return decided instanceof Promise ? decided.then((j): Located => [p.id, j ?? { caseId: null }]) : [p.id, decided ?? { caseId: null }];
  },
  Case: (p) => [(p.subjectId as number | null) ?? null, { caseId: p.id }],
};

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;

/**
 * Field-level audit, generated from the shared personal-data list: every
 * personal field that resolves is noted for this request's READ entry. It runs
 * inside the permission layer, so only reads that were allowed are noted; the
 * entries are committed before the response is sent (audit.plugin).
 */
export function personalDataAudit(): IMiddlewareTypeMap {
  const map: IMiddlewareTypeMap = {};
  for (const type of Object.keys(PERSONAL_DATA_FIELDS) as PersonalDataType[]) {
    const locate = LOCATE[type];
    const record = (parent: Parent, caller: Caller, info: GraphQLResolveInfo, [subjectId, justification]: Located) =>
      caller.audit.recordRead(type, parent.id, subjectId, info.fieldName, justification);
    type Resolve = (parent: Parent, args: unknown, caller: Caller, info: GraphQLResolveInfo) => unknown;
    const noteRead = (resolve: Resolve, parent: Parent, args: unknown, caller: Caller, info: GraphQLResolveInfo): unknown => {
      const value = resolve(parent, args, caller, info);
      const note = (resolved: unknown) => {
        const located = locate(parent, caller);
        if (isPromise(located)) return located.then((l) => (record(parent, caller, info, l), resolved));
        record(parent, caller, info, located);
        return resolved;
      };
      return isPromise(value) ? value.then(note) : note(value);
    };
    // graphql-middleware passes a plain value through (its typings ask for a promise).
    map[type] = Object.fromEntries(PERSONAL_DATA_FIELDS[type].map((field) => [field, noteRead as unknown as IMiddlewareFunction]));
  }
  return map;
}
