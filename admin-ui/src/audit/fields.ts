import type { FieldSet } from '../common/fieldSets';

export const auditFields: FieldSet = {
  list: ['id', 'seq', 'occurredAt', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'subjectId', 'caseId', 'fields', 'outcome', 'reason'],
  reference: ['id', 'seq', 'action'],
  one: [
    'id', 'seq', 'occurredAt', 'actorId', 'actorRole', 'action', 'entityType', 'entityId', 'subjectId', 'caseId', 'fields',
    'reason', 'requestId', 'clientIp', 'outcome', 'changes', 'prevHash', 'hash',
  ],
};
