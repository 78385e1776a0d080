import { CASE_STATUSES, type CaseStatus as CaseStatusValue } from '@mamori/shared';
import { addDays, daysBetween, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import type { AuthUser } from '../common/caller';
import { Case } from '../case/case.entity';
import * as caseRules from '../case/case.rules';
import type { IncidentService } from '../incident/incident.service';
import { missingProfileFields } from '../organisation/organisation-profile.entity';
import type { OrganisationService } from '../organisation/organisation.service';
import type { LedgerService } from '../ledger/ledger.service';
import * as incidentRules from '../incident/incident.rules';
import type { ConfidentialityAgreementService } from '../subcontractor/confidentiality-agreement.service';
import type { EntrustmentService } from '../subcontractor/entrustment.service';
import type { SubcontractorService } from '../subcontractor/subcontractor.service';
import type { CorrectiveActionService } from '../internal-audit/corrective-action.service';
import type { InternalAuditService } from '../internal-audit/internal-audit.service';
import type { ManagementReviewService } from '../management-review/management-review.service';
import type { CaseReminder, Dashboard, DashboardCases, DashboardIncidents, DashboardInternalAudit, DashboardSupervision, WeekCount } from './dashboard.types';

export const DUE_SOON_DAYS = 3;
export const WEEKS_CHARTED = 8;
const LIST_CAP = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Monday (Japan time) of the week `day` falls in. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/**
 * Each role's reminders, computed from the modules' rules: case deadlines
 * (case.rules), supervision standing (supervision.rules), report deadlines
 * (incident.rules). Reads cases through the Case entity and plain counts; no
 * personal field leaves this service.
 */
export class DashboardService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subcontractors: SubcontractorService,
    private readonly agreements: ConfidentialityAgreementService,
    private readonly entrustments: EntrustmentService,
    private readonly incidents: IncidentService,
    private readonly organisation: OrganisationService,
    private readonly correctiveActions: CorrectiveActionService,
    private readonly internalAudits: InternalAuditService,
    private readonly ledger: LedgerService,
    private readonly managementReviews: ManagementReviewService,
  ) {}

  async forUser(user: AuthUser): Promise<Dashboard> {
    const now = this.clock.now();
    const today = japanDay(now);
    const manager = user.role === 'PRIVACY_MANAGER';
    // the internal auditor watches every case's timeliness and the supervision standing, as the manager does
    const seesAll = manager || user.role === 'AUDITOR';
    const [cases, assignmentQueue, pendingBreakGlassReviews, supervision, incidents, organisationProfileMissing, internalAudit, ledger, managementReview] = await Promise.all([
      seesAll || user.role === 'STAFF' ? this.cases(seesAll ? null : user.id, now) : null,
      manager ? this.assignmentQueue() : null,
      manager ? this.pendingBreakGlassReviews() : null,
      seesAll || user.role === 'SUPERVISOR' ? this.supervision(today) : null,
      this.incidentReminders(today),
      manager ? this.organisation.profile().then(missingProfileFields) : null,
      seesAll ? this.internalAudit() : null,
      seesAll ? this.ledger.reminders() : null,
      // owners see their own actions; the internal auditor, like the manager, the year's review and every action
      this.managementReviews.reminders(user.id, seesAll),
    ]);
    return { role: user.role, today, cases, assignmentQueue, pendingBreakGlassReviews, supervision, incidents, organisationProfileMissing, internalAudit, ledger, managementReview };
  }

  /** All cases (assigneeId null) or those assigned to one staff member. */
  private async cases(assigneeId: number | null, now: Date): Promise<DashboardCases> {
    const qb = this.db.manager.createQueryBuilder(Case, 'c').where("c.status <> 'CLOSED'");
    if (assigneeId !== null) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId });
    const open = await qb.orderBy('c.received_on', 'ASC').addOrderBy('c.id', 'ASC').getMany();
    const soon = new Date(now.getTime() + (DUE_SOON_DAYS + 1) * DAY_MS);
    const reminder = (c: Case): CaseReminder => ({
      id: c.id,
      reference: c.reference,
      type: c.type,
      status: c.status,
      dueOn: caseRules.dueOn(c),
      daysLeft: caseRules.daysLeft(c, now),
      assigneeId: c.assigneeId,
    });
    const overdue = open.filter((c) => caseRules.isOverdue(c, now)).map(reminder);
    // due soon: not overdue today, but would be within DUE_SOON_DAYS + 1 days
    const dueSoon = open.filter((c) => !caseRules.isOverdue(c, now) && caseRules.isOverdue(c, soon)).map(reminder);
    return {
      scope: assigneeId === null ? 'ALL' : 'ASSIGNED_TO_ME',
      overdueCount: overdue.length,
      overdue: overdue.sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id).slice(0, LIST_CAP),
      dueSoonCount: dueSoon.length,
      dueSoon: dueSoon.sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id).slice(0, LIST_CAP),
      byStatus: await this.casesByStatus(assigneeId),
      receivedPerWeek: await this.casesPerWeek(assigneeId, japanDay(now)),
    };
  }

  private async casesByStatus(assigneeId: number | null) {
    const rows: Array<{ status: CaseStatusValue; n: number | string }> = await this.db.manager.query(
      `SELECT status, COUNT(*) AS n FROM request_case ${assigneeId === null ? '' : 'WHERE assignee_id = ?'} GROUP BY status`,
      assigneeId === null ? [] : [assigneeId],
    );
    const counts = new Map(rows.map((r) => [r.status, Number(r.n)]));
    const statuses = [...CASE_STATUSES, ...[...counts.keys()].filter((s) => !CASE_STATUSES.includes(s))];
    return statuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  private async casesPerWeek(assigneeId: number | null, today: string): Promise<WeekCount[]> {
    const first = addDays(weekStart(today), -7 * (WEEKS_CHARTED - 1));
    const params: unknown[] = [first, today];
    if (assigneeId !== null) params.push(assigneeId);
    const rows: Array<{ receivedOn: string }> = await this.db.manager.query(
      `SELECT received_on AS receivedOn FROM request_case WHERE received_on >= ? AND received_on <= ?${assigneeId === null ? '' : ' AND assignee_id = ?'}`,
      params,
    );
    const weeks: WeekCount[] = Array.from({ length: WEEKS_CHARTED }, (_, i) => ({ weekStart: addDays(first, 7 * i), count: 0 }));
    for (const row of rows) {
      const week = weeks[Math.floor(daysBetween(first, row.receivedOn) / 7)];
      if (week) week.count += 1;
    }
    return weeks;
  }

  private async internalAudit(): Promise<DashboardInternalAudit> {
    const [openAuditCount, { overdueIds, awaitingVerification }] = await Promise.all([
      this.internalAudits.count({ filter: { status: 'PLANNED' } }),
      this.correctiveActions.standing(),
    ]);
    return {
      openAuditCount,
      overdueCorrectiveActionCount: overdueIds.length,
      overdueCorrectiveActionIds: overdueIds.slice(0, LIST_CAP),
      awaitingVerificationCount: awaitingVerification,
    };
  }

  /** Open cases nobody is assigned to yet. */
  private async assignmentQueue(): Promise<number> {
    const [row] = await this.db.manager.query("SELECT COUNT(*) AS n FROM request_case WHERE assignee_id IS NULL AND status <> 'CLOSED'");
    return Number(row.n);
  }

  /** BREAK_GLASS audit entries without a review. */
  private async pendingBreakGlassReviews(): Promise<number> {
    const [row] = await this.db.manager.query(
      "SELECT COUNT(*) AS n FROM audit_entry e LEFT JOIN break_glass_review r ON r.entry_id = e.id WHERE e.action = 'BREAK_GLASS' AND r.id IS NULL",
    );
    return Number(row.n);
  }

  private async supervision(today: string): Promise<DashboardSupervision> {
    const [records, expiring, open] = await Promise.all([
      this.subcontractors.allRecords(),
      this.agreements.needingRenewal(),
      this.entrustments.query({ open: true }).orderBy('e.ends_on', 'ASC').addOrderBy('e.id', 'ASC').getMany(),
    ]);
    const standings = new Map(records.map((r) => [r.subcontractor.id, { active: r.subcontractor.active, ...this.subcontractors.standingOf(r, today) }]));
    const active = [...standings.entries()].filter(([, s]) => s.active);
    const overdueReviews = active.filter(([, s]) => s.reviewOverdue).map(([id]) => id);
    const notAllowed = active.filter(([, s]) => !s.allowedToReceiveData).map(([id]) => id);
    const pastEnd = open.filter((e) => e.endsOn < today).map((e) => e.id);
    const atNotAllowed = open.filter((e) => !standings.get(e.subcontractorId)?.allowedToReceiveData).map((e) => e.id);
    return {
      expiringAgreementCount: expiring.length,
      expiringAgreementIds: expiring.map((a) => a.id).slice(0, LIST_CAP),
      overdueReviewCount: overdueReviews.length,
      overdueReviewSubcontractorIds: overdueReviews.slice(0, LIST_CAP),
      notAllowedCount: notAllowed.length,
      notAllowedSubcontractorIds: notAllowed.slice(0, LIST_CAP),
      openEntrustmentCount: open.length,
      pastEndEntrustmentCount: pastEnd.length,
      pastEndEntrustmentIds: pastEnd.slice(0, LIST_CAP),
      openAtNotAllowedCount: atNotAllowed.length,
      openAtNotAllowedEntrustmentIds: atNotAllowed.slice(0, LIST_CAP),
    };
  }

  private async incidentReminders(today: string): Promise<DashboardIncidents> {
    const [pending, overdueMeasures] = await Promise.all([this.incidents.reportsPending(), this.incidents.overdueMeasures()]);
    const ids = (keep: (i: (typeof pending)[number]) => boolean) => pending.filter(keep).map((i) => i.id);
    const flagged = ids((i) => incidentRules.preliminaryReportFlagged(i, today));
    const prelimOverdue = ids((i) => incidentRules.preliminaryReportOverdue(i, today));
    const finalOverdue = ids((i) => incidentRules.finalReportOverdue(i, today));
    const deadlines = pending
      .flatMap((i) => [
        i.preliminaryReportedOn === null ? incidentRules.preliminaryReportDueOn(i) : null,
        i.finalReportedOn === null ? incidentRules.finalReportDueOn(i) : null,
      ])
      .filter((d): d is string => d !== null && d >= today)
      .sort();
    // notification is pending for reportable incidents whether or not their reports are done
    const [row] = await this.db.manager.query(
      `SELECT COUNT(*) AS n FROM incident WHERE individuals_notified_on IS NULL AND (sensitive_data = ? OR financial_loss_risk = ? OR wrongful_purpose = ? OR people_affected > ${incidentRules.REPORTABLE_ABOVE_PEOPLE})`,
      [true, true, true],
    );
    return {
      reportPendingCount: pending.length,
      reportPendingIds: pending.map((i) => i.id).slice(0, LIST_CAP),
      preliminaryFlaggedCount: flagged.length,
      preliminaryFlaggedIds: flagged.slice(0, LIST_CAP),
      preliminaryOverdueCount: prelimOverdue.length,
      preliminaryOverdueIds: prelimOverdue.slice(0, LIST_CAP),
      finalOverdueCount: finalOverdue.length,
      finalOverdueIds: finalOverdue.slice(0, LIST_CAP),
      nextReportDueOn: deadlines[0] ?? null,
      notificationPendingCount: Number(row.n),
      overdueMeasureCount: overdueMeasures.length,
    };
  }
}
