import { addDays, daysBetween, japanDay } from '../../clock';

/**
 * The reporting rules of the incident register, as pure functions of the
 * incident and today's day in Japan time. Days count from the day of
 * detection (Japan time), which itself is day 0.
 */
export const REPORTABLE_ABOVE_PEOPLE = 1000;
/** After this many days without a preliminary report, it is flagged... */
export const PRELIMINARY_FLAG_AFTER_DAYS = 3;
/** ...and after this many it is overdue. */
export const PRELIMINARY_DUE_DAYS = 5;
export const FINAL_DUE_DAYS = 30;
export const FINAL_DUE_DAYS_WRONGFUL_PURPOSE = 60;

export interface IncidentFacts {
  detectedAt: string;
  peopleAffected: number;
  sensitiveData: boolean;
  financialLossRisk: boolean;
  wrongfulPurpose: boolean;
  preliminaryReportedOn: string | null;
  finalReportedOn: string | null;
  individualsNotifiedOn: string | null;
}

/** Reportable to the regulator: sensitive data, risk of financial loss, a wrongful purpose, or more than 1,000 people. */
export const isReportable = (i: IncidentFacts) =>
  i.sensitiveData || i.financialLossRisk || i.wrongfulPurpose || i.peopleAffected > REPORTABLE_ABOVE_PEOPLE;

export const detectedOn = (i: Pick<IncidentFacts, 'detectedAt'>) => japanDay(new Date(i.detectedAt));
export const daysSinceDetection = (i: Pick<IncidentFacts, 'detectedAt'>, today: string) => daysBetween(detectedOn(i), today);

/** The last day for the preliminary report: 5 days after detection. */
export const preliminaryReportDueOn = (i: Pick<IncidentFacts, 'detectedAt'>) => addDays(detectedOn(i), PRELIMINARY_DUE_DAYS);
const preliminaryPending = (i: IncidentFacts) => isReportable(i) && i.preliminaryReportedOn === null;
/** More than 3 days since detection and no preliminary report yet. */
export const preliminaryReportFlagged = (i: IncidentFacts, today: string) =>
  preliminaryPending(i) && daysSinceDetection(i, today) > PRELIMINARY_FLAG_AFTER_DAYS;
/** More than 5 days since detection and no preliminary report yet. */
export const preliminaryReportOverdue = (i: IncidentFacts, today: string) =>
  preliminaryPending(i) && daysSinceDetection(i, today) > PRELIMINARY_DUE_DAYS;

/** The last day for the final report: 30 days after detection, 60 when a wrongful purpose is involved. */
export const finalReportDueOn = (i: Pick<IncidentFacts, 'detectedAt' | 'wrongfulPurpose'>) =>
  addDays(detectedOn(i), i.wrongfulPurpose ? FINAL_DUE_DAYS_WRONGFUL_PURPOSE : FINAL_DUE_DAYS);
export const finalReportOverdue = (i: IncidentFacts, today: string) =>
  isReportable(i) && i.finalReportedOn === null && today > finalReportDueOn(i);

/** A report to the regulator is still to be made. */
export const reportPending = (i: IncidentFacts) => isReportable(i) && (i.preliminaryReportedOn === null || i.finalReportedOn === null);
/** Reportable incidents are notified to the individuals concerned. */
export const individualsNotificationPending = (i: IncidentFacts) => isReportable(i) && i.individualsNotifiedOn === null;
