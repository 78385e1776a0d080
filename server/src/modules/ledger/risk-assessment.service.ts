import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { User } from '../user/user.entity';
import type { LedgerService } from './ledger.service';
import { inherentRisk, looksLikeContactData, nextDueAfter, residualWithinInherent } from './ledger.rules';
import { RiskAssessment } from './risk-assessment.entity';
import type { CreateRiskAssessmentArgs, RiskAssessmentFilter, RiskAssessmentListArgs, UpdateRiskAssessmentArgs } from './risk-assessment.inputs';

type AuditEntryArgs = Parameters<Caller['audit']['entry']>;
type Findings = Pick<RiskAssessment, 'likelihood' | 'impact' | 'measuresInPlace' | 'residualRisk' | 'plannedMeasure' | 'reviewerId' | 'reviewedOn'>;
const FINDINGS = ['likelihood', 'impact', 'measuresInPlace', 'residualRisk', 'plannedMeasure', 'reviewerId', 'reviewedOn'] as const satisfies ReadonlyArray<keyof Findings>;

const SORTABLE = {
  id: 'a.id',
  ledgerRecordId: 'a.ledger_record_id',
  stage: 'a.stage',
  riskKind: 'a.risk_kind',
  residualRisk: 'a.residual_risk',
  reviewedOn: 'a.reviewed_on',
  nextAssessmentDue: 'a.next_assessment_due',
};

/** The risk assessment of each ledger record, stage by stage; re-assessed yearly, retired rather than deleted. */
export class RiskAssessmentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
    private readonly ledger: LedgerService,
  ) {}

  async find(id: string | number): Promise<RiskAssessment> {
    const a = await this.db.manager.findOneBy(RiskAssessment, { id: toId(id) });
    if (!a) throw notFound('RiskAssessment', id);
    return a;
  }

  query(filter: RiskAssessmentFilter | undefined): SelectQueryBuilder<RiskAssessment> {
    const qb = this.db.manager.createQueryBuilder(RiskAssessment, 'a');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('a.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.ledgerRecordId) qb.andWhere('a.ledger_record_id = :recordId', { recordId: toId(filter.ledgerRecordId, 'filter.ledgerRecordId') });
    if (filter?.stage) qb.andWhere('a.stage = :stage', { stage: filter.stage });
    if (filter?.riskKind) qb.andWhere('a.risk_kind = :kind', { kind: filter.riskKind });
    if (filter?.residualRisk) qb.andWhere('a.residual_risk = :residual', { residual: filter.residualRisk });
    if (filter?.retired === true) qb.andWhere('a.retired_at IS NOT NULL');
    if (filter?.retired === false) qb.andWhere('a.retired_at IS NULL');
    // retiring a record retires its assessments, so an assessment in force belongs to a record in force
    const conditions = {
      overdue: 'a.retired_at IS NULL AND a.next_assessment_due < :today',
      unmitigated: "a.retired_at IS NULL AND a.residual_risk = 'HIGH' AND a.planned_measure IS NULL",
    };
    for (const [flag, condition] of Object.entries(conditions)) {
      const wanted = filter?.[flag as keyof typeof conditions];
      if (wanted === true) qb.andWhere(`(${condition})`, { today: this.ledger.today() });
      if (wanted === false) qb.andWhere(`NOT (${condition})`, { today: this.ledger.today() });
    }
    if (filter?.q) {
      const q = likePattern(filter.q.toLowerCase());
      qb.andWhere(new Brackets((b) => b.where("LOWER(a.measures_in_place) LIKE :q ESCAPE '!'", { q }).orWhere("LOWER(COALESCE(a.planned_measure, '')) LIKE :q ESCAPE '!'", { q })));
    }
    return qb;
  }

  list(args: RiskAssessmentListArgs): Promise<RiskAssessment[]> {
    return applyListArgs(this.query(args.filter), args, SORTABLE).getMany();
  }

  count(args: RiskAssessmentListArgs): Promise<number> {
    return this.query(args.filter).getCount();
  }

  /** The change and its audit entry commit together; the record's computed flags are read afresh after it. */
  private async audited(caller: Caller, change: (manager: EntityManager) => Promise<{ saved: RiskAssessment; entry: AuditEntryArgs }>): Promise<RiskAssessment> {
    const saved = await this.writer.changeAudited(async (manager) => {
      const { saved, entry } = await change(manager);
      return { saved, entries: [caller.audit.entry(...entry)] };
    });
    this.ledger.forget(caller);
    return saved;
  }

  /** Consistent findings: measures lower a risk, never raise it; an active reviewer; no day in the future; no contact data. */
  private async checkFindings(f: Findings, manager: EntityManager): Promise<void> {
    if (!f.measuresInPlace) throw badInput('measuresInPlace', 'measuresInPlace must not be blank (write what is in place, or that nothing is)');
    for (const field of ['measuresInPlace', 'plannedMeasure'] as const) {
      if (f[field] && looksLikeContactData(f[field])) throw badInput(field, `${field} holds an e-mail address or a telephone number; the assessment describes measures only`);
    }
    const inherent = inherentRisk(f.likelihood, f.impact);
    if (!residualWithinInherent(f.residualRisk, inherent)) {
      throw badInput('residualRisk', `The residual risk cannot exceed the risk before measures (${inherent} for this likelihood and impact)`);
    }
    if (f.reviewedOn > this.ledger.today()) throw badInput('reviewedOn', 'reviewedOn cannot be in the future');
    const reviewer = await manager.findOneBy(User, { id: f.reviewerId });
    if (!reviewer) throw notFound('User', f.reviewerId);
    if (!reviewer.active) throw conflict('USER_DEACTIVATED', 'A deactivated user cannot be named as the reviewer');
  }

  /** One assessment in force per record, stage and kind of risk. */
  private async checkNotYetAssessed(a: Pick<RiskAssessment, 'ledgerRecordId' | 'stage' | 'riskKind'>, manager: EntityManager): Promise<void> {
    const [row] = await manager.query(
      'SELECT COUNT(*) AS n FROM risk_assessment WHERE ledger_record_id = ? AND stage = ? AND risk_kind = ? AND retired_at IS NULL',
      [a.ledgerRecordId, a.stage, a.riskKind],
    );
    if (Number(row.n) > 0) throw conflict('RISK_ALREADY_ASSESSED', 'This risk is already assessed for this stage; re-assess it instead');
  }

  async create(args: CreateRiskAssessmentArgs, caller: Caller): Promise<RiskAssessment> {
    const findings: Findings = {
      likelihood: args.likelihood,
      impact: args.impact,
      measuresInPlace: args.measuresInPlace.trim(),
      residualRisk: args.residualRisk,
      plannedMeasure: args.plannedMeasure?.trim() || null,
      reviewerId: args.reviewerId ? toId(args.reviewerId, 'reviewerId') : caller.user!.id,
      reviewedOn: args.reviewedOn ?? this.ledger.today(),
    };
    const ledgerRecordId = toId(args.ledgerRecordId, 'ledgerRecordId');
    const now = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => {
      const record = await this.ledger.findInForce(ledgerRecordId, manager);
      await this.checkFindings(findings, manager);
      await this.checkNotYetAssessed({ ledgerRecordId: record.id, stage: args.stage, riskKind: args.riskKind }, manager);
      const saved = await manager.save(
        manager.create(RiskAssessment, {
          ledgerRecordId: record.id,
          stage: args.stage,
          riskKind: args.riskKind,
          ...findings,
          nextAssessmentDue: nextDueAfter(findings.reviewedOn),
          retiredAt: null,
          recordedById: caller.user!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return {
        saved,
        entry: ['CREATE', { entityType: 'RiskAssessment', entityId: saved.id, fields: ['stage', 'riskKind', ...FINDINGS], reason: `ledger record ${record.id}` }],
      };
    });
  }

  /** Corrections and the yearly re-assessment (a later reviewedOn moves the next one on a year). */
  async update(args: UpdateRiskAssessmentArgs, caller: Caller): Promise<RiskAssessment> {
    const a = await this.find(args.id);
    const next: Findings = {
      likelihood: args.likelihood ?? a.likelihood,
      impact: args.impact ?? a.impact,
      measuresInPlace: args.measuresInPlace?.trim() ?? a.measuresInPlace,
      residualRisk: args.residualRisk ?? a.residualRisk,
      plannedMeasure: args.plannedMeasure === undefined ? a.plannedMeasure : args.plannedMeasure?.trim() || null,
      reviewerId: args.reviewerId ? toId(args.reviewerId, 'reviewerId') : a.reviewerId,
      reviewedOn: args.reviewedOn ?? a.reviewedOn,
    };
    const changed = FINDINGS.filter((f) => next[f] !== a[f]);
    if (!changed.length) return a;
    if (a.retiredAt) throw conflict('RISK_ASSESSMENT_RETIRED', 'This risk assessment is retired; assess the risk anew instead');
    return this.audited(caller, async (manager) => {
      await this.ledger.findInForce(a.ledgerRecordId, manager);
      await this.checkFindings(next, manager);
      Object.assign(a, next, { nextAssessmentDue: nextDueAfter(next.reviewedOn), updatedAt: this.clock.now().toISOString() });
      const fields = changed.includes('reviewedOn') ? [...changed, 'nextAssessmentDue'] : changed;
      return { saved: await manager.save(a), entry: ['UPDATE', { entityType: 'RiskAssessment', entityId: a.id, fields }] };
    });
  }

  /** The risk no longer applies: kept, no longer due or flagged. */
  async retire(id: string, caller: Caller): Promise<RiskAssessment> {
    const a = await this.find(id);
    if (a.retiredAt) return a;
    a.retiredAt = this.clock.now().toISOString();
    a.updatedAt = a.retiredAt;
    return this.audited(caller, async (manager) => ({
      saved: await manager.save(a),
      entry: ['UPDATE', { entityType: 'RiskAssessment', entityId: a.id, fields: ['retiredAt'], reason: 'retired' }],
    }));
  }
}
