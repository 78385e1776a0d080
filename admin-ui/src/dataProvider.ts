import buildGraphQLProvider, { buildQuery as defaultBuildQuery } from 'ra-data-graphql-simple';
import { GET_LIST, GET_MANY, GET_MANY_REFERENCE, type DataProvider } from 'react-admin';
import type { FieldSet } from './common/fieldSets';
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
import { subjectFields } from './subjects/fields';
import { userApi } from './users/api';
import { userFields } from './users/fields';
import { agreementFields } from './agreements/fields';
import { entrustmentApi } from './entrustments/api';
import { entrustmentFields } from './entrustments/fields';
import { incidentFields, measureFields } from './incidents/fields';
import { provisionFields } from './provisions/fields';
import { reviewFields } from './reviews/fields';
import { subcontractorFields } from './subcontractors/fields';

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
};

type BuildQuery = ReturnType<typeof defaultBuildQuery>;
type Params = { meta?: { sparseFields?: string[] } & Record<string, unknown> } & Record<string, unknown>;

const kindOf = (fetchType: string): keyof FieldSet =>
  fetchType === GET_LIST || fetchType === GET_MANY_REFERENCE ? 'list' : fetchType === GET_MANY ? 'reference' : 'one';

/**
 * ra-data-graphql-simple's query builder, told which fields to select: a
 * screen may name its own (`meta.sparseFields`), otherwise the resource's
 * field set for that kind of request applies. Never "every field".
 */
const buildQuery = (introspection: Parameters<typeof defaultBuildQuery>[0]): BuildQuery => {
  const build = defaultBuildQuery(introspection);
  return (fetchType, resource, params: Params) => {
    const sparseFields = params?.meta?.sparseFields ?? FIELD_SETS[resource]?.[kindOf(fetchType)];
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

const customApi = { ...auditApi, ...caseApi, ...userApi, ...dashboardApi, ...entrustmentApi };

/** The standard methods, with every failure turned into an HttpError in the user's language. */
const standard = Object.fromEntries(
  Object.entries(base).map(([name, method]) => [
    name,
    typeof method === 'function'
      ? (...args: unknown[]) => (method as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => Promise.reject(toHttpError(e)))
      : method,
  ]),
) as unknown as DataProvider;

export type MamoriDataProvider = DataProvider & typeof customApi;

/** react-admin's data provider plus our own operations (verify, export, assign, ...), so all go through useDataProvider. */
export const dataProvider: MamoriDataProvider = { ...standard, ...customApi };
