/**
 * The single list of personal-data fields, per GraphQL type. The server's audit
 * middleware and permission rules are generated from it, so a field added here
 * is audited and guarded everywhere it can be reached.
 */
export const PERSONAL_DATA_FIELDS = {
  DataSubject: [
    'fullName',
    'fullNameKana',
    'postalCode',
    'postalAddress',
    'phone',
    'email',
    'company',
    'division',
    'title',
  ],
  Case: ['requesterName', 'representativeName', 'replyAddress'],
} as const;

export type PersonalDataType = keyof typeof PERSONAL_DATA_FIELDS;
export type DataSubjectPersonalField = (typeof PERSONAL_DATA_FIELDS.DataSubject)[number];
export type CasePersonalField = (typeof PERSONAL_DATA_FIELDS.Case)[number];

export function isPersonalField(typeName: string, fieldName: string): boolean {
  const fields = (PERSONAL_DATA_FIELDS as Record<string, readonly string[]>)[typeName];
  return fields !== undefined && fields.includes(fieldName);
}
