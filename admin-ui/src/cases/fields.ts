import type { FieldSet } from '../common/fieldSets';

const NON_PERSONAL = [
  'id', 'reference', 'type', 'requester', 'channel', 'receivedOn', 'subjectId', 'noMatchingData', 'assigneeId', 'recordedById',
  'requestedItems', 'disclosureMethod', 'periodFrom', 'periodTo', 'feeYen', 'feeOwedYen', 'hasRequestForm', 'identityDocument', 'hasProxyLetter', 'sealCertificateIssuedOn',
  'status', 'nonDisclosureReasons', 'repliedOn', 'completedOn', 'documentsDestroyedAt', 'documentsDestroyOn', 'carriedOutAt',
  'outcomeFields', 'dueOn', 'daysLeft', 'overdue', 'allowedTransitions', 'timeline', 'documents', 'createdAt', 'updatedAt',
];

/** A transition without its note (free text written while working the case). */
const TRANSITION_WITHOUT_NOTE = ['id', 'from', 'to', 'actorId', 'actorName', 'at', 'reasons'];

/**
 * Lists of cases hold no personal data; the case page adds the requester's
 * name and reply address. Who may not read those (the internal auditor) gets
 * the workflow and deadlines: no names, scans or notes.
 */
export const caseFields: FieldSet = {
  list: ['id', 'reference', 'type', 'status', 'receivedOn', 'dueOn', 'daysLeft', 'overdue', 'assigneeId', 'feeYen', 'feeOwedYen'],
  reference: ['id', 'reference', 'status'],
  one: [...NON_PERSONAL, 'requesterName', 'representativeName', 'replyAddress'],
  mutation: ['id', 'reference', 'status'],
  oneWithoutPersonal: [...NON_PERSONAL.filter((f) => f !== 'documents' && f !== 'timeline'), { timeline: TRANSITION_WITHOUT_NOTE }],
};
