import type { EntityManager } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import type { PurposeService } from '../purpose/purpose.service';
import { Entrustment } from './entrustment.entity';
import type { CloseEntrustmentArgs, CreateEntrustmentArgs, EntrustmentFilter, EntrustmentListArgs, UpdateEntrustmentArgs } from './entrustment.inputs';
import type { Subcontractor } from './subcontractor.entity';
import type { SubcontractorService } from './subcontractor.service';

const SORTABLE = {
  id: 'e.id',
  subcontractorId: 'e.subcontractor_id',
  handedOverOn: 'e.handed_over_on',
  endsOn: 'e.ends_on',
  closedOn: 'e.closed_on',
  subjectCount: 'e.subject_count',
};

const FIELDS = ['dataCategories', 'dataItems', 'subjectCount', 'purposeIds', 'handedOverOn', 'endsOn', 'note'] as const;

type Scope = Pick<Entrustment, 'dataCategories' | 'purposeIds' | 'subjectCount' | 'endsOn'>;

/** More data, more purposes, more people or a longer stay: a new hand-over in effect. */
function widens(before: Scope, after: Scope): boolean {
  return (
    after.dataCategories.some((c) => !before.dataCategories.includes(c)) ||
    after.purposeIds.some((p) => !before.purposeIds.includes(p)) ||
    after.subjectCount > before.subjectCount ||
    after.endsOn > before.endsOn
  );
}

/**
 * Hand-overs of personal data to subcontractors: refused unless the
 * subcontractor may receive data, kept within what it is entrusted with,
 * closed with a certificate of return or destruction.
 */
export class EntrustmentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subcontractors: SubcontractorService,
    private readonly purposes: PurposeService,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string | number): Promise<Entrustment> {
    const e = await this.db.manager.findOneBy(Entrustment, { id: toId(id) });
    if (!e) throw notFound('Entrustment', id);
    return e;
  }

  query(filter: EntrustmentFilter | undefined) {
    const today = this.subcontractors.today();
    const qb = this.db.manager.createQueryBuilder(Entrustment, 'e');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('e.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subcontractorId) qb.andWhere('e.subcontractor_id = :sid', { sid: toId(filter.subcontractorId, 'filter.subcontractorId') });
    if (filter?.open === true) qb.andWhere('e.closed_on IS NULL');
    if (filter?.open === false) qb.andWhere('e.closed_on IS NOT NULL');
    if (filter?.pastEnd === true) qb.andWhere('e.closed_on IS NULL AND e.ends_on < :today', { today });
    if (filter?.pastEnd === false) qb.andWhere('(e.closed_on IS NOT NULL OR e.ends_on >= :today)', { today });
    if (filter?.q) {
      qb.andWhere(
        "(LOWER(COALESCE(e.note, '')) LIKE :q ESCAPE '!' OR LOWER(e.data_items) LIKE :q ESCAPE '!' OR LOWER(COALESCE(e.certificate_ref, '')) LIKE :q ESCAPE '!')",
        { q: likePattern(filter.q.toLowerCase()) },
      );
    }
    return qb;
  }

  list(args: EntrustmentListArgs): Promise<Entrustment[]> {
    return applyListArgs(this.query(args.filter), args, SORTABLE).getMany();
  }

  count(args: EntrustmentListArgs): Promise<number> {
    return this.query(args.filter).getCount();
  }

  private async purposeIds(values: readonly string[]): Promise<number[]> {
    const ids = [...new Set(values.map((v) => toId(v, 'purposeIds')))];
    for (const id of ids) {
      const exists = await this.purposes.find(id).then(
        () => true,
        () => false,
      );
      if (!exists) throw badInput('purposeIds', `There is no purpose of use ${id}`);
    }
    return ids;
  }

  private validateDays(e: Pick<Entrustment, 'handedOverOn' | 'endsOn'>): void {
    if (e.handedOverOn > this.subcontractors.today()) throw badInput('handedOverOn', 'handedOverOn cannot be in the future');
    if (e.endsOn < e.handedOverOn) throw badInput('endsOn', 'endsOn cannot be before handedOverOn');
  }

  /** Only what the subcontractor is entrusted with: its categories of data and its purposes. */
  private withinEntrustment(s: Subcontractor, e: Pick<Entrustment, 'dataCategories' | 'purposeIds'>): void {
    const categories = e.dataCategories.filter((c) => !s.entrustedCategories.includes(c));
    if (categories.length) {
      throw conflict('CATEGORY_NOT_ENTRUSTED', `This subcontractor is not entrusted with data of ${categories.join(', ')}`, { categories });
    }
    const purposes = e.purposeIds.filter((p) => !s.entrustedPurposes.includes(p));
    if (purposes.length) {
      throw conflict('PURPOSE_NOT_ENTRUSTED', `This subcontractor is not entrusted with purposes ${purposes.join(', ')}`, {
        purposeIds: purposes.map(String),
      });
    }
  }

  async create(args: CreateEntrustmentArgs, caller: Caller): Promise<Entrustment> {
    const subcontractorId = toId(args.subcontractorId, 'subcontractorId');
    const fields = {
      dataCategories: [...new Set(args.dataCategories)],
      dataItems: (args.dataItems ?? []).map((i) => i.trim()).filter(Boolean),
      subjectCount: args.subjectCount,
      purposeIds: await this.purposeIds(args.purposeIds),
      handedOverOn: args.handedOverOn,
      endsOn: args.endsOn,
      note: args.note?.trim() || null,
    };
    this.validateDays(fields);
    const now = this.clock.now().toISOString();
    const saved = await auditedChange(this.db, this.writer, caller, async (manager: EntityManager) => {
      const s = await this.subcontractors.assertMayReceive(subcontractorId, fields.handedOverOn, manager);
      this.withinEntrustment(s, fields);
      const saved = await manager.save(
        manager.create(Entrustment, {
          subcontractorId: s.id,
          ...fields,
          closedOn: null,
          certificateKind: null,
          certificateRef: null,
          recordedById: caller.user?.id ?? null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'Entrustment', entityId: saved.id, fields: [...FIELDS], reason: `subcontractor ${s.id}` }] };
    });
    this.subcontractors.forget(caller);
    return saved;
  }

  /**
   * Corrections and extensions of an open hand-over. One that widens it (more
   * categories, purposes or people, or a later end) is a hand-over in effect,
   * refused unless the subcontractor may receive data today.
   */
  async update(args: UpdateEntrustmentArgs, caller: Caller): Promise<Entrustment> {
    const e = await this.find(args.id);
    if (args.subcontractorId && toId(args.subcontractorId, 'subcontractorId') !== e.subcontractorId) {
      throw badInput('subcontractorId', 'A hand-over cannot move to another subcontractor');
    }
    const next: Entrustment = {
      ...e,
      dataCategories: args.dataCategories ? [...new Set(args.dataCategories)] : e.dataCategories,
      dataItems: args.dataItems ? args.dataItems.map((i) => i.trim()).filter(Boolean) : e.dataItems,
      subjectCount: args.subjectCount ?? e.subjectCount,
      purposeIds: args.purposeIds ? await this.purposeIds(args.purposeIds) : e.purposeIds,
      handedOverOn: args.handedOverOn ?? e.handedOverOn,
      endsOn: args.endsOn ?? e.endsOn,
      note: args.note === undefined ? e.note : args.note?.trim() || null,
    };
    const fields = FIELDS.filter((k) => JSON.stringify(next[k]) !== JSON.stringify(e[k]));
    if (!fields.length) return e;
    if (e.closedOn) throw conflict('ENTRUSTMENT_CLOSED', 'This hand-over is closed; record a new one instead');
    this.validateDays(next);
    const saved = await auditedChange(this.db, this.writer, caller, async (manager: EntityManager) => {
      let s: Subcontractor | null = null;
      if (next.handedOverOn !== e.handedOverOn) s = await this.subcontractors.assertMayReceive(e.subcontractorId, next.handedOverOn, manager);
      if (widens(e, next)) s = await this.subcontractors.assertMayReceive(e.subcontractorId, this.subcontractors.today(), manager);
      s ??= await this.subcontractors.find(e.subcontractorId, manager);
      this.withinEntrustment(s, next);
      next.updatedAt = this.clock.now().toISOString();
      return { saved: await manager.save(Entrustment, next), entry: ['UPDATE', { entityType: 'Entrustment', entityId: e.id, fields }] };
    });
    this.subcontractors.forget(caller);
    return saved;
  }

  /** Closed with a certificate of return or destruction; closing is final. */
  async close(args: CloseEntrustmentArgs, caller: Caller): Promise<Entrustment> {
    const e = await this.find(args.id);
    if (e.closedOn) throw conflict('ENTRUSTMENT_CLOSED', 'This hand-over is already closed');
    const closedOn = args.closedOn ?? this.subcontractors.today();
    if (closedOn > this.subcontractors.today()) throw badInput('closedOn', 'closedOn cannot be in the future');
    if (closedOn < e.handedOverOn) throw badInput('closedOn', 'closedOn cannot be before handedOverOn');
    const certificateRef = args.certificateRef.trim();
    if (!certificateRef) throw badInput('certificateRef', 'certificateRef must not be blank');
    e.closedOn = closedOn;
    e.certificateKind = args.certificateKind;
    e.certificateRef = certificateRef;
    e.updatedAt = this.clock.now().toISOString();
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(e),
      entry: ['UPDATE', { entityType: 'Entrustment', entityId: e.id, fields: ['closedOn', 'certificateKind', 'certificateRef'], reason: `closed (${e.certificateKind})` }],
    }));
    this.subcontractors.forget(caller);
    return saved;
  }
}
