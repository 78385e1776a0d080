import type { FieldSet } from '../common/fieldSets';

export const consentFields: FieldSet = {
  list: ['id', 'subjectId', 'purposeId', 'consentedOn', 'method', 'withdrawnAt'],
  reference: ['id', 'purposeId', 'consentedOn'],
  one: ['id', 'subjectId', 'purposeId', 'consentedOn', 'method', 'withdrawnAt', 'recordedById', 'createdAt'],
};
