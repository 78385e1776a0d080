import { IsNull, type EntityManager } from 'typeorm';
import { PERSONAL_DATA_FIELDS, type DataSubjectPersonalField } from '@mamori/shared';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { PrimaryKeyReader } from '../../db/primary-key-reader';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { STAFF_SUBJECT_CONDITION } from '../common/need-to-know';
import type { AuditWriter } from '../audit/audit-writer';
import type { Justification } from '../audit/request-audit';
import type { SubjectKeys } from '../audit/subject-keys';
import { DataSubject } from './data-subject.entity';
import type { CreateDataSubjectArgs, DataSubjectFieldsArgs, DataSubjectFilter, DataSubjectListArgs } from './data-subject.inputs';
import { canonicalPhone, canonicalPostalCode } from '../common/japanese-contact';
import { canonicalName, searchKey } from '../common/japanese-text';
import { SEARCHED_FIELDS, searchPattern, subjectSearchKeys } from './search-keys';
import { canonicalEmail, canonicalReading } from './validators';

const PERSONAL = PERSONAL_DATA_FIELDS.DataSubject;
export const ERASED_NAME = '[erased]';
const SORTABLE = { id: 's.id', category: 's.category', createdAt: 's.created_at', updatedAt: 's.updated_at', fullNameKana: 's.reading_key' };

export type SubjectPatch = Partial<Pick<DataSubject, DataSubjectPersonalField>>;

/** `山田 太郎` → `山田 **`: enough to tell candidates apart, not enough to read the name. */
export function maskName(fullName: string): string {
  const [family] = fullName.trim().split(/[\s\u3000]+/);
  if (family && family !== fullName.trim()) return `${family} **`;
  return `${[...fullName.trim()].slice(0, 1).join('')}**`;
}

/** The stored form of each field that has one; the others are kept as typed, trimmed. */
const CANONICAL: Partial<Record<DataSubjectPersonalField, (value: string) => string | null>> = {
  fullName: canonicalName,
  fullNameKana: canonicalReading,
  postalCode: canonicalPostalCode,
  phone: canonicalPhone,
  email: canonicalEmail,
};

/** Canonical before it is compared or stored, so a value typed in another width is no change. */
function normalise(field: DataSubjectPersonalField, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const canonical = CANONICAL[field];
  if (!canonical) return trimmed;
  const result = canonical(trimmed);
  if (result === null) throw badInput(field, `${field} has no canonical form`);
  return result;
}

/** Data subjects: the only place that reads or writes their table. */
export class DataSubjectService {
  /** Every read of a subject starts here, on every request: one statement built once. */
  private readonly byId = new PrimaryKeyReader(DataSubject);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly keys: SubjectKeys,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<DataSubject> {
    const subject = await this.byId.find(manager, toId(id));
    if (!subject) throw notFound('DataSubject', id);
    return subject;
  }

  /** A direct read: refused with one ACCESS_DENIED entry when the caller has no need to know. */
  async findReadable(id: string | number, caller: Caller): Promise<{ subject: DataSubject; justification: Justification }> {
    const subject = await this.find(id);
    const justification = await caller.access.subject(subject);
    if (!justification) {
      caller.audit.recordDenied('DataSubject', subject.id, subject.id);
      throw forbidden('You may not read this data subject: no open case about it is assigned to you');
    }
    return { subject, justification };
  }

  private query(filter: DataSubjectFilter | undefined, caller: Caller) {
    const qb = this.db.manager.createQueryBuilder(DataSubject, 's');
    if (caller.user?.role !== 'PRIVACY_MANAGER') {
      qb.andWhere(STAFF_SUBJECT_CONDITION('s'), { restrictedFalse: false, staffId: caller.user?.id ?? 0 });
    }
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('s.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.category) qb.andWhere('s.category = :category', { category: filter.category });
    if (filter?.restricted !== undefined && filter.restricted !== null) qb.andWhere('s.restricted = :restricted', { restricted: filter.restricted });
    if (filter?.q) {
      qb.andWhere("s.search_text LIKE :q ESCAPE '!'", { q: searchPattern(filter.q) });
    }
    return qb;
  }

  list(args: DataSubjectListArgs, caller: Caller): Promise<DataSubject[]> {
    return applyListArgs(this.query(args.filter, caller), args, SORTABLE).getMany();
  }

  count(args: DataSubjectListArgs, caller: Caller): Promise<number> {
    return this.query(args.filter, caller).getCount();
  }

  async create(args: CreateDataSubjectArgs, caller: Caller): Promise<DataSubject> {
    const now = this.clock.now().toISOString();
    const subject = this.db.manager.create(DataSubject, {
      category: args.category,
      restricted: false,
      provisionStopped: false,
      erasedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const field of PERSONAL) subject[field] = normalise(field, args[field]) as never;
    Object.assign(subject, subjectSearchKeys(subject));
    const saved = await this.db.transaction(async (manager) => {
      const created = await manager.save(subject);
      await this.keys.create(manager, created.id);
      const fields = PERSONAL.filter((f) => created[f] !== null);
      const digest = await this.keys.digester(manager, created.id);
      const changes = Object.fromEntries(fields.map((f) => [f, { old: null, new: digest!(f, created[f]) }]));
      await this.writer.writeWithin(manager, [
        caller.audit.entry('CREATE', { entityType: 'DataSubject', entityId: created.id, subjectId: created.id, fields, changes }),
      ]);
      return created;
    }, { restore: [subject] });
    this.writer.committed();
    caller.audit.cover('DataSubject', saved.id);
    return saved;
  }

  /**
   * Changes personal data and writes its UPDATE entry (field names and keyed
   * digests of old and new values) in one transaction. Unchanged values sent
   * back by the UI are ignored; nothing changed means no entry.
   */
  async update(id: string, patch: DataSubjectFieldsArgs & { category?: DataSubject['category'] }, caller: Caller, caseId?: number | null): Promise<DataSubject> {
    const { subject, justification } = await this.findReadable(id, caller);
    if (subject.erasedAt) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    const result = await this.db.transaction(
      (manager) => this.applyChange(manager, subject, patch, caller, caseId ?? justification.caseId, justification.breakGlassReason),
      { restore: [subject] },
    );
    this.writer.committed();
    return result;
  }

  /** Used by the case workflow too (amendment, addition), inside its own transaction. */
  async applyChange(
    manager: EntityManager,
    subject: DataSubject,
    patch: DataSubjectFieldsArgs & { category?: DataSubject['category'] },
    caller: Caller,
    caseId: number | null,
    reason?: string,
  ): Promise<DataSubject> {
    // Each sent value in its stored form, computed once (the telephone number's is a metadata lookup).
    const next = new Map<DataSubjectPersonalField, string | null>();
    for (const f of PERSONAL) if (patch[f] !== undefined) next.set(f, normalise(f, patch[f]));
    const changed = PERSONAL.filter((f) => next.has(f) && next.get(f) !== subject[f]);
    if (changed.includes('fullName') && !next.get('fullName')) {
      throw conflict('FULL_NAME_REQUIRED', 'fullName cannot be emptied; erase the subject instead');
    }
    const categoryChanged = patch.category !== undefined && patch.category !== null && patch.category !== subject.category;
    if (changed.length === 0 && !categoryChanged) return subject;
    const digest = await this.keys.digester(manager, subject.id);
    const changes: Record<string, { old: string | null; new: string | null }> = {};
    for (const field of changed) {
      const value = next.get(field) ?? null;
      changes[field] = { old: digest ? digest(field, subject[field]) : null, new: digest ? digest(field, value) : null };
      subject[field] = value as never;
    }
    if (categoryChanged) subject.category = patch.category!;
    subject.updatedAt = this.clock.now().toISOString();
    // The changed columns only, by id: save() would read the row back first to find what changed, one more round trip.
    const columns: Partial<DataSubject> = { updatedAt: subject.updatedAt };
    for (const field of changed) columns[field] = subject[field] as never;
    if (changed.some((f) => SEARCHED_FIELDS.has(f))) {
      const keys = subjectSearchKeys(subject);
      Object.assign(subject, keys);
      Object.assign(columns, keys);
    }
    if (categoryChanged) columns.category = subject.category;
    // Only while not erased: an erasure that committed since the subject was read wins.
    const { affected } = await manager.update(DataSubject, { id: subject.id, erasedAt: IsNull() }, columns);
    if (affected === 0) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    await this.writer.writeWithin(manager, [
      caller.audit.entry('UPDATE', {
        entityType: 'DataSubject',
        entityId: subject.id,
        subjectId: subject.id,
        fields: categoryChanged ? [...changed, 'category'] : changed,
        caseId,
        reason: reason ?? null,
        changes,
      }),
    ]);
    caller.audit.cover('DataSubject', subject.id);
    return subject;
  }

  /** Erasure: a tombstone replaces the personal fields and the subject's audit key is destroyed. */
  async erase(id: string, caseId: number | null, caller: Caller, manager?: EntityManager): Promise<DataSubject> {
    const run = async (m: EntityManager) => {
      const subject = await this.find(id, m);
      if (subject.erasedAt) return subject;
      const fields = PERSONAL.filter((f) => subject[f] !== null);
      for (const field of PERSONAL) subject[field] = null as never;
      subject.fullName = ERASED_NAME;
      subject.searchText = '';
      subject.readingKey = '';
      subject.erasedAt = this.clock.now().toISOString();
      subject.updatedAt = subject.erasedAt;
      await m.save(subject);
      await this.keys.destroy(m, subject.id, subject.erasedAt);
      await this.writer.writeWithin(m, [
        caller.audit.entry('ERASE', { entityType: 'DataSubject', entityId: subject.id, subjectId: subject.id, fields, caseId }),
      ]);
      caller.audit.cover('DataSubject', subject.id);
      return subject;
    };
    if (manager) return run(manager);
    const erased = await this.db.transaction(run);
    this.writer.committed();
    return erased;
  }

  async setFlags(manager: EntityManager, subjectId: number, flags: Partial<Pick<DataSubject, 'restricted' | 'provisionStopped'>>): Promise<void> {
    await manager.update(DataSubject, { id: subjectId }, { ...flags, updatedAt: this.clock.now().toISOString() });
  }

  /** Break-glass: staff read a subject outside their cases, with a reason, audited as BREAK_GLASS. */
  async breakGlass(subjectId: string, reason: string, caller: Caller): Promise<DataSubject> {
    const subject = await this.find(subjectId);
    caller.access.grantBreakGlass(subject.id, reason.trim());
    caller.audit.recordRead('DataSubject', subject.id, subject.id, null, { caseId: null, breakGlassReason: reason.trim() });
    return subject;
  }

  /** Candidates for linking a case: ids and masked names only, audited as SEARCH under the case. */
  async match(caseId: number, query: string, caller: Caller): Promise<Array<{ id: number; maskedName: string; category: DataSubject['category'] }>> {
    // spaces alone match nobody (every key would contain the empty string)
    const rows = !searchKey(query) ? [] : await this.db.manager
      .createQueryBuilder(DataSubject, 's')
      .where("s.search_text LIKE :q ESCAPE '!'", { q: searchPattern(query) })
      .andWhere('s.erased_at IS NULL')
      .orderBy('s.id')
      .take(20)
      .getMany();
    caller.audit.record('SEARCH', {
      entityType: 'Case',
      entityId: caseId,
      caseId,
      fields: ['fullName', 'fullNameKana', 'email'],
      reason: `matched ${rows.length} candidate(s)`,
    });
    return rows.map((s) => ({ id: s.id, maskedName: maskName(s.fullName), category: s.category }));
  }
}
