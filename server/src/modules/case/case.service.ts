import { Brackets, IsNull, type EntityManager } from 'typeorm';
import { PERSONAL_DATA_FIELDS } from '@mamori/shared';
import { addDays, addMonths, japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { User } from '../user/user.entity';
import type { AuditWriter } from '../audit/audit-writer';
import type { SubjectKeys } from '../audit/subject-keys';
import { requireEditor } from './case.access';
import { Case } from './case.entity';
import type { CaseFilter, CaseListArgs, CreateCaseArgs, UpdateCaseArgs } from './case.inputs';
import { DOCUMENT_RETENTION_MONTHS, REPLY_DAYS, documentsDestroyOn, isBeforeWork, isCompleted, isOpen } from './case.rules';
import { CaseTransition } from './case-transition.entity';
import { casePatch, changedFields, checkPeriod, INTAKE_ONLY } from './case-patch';
import { checkRequestedItems } from './requested-items';
import { canonicalName } from '../common/japanese-text';

const SORTABLE = {
  id: 'c.id',
  reference: 'c.reference',
  receivedOn: 'c.received_on',
  dueOn: 'c.received_on',
  status: 'c.status',
  type: 'c.type',
  assigneeId: 'c.assignee_id',
  updatedAt: 'c.updated_at',
};

/** Cases: intake, assignment and the queries behind need-to-know. */
export class CaseService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
    private readonly keys: SubjectKeys,
  ) {}

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<Case> {
    const c = await manager.findOneBy(Case, { id: toId(id) });
    if (!c) throw notFound('Case', id);
    return c;
  }

  /** A case the caller may see (manager: any; staff: assigned to them or recorded by them). */
  findVisible(id: string | number, caller: Caller): Promise<Case> {
    return this.findAllowed(id, caller, (c) => caller.access.caseVisible(c));
  }

  /** A case's record for reading: as findVisible, and the internal auditor reads any (its personal fields are guarded apart). */
  findRecord(id: string | number, caller: Caller): Promise<Case> {
    return this.findAllowed(id, caller, (c) => caller.access.caseRecordVisible(c));
  }

  private async findAllowed(id: string | number, caller: Caller, allowed: (c: Case) => boolean): Promise<Case> {
    const c = await this.find(id);
    if (!allowed(c)) {
      caller.audit.recordDenied('Case', c.id, c.subjectId);
      throw forbidden('You may not see this case');
    }
    return c;
  }

  /**
   * The case a change of a subject is made under: it must be about that
   * subject and open; staff must be its assignee.
   */
  async justifyingCase(caseId: number, subjectId: number, caller: Caller): Promise<number> {
    const c = await this.find(caseId);
    if (c.subjectId !== subjectId) throw badInput('caseId', 'This case is not about this data subject');
    if (!isOpen(c)) throw conflict('CASE_CLOSED', 'This case is closed');
    if (caller.user?.role !== 'PRIVACY_MANAGER' && c.assigneeId !== caller.user?.id) throw forbidden('This case is not assigned to you');
    return c.id;
  }

  private query(filter: CaseFilter | undefined, caller: Caller) {
    const qb = this.db.manager.createQueryBuilder(Case, 'c');
    const me = caller.user?.id ?? 0;
    if (!caller.access.listsEveryCase) {
      qb.andWhere(new Brackets((b) => b.where('c.assignee_id = :me', { me }).orWhere('c.recorded_by_id = :me', { me })));
    }
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('c.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter?.type) qb.andWhere('c.type = :type', { type: filter.type });
    if (filter?.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: toId(filter.assigneeId, 'filter.assigneeId') });
    if (filter?.subjectId) qb.andWhere('c.subject_id = :subjectId', { subjectId: toId(filter.subjectId, 'filter.subjectId') });
    if (filter?.mine) qb.andWhere('c.assignee_id = :me', { me });
    if (filter?.unassigned) qb.andWhere("c.assignee_id IS NULL AND c.status <> 'CLOSED'");
    if (filter?.overdue) {
      // dueOn = receivedOn + 14 days < today  ⇔  receivedOn < today − 14 days
      const cutoff = addDays(japanDay(this.clock.now()), -REPLY_DAYS);
      qb.andWhere("c.status IN ('RECEIVED','VERIFYING','IN_PROGRESS') AND c.received_on < :cutoff", { cutoff });
    }
    if (filter?.awaitingDocuments) {
      qb.andWhere("c.status IN ('RECEIVED','VERIFYING')").andWhere(
        new Brackets((b) =>
          b
            .where('c.has_request_form = :no', { no: false })
            .orWhere('c.identity_document IS NULL')
            .orWhere(
              new Brackets((r) =>
                r.where("c.requester = 'REPRESENTATIVE'").andWhere(
                  new Brackets((m) => m.where('c.has_proxy_letter = :no', { no: false }).orWhere('c.seal_certificate_issued_on IS NULL')),
                ),
              ),
            ),
        ),
      );
    }
    if (filter?.q) qb.andWhere('LOWER(c.reference) LIKE :q', { q: `%${filter.q.toLowerCase().replace(/[\\%_]/g, '')}%` });
    return qb;
  }

  list(args: CaseListArgs, caller: Caller): Promise<Case[]> {
    return applyListArgs(this.query(args.filter, caller), args, SORTABLE).getMany();
  }

  count(args: CaseListArgs, caller: Caller): Promise<number> {
    return this.query(args.filter, caller).getCount();
  }

  /** Intake: the request as received, waiting in the manager's assignment queue. */
  async create(args: CreateCaseArgs, caller: Caller): Promise<Case> {
    if (args.receivedOn > japanDay(this.clock.now())) throw badInput('receivedOn', 'receivedOn cannot be in the future');
    checkPeriod(args.periodFrom, args.periodTo);
    const subjectId = args.subjectId ? toId(args.subjectId, 'subjectId') : null;
    if (subjectId && caller.user?.role !== 'PRIVACY_MANAGER') {
      throw badInput('subjectId', 'Staff link the subject through matchDataSubjects once the case is assigned');
    }
    const now = this.clock.now().toISOString();
    const saved = await this.db.transaction(async (manager) => {
      const c = manager.create(Case, {
        reference: await this.nextReference(manager, args.receivedOn.slice(0, 4)),
        type: args.type,
        requester: args.requester,
        requesterName: canonicalName(args.requesterName),
        representativeName: canonicalName(args.representativeName ?? '') || null,
        replyAddress: args.replyAddress.trim(),
        channel: args.channel,
        receivedOn: args.receivedOn,
        subjectId,
        noMatchingData: false,
        assigneeId: null,
        recordedById: caller.user!.id,
        requestedItems: checkRequestedItems(args.requestedItems ?? []),
        disclosureMethod: args.disclosureMethod ?? 'REGISTERED_MAIL',
        periodFrom: args.periodFrom ?? null,
        periodTo: args.periodTo ?? null,
        feeYen: args.feeYen ?? 0,
        hasRequestForm: args.hasRequestForm ?? false,
        identityDocument: args.identityDocument ?? null,
        hasProxyLetter: args.hasProxyLetter ?? false,
        sealCertificateIssuedOn: args.sealCertificateIssuedOn ?? null,
        status: 'RECEIVED',
        nonDisclosureReasons: [],
        repliedOn: null,
        completedOn: null,
        documentsDestroyedAt: null,
        carriedOutAt: null,
        carriedOutById: null,
        outcomeFields: [],
        createdAt: now,
        updatedAt: now,
      });
      const created = await manager.save(c);
      await this.addTransition(manager, { caseId: created.id, from: null, to: 'RECEIVED', actorId: caller.user!.id, at: now, reasons: [], note: null });
      await this.writer.writeWithin(manager, [
        caller.audit.entry('CREATE', {
          entityType: 'Case',
          entityId: created.id,
          subjectId,
          caseId: created.id,
          fields: ['requesterName', 'replyAddress', ...(created.representativeName ? ['representativeName'] : [])],
        }),
      ]);
      return created;
    });
    this.writer.committed();
    caller.audit.cover('Case', saved.id);
    return saved;
  }

  /**
   * Intake corrections and documents arriving later. Only real changes count;
   * a change of the case's personal fields writes its UPDATE entry (names and
   * keyed digests, never values) in the same transaction.
   */
  async update(args: UpdateCaseArgs, caller: Caller): Promise<Case> {
    const c = await this.findVisible(args.id, caller);
    requireEditor(c, caller);
    const changed = changedFields(c, casePatch(args, japanDay(this.clock.now())));
    if (changed.length === 0) return c;
    const patched = Object.fromEntries(changed) as Partial<Case>;
    checkPeriod(patched.periodFrom !== undefined ? patched.periodFrom : c.periodFrom, patched.periodTo !== undefined ? patched.periodTo : c.periodTo);
    this.checkEditable(c, changed.map(([field]) => field));
    const personal = changed.filter(([field]) => (PERSONAL_DATA_FIELDS.Case as readonly string[]).includes(field));
    const saved = await this.db.transaction(async (manager) => {
      if (personal.length) await this.writer.writeWithin(manager, [await this.personalChangeEntry(manager, c, personal, caller)]);
      for (const [field, value] of changed) (c as unknown as Record<string, unknown>)[field] = value;
      c.updatedAt = this.clock.now().toISOString();
      return manager.save(c);
    }, { restore: [c] });
    if (personal.length) {
      this.writer.committed();
      caller.audit.cover('Case', saved.id);
    }
    return saved;
  }

  /** The UPDATE entry of a change of the case's personal fields: names, and digests under the subject's key when linked. */
  private async personalChangeEntry(manager: EntityManager, c: Case, personal: Array<[string, unknown]>, caller: Caller) {
    const digest = c.subjectId ? await this.keys.digester(manager, c.subjectId) : null;
    const stored = c as unknown as Record<string, unknown>;
    const changes = digest ? Object.fromEntries(personal.map(([f, v]) => [f, { old: digest(f, stored[f]), new: digest(f, v) }])) : null;
    const fields = personal.map(([f]) => f);
    return caller.audit.entry('UPDATE', { entityType: 'Case', entityId: c.id, subjectId: c.subjectId, caseId: c.id, fields, changes });
  }

  private checkEditable(c: Case, fields: string[]): void {
    if (isCompleted(c)) throw conflict('CASE_COMPLETED', 'A completed case can no longer be changed');
    if (fields.includes('type') && c.status !== 'RECEIVED') {
      throw conflict('INTAKE_FIXED', 'The type can only be corrected while the case is RECEIVED');
    }
    const frozen = fields.filter((f) => INTAKE_ONLY.has(f));
    if (!isBeforeWork(c) && frozen.length) {
      throw conflict('CASE_IN_PROGRESS', `Once the work has started these cannot change: ${frozen.join(', ')}`, { fields: frozen });
    }
  }

  async addTransition(manager: EntityManager, t: Omit<CaseTransition, 'id'>): Promise<void> {
    await manager.insert(CaseTransition, t);
  }

  /** The case's timeline, oldest first, with the actors' display names. */
  async timeline(caseId: number): Promise<CaseTransition[]> {
    const rows = await this.db.manager
      .createQueryBuilder(CaseTransition, 't')
      .leftJoin(User, 'u', 'u.id = t.actor_id')
      .addSelect('u.display_name', 'actorName')
      .where('t.case_id = :caseId', { caseId })
      .orderBy('t.id', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((t, i) => Object.assign(t, { actorName: rows.raw[i]?.actorName ?? null }));
  }

  /** Completed cases whose documents reached their destruction day and are not yet destroyed. */
  async dueForDocumentDestruction(today: string): Promise<Case[]> {
    // One day of slack for month-end clamping; the exact day is checked below.
    const cutoff = addDays(addMonths(today, -DOCUMENT_RETENTION_MONTHS), 1);
    const candidates = await this.db.manager
      .createQueryBuilder(Case, 'c')
      .where('c.completed_on IS NOT NULL AND c.completed_on <= :cutoff', { cutoff })
      .andWhere('c.documents_destroyed_at IS NULL')
      .orderBy('c.id')
      .getMany();
    return candidates.filter((c) => documentsDestroyOn(c)! <= today);
  }

  /** Marks a case's documents destroyed; false when another run got there first. */
  async markDocumentsDestroyed(manager: EntityManager, caseId: number, at: string): Promise<boolean> {
    const result = await manager.update(Case, { id: caseId, documentsDestroyedAt: IsNull() }, { documentsDestroyedAt: at, updatedAt: at });
    return (result.affected ?? 0) > 0;
  }

  private async nextReference(manager: EntityManager, year: string): Promise<string> {
    const [row] = await manager.query('SELECT COUNT(*) AS n FROM request_case WHERE reference LIKE ?', [`REQ-${year}-%`]);
    return `REQ-${year}-${String(Number(row.n) + 1).padStart(4, '0')}`;
  }

  /** Only the manager assigns, and only to an active staff member. */
  async assign(id: string, assigneeId: string, caller: Caller): Promise<Case> {
    const c = await this.find(id);
    if (!isOpen(c)) throw conflict('CASE_CLOSED', 'A closed case cannot be assigned');
    const assignee = await this.db.manager.findOneBy(User, { id: toId(assigneeId, 'assigneeId') });
    if (!assignee) throw notFound('User', assigneeId);
    if (assignee.role !== 'STAFF' || !assignee.active) throw badInput('assigneeId', 'Cases are assigned to active staff members');
    c.assigneeId = assignee.id;
    c.updatedAt = this.clock.now().toISOString();
    return this.db.manager.save(c);
  }
}
