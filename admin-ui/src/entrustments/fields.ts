import type { FieldSet } from '../common/fieldSets';

const ALL = [
  'id', 'subcontractorId', 'dataCategories', 'dataItems', 'subjectCount', 'purposeIds', 'handedOverOn', 'endsOn', 'note', 'closedOn',
  'certificateKind', 'certificateRef', 'open', 'pastEnd', 'daysToEnd', 'createdAt', 'updatedAt',
];

/** Hand-overs record categories and counts, never the data itself. */
export const entrustmentFields: FieldSet = { list: ALL.filter((f) => f !== 'note'), reference: ['id', 'handedOverOn'], one: ALL };
