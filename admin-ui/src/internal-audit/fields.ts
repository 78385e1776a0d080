import type { FieldSet } from '../common/fieldSets';

const AUDIT = ['id', 'fiscalYear', 'title', 'scope', 'departments', 'plannedFrom', 'plannedTo', 'auditorId', 'status', 'closedOn', 'openNonconformityCount', 'createdAt', 'updatedAt'];
const FINDING = ['id', 'auditId', 'kind', 'area', 'description', 'foundOn', 'createdAt', 'updatedAt'];
const ACTION = [
  'id', 'findingId', 'auditId', 'ownerId', 'dueOn', 'cause', 'actionTaken', 'completedOn', 'verifiedById', 'verifiedOn', 'effective',
  'verificationNote', 'overdue', 'awaitingVerification', 'createdAt', 'updatedAt',
];

/** The internal audit holds no personal data: its records describe the management system. */
export const internalAuditFields: FieldSet = {
  list: AUDIT.filter((f) => !['scope', 'createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'title', 'fiscalYear'],
  one: AUDIT,
};

export const auditFindingFields: FieldSet = {
  list: FINDING.filter((f) => !['createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'kind', 'area', 'description'],
  one: FINDING,
};

export const correctiveActionFields: FieldSet = {
  list: ACTION.filter((f) => !['cause', 'verificationNote', 'createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'dueOn'],
  one: ACTION,
};
