import type { FieldSet } from '../common/fieldSets';

const ALL = [
  'id', 'name', 'contact', 'entrustedCategories', 'entrustedPurposes', 'meetsStandards', 'lastAssessedOn', 'active', 'agreementInForce',
  'agreementExpiresOn', 'flaggedNonCompliant', 'lastReviewedOn', 'nextReviewDue', 'reviewOverdue', 'allowedToReceiveData', 'notAllowedBecause',
  'createdAt', 'updatedAt',
];

/** Subcontractors hold no personal data of data subjects. */
export const subcontractorFields: FieldSet = {
  list: ALL.filter((f) => !['createdAt', 'updatedAt', 'entrustedPurposes'].includes(f)),
  reference: ['id', 'name'],
  one: ALL,
};
