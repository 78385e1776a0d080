import type { FieldSet } from '../common/fieldSets';

const RECORD = [
  'id', 'name', 'department', 'subjectCategory', 'dataItems', 'otherDataItems', 'specialCare', 'approximateRecords', 'acquisitionMethod', 'purposeIds',
  'storageSystem', 'storageMedium', 'storageLocation', 'accessRoles', 'accessDepartments', 'retentionPeriod', 'disposalMethod', 'subcontractorIds',
  'thirdPartyProvision', 'provisionBasis', 'provisionRecipients', 'foreignTransfer', 'foreignCountry', 'foreignTransferBasis', 'note',
  'lastReviewedOn', 'nextReviewDue', 'retiredAt', 'reviewOverdue', 'riskAssessmentCount', 'notAssessed', 'riskAssessmentOverdue', 'highRiskUnmitigated',
  'createdAt', 'updatedAt',
];

/** The ledger describes personal information; none of its fields is personal data. */
export const ledgerFields: FieldSet = {
  list: ['id', 'name', 'department', 'subjectCategory', 'specialCare', 'approximateRecords', 'lastReviewedOn', 'nextReviewDue', 'retiredAt',
    'reviewOverdue', 'riskAssessmentCount', 'notAssessed', 'riskAssessmentOverdue', 'highRiskUnmitigated'],
  reference: ['id', 'name'],
  one: RECORD,
};

export const riskFields: FieldSet = {
  list: ['id', 'ledgerRecordId', 'stage', 'riskKind', 'likelihood', 'impact', 'inherentRisk', 'residualRisk', 'plannedMeasure', 'reviewerId', 'reviewedOn',
    'nextAssessmentDue', 'retiredAt', 'overdue', 'unmitigated'],
  reference: ['id', 'stage', 'riskKind'],
  one: ['id', 'ledgerRecordId', 'stage', 'riskKind', 'likelihood', 'impact', 'inherentRisk', 'measuresInPlace', 'residualRisk', 'plannedMeasure', 'reviewerId',
    'reviewedOn', 'nextAssessmentDue', 'retiredAt', 'overdue', 'unmitigated', 'createdAt', 'updatedAt'],
};
