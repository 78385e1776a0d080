import { gql } from '@apollo/client';
import { ORGANISATION_TEXT_FIELDS, type DateStyle } from '@mamori/shared';
import { request } from '../graphqlClient';

/** The organisation that answers requests; public (the sign-in page shows it). */
export interface OrganisationProfile {
  nameJa: string | null;
  nameEn: string | null;
  postalCode: string | null;
  postalAddress: string | null;
  responsibleDepartment: string | null;
  responsibleTitle: string | null;
  responsibleDepartmentEn: string | null;
  responsibleTitleEn: string | null;
  contactEmail: string | null;
  requestAddress: string | null;
  dateStyle: DateStyle;
  missingFields: string[];
}

export const PROFILE_TEXT_FIELDS = ORGANISATION_TEXT_FIELDS;

const FIELDS = `${PROFILE_TEXT_FIELDS.join(' ')} dateStyle missingFields`;
const PROFILE = gql`query OrganisationProfile { organisationProfile { ${FIELDS} } }`;
const UPDATE = gql`
  mutation UpdateOrganisationProfile(${PROFILE_TEXT_FIELDS.map((f) => `$${f}: String`).join(', ')}, $dateStyle: DateStyle) {
    updateOrganisationProfile(${PROFILE_TEXT_FIELDS.map((f) => `${f}: $${f}`).join(', ')}, dateStyle: $dateStyle) { ${FIELDS} }
  }
`;

export const organisationApi = {
  organisationProfile: () => request<{ organisationProfile: OrganisationProfile }>(PROFILE).then((d) => d.organisationProfile),
  updateOrganisationProfile: (profile: Omit<OrganisationProfile, 'missingFields'>) =>
    request<{ updateOrganisationProfile: OrganisationProfile }>(UPDATE, profile).then((d) => d.updateOrganisationProfile),
};

/** Before signing in: the same query over plain fetch, without a token. */
export async function publicProfile(): Promise<OrganisationProfile | null> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ organisationProfile { ${FIELDS} } }` }),
  }).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json().catch(() => null)) as { data?: { organisationProfile?: OrganisationProfile } } | null;
  return body?.data?.organisationProfile ?? null;
}
