import type { FieldSet } from '../common/fieldSets';

const CORE = [
  'id', 'reference', 'kind', 'detectedAt', 'description', 'peopleAffected', 'sensitiveData', 'financialLossRisk', 'wrongfulPurpose', 'subcontractorId',
  'preliminaryReportedOn', 'finalReportedOn', 'individualsNotifiedOn', 'detectedOn', 'daysSinceDetection', 'reportable', 'reportPending',
  'preliminaryReportDueOn', 'preliminaryReportFlagged', 'preliminaryReportOverdue', 'finalReportDueOn', 'finalReportOverdue',
  'individualsNotificationPending', 'openMeasureCount', 'createdAt', 'updatedAt',
];

/** The incident register describes what happened, never the personal data of the people affected. */
export const incidentFields: FieldSet = {
  list: CORE.filter((f) => !['description', 'createdAt', 'updatedAt'].includes(f)),
  reference: ['id', 'reference'],
  one: CORE,
};

export const measureFields: FieldSet = {
  list: ['id', 'incidentId', 'description', 'status', 'dueOn', 'doneOn', 'overdue'],
  reference: ['id', 'description'],
  one: ['id', 'incidentId', 'description', 'status', 'dueOn', 'doneOn', 'overdue', 'createdAt', 'updatedAt'],
};
