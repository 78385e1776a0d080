import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import type { UserService } from '../user/user.service';
import type { SubcontractorService } from './subcontractor.service';
import { SupervisionReview } from './supervision-review.entity';
import type {
  CreateSupervisionReviewArgs,
  SupervisionReviewFilter,
  SupervisionReviewListArgs,
  UpdateSupervisionReviewArgs,
} from './supervision-review.inputs';
import { latestReview } from './supervision.rules';

const FIELDS = ['reviewedOn', 'reviewerId', 'result', 'findings', 'correctiveActions', 'nextReviewDue'] as const;

const SORTABLE = {
  id: 'r.id',
  subcontractorId: 'r.subcontractor_id',
  reviewedOn: 'r.reviewed_on',
  result: 'r.result',
  reviewerId: 'r.reviewer_id',
  nextReviewDue: 'r.next_review_due',
};

/** Supervision reviews: the regular management and supervision the policy promises. */
export class SupervisionReviewService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subcontractors: SubcontractorService,
    private readonly users: UserService,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string | number): Promise<SupervisionReview> {
    const r = await this.db.manager.findOneBy(SupervisionReview, { id: toId(id) });
    if (!r) throw notFound('SupervisionReview', id);
    return r;
  }

  /** The latest review of each active subcontractor whose next review day has passed. */
  async overdue(): Promise<SupervisionReview[]> {
    const today = this.subcontractors.today();
    const result: SupervisionReview[] = [];
    for (const record of await this.subcontractors.allRecords()) {
      const latest = latestReview(record.reviews) as SupervisionReview | null;
      if (latest && record.subcontractor.active && latest.nextReviewDue < today) result.push(latest);
    }
    return result;
  }

  private async query(filter: SupervisionReviewFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(SupervisionReview, 'r');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('r.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subcontractorId) qb.andWhere('r.subcontractor_id = :sid', { sid: toId(filter.subcontractorId, 'filter.subcontractorId') });
    if (filter?.reviewerId) qb.andWhere('r.reviewer_id = :rid', { rid: toId(filter.reviewerId, 'filter.reviewerId') });
    if (filter?.result) qb.andWhere('r.result = :result', { result: filter.result });
    if (filter?.overdue !== undefined && filter.overdue !== null) {
      const matching = (await this.overdue()).map((r) => r.id);
      const list = matching.length ? matching : [0];
      qb.andWhere(filter.overdue ? 'r.id IN (:...overdueIds)' : 'r.id NOT IN (:...overdueIds)', { overdueIds: list });
    }
    if (filter?.q) {
      qb.andWhere("(LOWER(COALESCE(r.findings, '')) LIKE :q ESCAPE '!' OR LOWER(COALESCE(r.corrective_actions, '')) LIKE :q ESCAPE '!')", { q: likePattern(filter.q.toLowerCase()) });
    }
    return qb;
  }

  async list(args: SupervisionReviewListArgs): Promise<SupervisionReview[]> {
    return applyListArgs(await this.query(args.filter), { sortField: 'reviewedOn', sortOrder: 'DESC', ...args }, SORTABLE).getMany();
  }

  async count(args: SupervisionReviewListArgs): Promise<number> {
    return (await this.query(args.filter)).getCount();
  }

  /** Only an active supervisor or privacy manager reviews subcontractors. */
  private async reviewer(id: string | number): Promise<number> {
    const user = await this.users.get(toId(id, 'reviewerId')).catch(() => null);
    if (!user || !user.active || (user.role !== 'SUPERVISOR' && user.role !== 'PRIVACY_MANAGER')) {
      throw badInput('reviewerId', 'The reviewer must be an active supervisor or privacy manager');
    }
    return user.id;
  }

  private validate(r: Pick<SupervisionReview, 'reviewedOn' | 'result' | 'findings' | 'nextReviewDue'>): void {
    if (r.reviewedOn > this.subcontractors.today()) throw badInput('reviewedOn', 'reviewedOn cannot be in the future');
    if (r.nextReviewDue <= r.reviewedOn) throw badInput('nextReviewDue', 'nextReviewDue must be after reviewedOn');
    if (r.result !== 'COMPLIANT' && !r.findings) throw badInput('findings', `A ${r.result} result needs its findings`);
  }

  async create(args: CreateSupervisionReviewArgs, caller: Caller): Promise<SupervisionReview> {
    const s = await this.subcontractors.find(toId(args.subcontractorId, 'subcontractorId'));
    const review = {
      subcontractorId: s.id,
      reviewedOn: args.reviewedOn,
      reviewerId: await this.reviewer(args.reviewerId ?? caller.user!.id),
      result: args.result,
      findings: args.findings?.trim() || null,
      correctiveActions: args.correctiveActions?.trim() || null,
      nextReviewDue: args.nextReviewDue,
    };
    this.validate(review);
    const now = this.clock.now().toISOString();
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(manager.create(SupervisionReview, { ...review, createdAt: now, updatedAt: now }));
      return { saved, entry: ['CREATE', { entityType: 'SupervisionReview', entityId: saved.id, fields: [...FIELDS], reason: `subcontractor ${s.id}, ${saved.result}` }] };
    });
    this.subcontractors.forget(caller);
    return saved;
  }

  async update(args: UpdateSupervisionReviewArgs, caller: Caller): Promise<SupervisionReview> {
    const r = await this.find(args.id);
    const before = { ...r };
    if (args.subcontractorId && toId(args.subcontractorId, 'subcontractorId') !== r.subcontractorId) {
      throw badInput('subcontractorId', 'A review cannot move to another subcontractor');
    }
    if (args.reviewedOn) r.reviewedOn = args.reviewedOn;
    if (args.reviewerId && toId(args.reviewerId, 'reviewerId') !== r.reviewerId) r.reviewerId = await this.reviewer(args.reviewerId);
    if (args.result) r.result = args.result;
    if (args.findings !== undefined) r.findings = args.findings?.trim() || null;
    if (args.correctiveActions !== undefined) r.correctiveActions = args.correctiveActions?.trim() || null;
    if (args.nextReviewDue) r.nextReviewDue = args.nextReviewDue;
    this.validate(r);
    const fields = FIELDS.filter((f) => r[f] !== before[f]);
    if (!fields.length) return r;
    r.updatedAt = this.clock.now().toISOString();
    const reason = fields.includes('result') ? `result ${before.result} → ${r.result}` : null;
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(r),
      entry: ['UPDATE', { entityType: 'SupervisionReview', entityId: r.id, fields, reason }],
    }));
    this.subcontractors.forget(caller);
    return saved;
  }
}
