/**
 * The yearly calendar of what is due (年間スケジュール): the kinds of dated
 * item it gathers from the management system's records, and their standing.
 */

/** What falls due, one kind per date a record carries. */
export const CALENDAR_ITEM_KINDS = [
  'LEDGER_REVIEW',
  'RISK_REASSESSMENT',
  'TRAINING_DUE',
  'INTERNAL_AUDIT',
  'CORRECTIVE_ACTION',
  'MANAGEMENT_REVIEW',
  'MANAGEMENT_REVIEW_ACTION',
  'AGREEMENT_EXPIRY',
  'SUPERVISION_REVIEW',
  'ENTRUSTMENT_END',
  'INCIDENT_PRELIMINARY_REPORT',
  'INCIDENT_FINAL_REPORT',
  'INCIDENT_MEASURE',
  'CASE_REPLY',
  'CASE_DOCUMENTS_DESTRUCTION',
  'RECEIVED_DATA_RETENTION_END',
  'PROVISION_RETENTION_END',
] as const;
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number];

/** Where an item stands on the day asked (Japan time): due exactly today is not overdue yet. */
export const CALENDAR_ITEM_STATUSES = ['UPCOMING', 'DUE_TODAY', 'OVERDUE', 'DONE'] as const;
export type CalendarItemStatus = (typeof CALENDAR_ITEM_STATUSES)[number];
