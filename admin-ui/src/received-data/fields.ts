import type { FieldSet } from '../common/fieldSets';

const ALL = [
  'id',
  'providerName',
  'providerAddress',
  'providerRepresentative',
  'acquisitionMethod',
  'receivedOn',
  'items',
  'subjectCategory',
  'note',
  'recordedById',
  'createdAt',
  'retainUntil',
  'pastRetention',
];

/** The provider's confirmation, not a data subject's personal data: lists show what the register needs. */
export const receivedDataFields: FieldSet = {
  list: ['id', 'providerName', 'receivedOn', 'items', 'subjectCategory', 'retainUntil', 'pastRetention'],
  reference: ['id', 'providerName', 'receivedOn'],
  one: ALL,
};
