import type { FieldSet } from '../common/fieldSets';

const COURSE = ['id', 'title', 'fiscalYear', 'dueOn', 'retiredAt', 'recordedById', 'createdAt', 'updatedAt'];
const COMPLETION = ['id', 'courseId', 'userId', 'completedOn', 'result', 'score', 'recordedById', 'createdAt'];

export const courseFields: FieldSet = { list: COURSE, reference: ['id', 'title', 'fiscalYear', 'dueOn', 'retiredAt'], one: COURSE };
export const completionFields: FieldSet = { list: COMPLETION, reference: COMPLETION, one: COMPLETION };
