import { IsNull, Not } from 'typeorm';
import { CASE_TYPES, type CaseType } from '@mamori/shared';
import { addDays, fiscalYearOf, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { Case } from '../case/case.entity';
import * as caseRules from '../case/case.rules';
import { Incident } from '../incident/incident.entity';
import * as incidentRules from '../incident/incident.rules';
import { AuditFinding } from '../internal-audit/audit-finding.entity';
import { CorrectiveAction } from '../internal-audit/corrective-action.entity';
import { InternalAudit } from '../internal-audit/internal-audit.entity';
import { isOverdue as correctiveActionOverdue } from '../internal-audit/internal-audit.rules';
import type { LedgerService } from '../ledger/ledger.service';
import type { SubcontractorService } from '../subcontractor/subcontractor.service';
import { TrainingCourse } from '../training/training-course.entity';
import type { TrainingService } from '../training/training.service';
import { ManagementReviewAction } from './management-review-action.entity';
import type { ManagementReviewInputs, ReviewCaseCounts, ReviewKindCount } from './management-review-inputs';
import { isOverdue } from './management-review.rules';

const countsBy = <T>(items: T[], kindOf: (item: T) => string, kinds: readonly string[]): ReviewKindCount[] => {
  const seen = [...kinds, ...new Set(items.map(kindOf).filter((k) => !kinds.includes(k)))];
  return seen.map((kind) => ({ kind, count: items.filter((i) => kindOf(i) === kind).length }));
};

/**
 * Gathers what a management review is presented from Mamori's own records:
 * the internal audits, incidents and cases of the period, the fiscal year's
 * training, and today's standing of the ledger, the supervision and earlier
 * reviews' actions. Counts only; no personal field is read out.
 */
export class ManagementReviewInputsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly training: TrainingService,
    private readonly ledger: LedgerService,
    private readonly subcontractors: SubcontractorService,
  ) {}

  /** The inputs for the days `from` to `to` (Japan days, both included); `reviewId`'s own actions are not "earlier". */
  async gather(from: string, to: string, reviewId: number | null = null): Promise<ManagementReviewInputs> {
    const today = japanDay(this.clock.now());
    const [internalAudit, incidents, cases, training, records] = await Promise.all([
      this.audits(from, to, today),
      this.incidents(from, to, today),
      this.cases(from, to),
      this.trainingOf(fiscalYearOf(to)),
      this.records(today, reviewId),
    ]);
    return { periodFrom: from, periodTo: to, gatheredOn: today, internalAudit, incidents, cases, training, records };
  }

  private async audits(from: string, to: string, today: string): Promise<ManagementReviewInputs['internalAudit']> {
    const audits = await this.db.manager
      .createQueryBuilder(InternalAudit, 'a')
      .where('a.planned_from <= :to AND a.planned_to >= :from', { from, to })
      .getMany();
    const ids = audits.length ? audits.map((a) => a.id) : [0];
    const [findings, actions] = await Promise.all([
      this.db.manager.createQueryBuilder(AuditFinding, 'f').where('f.audit_id IN (:...ids)', { ids }).getMany(),
      this.db.manager.createQueryBuilder(CorrectiveAction, 'c').where('c.audit_id IN (:...ids)', { ids }).getMany(),
    ]);
    const openNonconformities = findings.filter((f) => {
      if (f.kind !== 'NONCONFORMITY') return false;
      const mine = actions.filter((a) => a.findingId === f.id);
      return mine.length === 0 || mine.some((a) => a.effective !== true);
    });
    return {
      auditCount: audits.length,
      closedAuditCount: audits.filter((a) => a.status === 'CLOSED').length,
      findings: countsBy(findings, (f) => f.kind, ['CONFORMITY', 'OBSERVATION', 'NONCONFORMITY']),
      openNonconformityCount: openNonconformities.length,
      openCorrectiveActionCount: actions.filter((a) => a.effective !== true).length,
      overdueCorrectiveActionCount: actions.filter((a) => correctiveActionOverdue(a, today)).length,
    };
  }

  private async incidents(from: string, to: string, today: string): Promise<ManagementReviewInputs['incidents']> {
    // detected_at is a UTC instant: the Japan days from..to run from 15:00 UTC the day before
    const candidates = await this.db.manager
      .createQueryBuilder(Incident, 'i')
      .where('i.detected_at >= :start AND i.detected_at < :end', { start: `${addDays(from, -2)}T00:00:00.000Z`, end: `${addDays(to, 1)}T23:59:59.999Z` })
      .getMany();
    const inPeriod = candidates.filter((i) => {
      const day = incidentRules.detectedOn(i);
      return day >= from && day <= to;
    });
    const reportable = inPeriod.filter(incidentRules.isReportable);
    const timely = (made: (i: Incident) => string | null, due: (i: Incident) => string) => ({
      onTime: reportable.filter((i) => made(i) !== null && made(i)! <= due(i)).length,
      late: reportable.filter((i) => made(i) !== null && made(i)! > due(i)).length,
      overdue: reportable.filter((i) => made(i) === null && today > due(i)).length,
    });
    const preliminary = timely((i) => i.preliminaryReportedOn, incidentRules.preliminaryReportDueOn);
    const final = timely((i) => i.finalReportedOn, incidentRules.finalReportDueOn);
    return {
      count: inPeriod.length,
      byKind: countsBy(inPeriod, (i) => i.kind, []),
      reportableCount: reportable.length,
      preliminaryOnTimeCount: preliminary.onTime,
      preliminaryLateCount: preliminary.late,
      preliminaryOverdueCount: preliminary.overdue,
      finalOnTimeCount: final.onTime,
      finalLateCount: final.late,
      finalOverdueCount: final.overdue,
    };
  }

  private async cases(from: string, to: string): Promise<ManagementReviewInputs['cases']> {
    const now = this.clock.now();
    const rows = await this.db.manager
      .createQueryBuilder(Case, 'c')
      .select(['c.id', 'c.type', 'c.status', 'c.receivedOn', 'c.completedOn'])
      .where('c.received_on >= :from AND c.received_on <= :to', { from, to })
      .getMany();
    const counts = (type: CaseType | null, of: Case[]): ReviewCaseCounts => {
      const completed = of.filter((c) => c.completedOn !== null);
      return {
        type,
        received: of.length,
        completed: completed.length,
        completedOnTime: completed.filter((c) => c.completedOn! <= caseRules.dueOn(c)).length,
        completedLate: completed.filter((c) => c.completedOn! > caseRules.dueOn(c)).length,
        open: of.length - completed.length,
        openOverdue: of.filter((c) => c.completedOn === null && caseRules.isOverdue(c, now)).length,
      };
    };
    const types = CASE_TYPES.filter((t) => rows.some((c) => c.type === t));
    return { total: counts(null, rows), byType: types.map((t) => counts(t, rows.filter((c) => c.type === t))) };
  }

  private async trainingOf(fiscalYear: number): Promise<ManagementReviewInputs['training']> {
    const [statuses, courseCount] = await Promise.all([
      this.training.status({ fiscalYear }),
      this.db.manager.countBy(TrainingCourse, { fiscalYear, retiredAt: IsNull() }),
    ]);
    const departments = [...new Set(statuses.map((s) => s.department))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'ja')));
    // a year without a course has nothing completed to present
    const completed = (of: typeof statuses) => (courseCount ? of.filter((s) => s.complete).length : 0);
    return {
      fiscalYear,
      courseCount,
      userCount: statuses.length,
      completeCount: completed(statuses),
      byDepartment: departments.map((department) => {
        const of = statuses.filter((s) => s.department === department);
        return { department, userCount: of.length, completeCount: completed(of) };
      }),
    };
  }

  private async records(today: string, reviewId: number | null): Promise<ManagementReviewInputs['records']> {
    const [ledger, supervision, earlier] = await Promise.all([
      this.ledger.reminders(),
      this.subcontractors.allRecords(),
      this.db.manager.find(ManagementReviewAction, { where: { status: 'OPEN', ...(reviewId === null ? {} : { reviewId: Not(reviewId) }) } }),
    ]);
    const active = supervision.filter((r) => r.subcontractor.active).map((r) => this.subcontractors.standingOf(r, today));
    return {
      ledgerRecordCount: ledger.recordCount,
      ledgerReviewOverdueCount: ledger.reviewOverdueCount,
      riskAssessmentOverdueCount: ledger.riskAssessmentOverdueCount,
      highRiskUnmitigatedCount: ledger.highRiskUnmitigatedCount,
      subcontractorCount: active.length,
      supervisionOverdueCount: active.filter((s) => s.reviewOverdue).length,
      subcontractorNotAllowedCount: active.filter((s) => !s.allowedToReceiveData).length,
      earlierActionOpenCount: earlier.length,
      earlierActionOverdueCount: earlier.filter((a) => isOverdue(a, today)).length,
    };
  }
}
