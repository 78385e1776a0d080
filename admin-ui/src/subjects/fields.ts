import type { FieldSet } from '../common/fieldSets';

/** The subject list asks for id, category and name only (the name is an audited read). */
export const subjectFields: FieldSet = {
  list: ['id', 'category', 'fullName'],
  reference: ['id', 'fullName'],
  one: [
    'id', 'category', 'fullName', 'fullNameKana', 'postalCode', 'postalAddress', 'phone', 'email', 'company', 'division', 'title',
    'restricted', 'provisionStopped', 'erasedAt', 'createdAt', 'updatedAt',
  ],
};
