import type { CalendarItemKind, Role } from '@mamori/shared';
import { IsNull } from 'typeorm';
import { addDays, addMonths } from '../../clock';
import type { Database } from '../../db/data-source';
import type { Caller } from '../common/caller';
import { Case } from '../case/case.entity';
import { CaseDocument } from '../case/case-document.entity';
import * as caseRules from '../case/case.rules';
import { Incident } from '../incident/incident.entity';
import { IncidentMeasure } from '../incident/incident-measure.entity';
import * as incidentRules from '../incident/incident.rules';
import { CorrectiveAction } from '../internal-audit/corrective-action.entity';
import { InternalAudit } from '../internal-audit/internal-audit.entity';
import { LedgerRecord } from '../ledger/ledger-record.entity';
import { ManagementReview } from '../management-review/management-review.entity';
import { ManagementReviewAction } from '../management-review/management-review-action.entity';
import { RiskAssessment } from '../ledger/risk-assessment.entity';
import { ThirdPartyProvision } from '../provision/provision.entity';
import * as provisionRules from '../provision/provision.rules';
import { ReceivedDataRecord } from '../received-data/received-data.entity';
import * as receivedDataRules from '../received-data/received-data.rules';
import { Entrustment } from '../subcontractor/entrustment.entity';
import { Subcontractor } from '../subcontractor/subcontractor.entity';
import type { SubcontractorService } from '../subcontractor/subcontractor.service';
import { nextReviewDue, renewed, superseded } from '../subcontractor/supervision.rules';
import { TrainingCourse } from '../training/training-course.entity';
import type { TrainingService } from '../training/training.service';

/** The days asked for: one Japanese fiscal year, and today (Japan time) for the statuses. */
export interface CalendarWindow {
  fiscalYear: number;
  from: string;
  to: string;
  today: string;
}

/** A dated item as a source finds it; the service adds its status. */
export interface DueEntry {
  kind: CalendarItemKind;
  /** The dated record, when it is not the one the link opens (a risk on its ledger record's page). */
  keyId?: number | string;
  dueOn: string;
  endsOn?: string | null;
  title: string;
  resource: string;
  recordId: number;
  done: boolean;
}

/**
 * One kind of record with a due date. `roles` is who sees its items at all
 * (deny by default: a role named by no source sees an empty calendar);
 * `items` narrows further to the records the caller may read.
 */
export interface CalendarSource {
  kinds: readonly CalendarItemKind[];
  roles: readonly Role[];
  items(window: CalendarWindow, caller: Caller): Promise<DueEntry[]>;
}

export interface CalendarSourceDeps {
  db: Database;
  training: TrainingService;
  subcontractors: SubcontractorService;
}

const MANAGER_AND_AUDITOR: readonly Role[] = ['PRIVACY_MANAGER', 'AUDITOR'];
const SUPERVISION_ROLES: readonly Role[] = ['PRIVACY_MANAGER', 'SUPERVISOR', 'AUDITOR'];
const EVERY_ROLE: readonly Role[] = ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR'];
/** Roles that see everyone's training and corrective actions, not only their own. */
const seesEveryone = (caller: Caller) => MANAGER_AND_AUDITOR.includes(caller.user!.role);
const inWindow = (day: string, w: CalendarWindow) => w.from <= day && day <= w.to;
/** The start of a Japan day as the ISO instant stored in `…At` columns. */
const japanMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();

/**
 * Every source of the calendar. A new kind of due item joins here: its kind in
 * shared/src/calendar.ts, one entry below, its label in the UI's i18n.
 */
export function calendarSources({ db, training, subcontractors }: CalendarSourceDeps): CalendarSource[] {
  const m = db.manager;
  return [
    {
      kinds: ['LEDGER_REVIEW'],
      roles: MANAGER_AND_AUDITOR,
      items: async (w) =>
        (
          await m
            .createQueryBuilder(LedgerRecord, 'r')
            .select(['r.id', 'r.name', 'r.nextReviewDue'])
            .where('r.retired_at IS NULL AND r.next_review_due >= :from AND r.next_review_due <= :to', w)
            .getMany()
        ).map((r) => ({ kind: 'LEDGER_REVIEW', dueOn: r.nextReviewDue, title: r.name, resource: 'LedgerRecord', recordId: r.id, done: false })),
    },
    {
      kinds: ['RISK_REASSESSMENT'],
      roles: MANAGER_AND_AUDITOR,
      items: async (w) => {
        const rows: Array<{ id: number; dueOn: string; recordId: number; name: string }> = await m
          .createQueryBuilder(RiskAssessment, 'a')
          .innerJoin(LedgerRecord, 'r', 'r.id = a.ledger_record_id')
          .select('a.id', 'id')
          .addSelect('a.next_assessment_due', 'dueOn')
          .addSelect('r.id', 'recordId')
          .addSelect('r.name', 'name')
          .where('a.retired_at IS NULL AND r.retired_at IS NULL AND a.next_assessment_due >= :from AND a.next_assessment_due <= :to', w)
          .getRawMany();
        // the re-assessment is made on the record's page
        return rows.map((r) => ({ kind: 'RISK_REASSESSMENT', keyId: Number(r.id), dueOn: r.dueOn, title: r.name, resource: 'LedgerRecord', recordId: Number(r.recordId), done: false }));
      },
    },
    {
      kinds: ['TRAINING_DUE'],
      roles: EVERY_ROLE,
      items: async (w, caller) => {
        const courses = await m.find(TrainingCourse, { where: { fiscalYear: w.fiscalYear, retiredAt: IsNull() } });
        if (!courses.length) return [];
        // the manager and the auditor: done once every active user passed; everyone else: once they did
        const standings = seesEveryone(caller) ? await training.status({ fiscalYear: w.fiscalYear }) : [await training.myStatus(caller, w.fiscalYear)];
        return courses.map((c) => ({
          kind: 'TRAINING_DUE',
          dueOn: c.dueOn,
          title: c.title,
          resource: 'TrainingCourse',
          recordId: c.id,
          done: standings.every((s) => !s.missingCourseIds.includes(c.id)),
        }));
      },
    },
    {
      kinds: ['INTERNAL_AUDIT'],
      roles: MANAGER_AND_AUDITOR,
      items: async (w) =>
        (await m.find(InternalAudit, { select: { id: true, title: true, plannedFrom: true, plannedTo: true, status: true }, where: { fiscalYear: w.fiscalYear } })).map((a) => ({
          kind: 'INTERNAL_AUDIT',
          dueOn: a.plannedFrom,
          endsOn: a.plannedTo,
          title: a.title,
          resource: 'InternalAudit',
          recordId: a.id,
          done: a.status === 'CLOSED',
        })),
    },
    {
      kinds: ['CORRECTIVE_ACTION'],
      roles: EVERY_ROLE,
      items: async (w, caller) => {
        const everyone = seesEveryone(caller);
        const qb = m
          .createQueryBuilder(CorrectiveAction, 'c')
          .innerJoin(InternalAudit, 'a', 'a.id = c.audit_id')
          .select(['c.id', 'c.dueOn', 'c.completedOn', 'c.effective'])
          .addSelect('a.title', 'auditTitle')
          .where('c.due_on >= :from AND c.due_on <= :to', w);
        // owners see their own actions, and not the audit plan they come from
        if (!everyone) qb.andWhere('c.owner_id = :self', { self: caller.user!.id });
        const { entities, raw } = await qb.getRawAndEntities<{ auditTitle: string }>();
        return entities.map((c, i) => ({
          kind: 'CORRECTIVE_ACTION',
          dueOn: c.dueOn,
          title: everyone ? `${raw[i]!.auditTitle} · No. ${c.id}` : `No. ${c.id}`,
          resource: 'CorrectiveAction',
          recordId: c.id,
          // taken (and, if found not effective, sent back: taken again)
          done: c.completedOn !== null || c.effective === true,
        }));
      },
    },
    {
      kinds: ['MANAGEMENT_REVIEW'],
      roles: MANAGER_AND_AUDITOR,
      items: async (w) =>
        (
          await m
            .createQueryBuilder(ManagementReview, 'r')
            .select(['r.id', 'r.title', 'r.plannedOn', 'r.status'])
            .where('r.planned_on >= :from AND r.planned_on <= :to', w)
            .getMany()
        ).map((r) => ({ kind: 'MANAGEMENT_REVIEW', dueOn: r.plannedOn, title: r.title, resource: 'ManagementReview', recordId: r.id, done: r.status !== 'PLANNED' })),
    },
    {
      kinds: ['MANAGEMENT_REVIEW_ACTION'],
      roles: EVERY_ROLE,
      items: async (w, caller) => {
        const everyone = seesEveryone(caller);
        const qb = m
          .createQueryBuilder(ManagementReviewAction, 'a')
          .innerJoin(ManagementReview, 'r', 'r.id = a.review_id')
          .select(['a.id', 'a.dueOn', 'a.status'])
          .addSelect('r.title', 'reviewTitle')
          .where('a.due_on >= :from AND a.due_on <= :to', w);
        // owners see their own actions, not the review they come from
        if (!everyone) qb.andWhere('a.owner_id = :self', { self: caller.user!.id });
        const { entities, raw } = await qb.getRawAndEntities<{ reviewTitle: string }>();
        return entities.map((a, i) => ({
          kind: 'MANAGEMENT_REVIEW_ACTION',
          dueOn: a.dueOn,
          title: everyone ? `${raw[i]!.reviewTitle} · No. ${a.id}` : `No. ${a.id}`,
          resource: 'ManagementReviewAction',
          recordId: a.id,
          done: a.status === 'DONE',
        }));
      },
    },
    {
      kinds: ['AGREEMENT_EXPIRY', 'SUPERVISION_REVIEW'],
      roles: SUPERVISION_ROLES,
      items: async (w) => {
        const entries: DueEntry[] = [];
        for (const { subcontractor: s, agreements, reviews } of await subcontractors.allRecords()) {
          const item = (kind: CalendarItemKind, keyId: number | string, dueOn: string, done: boolean, resource: string, recordId: number) => {
            // a deactivated subcontractor has nothing left to renew or review
            if (inWindow(dueOn, w) && (done || s.active)) entries.push({ kind, keyId, dueOn, title: s.name, resource, recordId, done });
          };
          for (const a of agreements) item('AGREEMENT_EXPIRY', a.id, a.expiresOn, renewed(a, agreements), 'ConfidentialityAgreement', a.id);
          for (const r of reviews) item('SUPERVISION_REVIEW', r.id, r.nextReviewDue, superseded(r, reviews), 'Subcontractor', s.id);
          const first = reviews.length ? null : nextReviewDue(s, []);
          if (first) item('SUPERVISION_REVIEW', `first-${s.id}`, first, false, 'Subcontractor', s.id);
        }
        return entries;
      },
    },
    {
      kinds: ['ENTRUSTMENT_END'],
      roles: SUPERVISION_ROLES,
      items: async (w) => {
        const { entities, raw } = await m
          .createQueryBuilder(Entrustment, 'e')
          .innerJoin(Subcontractor, 's', 's.id = e.subcontractor_id')
          .select(['e.id', 'e.endsOn', 'e.closedOn'])
          .addSelect('s.name', 'subcontractorName')
          .where('e.ends_on >= :from AND e.ends_on <= :to', w)
          .getRawAndEntities<{ subcontractorName: string }>();
        return entities.map((e, i) => ({ kind: 'ENTRUSTMENT_END', dueOn: e.endsOn, title: raw[i]!.subcontractorName, resource: 'Entrustment', recordId: e.id, done: e.closedOn !== null }));
      },
    },
    {
      kinds: ['INCIDENT_PRELIMINARY_REPORT', 'INCIDENT_FINAL_REPORT'],
      roles: SUPERVISION_ROLES,
      items: async (w) => {
        // the final report is due at most 60 days after detection
        const detected = await m
          .createQueryBuilder(Incident, 'i')
          .select(['i.id', 'i.reference', 'i.detectedAt', 'i.peopleAffected', 'i.sensitiveData', 'i.financialLossRisk', 'i.wrongfulPurpose', 'i.preliminaryReportedOn', 'i.finalReportedOn', 'i.individualsNotifiedOn'])
          .where('i.detected_at >= :since AND i.detected_at < :until', { since: japanMidnight(addDays(w.from, -incidentRules.FINAL_DUE_DAYS_WRONGFUL_PURPOSE - 1)), until: japanMidnight(addDays(w.to, 1)) })
          .getMany();
        return detected.filter(incidentRules.isReportable).flatMap((i): DueEntry[] => [
          { kind: 'INCIDENT_PRELIMINARY_REPORT', dueOn: incidentRules.preliminaryReportDueOn(i), title: i.reference, resource: 'Incident', recordId: i.id, done: i.preliminaryReportedOn !== null },
          { kind: 'INCIDENT_FINAL_REPORT', dueOn: incidentRules.finalReportDueOn(i), title: i.reference, resource: 'Incident', recordId: i.id, done: i.finalReportedOn !== null },
        ]);
      },
    },
    {
      kinds: ['INCIDENT_MEASURE'],
      roles: SUPERVISION_ROLES,
      items: async (w) => {
        const { entities, raw } = await m
          .createQueryBuilder(IncidentMeasure, 'x')
          .innerJoin(Incident, 'i', 'i.id = x.incident_id')
          .select(['x.id', 'x.incidentId', 'x.dueOn', 'x.status'])
          .addSelect('i.reference', 'reference')
          .where('x.due_on >= :from AND x.due_on <= :to', w)
          .getRawAndEntities<{ reference: string }>();
        return entities.map((x, i) => ({ kind: 'INCIDENT_MEASURE', keyId: x.id, dueOn: x.dueOn!, title: raw[i]!.reference, resource: 'Incident', recordId: x.incidentId, done: x.status === 'DONE' }));
      },
    },
    {
      kinds: ['CASE_REPLY'],
      roles: ['PRIVACY_MANAGER', 'STAFF', 'AUDITOR'],
      items: async (w, caller) => {
        // a case is named by its reference; its requester and subject never leave this query
        const cases = await m
          .createQueryBuilder(Case, 'c')
          .select(['c.id', 'c.reference', 'c.status', 'c.receivedOn', 'c.assigneeId', 'c.recordedById'])
          .where('c.received_on >= :since AND c.received_on <= :until', { since: addDays(w.from, -caseRules.REPLY_DAYS), until: addDays(w.to, -caseRules.REPLY_DAYS) })
          .getMany();
        return cases
          .filter((c) => caller.access.caseRecordVisible(c))
          .map((c) => ({ kind: 'CASE_REPLY', dueOn: caseRules.dueOn(c), title: c.reference, resource: 'Case', recordId: c.id, done: caseRules.isCompleted(c) }));
      },
    },
    {
      kinds: ['CASE_DOCUMENTS_DESTRUCTION'],
      roles: MANAGER_AND_AUDITOR,
      items: async (w) => {
        const cases = await m
          .createQueryBuilder(Case, 'c')
          .select(['c.id', 'c.reference', 'c.completedOn', 'c.documentsDestroyedAt'])
          // one day of slack either side for month-end clamping; the exact day is checked below
          .where('c.completed_on >= :since AND c.completed_on <= :until', {
            since: addDays(addMonths(w.from, -caseRules.DOCUMENT_RETENTION_MONTHS), -1),
            until: addDays(addMonths(w.to, -caseRules.DOCUMENT_RETENTION_MONTHS), 1),
          })
          .andWhere((qb) => `EXISTS ${qb.subQuery().select('1').from(CaseDocument, 'd').where('d.case_id = c.id').getQuery()}`)
          .getMany();
        return cases.map((c) => ({
          kind: 'CASE_DOCUMENTS_DESTRUCTION',
          dueOn: caseRules.documentsDestroyOn(c)!,
          title: c.reference,
          resource: 'Case',
          recordId: c.id,
          done: c.documentsDestroyedAt !== null,
        }));
      },
    },
    {
      kinds: ['RECEIVED_DATA_RETENTION_END'],
      roles: ['PRIVACY_MANAGER'],
      items: async (w) =>
        (await m.createQueryBuilder(ReceivedDataRecord, 'r').select(['r.id', 'r.receivedOn']).where('r.received_on >= :since AND r.received_on <= :until', retentionDays(w)).getMany()).map((r) => ({
          kind: 'RECEIVED_DATA_RETENTION_END',
          dueOn: receivedDataRules.retainUntil(r),
          // the provider may be a person: the record is named by its number
          title: `No. ${r.id}`,
          resource: 'ReceivedDataRecord',
          recordId: r.id,
          done: false,
        })),
    },
    {
      kinds: ['PROVISION_RETENTION_END'],
      roles: ['PRIVACY_MANAGER'],
      items: async (w) =>
        (await m.createQueryBuilder(ThirdPartyProvision, 'p').select(['p.id', 'p.providedOn']).where('p.provided_on >= :since AND p.provided_on <= :until', retentionDays(w)).getMany()).map((p) => ({
          kind: 'PROVISION_RETENTION_END',
          dueOn: provisionRules.retainUntil(p),
          title: `No. ${p.id}`,
          resource: 'ThirdPartyProvision',
          recordId: p.id,
          done: false,
        })),
    },
  ];
}

/** Records kept three years: the days received (or provided) whose retention ends in the window, a day of slack either side. */
const retentionDays = (w: CalendarWindow) => ({
  since: addDays(addMonths(w.from, -provisionRules.PROVISION_RETENTION_MONTHS), -1),
  until: addDays(addMonths(w.to, -provisionRules.PROVISION_RETENTION_MONTHS), 1),
});
