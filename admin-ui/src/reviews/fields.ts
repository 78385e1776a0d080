import type { FieldSet } from '../common/fieldSets';

const ALL = ['id', 'subcontractorId', 'reviewedOn', 'reviewerId', 'result', 'findings', 'correctiveActions', 'nextReviewDue', 'superseded', 'overdue', 'createdAt', 'updatedAt'];

export const reviewFields: FieldSet = { list: ALL.filter((f) => f !== 'correctiveActions'), reference: ['id', 'reviewedOn', 'result'], one: ALL };
