import buildGraphQLProvider, { buildQuery as defaultBuildQuery } from 'ra-data-graphql-simple';
import { CREATE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, UPDATE, type DataProvider } from 'react-admin';
import { canAccess } from './access';
import type { FieldSet, SparseField } from './common/fieldSets';
import { session } from './session';
import { toHttpError } from './errors';
import { client } from './graphqlClient';
import { schema } from './schema';
import { auditApi } from './audit/api';
import { auditFields } from './audit/fields';
import { caseApi } from './cases/api';
import { caseFields } from './cases/fields';
import { consentFields } from './consents/fields';
import { dashboardApi } from './dashboard/api';
import { purposeFields } from './purposes/fields';
import { subjectApi } from './subjects/api';
import { subjectFields } from './subjects/fields';
import { userApi } from './users/api';
import { userFields } from './users/fields';
import { agreementFields } from './agreements/fields';
import { entrustmentApi } from './entrustments/api';
import { entrustmentFields } from './entrustments/fields';
import { incidentFields, measureFields } from './incidents/fields';
import { ledgerApi } from './ledger/api';
import { ledgerFields, riskFields } from './ledger/fields';
import { provisionFields } from './provisions/fields';
import { reviewFields } from './reviews/fields';
import { subcontractorFields } from './subcontractors/fields';
import { receivedDataFields } from './received-data/fields';
import { trainingApi } from './training/api';
import { calendarApi } from './calendar/api';
import { completionFields, courseFields } from './training/fields';
import { internalAuditApi } from './internal-audit/api';
import { auditFindingFields, correctiveActionFields, internalAuditFields } from './internal-audit/fields';
import { managementReviewApi } from './management-reviews/api';
import { managementReviewFields, reviewActionFields } from './management-reviews/fields';

/** What each resource's screens ask for (see common/fieldSets.ts). */
const FIELD_SETS: Record<string, FieldSet> = {
  Case: caseFields,
  DataSubject: subjectFields,
  AuditEntry: auditFields,
  User: userFields,
  Consent: consentFields,
  PurposeOfUse: purposeFields,
  ThirdPartyProvision: provisionFields,
  Subcontractor: subcontractorFields,
  ConfidentialityAgreement: agreementFields,
  SupervisionReview: reviewFields,
  Entrustment: entrustmentFields,
  Incident: incidentFields,
  IncidentMeasure: measureFields,
  TrainingCourse: courseFields,
  TrainingCompletion: completionFields,
  ReceivedDataRecord: receivedDataFields,
  LedgerRecord: ledgerFields,
  RiskAssessment: riskFields,
  InternalAudit: internalAuditFields,
  AuditFinding: auditFindingFields,
  CorrectiveAction: correctiveActionFields,
  ManagementReview: managementReviewFields,
  ManagementReviewAction: reviewActionFields,
};

type BuildQuery = ReturnType<typeof defaultBuildQuery>;
type Params = { meta?: { sparseFields?: SparseField[] } & Record<string, unknown> } & Record<string, unknown>;

const kindOf = (fetchType: string): 'list' | 'reference' | 'one' | 'mutation' =>
  fetchType === GET_LIST || fetchType === GET_MANY_REFERENCE
    ? 'list'
    : fetchType === GET_MANY
      ? 'reference'
      : fetchType === CREATE || fetchType === UPDATE
        ? 'mutation'
        : 'one';

const fieldsFor = (resource: string, kind: ReturnType<typeof kindOf>): SparseField[] | undefined => {
  const set = FIELD_SETS[resource];
  if (!set) return undefined;
  if (kind === 'one' && set.oneWithoutPersonal && !canAccess(session.user()?.role, resource, 'readPersonal')) return set.oneWithoutPersonal;
  return kind === 'mutation' ? (set.mutation ?? ['id']) : set[kind];
};

/**
 * ra-data-graphql-simple's query builder, told which fields to select: a
 * screen may name its own (`meta.sparseFields`), otherwise the resource's
 * field set for that kind of request applies. Never "every field".
 */
const buildQuery = (introspection: Parameters<typeof defaultBuildQuery>[0]): BuildQuery => {
  const build = defaultBuildQuery(introspection);
  return (fetchType, resource, params: Params) => {
    const sparseFields = params?.meta?.sparseFields ?? fieldsFor(resource, kindOf(fetchType));
    const withFields = sparseFields ? { ...params, meta: { ...params?.meta, sparseFields } } : params;
    if (fetchType === GET_MANY) {
      // "Get many" as a list with an explicit page size: the server's default page (25) would cut it short.
      const ids = (params.ids as unknown[] | undefined) ?? [];
      return build(GET_LIST, resource, {
        ...withFields,
        filter: { ids },
        pagination: { page: 1, perPage: Math.min(Math.max(ids.length, 1), 1000) },
        sort: { field: 'id', order: 'ASC' },
      });
    }
    return build(fetchType, resource, withFields);
  };
};

const base = buildGraphQLProvider({
  client,
  introspection: { schema },
  buildQuery,
  query: () => ({ fetchPolicy: 'no-cache' }),
  mutation: () => ({ fetchPolicy: 'no-cache' }),
});

const customApi = { ...auditApi, ...caseApi, ...userApi, ...dashboardApi, ...entrustmentApi, ...subjectApi, ...trainingApi, ...ledgerApi, ...internalAuditApi, ...managementReviewApi, ...calendarApi };

/** The action of access.ts each standard method needs on its resource. */
const ACTION_OF: Record<string, string> = {
  getList: 'list',
  getMany: 'list',
  getManyReference: 'list',
  getOne: 'show',
  create: 'create',
  update: 'edit',
  updateMany: 'edit',
  delete: 'delete',
  deleteMany: 'delete',
};

/**
 * The standard methods, with every failure turned into an HttpError in the
 * user's language. A call the role may not make is refused here, before it
 * reaches the server: react-admin starts a page's query even when canAccess
 * has just said no (and then shows "access denied"), which would otherwise
 * leave an ACCESS_DENIED entry in the trail for a mere page visit.
 */
const standard = Object.fromEntries(
  Object.entries(base).map(([name, method]) => [
    name,
    typeof method === 'function'
      ? (resource: string, ...rest: unknown[]) => {
          const action = ACTION_OF[name];
          if (action && !canAccess(session.user()?.role, resource, action)) {
            return Promise.reject(toHttpError({ errors: [{ message: 'refused in the browser', extensions: { code: 'FORBIDDEN' } }] }));
          }
          return (method as (...a: unknown[]) => Promise<unknown>)(resource, ...rest).catch((e: unknown) => Promise.reject(toHttpError(e)));
        }
      : method,
  ]),
) as unknown as DataProvider;

export type MamoriDataProvider = DataProvider & typeof customApi;

/**
 * A create or update asks back only for the id (see FieldSet.mutation); the
 * record is then read as its page reads it, so react-admin's cache never
 * holds a partial record.
 */
const reread = async <T extends { data: { id: unknown } }>(resource: string, result: T): Promise<T> => {
  if (!FIELD_SETS[resource]) return result;
  const { data } = await standard.getOne(resource, { id: result.data.id });
  return { ...result, data };
};

/** react-admin's data provider plus our own operations (verify, export, assign, ...), so all go through useDataProvider. */
export const dataProvider: MamoriDataProvider = {
  ...standard,
  create: async (resource, params) => reread(resource, await standard.create(resource, params)),
  update: async (resource, params) => reread(resource, await standard.update(resource, params)),
  ...customApi,
};
