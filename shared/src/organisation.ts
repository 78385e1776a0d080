/** The organisation profile's text fields; the required ones sign every letter, the `…En` forms are optional. */
export const ORGANISATION_REQUIRED_FIELDS = [
  'nameJa',
  'nameEn',
  'postalCode',
  'postalAddress',
  'responsibleDepartment',
  'responsibleTitle',
  'contactEmail',
  'requestAddress',
] as const;

export const ORGANISATION_TEXT_FIELDS = [...ORGANISATION_REQUIRED_FIELDS, 'responsibleDepartmentEn', 'responsibleTitleEn'] as const;
export type OrganisationTextField = (typeof ORGANISATION_TEXT_FIELDS)[number];
