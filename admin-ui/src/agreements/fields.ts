import type { FieldSet } from '../common/fieldSets';

const ALL = ['id', 'subcontractorId', 'signedOn', 'effectiveFrom', 'expiresOn', 'documentRef', 'inForce', 'daysToExpiry', 'expiringSoon', 'renewed', 'createdAt', 'updatedAt'];

export const agreementFields: FieldSet = { list: ALL, reference: ['id', 'expiresOn'], one: ALL };
