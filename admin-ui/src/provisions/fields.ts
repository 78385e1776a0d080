import type { FieldSet } from '../common/fieldSets';

const ALL = ['id', 'subjectId', 'recipient', 'items', 'providedOn', 'legalBasis', 'consentId', 'note', 'recordedById', 'createdAt', 'retainUntil', 'pastRetention'];

/** Provision records name the subject by id only (no personal fields of the subject are asked for). */
export const provisionFields: FieldSet = { list: ALL.filter((f) => f !== 'note'), reference: ['id', 'recipient', 'providedOn'], one: ALL };
