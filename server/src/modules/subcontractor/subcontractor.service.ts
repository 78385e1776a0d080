import { Brackets, In, IsNull, type EntityManager } from 'typeorm';
import type { SubjectCategory } from '@mamori/shared';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import type { PurposeService } from '../purpose/purpose.service';
import { ConfidentialityAgreement } from './confidentiality-agreement.entity';
import { Entrustment } from './entrustment.entity';
import { PerRequest } from './request-batch';
import { Subcontractor } from './subcontractor.entity';
import type { CreateSubcontractorArgs, SubcontractorFilter, SubcontractorListArgs, UpdateSubcontractorArgs } from './subcontractor.inputs';
import { SupervisionReview } from './supervision-review.entity';
import { standing, type Standing } from './supervision.rules';

const SORTABLE = {
  id: 's.id',
  name: 's.name',
  active: 's.active',
  meetsStandards: 's.meets_standards',
  lastAssessedOn: 's.last_assessed_on',
  updatedAt: 's.updated_at',
};

/** A ledger record in force that names a subcontractor as entrusted with its data. */
export interface LedgerUse {
  id: number;
  name: string;
  subjectCategory: SubjectCategory;
}

/** The ledger records in force naming the subcontractor, read within the change's transaction. */
export type LedgerUseOf = (subcontractorId: number, manager: EntityManager) => Promise<LedgerUse[]>;

const FIELDS = ['name', 'contact', 'entrustedCategories', 'entrustedPurposes', 'meetsStandards', 'lastAssessedOn', 'active'] as const;

/** The list as it was when only the order differs: the entrusted categories and purposes are sets. */
function sameSet<T>(before: T[], after: T[]): T[] {
  return before.length === after.length && after.every((v) => before.includes(v)) ? before : after;
}

/** A subcontractor with everything its standing is computed from. */
export interface SupervisionRecord {
  subcontractor: Subcontractor;
  agreements: ConfidentialityAgreement[];
  reviews: SupervisionReview[];
}

/**
 * Subcontractors and their standing: whether each may receive personal data
 * today (agreement in force, standards met, not flagged non-compliant, active).
 */
export class SubcontractorService {
  private readonly records = new PerRequest<number, SupervisionRecord>((ids) => this.loadRecords(ids));

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly purposes: PurposeService,
    private readonly writer: AuditWriter,
    /** The ledger records naming a subcontractor: its entrustment may not be narrowed under them. */
    private readonly ledgerUseOf: LedgerUseOf = async () => [],
  ) {}

  today(): string {
    return japanDay(this.clock.now());
  }

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<Subcontractor> {
    const s = await manager.findOneBy(Subcontractor, { id: toId(id) });
    if (!s) throw notFound('Subcontractor', id);
    return s;
  }

  /** The records of these subcontractors (missing ids are left out), in three queries. */
  async loadRecords(ids: number[], manager: EntityManager = this.db.manager): Promise<Map<number, SupervisionRecord>> {
    const result = new Map<number, SupervisionRecord>();
    if (!ids.length) return result;
    const [subs, agreements, reviews] = await Promise.all([
      manager.findBy(Subcontractor, { id: In(ids) }),
      manager.findBy(ConfidentialityAgreement, { subcontractorId: In(ids) }),
      manager.findBy(SupervisionReview, { subcontractorId: In(ids) }),
    ]);
    for (const s of subs) result.set(s.id, { subcontractor: s, agreements: [], reviews: [] });
    for (const a of agreements) result.get(a.subcontractorId)?.agreements.push(a);
    for (const r of reviews) result.get(r.subcontractorId)?.reviews.push(r);
    return result;
  }

  /** Every subcontractor's record (the register is small: tens of rows). */
  async allRecords(): Promise<SupervisionRecord[]> {
    const ids = (await this.db.manager.find(Subcontractor, { select: { id: true } })).map((s) => s.id);
    return [...(await this.loadRecords(ids)).values()];
  }

  /** The record behind a field of a list row, batched per request. */
  record(subcontractorId: number, caller: Caller): Promise<SupervisionRecord> {
    return this.records.of(caller).load(subcontractorId);
  }

  /** After a change in this module, computed fields of the same request are loaded afresh. */
  forget(caller: Caller): void {
    this.records.of(caller).clear();
  }

  standingOf(r: SupervisionRecord, day = this.today()): Standing {
    return standing(r.subcontractor, r.agreements, r.reviews, day);
  }

  async standingFor(s: Subcontractor, caller: Caller): Promise<Standing> {
    const r = await this.record(s.id, caller);
    // the row itself may be newer than the batch (e.g. just updated in this request)
    return this.standingOf({ ...r, subcontractor: s });
  }

  /**
   * Refuses a hand-over on `day` unless the subcontractor may receive data; the
   * CONFLICT names the first rule broken and lists them all.
   */
  async assertMayReceive(subcontractorId: number, day: string, manager: EntityManager = this.db.manager): Promise<Subcontractor> {
    const record = (await this.loadRecords([subcontractorId], manager)).get(subcontractorId);
    if (!record) throw notFound('Subcontractor', subcontractorId);
    const st = this.standingOf(record, day);
    const [first] = st.notAllowedBecause;
    if (first) {
      const why: Record<string, string> = {
        SUBCONTRACTOR_INACTIVE: 'it is deactivated',
        NO_AGREEMENT_IN_FORCE: 'it has no confidentiality agreement in force',
        SUBCONTRACTOR_NON_COMPLIANT: 'its latest supervision found it non-compliant',
        DOES_NOT_MEET_STANDARDS: 'it does not meet the protection standards',
      };
      throw conflict(first, `This subcontractor may not receive personal data on ${day}: ${why[first]}`, { rules: st.notAllowedBecause });
    }
    return record.subcontractor;
  }

  private async query(filter: SubcontractorFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(Subcontractor, 's');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('s.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.active !== undefined && filter.active !== null) qb.andWhere('s.active = :active', { active: filter.active });
    if (filter?.meetsStandards !== undefined && filter.meetsStandards !== null) {
      qb.andWhere('s.meets_standards = :meets', { meets: filter.meetsStandards });
    }
    if (filter?.q) {
      const q = likePattern(filter.q.toLowerCase());
      qb.andWhere(new Brackets((b) => b.where("LOWER(s.name) LIKE :q ESCAPE '!'", { q }).orWhere("LOWER(s.contact) LIKE :q ESCAPE '!'", { q })));
    }
    // flags computed today: narrowed to the matching ids
    const computed = (['allowedToReceiveData', 'flaggedNonCompliant', 'reviewOverdue'] as const).filter(
      (k) => filter?.[k] !== undefined && filter[k] !== null,
    );
    if (computed.length) {
      const today = this.today();
      const matching = (await this.allRecords())
        .filter((r) => {
          const st = this.standingOf(r, today);
          return computed.every((k) => st[k] === filter![k]);
        })
        .map((r) => r.subcontractor.id);
      qb.andWhere('s.id IN (:...matching)', { matching: matching.length ? matching : [0] });
    }
    return qb;
  }

  async list(args: SubcontractorListArgs): Promise<Subcontractor[]> {
    return applyListArgs(await this.query(args.filter), args, SORTABLE).getMany();
  }

  async count(args: SubcontractorListArgs): Promise<number> {
    return (await this.query(args.filter)).getCount();
  }

  private async checkName(name: string, exceptId?: number): Promise<string> {
    const trimmed = name.trim();
    if (!trimmed) throw badInput('name', 'name must not be blank');
    const qb = this.db.manager.createQueryBuilder(Subcontractor, 's').where('LOWER(s.name) = :n', { n: trimmed.toLowerCase() });
    if (exceptId) qb.andWhere('s.id <> :id', { id: exceptId });
    if (await qb.getExists()) throw conflict('SUBCONTRACTOR_NAME_TAKEN', 'A subcontractor with this name already exists');
    return trimmed;
  }

  private async checkPurposes(values: readonly string[]): Promise<number[]> {
    const ids = [...new Set(values.map((v) => toId(v, 'entrustedPurposes')))];
    for (const id of ids) {
      try {
        await this.purposes.find(id);
      } catch {
        throw badInput('entrustedPurposes', `There is no purpose of use ${id}`);
      }
    }
    return ids;
  }

  private checkAssessedOn(day: string | null | undefined): void {
    if (day && day > this.today()) throw badInput('lastAssessedOn', 'lastAssessedOn cannot be in the future');
  }

  async create(args: CreateSubcontractorArgs, caller: Caller): Promise<Subcontractor> {
    this.checkAssessedOn(args.lastAssessedOn);
    const now = this.clock.now().toISOString();
    const meetsStandards = args.meetsStandards ?? false;
    const fields = {
      name: await this.checkName(args.name),
      contact: args.contact.trim(),
      entrustedCategories: [...new Set(args.entrustedCategories ?? [])],
      entrustedPurposes: await this.checkPurposes(args.entrustedPurposes ?? []),
      meetsStandards,
      // a standards decision is an assessment: dated today unless the day is given
      lastAssessedOn: args.lastAssessedOn ?? (meetsStandards ? this.today() : null),
      active: true,
      recordedById: caller.user?.id ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(manager.create(Subcontractor, fields));
      return { saved, entry: ['CREATE', { entityType: 'Subcontractor', entityId: saved.id, fields: FIELDS.filter((f) => f !== 'active') }] };
    });
    this.forget(caller);
    return saved;
  }

  /**
   * Changes what was sent. Deactivation is refused while the subcontractor
   * still holds handed-over data; deactivation or narrower entrusted
   * categories are refused while ledger records in force name it for them.
   */
  async update(args: UpdateSubcontractorArgs, caller: Caller): Promise<Subcontractor> {
    const s = await this.find(args.id);
    const before = { ...s };
    this.checkAssessedOn(args.lastAssessedOn);
    if (args.name !== undefined && args.name !== null && args.name.trim() !== s.name) s.name = await this.checkName(args.name, s.id);
    if (args.contact !== undefined && args.contact !== null) s.contact = args.contact.trim();
    if (args.entrustedCategories) s.entrustedCategories = sameSet(s.entrustedCategories, [...new Set(args.entrustedCategories)]);
    if (args.entrustedPurposes) s.entrustedPurposes = sameSet(s.entrustedPurposes, await this.checkPurposes(args.entrustedPurposes));
    if (args.lastAssessedOn !== undefined) s.lastAssessedOn = args.lastAssessedOn;
    if (args.meetsStandards !== undefined && args.meetsStandards !== null && args.meetsStandards !== s.meetsStandards) {
      s.meetsStandards = args.meetsStandards;
      if (args.lastAssessedOn === undefined || args.lastAssessedOn === null) s.lastAssessedOn = this.today();
    }
    if (args.active === false && s.active) {
      const open = await this.db.manager.countBy(Entrustment, { subcontractorId: s.id, closedOn: IsNull() });
      if (open > 0) {
        throw conflict('OPEN_ENTRUSTMENTS', 'This subcontractor still holds handed-over data; close its hand-overs with a certificate first', {
          openEntrustments: open,
        });
      }
      s.active = false;
    } else if (args.active === true) {
      s.active = true;
    }
    const fields = FIELDS.filter((f) => JSON.stringify(s[f]) !== JSON.stringify(before[f]));
    if (!fields.length) return s;
    s.updatedAt = this.clock.now().toISOString();
    const reason = fields.includes('active') ? (s.active ? 'reactivated' : 'deactivated') : null;
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => {
      await this.checkLedger(before, s, manager);
      return { saved: await manager.save(s), entry: ['UPDATE', { entityType: 'Subcontractor', entityId: s.id, fields, reason }] };
    });
    this.forget(caller);
    return saved;
  }

  /** The ledger stays true: no record in force may name a subcontractor deactivated or no longer entrusted with its category. */
  private async checkLedger(before: Subcontractor, after: Subcontractor, manager: EntityManager): Promise<void> {
    const deactivated = before.active && !after.active;
    const removed = before.entrustedCategories.filter((c) => !after.entrustedCategories.includes(c));
    if (!deactivated && !removed.length) return;
    const inTheWay = (await this.ledgerUseOf(after.id, manager)).filter((r) => deactivated || removed.includes(r.subjectCategory));
    if (!inTheWay.length) return;
    const names = inTheWay.map((r) => r.name);
    throw conflict(
      'ENTRUSTED_IN_LEDGER',
      `Ledger records in force name this subcontractor as entrusted with their data (${names.join(', ')}); update those ledger records first`,
      { ledgerRecordIds: inTheWay.map((r) => String(r.id)), ledgerRecordNames: names, categories: deactivated ? [] : removed },
    );
  }
}
