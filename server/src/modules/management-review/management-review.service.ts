import type { EntityManager } from 'typeorm';
import { daysBetween, fiscalYearOf, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import { auditedChange } from '../audit/audited-change';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { User } from '../user/user.entity';
import { ManagementReviewAction } from './management-review-action.entity';
import type { ManagementReviewInputs } from './management-review-inputs';
import type { ManagementReviewInputsService } from './management-review-inputs.service';
import { ManagementReview } from './management-review.entity';
import type {
  CreateManagementReviewActionArgs,
  CreateManagementReviewArgs,
  HoldManagementReviewArgs,
  ManagementReviewActionFilter,
  ManagementReviewActionListArgs,
  ManagementReviewListArgs,
  RecordManagementReviewActionResultArgs,
  UpdateManagementReviewActionArgs,
  UpdateManagementReviewArgs,
} from './management-review.inputs';
import { PERIOD_MAX_DAYS } from './management-review.rules';
import type { DashboardManagementReview } from './management-review-reminders';

const REVIEW_SORTABLE = { id: 'r.id', fiscalYear: 'r.fiscal_year', title: 'r.title', plannedOn: 'r.planned_on', heldOn: 'r.held_on', periodFrom: 'r.period_from', status: 'r.status' };
const ACTION_SORTABLE = { id: 'a.id', reviewId: 'a.review_id', dueOn: 'a.due_on', ownerId: 'a.owner_id', status: 'a.status', doneOn: 'a.done_on' };
const LIST_CAP = 50;

/** Who reads every review action; an owner reads their own. */
const SEES_ALL = new Set<string>(['PRIVACY_MANAGER', 'AUDITOR']);

const trimmedOrNull = (v: string | undefined | null, current: string | null) => (v === undefined || v === null ? current : v.trim() || null);

/**
 * The management review: planned for a period, held (its gathered inputs then
 * kept as presented), and closed once every action decided is done. The
 * privacy manager runs it; the internal auditor reads it; an action's owner
 * records its result. Nothing is deleted; every change is audited.
 */
export class ManagementReviewService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
    private readonly inputs: ManagementReviewInputsService,
  ) {}

  private today(): string {
    return japanDay(this.clock.now());
  }

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<ManagementReview> {
    const review = await manager.findOneBy(ManagementReview, { id: toId(id) });
    if (!review) throw notFound('ManagementReview', id);
    return review;
  }

  private reviewQuery(args: ManagementReviewListArgs) {
    const f = args.filter;
    const qb = this.db.manager.createQueryBuilder(ManagementReview, 'r');
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('r.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.fiscalYear) qb.andWhere('r.fiscal_year = :year', { year: f.fiscalYear });
    if (f?.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f?.q) qb.andWhere("LOWER(r.title) LIKE :q ESCAPE '!'", { q: likePattern(f.q.toLowerCase()) });
    return qb;
  }

  list(args: ManagementReviewListArgs): Promise<ManagementReview[]> {
    return applyListArgs(this.reviewQuery(args), args, REVIEW_SORTABLE).getMany();
  }

  count(args: ManagementReviewListArgs): Promise<number> {
    return this.reviewQuery(args).getCount();
  }

  /** The inputs gathered now for a period of the caller's choosing. */
  gatherFor(periodFrom: string, periodTo: string): Promise<ManagementReviewInputs> {
    this.checkPeriod(periodFrom, periodTo);
    return this.inputs.gather(periodFrom, periodTo);
  }

  /** The inputs gathered now for the review's period. */
  liveInputs(review: ManagementReview): Promise<ManagementReviewInputs> {
    return this.inputs.gather(review.periodFrom, review.periodTo, review.id);
  }

  /** What was presented on the day the review was held; null until then. */
  presentedInputs(review: ManagementReview): ManagementReviewInputs | null {
    return review.inputsSnapshot ? (JSON.parse(review.inputsSnapshot) as ManagementReviewInputs) : null;
  }

  private checkPeriod(periodFrom: string, periodTo: string): void {
    if (periodTo < periodFrom) throw badInput('periodTo', 'periodTo cannot be before periodFrom');
    if (daysBetween(periodFrom, periodTo) >= PERIOD_MAX_DAYS) throw badInput('periodTo', `A review covers at most ${PERIOD_MAX_DAYS} days`);
  }

  private checkPlan(periodFrom: string, periodTo: string, plannedOn: string): void {
    this.checkPeriod(periodFrom, periodTo);
    if (plannedOn < periodTo) throw badInput('plannedOn', 'The period covered must end by the day the review is planned for');
  }

  private participantsOf(names: string[]): string[] {
    const trimmed = names.map((n) => n.trim());
    if (trimmed.some((n) => !n)) throw badInput('participants', 'participants must not be blank');
    return [...new Set(trimmed)];
  }

  private requireNotClosed(review: ManagementReview): void {
    if (review.status === 'CLOSED') throw conflict('REVIEW_CLOSED', 'This management review is closed and can no longer be changed');
  }

  async create(args: CreateManagementReviewArgs, caller: Caller): Promise<ManagementReview> {
    const title = args.title.trim();
    if (!title) throw badInput('title', 'title must not be blank');
    this.checkPlan(args.periodFrom, args.periodTo, args.plannedOn);
    const participants = this.participantsOf(args.participants ?? []);
    const now = this.clock.now().toISOString();
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(ManagementReview, {
          fiscalYear: fiscalYearOf(args.plannedOn),
          title,
          periodFrom: args.periodFrom,
          periodTo: args.periodTo,
          plannedOn: args.plannedOn,
          heldOn: null,
          participants,
          lawChanges: args.lawChanges?.trim() || null,
          otherInputs: args.otherInputs?.trim() || null,
          conclusions: null,
          status: 'PLANNED',
          inputsSnapshot: null,
          closedOn: null,
          closedById: null,
          recordedById: caller.user!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const fields = ['title', 'periodFrom', 'periodTo', 'plannedOn', 'participants', ...(saved.lawChanges ? ['lawChanges'] : []), ...(saved.otherInputs ? ['otherInputs'] : [])];
      return { saved, entry: ['CREATE', { entityType: 'ManagementReview', entityId: saved.id, fields }] };
    });
  }

  /** The plan changes until the review is held; the texts until it is closed. */
  async update(args: UpdateManagementReviewArgs, caller: Caller): Promise<ManagementReview> {
    const review = await this.find(args.id);
    this.requireNotClosed(review);
    const replanned = args.periodFrom !== undefined || args.periodTo !== undefined || args.plannedOn !== undefined;
    if (review.status !== 'PLANNED' && replanned) {
      const same = (args.periodFrom ?? review.periodFrom) === review.periodFrom && (args.periodTo ?? review.periodTo) === review.periodTo && (args.plannedOn ?? review.plannedOn) === review.plannedOn;
      if (!same) throw conflict('REVIEW_HELD', 'This management review was held: its period and day are kept as they were');
    }
    const next = {
      title: args.title?.trim() ?? review.title,
      periodFrom: args.periodFrom ?? review.periodFrom,
      periodTo: args.periodTo ?? review.periodTo,
      plannedOn: args.plannedOn ?? review.plannedOn,
      participants: args.participants ? this.participantsOf(args.participants) : review.participants,
      lawChanges: trimmedOrNull(args.lawChanges, review.lawChanges),
      otherInputs: trimmedOrNull(args.otherInputs, review.otherInputs),
      conclusions: trimmedOrNull(args.conclusions, review.conclusions),
    };
    if (!next.title) throw badInput('title', 'title must not be blank');
    if (review.status === 'PLANNED') this.checkPlan(next.periodFrom, next.periodTo, next.plannedOn);
    if (review.status !== 'PLANNED' && !next.participants.length) throw badInput('participants', 'A review held has at least one participant');
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(review[k]));
    if (!changed.length) return review;
    Object.assign(review, next, review.status === 'PLANNED' ? { fiscalYear: fiscalYearOf(next.plannedOn) } : {}, { updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(review),
      entry: ['UPDATE', { entityType: 'ManagementReview', entityId: review.id, fields: changed }],
    }));
  }

  /** Recorded as held: the inputs gathered today for its period are kept on it as presented. */
  async hold(args: HoldManagementReviewArgs, caller: Caller): Promise<ManagementReview> {
    const review = await this.find(args.id);
    this.requireNotClosed(review);
    if (review.status !== 'PLANNED') throw conflict('REVIEW_ALREADY_HELD', 'This management review is already recorded as held');
    if (args.heldOn > this.today()) throw badInput('heldOn', 'heldOn cannot be in the future');
    if (args.heldOn < review.periodTo) throw badInput('heldOn', 'The period covered must end by the day the review is held');
    const participants = args.participants ? this.participantsOf(args.participants) : review.participants;
    if (!participants.length) throw badInput('participants', 'Record who took part in the review');
    const snapshot = await this.inputs.gather(review.periodFrom, review.periodTo, review.id);
    const conclusions = trimmedOrNull(args.conclusions, review.conclusions);
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const current = await this.find(review.id, manager);
      if (current.status !== 'PLANNED') throw conflict('REVIEW_ALREADY_HELD', 'This management review is already recorded as held');
      Object.assign(current, {
        status: 'HELD',
        heldOn: args.heldOn,
        fiscalYear: fiscalYearOf(args.heldOn),
        participants,
        conclusions,
        inputsSnapshot: JSON.stringify(snapshot),
        updatedAt: this.clock.now().toISOString(),
      });
      const fields = ['status', 'heldOn', 'participants', 'inputsSnapshot', ...(conclusions !== review.conclusions ? ['conclusions'] : [])];
      return { saved: await manager.save(current), entry: ['UPDATE', { entityType: 'ManagementReview', entityId: current.id, fields, reason: 'held' }] };
    });
  }

  /** Closed once held, its conclusions recorded and every action done. */
  async close(id: string, caller: Caller): Promise<ManagementReview> {
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const review = await this.find(id, manager);
      this.requireNotClosed(review);
      if (review.status !== 'HELD') throw conflict('REVIEW_NOT_HELD', 'A management review closes once it has been held');
      if (!review.conclusions) throw conflict('REVIEW_CONCLUSIONS_MISSING', 'Record the review’s conclusions before closing it');
      const open = await manager.find(ManagementReviewAction, { where: { reviewId: review.id, status: 'OPEN' }, order: { id: 'ASC' } });
      if (open.length) {
        throw conflict('REVIEW_ACTIONS_OPEN', 'The management review closes once every action decided is done', { actionIds: open.map((a) => String(a.id)) });
      }
      Object.assign(review, { status: 'CLOSED', closedOn: this.today(), closedById: caller.user!.id, updatedAt: this.clock.now().toISOString() });
      return { saved: await manager.save(review), entry: ['UPDATE', { entityType: 'ManagementReview', entityId: review.id, fields: ['status', 'closedOn'], reason: 'closed' }] };
    });
  }

  // ---- actions ----

  private async getAction(id: string | number): Promise<ManagementReviewAction> {
    const action = await this.db.manager.findOneBy(ManagementReviewAction, { id: toId(id) });
    if (!action) throw notFound('ManagementReviewAction', id);
    return action;
  }

  private refuse(action: ManagementReviewAction, caller: Caller, message: string): never {
    caller.audit.record('ACCESS_DENIED', { entityType: 'ManagementReviewAction', entityId: action.id, outcome: 'DENIED', reason: message });
    throw forbidden(message);
  }

  async findAction(id: string, caller: Caller): Promise<ManagementReviewAction> {
    const action = await this.getAction(id);
    if (!SEES_ALL.has(caller.user?.role ?? '') && action.ownerId !== caller.user?.id) this.refuse(action, caller, 'This management review action is not yours');
    return action;
  }

  actionQuery(filter: ManagementReviewActionFilter | undefined, caller: Caller | null) {
    const qb = this.db.manager.createQueryBuilder(ManagementReviewAction, 'a');
    if (caller && !SEES_ALL.has(caller.user?.role ?? '')) qb.andWhere('a.owner_id = :self', { self: caller.user?.id ?? 0 });
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('a.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.reviewId) qb.andWhere('a.review_id = :reviewId', { reviewId: toId(filter.reviewId, 'filter.reviewId') });
    if (filter?.ownerId) qb.andWhere('a.owner_id = :ownerId', { ownerId: toId(filter.ownerId, 'filter.ownerId') });
    if (filter?.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter?.overdue === true) qb.andWhere("a.status = 'OPEN' AND a.due_on < :today", { today: this.today() });
    if (filter?.overdue === false) qb.andWhere("(a.status <> 'OPEN' OR a.due_on >= :today)", { today: this.today() });
    return qb;
  }

  listActions(args: ManagementReviewActionListArgs, caller: Caller): Promise<ManagementReviewAction[]> {
    return applyListArgs(this.actionQuery(args.filter, caller), args, ACTION_SORTABLE).getMany();
  }

  countActions(args: ManagementReviewActionListArgs, caller: Caller): Promise<number> {
    return this.actionQuery(args.filter, caller).getCount();
  }

  /** Owners act on the decisions: any active user but an internal auditor, who only reads the review. */
  private async checkOwner(ownerId: number): Promise<void> {
    const owner = await this.db.manager.findOneBy(User, { id: ownerId });
    if (!owner || !owner.active || owner.role === 'AUDITOR') throw badInput('ownerId', 'The owner must be an active user other than an internal auditor');
  }

  private async heldReviewOf(reviewId: number): Promise<ManagementReview> {
    const review = await this.find(reviewId);
    this.requireNotClosed(review);
    if (review.status !== 'HELD') throw conflict('REVIEW_NOT_HELD', 'Actions are decided at the review: record it as held first');
    return review;
  }

  async createAction(args: CreateManagementReviewActionArgs, caller: Caller): Promise<ManagementReviewAction> {
    const review = await this.heldReviewOf(toId(args.reviewId, 'reviewId'));
    const description = args.description.trim();
    if (!description) throw badInput('description', 'description must not be blank');
    const ownerId = toId(args.ownerId, 'ownerId');
    await this.checkOwner(ownerId);
    if (args.dueOn < review.heldOn!) throw badInput('dueOn', 'dueOn cannot be before the review was held');
    const now = this.clock.now().toISOString();
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(ManagementReviewAction, { reviewId: review.id, description, ownerId, dueOn: args.dueOn, status: 'OPEN', doneOn: null, result: null, recordedById: caller.user!.id, createdAt: now, updatedAt: now }),
      );
      return { saved, entry: ['CREATE', { entityType: 'ManagementReviewAction', entityId: saved.id, fields: ['description', 'ownerId', 'dueOn'], reason: `review ${review.id}` }] };
    });
  }

  private requireOpenAction(action: ManagementReviewAction): void {
    if (action.status === 'DONE') throw conflict('ACTION_DONE', 'This action is done and its result recorded; it can no longer be changed');
  }

  /** The privacy manager reassigns or reschedules an open action. */
  async updateAction(args: UpdateManagementReviewActionArgs, caller: Caller): Promise<ManagementReviewAction> {
    const action = await this.getAction(args.id);
    const review = await this.heldReviewOf(action.reviewId);
    this.requireOpenAction(action);
    const next = {
      description: args.description?.trim() ?? action.description,
      ownerId: args.ownerId ? toId(args.ownerId, 'ownerId') : action.ownerId,
      dueOn: args.dueOn ?? action.dueOn,
    };
    if (!next.description) throw badInput('description', 'description must not be blank');
    if (next.ownerId !== action.ownerId) await this.checkOwner(next.ownerId);
    if (next.dueOn < review.heldOn!) throw badInput('dueOn', 'dueOn cannot be before the review was held');
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== action[k]);
    if (!changed.length) return action;
    Object.assign(action, next, { updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (em) => ({ saved: await em.save(action), entry: ['UPDATE', { entityType: 'ManagementReviewAction', entityId: action.id, fields: changed }] }));
  }

  /** The owner (or the privacy manager) records what was done: the action is then done. */
  async recordResult(args: RecordManagementReviewActionResultArgs, caller: Caller): Promise<ManagementReviewAction> {
    const action = await this.getAction(args.id);
    if (caller.user?.role !== 'PRIVACY_MANAGER' && action.ownerId !== caller.user?.id) this.refuse(action, caller, 'Only the privacy manager or the owner records this action’s result');
    const review = await this.heldReviewOf(action.reviewId);
    this.requireOpenAction(action);
    const result = args.result.trim();
    if (!result) throw badInput('result', 'result must not be blank');
    if (args.doneOn > this.today()) throw badInput('doneOn', 'doneOn cannot be in the future');
    if (args.doneOn < review.heldOn!) throw badInput('doneOn', 'doneOn cannot be before the review was held');
    Object.assign(action, { status: 'DONE', doneOn: args.doneOn, result, updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (em) => ({
      saved: await em.save(action),
      entry: ['UPDATE', { entityType: 'ManagementReviewAction', entityId: action.id, fields: ['status', 'doneOn', 'result'], reason: 'done' }],
    }));
  }

  /** The dashboard's card: everything for the manager and the auditor, one's own actions for anyone else. */
  async reminders(userId: number, seesAll: boolean): Promise<DashboardManagementReview> {
    const today = this.today();
    const fiscalYear = fiscalYearOf(today);
    const mine = seesAll ? {} : { ownerId: String(userId) };
    const [overdue, openActionCount, held, next] = await Promise.all([
      this.actionQuery({ ...mine, overdue: true }, null).orderBy('a.due_on', 'ASC').addOrderBy('a.id', 'ASC').getMany(),
      this.actionQuery({ ...mine, status: 'OPEN' }, null).getCount(),
      seesAll ? this.db.manager.createQueryBuilder(ManagementReview, 'r').where("r.fiscal_year = :fiscalYear AND r.status <> 'PLANNED'", { fiscalYear }).getCount() : null,
      seesAll
        ? this.db.manager.createQueryBuilder(ManagementReview, 'r').where("r.status = 'PLANNED'").orderBy('r.planned_on', 'ASC').addOrderBy('r.id', 'ASC').getOne()
        : null,
    ]);
    return {
      scope: seesAll ? 'ALL' : 'MINE',
      fiscalYear,
      heldThisFiscalYear: held === null ? null : held > 0,
      nextReviewId: next?.id ?? null,
      nextPlannedOn: next?.plannedOn ?? null,
      openActionCount,
      overdueActionCount: overdue.length,
      overdueActionIds: overdue.map((a) => a.id).slice(0, LIST_CAP),
    };
  }
}
