import type { EntityManager } from 'typeorm';
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import { auditedChange } from '../audit/audited-change';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { canonicalDepartment } from '../user/department';
import { User } from '../user/user.entity';
import { AuditFinding } from './audit-finding.entity';
import type { AuditFindingListArgs, CreateAuditFindingArgs, UpdateAuditFindingArgs } from './audit-finding.inputs';
import { CorrectiveAction } from './corrective-action.entity';
import { InternalAudit } from './internal-audit.entity';
import type { CreateInternalAuditArgs, InternalAuditListArgs, UpdateInternalAuditArgs } from './internal-audit.inputs';

const AUDIT_SORTABLE = { id: 'a.id', fiscalYear: 'a.fiscal_year', title: 'a.title', plannedFrom: 'a.planned_from', plannedTo: 'a.planned_to', status: 'a.status' };
const FINDING_SORTABLE = { id: 'f.id', auditId: 'f.audit_id', kind: 'f.kind', area: 'f.area', foundOn: 'f.found_on' };

/**
 * The internal audit: the year's planned audits and their findings. An
 * auditor never audits their own department; an audit closes only once every
 * nonconformity has corrective actions all verified effective. Nothing is
 * deleted; every change is audited.
 */
export class InternalAuditService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
  ) {}

  private today(): string {
    return japanDay(this.clock.now());
  }

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<InternalAudit> {
    const audit = await manager.findOneBy(InternalAudit, { id: toId(id) });
    if (!audit) throw notFound('InternalAudit', id);
    return audit;
  }

  private auditQuery(args: InternalAuditListArgs) {
    const f = args.filter;
    const qb = this.db.manager.createQueryBuilder(InternalAudit, 'a');
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('a.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.fiscalYear) qb.andWhere('a.fiscal_year = :year', { year: f.fiscalYear });
    if (f?.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f?.auditorId) qb.andWhere('a.auditor_id = :auditorId', { auditorId: toId(f.auditorId, 'filter.auditorId') });
    if (f?.q) qb.andWhere("LOWER(a.title) LIKE :q ESCAPE '!'", { q: likePattern(f.q.toLowerCase()) });
    return qb;
  }

  list(args: InternalAuditListArgs): Promise<InternalAudit[]> {
    return applyListArgs(this.auditQuery(args), args, AUDIT_SORTABLE).getMany();
  }

  count(args: InternalAuditListArgs): Promise<number> {
    return this.auditQuery(args).getCount();
  }

  /** Nonconformities of the audit not yet settled: without a corrective action, or with one not verified effective. */
  async openNonconformities(auditId: number, manager: EntityManager = this.db.manager): Promise<number[]> {
    const [findings, actions] = await Promise.all([
      manager.find(AuditFinding, { where: { auditId, kind: 'NONCONFORMITY' }, order: { id: 'ASC' } }),
      manager.find(CorrectiveAction, { where: { auditId } }),
    ]);
    return findings
      .filter((f) => {
        const mine = actions.filter((a) => a.findingId === f.id);
        return mine.length === 0 || mine.some((a) => a.effective !== true);
      })
      .map((f) => f.id);
  }

  /** One canonical name per department, in the order given. */
  private departmentsOf(names: string[]): string[] {
    const canonical = names.map(canonicalDepartment);
    if (canonical.some((d) => d === null)) throw badInput('departments', 'departments must not be blank');
    return [...new Set(canonical as string[])];
  }

  /** The fiscal year the planned days lie in (the one given, or plannedFrom's). */
  private fiscalYearOfPlan(plannedFrom: string, plannedTo: string, fiscalYear?: number): number {
    if (plannedTo < plannedFrom) throw badInput('plannedTo', 'plannedTo cannot be before plannedFrom');
    const year = fiscalYear ?? fiscalYearOf(plannedFrom);
    if (plannedFrom < fiscalYearStart(year) || plannedTo > fiscalYearEnd(year)) {
      throw badInput(plannedFrom < fiscalYearStart(year) ? 'plannedFrom' : 'plannedTo', `The audit must lie within fiscal year ${year} (${fiscalYearStart(year)} to ${fiscalYearEnd(year)})`);
    }
    return year;
  }

  /** An active internal auditor from outside every audited department. */
  private async checkAuditor(auditorId: number, departments: string[]): Promise<void> {
    const auditor = await this.db.manager.findOneBy(User, { id: auditorId });
    if (!auditor || !auditor.active || auditor.role !== 'AUDITOR') {
      throw badInput('auditorId', 'The auditor must be an active user with the internal auditor (AUDITOR) role');
    }
    if (!auditor.department) {
      throw conflict('AUDITOR_DEPARTMENT_UNKNOWN', 'Record the auditor’s department first: an auditor may not audit their own department');
    }
    if (departments.includes(auditor.department)) {
      throw conflict('AUDITOR_OWN_DEPARTMENT', 'An auditor may not audit their own department', { department: auditor.department });
    }
  }

  private requireOpen(audit: InternalAudit): void {
    if (audit.status === 'CLOSED') throw conflict('AUDIT_CLOSED', 'This internal audit is closed and can no longer be changed');
  }

  async create(args: CreateInternalAuditArgs, caller: Caller): Promise<InternalAudit> {
    const title = args.title.trim();
    const scope = args.scope.trim();
    if (!title) throw badInput('title', 'title must not be blank');
    if (!scope) throw badInput('scope', 'scope must not be blank');
    const fiscalYear = this.fiscalYearOfPlan(args.plannedFrom, args.plannedTo, args.fiscalYear);
    const departments = this.departmentsOf(args.departments);
    const auditorId = toId(args.auditorId, 'auditorId');
    await this.checkAuditor(auditorId, departments);
    const now = this.clock.now().toISOString();
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(InternalAudit, {
          fiscalYear,
          title,
          scope,
          departments,
          plannedFrom: args.plannedFrom,
          plannedTo: args.plannedTo,
          auditorId,
          status: 'PLANNED',
          closedOn: null,
          closedById: null,
          recordedById: caller.user!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'InternalAudit', entityId: saved.id, fields: ['fiscalYear', 'title', 'scope', 'departments', 'plannedFrom', 'plannedTo', 'auditorId'] }] };
    });
  }

  /** Changes within the audit's fiscal year; the independence rule is checked again on every change. */
  async update(args: UpdateInternalAuditArgs, caller: Caller): Promise<InternalAudit> {
    const audit = await this.find(args.id);
    this.requireOpen(audit);
    const next = {
      title: args.title?.trim() ?? audit.title,
      scope: args.scope?.trim() ?? audit.scope,
      departments: args.departments ? this.departmentsOf(args.departments) : audit.departments,
      plannedFrom: args.plannedFrom ?? audit.plannedFrom,
      plannedTo: args.plannedTo ?? audit.plannedTo,
      auditorId: args.auditorId ? toId(args.auditorId, 'auditorId') : audit.auditorId,
    };
    if (!next.title) throw badInput('title', 'title must not be blank');
    if (!next.scope) throw badInput('scope', 'scope must not be blank');
    this.fiscalYearOfPlan(next.plannedFrom, next.plannedTo, audit.fiscalYear);
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(audit[k]));
    if (!changed.length) return audit;
    await this.checkAuditor(next.auditorId, next.departments);
    Object.assign(audit, next, { updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(audit),
      entry: ['UPDATE', { entityType: 'InternalAudit', entityId: audit.id, fields: changed }],
    }));
  }

  /** Closed only when every nonconformity's corrective actions are verified effective. */
  async close(id: string, caller: Caller): Promise<InternalAudit> {
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const audit = await this.find(id, manager);
      this.requireOpen(audit);
      const open = await this.openNonconformities(audit.id, manager);
      if (open.length) {
        throw conflict('NONCONFORMITIES_OPEN', 'The audit closes once every nonconformity has corrective actions verified effective', { findingIds: open.map(String) });
      }
      Object.assign(audit, { status: 'CLOSED', closedOn: this.today(), closedById: caller.user!.id, updatedAt: this.clock.now().toISOString() });
      return { saved: await manager.save(audit), entry: ['UPDATE', { entityType: 'InternalAudit', entityId: audit.id, fields: ['status', 'closedOn'], reason: 'closed' }] };
    });
  }

  async findFinding(id: string | number): Promise<AuditFinding> {
    const finding = await this.db.manager.findOneBy(AuditFinding, { id: toId(id) });
    if (!finding) throw notFound('AuditFinding', id);
    return finding;
  }

  private findingQuery(args: AuditFindingListArgs) {
    const f = args.filter;
    const qb = this.db.manager.createQueryBuilder(AuditFinding, 'f');
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('f.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.auditId) qb.andWhere('f.audit_id = :auditId', { auditId: toId(f.auditId, 'filter.auditId') });
    if (f?.kind) qb.andWhere('f.kind = :kind', { kind: f.kind });
    if (f?.area) qb.andWhere('f.area = :area', { area: f.area });
    return qb;
  }

  listFindings(args: AuditFindingListArgs): Promise<AuditFinding[]> {
    return applyListArgs(this.findingQuery(args), args, FINDING_SORTABLE).getMany();
  }

  countFindings(args: AuditFindingListArgs): Promise<number> {
    return this.findingQuery(args).getCount();
  }

  private checkFoundOn(foundOn: string, audit: InternalAudit): void {
    if (foundOn > this.today()) throw badInput('foundOn', 'foundOn cannot be in the future');
    if (foundOn < fiscalYearStart(audit.fiscalYear)) throw badInput('foundOn', `foundOn cannot be before the audit's fiscal year (${fiscalYearStart(audit.fiscalYear)})`);
  }

  async createFinding(args: CreateAuditFindingArgs, caller: Caller): Promise<AuditFinding> {
    const audit = await this.find(toId(args.auditId, 'auditId'));
    this.requireOpen(audit);
    const description = args.description.trim();
    if (!description) throw badInput('description', 'description must not be blank');
    this.checkFoundOn(args.foundOn, audit);
    const now = this.clock.now().toISOString();
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(AuditFinding, { auditId: audit.id, kind: args.kind, area: args.area, description, foundOn: args.foundOn, recordedById: caller.user!.id, createdAt: now, updatedAt: now }),
      );
      return { saved, entry: ['CREATE', { entityType: 'AuditFinding', entityId: saved.id, fields: ['kind', 'area', 'description', 'foundOn'], reason: `audit ${audit.id}, ${saved.kind}` }] };
    });
  }

  /** While the audit is open; a nonconformity with corrective actions stays one. */
  async updateFinding(args: UpdateAuditFindingArgs, caller: Caller): Promise<AuditFinding> {
    const finding = await this.findFinding(args.id);
    const audit = await this.find(finding.auditId);
    this.requireOpen(audit);
    const next = { kind: args.kind ?? finding.kind, area: args.area ?? finding.area, description: args.description?.trim() ?? finding.description, foundOn: args.foundOn ?? finding.foundOn };
    if (!next.description) throw badInput('description', 'description must not be blank');
    if (args.foundOn) this.checkFoundOn(args.foundOn, audit);
    if (finding.kind === 'NONCONFORMITY' && next.kind !== 'NONCONFORMITY' && (await this.db.manager.existsBy(CorrectiveAction, { findingId: finding.id }))) {
      throw conflict('FINDING_HAS_ACTIONS', 'This nonconformity has corrective actions; it stays a nonconformity');
    }
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== finding[k]);
    if (!changed.length) return finding;
    Object.assign(finding, next, { updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(finding),
      entry: ['UPDATE', { entityType: 'AuditFinding', entityId: finding.id, fields: changed }],
    }));
  }
}
