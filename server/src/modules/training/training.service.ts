import { In, IsNull, type EntityManager } from 'typeorm';
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { User } from '../user/user.entity';
import { TrainingCompletion } from './training-completion.entity';
import { TrainingCourse } from './training-course.entity';
import type { TrainingStatus } from './training-status';
import type {
  CreateTrainingCourseArgs,
  RecordTrainingCompletionArgs,
  TrainingCompletionListArgs,
  TrainingCourseListArgs,
  TrainingStatusArgs,
  UpdateTrainingCourseArgs,
} from './training.inputs';

type AuditEntryArgs = Parameters<Caller['audit']['entry']>;

const COURSE_SORTABLE = { id: 'c.id', title: 'c.title', fiscalYear: 'c.fiscal_year', dueOn: 'c.due_on' };
const COMPLETION_SORTABLE = { id: 't.id', completedOn: 't.completed_on', courseId: 't.course_id', userId: 't.user_id', score: 't.score' };

/** Who sees every user's training records; everyone else sees their own. */
const SEES_ALL = new Set(['PRIVACY_MANAGER', 'AUDITOR']);

/**
 * Training records: the manager sets each fiscal year's courses and records
 * every attempt; every active user must pass the year's courses by their due
 * day. Courses are retired, never deleted; attempts are never changed.
 */
export class TrainingService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
  ) {}

  private today(): string {
    return japanDay(this.clock.now());
  }

  async findCourse(id: string | number): Promise<TrainingCourse> {
    const course = await this.db.manager.findOneBy(TrainingCourse, { id: toId(id) });
    if (!course) throw notFound('TrainingCourse', id);
    return course;
  }

  private courseQuery(args: TrainingCourseListArgs) {
    const f = args.filter;
    const qb = this.db.manager.createQueryBuilder(TrainingCourse, 'c');
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('c.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.fiscalYear) qb.andWhere('c.fiscal_year = :year', { year: f.fiscalYear });
    if (f?.retired === true) qb.andWhere('c.retired_at IS NOT NULL');
    if (f?.retired === false) qb.andWhere('c.retired_at IS NULL');
    if (f?.q) qb.andWhere("LOWER(c.title) LIKE :q ESCAPE '!'", { q: likePattern(f.q.toLowerCase()) });
    return qb;
  }

  listCourses(args: TrainingCourseListArgs): Promise<TrainingCourse[]> {
    return applyListArgs(this.courseQuery(args), args, COURSE_SORTABLE).getMany();
  }

  countCourses(args: TrainingCourseListArgs): Promise<number> {
    return this.courseQuery(args).getCount();
  }

  private checkDueOn(dueOn: string, fiscalYear: number): void {
    if (dueOn < fiscalYearStart(fiscalYear) || dueOn > fiscalYearEnd(fiscalYear)) {
      throw badInput('dueOn', `dueOn must lie within fiscal year ${fiscalYear} (${fiscalYearStart(fiscalYear)} to ${fiscalYearEnd(fiscalYear)})`);
    }
  }

  /** The change and its audit entry commit together. */
  private async audited<T>(caller: Caller, change: (manager: EntityManager) => Promise<{ saved: T; entry: AuditEntryArgs }>): Promise<T> {
    const saved = await this.db.transaction(async (manager) => {
      const result = await change(manager);
      await this.writer.writeWithin(manager, [caller.audit.entry(...result.entry)]);
      return result.saved;
    });
    this.writer.committed();
    return saved;
  }

  createCourse(args: CreateTrainingCourseArgs, caller: Caller): Promise<TrainingCourse> {
    const title = args.title.trim();
    if (!title) throw badInput('title', 'title must not be blank');
    this.checkDueOn(args.dueOn, args.fiscalYear);
    const now = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => {
      const saved = await manager.save(
        manager.create(TrainingCourse, { title, fiscalYear: args.fiscalYear, dueOn: args.dueOn, retiredAt: null, recordedById: caller.user!.id, createdAt: now, updatedAt: now }),
      );
      return { saved, entry: ['CREATE', { entityType: 'TrainingCourse', entityId: saved.id, fields: ['title', 'fiscalYear', 'dueOn'] }] };
    });
  }

  async updateCourse(args: UpdateTrainingCourseArgs, caller: Caller): Promise<TrainingCourse> {
    const course = await this.findCourse(args.id);
    if (course.retiredAt) throw conflict('COURSE_RETIRED', 'This course is retired and can no longer be changed');
    const changed: string[] = [];
    if (args.title !== undefined && args.title !== null) {
      const title = args.title.trim();
      if (!title) throw badInput('title', 'title must not be blank');
      if (title !== course.title) {
        course.title = title;
        changed.push('title');
      }
    }
    if (args.dueOn && args.dueOn !== course.dueOn) {
      this.checkDueOn(args.dueOn, course.fiscalYear);
      course.dueOn = args.dueOn;
      changed.push('dueOn');
    }
    if (!changed.length) return course;
    course.updatedAt = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => ({
      saved: await manager.save(course),
      entry: ['UPDATE', { entityType: 'TrainingCourse', entityId: course.id, fields: changed }],
    }));
  }

  /** A retired course is no longer required of anyone; its completions stay. */
  async retireCourse(id: string, caller: Caller): Promise<TrainingCourse> {
    const course = await this.findCourse(id);
    if (course.retiredAt) return course;
    course.retiredAt = this.clock.now().toISOString();
    course.updatedAt = course.retiredAt;
    return this.audited(caller, async (manager) => ({
      saved: await manager.save(course),
      entry: ['UPDATE', { entityType: 'TrainingCourse', entityId: course.id, fields: ['retiredAt'], reason: 'retired' }],
    }));
  }

  private completionQuery(args: TrainingCompletionListArgs, caller: Caller) {
    const f = args.filter;
    const qb = this.db.manager.createQueryBuilder(TrainingCompletion, 't');
    if (!SEES_ALL.has(caller.user?.role ?? '')) qb.andWhere('t.user_id = :self', { self: caller.user?.id ?? 0 });
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('t.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.courseId) qb.andWhere('t.course_id = :courseId', { courseId: toId(f.courseId, 'filter.courseId') });
    if (f?.userId) qb.andWhere('t.user_id = :userId', { userId: toId(f.userId, 'filter.userId') });
    return qb;
  }

  listCompletions(args: TrainingCompletionListArgs, caller: Caller): Promise<TrainingCompletion[]> {
    return applyListArgs(this.completionQuery(args, caller), args, COMPLETION_SORTABLE).getMany();
  }

  countCompletions(args: TrainingCompletionListArgs, caller: Caller): Promise<number> {
    return this.completionQuery(args, caller).getCount();
  }

  /** Refused for a deactivated user, a retired course, a day in the future or before the course's fiscal year. */
  async recordCompletion(args: RecordTrainingCompletionArgs, caller: Caller): Promise<TrainingCompletion> {
    const course = await this.findCourse(toId(args.courseId, 'courseId'));
    const user = await this.db.manager.findOneBy(User, { id: toId(args.userId, 'userId') });
    if (!user) throw notFound('User', args.userId);
    if (!user.active) throw conflict('USER_DEACTIVATED', 'Training cannot be recorded for a deactivated user');
    if (course.retiredAt) throw conflict('COURSE_RETIRED', 'This course is retired; record the training against a course in force');
    if (args.completedOn > this.today()) throw badInput('completedOn', 'completedOn cannot be in the future');
    if (args.completedOn < fiscalYearStart(course.fiscalYear)) {
      throw badInput('completedOn', `completedOn cannot be before the course's fiscal year (${fiscalYearStart(course.fiscalYear)})`);
    }
    return this.audited(caller, async (manager) => {
      const saved = await manager.save(
        manager.create(TrainingCompletion, {
          courseId: course.id,
          userId: user.id,
          completedOn: args.completedOn,
          result: args.result,
          score: args.score ?? null,
          recordedById: caller.user!.id,
          createdAt: this.clock.now().toISOString(),
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'TrainingCompletion', entityId: saved.id, fields: ['completedOn', 'result', 'score'], reason: `course ${course.id}, user ${user.id}` }] };
    });
  }

  /** Every active user's standing for the fiscal year (the current one in Japan time by default). */
  async status(args: TrainingStatusArgs): Promise<TrainingStatus[]> {
    const all = await this.statusOf(await this.db.manager.find(User, { where: { active: true }, order: { id: 'ASC' } }), args.fiscalYear);
    return args.incompleteOnly ? all.filter((s) => !s.complete) : all;
  }

  /** The caller's own standing. */
  async myStatus(caller: Caller, fiscalYear?: number): Promise<TrainingStatus> {
    const user = await this.db.manager.findOneBy(User, { id: caller.user!.id });
    if (!user) throw notFound('User', caller.user!.id);
    const [mine] = await this.statusOf([user], fiscalYear);
    return mine!;
  }

  /** How many active users have not yet passed the current year's courses. */
  async countIncomplete(): Promise<number> {
    return (await this.status({ incompleteOnly: true })).length;
  }

  private async statusOf(users: User[], fiscalYear?: number): Promise<TrainingStatus[]> {
    const today = this.today();
    const year = fiscalYear ?? fiscalYearOf(today);
    const courses = await this.db.manager.find(TrainingCourse, { where: { fiscalYear: year, retiredAt: IsNull() }, order: { dueOn: 'ASC', id: 'ASC' } });
    const passes =
      courses.length && users.length
        ? await this.db.manager.find(TrainingCompletion, { where: { courseId: In(courses.map((c) => c.id)), userId: In(users.map((u) => u.id)), result: 'PASSED' } })
        : [];
    return users.map((user) => {
      const mine = passes.filter((p) => p.userId === user.id);
      const missing = courses.filter((c) => !mine.some((p) => p.courseId === c.id));
      const lastPassedOn = mine.map((p) => p.completedOn).sort().at(-1) ?? null;
      return {
        userId: user.id,
        displayName: user.displayName,
        role: user.role,
        department: user.department,
        fiscalYear: year,
        coursesRequired: courses.length,
        coursesPassed: courses.length - missing.length,
        missingCourseIds: missing.map((c) => c.id),
        complete: missing.length === 0,
        overdue: missing.some((c) => c.dueOn < today),
        lastPassedOn,
      };
    });
  }
}
