import type { FieldSet } from '../common/fieldSets';

const REVIEW = [
  'id', 'fiscalYear', 'title', 'periodFrom', 'periodTo', 'plannedOn', 'heldOn', 'participants', 'lawChanges', 'otherInputs', 'conclusions', 'status',
  'closedOn', 'openActionCount', 'createdAt', 'updatedAt',
];
const ACTION = ['id', 'reviewId', 'description', 'ownerId', 'dueOn', 'status', 'doneOn', 'result', 'overdue', 'createdAt', 'updatedAt'];

/** The management review holds no personal data: its inputs are counts; its gathered inputs are read by the show page alone (api.ts). */
export const managementReviewFields: FieldSet = {
  list: REVIEW.filter((f) => !['participants', 'lawChanges', 'otherInputs', 'conclusions', 'createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'title', 'fiscalYear', 'heldOn'],
  one: REVIEW,
};

export const reviewActionFields: FieldSet = {
  list: ACTION.filter((f) => !['createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'description', 'dueOn'],
  one: ACTION,
};
