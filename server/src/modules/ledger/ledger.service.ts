import { Brackets, In, IsNull, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { PurposeOfUse } from '../purpose/purpose.entity';
import { PerRequest } from '../subcontractor/request-batch';
import { Subcontractor } from '../subcontractor/subcontractor.entity';
import { LedgerRecord } from './ledger-record.entity';
import type { DashboardLedger } from './ledger-reminders';
import type { CreateLedgerRecordArgs, LedgerRecordFieldsArgs, LedgerRecordFilter, LedgerRecordListArgs, RecordLedgerReviewArgs, UpdateLedgerRecordArgs } from './ledger.inputs';
import { isForeignCountry, looksLikeContactData, nextDueAfter, riskStandingOf, type RiskStanding } from './ledger.rules';
import { RiskAssessment } from './risk-assessment.entity';

type AuditEntryArgs = Parameters<Caller['audit']['entry']>;

const REMINDER_LIST_CAP = 50;

/** The fields a manager describes; the rest (review days, retirement, stamps) the service keeps. */
const CONTENT_FIELDS = [
  'name', 'department', 'subjectCategory', 'dataItems', 'otherDataItems', 'specialCare', 'approximateRecords', 'acquisitionMethod', 'purposeIds',
  'storageSystem', 'storageMedium', 'storageLocation', 'accessRoles', 'accessDepartments', 'retentionPeriod', 'disposalMethod', 'subcontractorIds',
  'thirdPartyProvision', 'provisionBasis', 'provisionRecipients', 'foreignTransfer', 'foreignCountry', 'foreignTransferBasis', 'note',
] as const satisfies ReadonlyArray<keyof LedgerRecord>;
type Content = Pick<LedgerRecord, (typeof CONTENT_FIELDS)[number]>;

/** Free texts that describe data; none may carry someone's contact data. */
const DESCRIPTIVE_TEXTS = ['name', 'department', 'storageSystem', 'storageLocation', 'retentionPeriod', 'disposalMethod', 'provisionRecipients', 'note'] as const;

const SORTABLE = {
  id: 'r.id',
  name: 'r.name',
  department: 'r.department',
  subjectCategory: 'r.subject_category',
  approximateRecords: 'r.approximate_records',
  lastReviewedOn: 'r.last_reviewed_on',
  nextReviewDue: 'r.next_review_due',
};

const CURRENT_ASSESSMENT = 'SELECT 1 FROM risk_assessment a WHERE a.ledger_record_id = r.id AND a.retired_at IS NULL';
const RISK_CONDITIONS = {
  riskAssessmentOverdue: `r.retired_at IS NULL AND EXISTS (${CURRENT_ASSESSMENT} AND a.next_assessment_due < :today)`,
  highRiskUnmitigated: `r.retired_at IS NULL AND EXISTS (${CURRENT_ASSESSMENT} AND a.residual_risk = 'HIGH' AND a.planned_measure IS NULL)`,
  notAssessed: `r.retired_at IS NULL AND NOT EXISTS (${CURRENT_ASSESSMENT})`,
  reviewOverdue: 'r.retired_at IS NULL AND r.next_review_due < :today',
};

const trimmed = (value: string | null | undefined): string | null => value?.trim() || null;
const trimmedList = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()))];

/** Records whose subcontractor_ids (a JSON array of numbers) holds `id`: first, in between, last or alone. */
function namingSubcontractor(id: number): Brackets {
  return new Brackets((b) =>
    b
      .where('r.subcontractor_ids = :alone', { alone: `[${id}]` })
      .orWhere('r.subcontractor_ids LIKE :first', { first: `[${id},%` })
      .orWhere('r.subcontractor_ids LIKE :middle', { middle: `%,${id},%` })
      .orWhere('r.subcontractor_ids LIKE :last', { last: `%,${id}]` }),
  );
}

/**
 * The personal-information ledger: one record per kind of personal
 * information held, kept by the privacy manager, reviewed yearly. Each record
 * is checked against the purposes of use and the subcontractors it names.
 * Records are retired, never deleted; every change is audited.
 */
export class LedgerService {
  private readonly standings = new PerRequest<number, RiskStanding>((ids) => this.loadStandings(ids));

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
  ) {}

  today(): string {
    return japanDay(this.clock.now());
  }

  async find(id: string | number, manager: EntityManager = this.db.manager): Promise<LedgerRecord> {
    const record = await manager.findOneBy(LedgerRecord, { id: toId(id) });
    if (!record) throw notFound('LedgerRecord', id);
    return record;
  }

  /** A record that may still change: retired ones are kept as they were. */
  async findInForce(id: string | number, manager: EntityManager = this.db.manager): Promise<LedgerRecord> {
    const record = await this.find(id, manager);
    if (record.retiredAt) throw conflict('LEDGER_RECORD_RETIRED', 'This ledger record is retired and can no longer be changed');
    return record;
  }

  query(filter: LedgerRecordFilter | undefined): SelectQueryBuilder<LedgerRecord> {
    const qb = this.db.manager.createQueryBuilder(LedgerRecord, 'r');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('r.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subjectCategory) qb.andWhere('r.subject_category = :category', { category: filter.subjectCategory });
    if (filter?.specialCare !== undefined && filter.specialCare !== null) qb.andWhere('r.special_care = :specialCare', { specialCare: filter.specialCare });
    if (filter?.retired === true) qb.andWhere('r.retired_at IS NOT NULL');
    if (filter?.retired === false) qb.andWhere('r.retired_at IS NULL');
    const today = this.today();
    for (const [flag, condition] of Object.entries(RISK_CONDITIONS)) {
      const wanted = filter?.[flag as keyof typeof RISK_CONDITIONS];
      if (wanted === true) qb.andWhere(`(${condition})`, { today });
      if (wanted === false) qb.andWhere(`NOT (${condition})`, { today });
    }
    if (filter?.subcontractorId) {
      qb.andWhere(namingSubcontractor(toId(filter.subcontractorId, 'filter.subcontractorId')));
    }
    if (filter?.q) {
      const q = likePattern(filter.q.toLowerCase());
      qb.andWhere(
        new Brackets((b) =>
          b
            .where("LOWER(r.name) LIKE :q ESCAPE '!'", { q })
            .orWhere("LOWER(r.department) LIKE :q ESCAPE '!'", { q })
            .orWhere("LOWER(COALESCE(r.storage_system, '')) LIKE :q ESCAPE '!'", { q }),
        ),
      );
    }
    return qb;
  }

  /** The records in force naming the subcontractor as entrusted with their data, read through `manager`. */
  inForceNaming(subcontractorId: number, manager: EntityManager = this.db.manager): Promise<LedgerRecord[]> {
    return manager
      .createQueryBuilder(LedgerRecord, 'r')
      .where('r.retired_at IS NULL')
      .andWhere(namingSubcontractor(subcontractorId))
      .orderBy('r.id', 'ASC')
      .getMany();
  }

  list(args: LedgerRecordListArgs): Promise<LedgerRecord[]> {
    return applyListArgs(this.query(args.filter), args, SORTABLE).getMany();
  }

  count(args: LedgerRecordListArgs): Promise<number> {
    return this.query(args.filter).getCount();
  }

  /** The risk standing behind a field of a list row, batched per request. */
  standing(recordId: number, caller: Caller): Promise<RiskStanding> {
    return this.standings.of(caller).load(recordId);
  }

  /** After a change, computed fields of the same request are loaded afresh. */
  forget(caller: Caller): void {
    this.standings.of(caller).clear();
  }

  async loadStandings(ids: number[], manager: EntityManager = this.db.manager): Promise<Map<number, RiskStanding>> {
    const assessments = ids.length ? await manager.findBy(RiskAssessment, { ledgerRecordId: In(ids), retiredAt: IsNull() }) : [];
    const today = this.today();
    return new Map(ids.map((id) => [id, riskStandingOf(assessments.filter((a) => a.ledgerRecordId === id), today)]));
  }

  /** The change and its audit entries commit together; computed fields are read afresh after it. */
  private async audited(caller: Caller, change: (manager: EntityManager) => Promise<{ saved: LedgerRecord; entries: AuditEntryArgs[] }>): Promise<LedgerRecord> {
    const saved = await this.writer.changeAudited(async (manager) => {
      const { saved, entries } = await change(manager);
      return { saved, entries: entries.map((entry) => caller.audit.entry(...entry)) };
    });
    this.forget(caller);
    return saved;
  }

  async create(args: CreateLedgerRecordArgs, caller: Caller): Promise<LedgerRecord> {
    const content = this.normalise(args, null);
    const today = this.today();
    const lastReviewedOn = args.lastReviewedOn ?? today;
    if (lastReviewedOn > today) throw badInput('lastReviewedOn', 'lastReviewedOn cannot be in the future');
    const now = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => {
      await this.checkLinks(content, null, manager);
      await this.checkNameFree(content.name, null, manager);
      const saved = await manager.save(
        manager.create(LedgerRecord, {
          ...content,
          lastReviewedOn,
          nextReviewDue: nextDueAfter(lastReviewedOn),
          retiredAt: null,
          recordedById: caller.user!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { saved, entries: [['CREATE', { entityType: 'LedgerRecord', entityId: saved.id, fields: [...CONTENT_FIELDS, 'lastReviewedOn'] }]] };
    });
  }

  async update(args: UpdateLedgerRecordArgs, caller: Caller): Promise<LedgerRecord> {
    const record = await this.find(args.id);
    const content = this.normalise(args, record);
    const changed = CONTENT_FIELDS.filter((f) => JSON.stringify(content[f]) !== JSON.stringify(record[f]));
    if (!changed.length) return record;
    if (record.retiredAt) throw conflict('LEDGER_RECORD_RETIRED', 'This ledger record is retired and can no longer be changed');
    return this.audited(caller, async (manager) => {
      await this.checkLinks(content, record, manager);
      if (changed.includes('name')) await this.checkNameFree(content.name, record.id, manager);
      Object.assign(record, content, { updatedAt: this.clock.now().toISOString() });
      return { saved: await manager.save(record), entries: [['UPDATE', { entityType: 'LedgerRecord', entityId: record.id, fields: changed }]] };
    });
  }

  /** The yearly review: the record was checked against what is held; the next one is due a year on. */
  async recordReview(args: RecordLedgerReviewArgs, caller: Caller): Promise<LedgerRecord> {
    const record = await this.findInForce(args.id);
    const reviewedOn = args.reviewedOn ?? this.today();
    if (reviewedOn > this.today()) throw badInput('reviewedOn', 'reviewedOn cannot be in the future');
    if (reviewedOn < record.lastReviewedOn) throw badInput('reviewedOn', `reviewedOn cannot be before the last review (${record.lastReviewedOn})`);
    record.lastReviewedOn = reviewedOn;
    record.nextReviewDue = nextDueAfter(reviewedOn);
    record.updatedAt = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => ({
      saved: await manager.save(record),
      entries: [['UPDATE', { entityType: 'LedgerRecord', entityId: record.id, fields: ['lastReviewedOn', 'nextReviewDue'], reason: 'reviewed' }]],
    }));
  }

  /** No longer held: kept with its assessments, which retire with it; no longer reviewed or flagged. */
  async retire(id: string, caller: Caller): Promise<LedgerRecord> {
    const record = await this.find(id);
    if (record.retiredAt) return record;
    const retiredAt = this.clock.now().toISOString();
    return this.audited(caller, async (manager) => {
      const assessments = await manager.findBy(RiskAssessment, { ledgerRecordId: record.id, retiredAt: IsNull() });
      for (const a of assessments) Object.assign(a, { retiredAt, updatedAt: retiredAt });
      await manager.save(assessments);
      Object.assign(record, { retiredAt, updatedAt: retiredAt });
      return {
        saved: await manager.save(record),
        entries: [
          ['UPDATE', { entityType: 'LedgerRecord', entityId: record.id, fields: ['retiredAt'], reason: 'retired' }],
          ...assessments.map((a): AuditEntryArgs => ['UPDATE', { entityType: 'RiskAssessment', entityId: a.id, fields: ['retiredAt'], reason: `ledger record ${record.id} retired` }]),
        ],
      };
    });
  }

  /** The record as it would be after `args`: trimmed, complete and consistent, or refused naming the field. */
  private normalise(args: LedgerRecordFieldsArgs, before: LedgerRecord | null): Content {
    // a required field left out (or sent as null) keeps its value; optional ones are cleared by null
    const pick = <K extends keyof Content>(field: K, given: Content[K] | undefined | null, fallback: Content[K]): Content[K] =>
      given === undefined || given === null ? (before ? before[field] : fallback) : given;
    const c: Content = {
      name: pick('name', args.name?.trim(), ''),
      department: pick('department', args.department?.trim(), ''),
      subjectCategory: pick('subjectCategory', args.subjectCategory, 'CUSTOMER'),
      dataItems: pick('dataItems', args.dataItems && [...new Set(args.dataItems)], []),
      otherDataItems: pick('otherDataItems', args.otherDataItems && trimmedList(args.otherDataItems), []),
      specialCare: pick('specialCare', args.specialCare, false),
      approximateRecords: pick('approximateRecords', args.approximateRecords, 0),
      acquisitionMethod: pick('acquisitionMethod', args.acquisitionMethod, 'DIRECT_IN_WRITING'),
      purposeIds: pick('purposeIds', args.purposeIds && [...new Set(args.purposeIds.map((v) => toId(v, 'purposeIds')))], []),
      storageSystem: args.storageSystem === undefined ? (before?.storageSystem ?? null) : trimmed(args.storageSystem),
      storageMedium: pick('storageMedium', args.storageMedium, 'ELECTRONIC'),
      storageLocation: pick('storageLocation', args.storageLocation?.trim(), ''),
      accessRoles: pick('accessRoles', args.accessRoles && [...new Set(args.accessRoles)], []),
      accessDepartments: pick('accessDepartments', args.accessDepartments && trimmedList(args.accessDepartments), []),
      retentionPeriod: pick('retentionPeriod', args.retentionPeriod?.trim(), ''),
      disposalMethod: pick('disposalMethod', args.disposalMethod?.trim(), ''),
      subcontractorIds: pick('subcontractorIds', args.subcontractorIds && [...new Set(args.subcontractorIds.map((v) => toId(v, 'subcontractorIds')))], []),
      thirdPartyProvision: pick('thirdPartyProvision', args.thirdPartyProvision, false),
      provisionBasis: args.provisionBasis === undefined ? (before?.provisionBasis ?? null) : args.provisionBasis,
      provisionRecipients: args.provisionRecipients === undefined ? (before?.provisionRecipients ?? null) : trimmed(args.provisionRecipients),
      foreignTransfer: pick('foreignTransfer', args.foreignTransfer, false),
      foreignCountry: args.foreignCountry === undefined ? (before?.foreignCountry ?? null) : trimmed(args.foreignCountry)?.toUpperCase() ?? null,
      foreignTransferBasis: args.foreignTransferBasis === undefined ? (before?.foreignTransferBasis ?? null) : args.foreignTransferBasis,
      note: args.note === undefined ? (before?.note ?? null) : trimmed(args.note),
    };
    this.checkContent(c);
    return c;
  }

  private checkContent(c: Content): void {
    for (const field of ['name', 'department', 'storageLocation', 'retentionPeriod', 'disposalMethod'] as const) {
      if (!c[field]) throw badInput(field, `${field} must not be blank`);
    }
    for (const field of DESCRIPTIVE_TEXTS) {
      const value = c[field];
      if (value && looksLikeContactData(value)) throw badInput(field, `${field} holds an e-mail address or a telephone number; the ledger describes personal information and holds no personal data`);
    }
    for (const [field, room] of [['otherDataItems', 2000], ['accessDepartments', 1000]] as const) {
      if (c[field].some((v) => !v)) throw badInput(field, `${field} must not hold blank entries`);
      if (JSON.stringify(c[field]).length > room) throw badInput(field, `${field} is too long altogether; name fewer or shorter entries`);
      if (c[field].some(looksLikeContactData)) throw badInput(field, `${field} holds an e-mail address or a telephone number; the ledger names items and departments and holds no personal data`);
    }
    if (!c.dataItems.length) throw badInput('dataItems', 'Name at least one data item');
    if (c.dataItems.includes('OTHER') !== c.otherDataItems.length > 0) {
      throw badInput('otherDataItems', 'OTHER among dataItems and the names in otherDataItems go together');
    }
    if (!c.purposeIds.length) throw badInput('purposeIds', 'Name at least one purpose of use');
    if (c.storageMedium !== 'PAPER' && !c.storageSystem) throw badInput('storageSystem', 'Electronic storage names the system it is kept in');
    if (!c.accessRoles.length && !c.accessDepartments.length) throw badInput('accessDepartments', 'Name who may access it: roles or departments');
    if (c.thirdPartyProvision && !c.provisionBasis) throw badInput('provisionBasis', 'A provision to third parties states its legal basis');
    if (!c.thirdPartyProvision && (c.provisionBasis || c.provisionRecipients)) {
      throw badInput('provisionBasis', 'A basis and recipients are stated only for data provided to third parties');
    }
    if (c.foreignTransfer) {
      if (!c.foreignCountry || !isForeignCountry(c.foreignCountry)) throw badInput('foreignCountry', 'A foreign transfer names the country by its ISO 3166-1 code (not JP)');
      if (!c.foreignTransferBasis) throw badInput('foreignTransferBasis', 'A foreign transfer states its basis (APPI art. 28)');
    } else if (c.foreignCountry || c.foreignTransferBasis) {
      throw badInput('foreignCountry', 'A country and a basis are stated only for data transferred abroad');
    }
  }

  /**
   * Purposes and subcontractors must exist and fit the record's subject
   * category; newly named ones must also be in force (a link made before one
   * was deactivated stays until the record is corrected).
   */
  private async checkLinks(c: Content, before: LedgerRecord | null, manager: EntityManager): Promise<void> {
    const purposes = await manager.findBy(PurposeOfUse, { id: In(c.purposeIds) });
    const missingPurpose = c.purposeIds.find((id) => !purposes.some((p) => p.id === id));
    if (missingPurpose) throw badInput('purposeIds', `There is no purpose of use ${missingPurpose}`);
    const inactive = purposes.filter((p) => !p.active && !before?.purposeIds.includes(p.id));
    if (inactive.length) {
      throw conflict('PURPOSE_INACTIVE', `Purposes of use no longer in force: ${inactive.map((p) => p.code).join(', ')}`, { purposeIds: inactive.map((p) => String(p.id)) });
    }
    const otherCategory = purposes.filter((p) => !p.categories.includes(c.subjectCategory));
    if (otherCategory.length) {
      throw conflict('PURPOSE_NOT_FOR_CATEGORY', `Purposes of use not stated for ${c.subjectCategory}: ${otherCategory.map((p) => p.code).join(', ')}`, {
        purposeIds: otherCategory.map((p) => String(p.id)),
      });
    }
    if (!c.subcontractorIds.length) return;
    const subcontractors = await manager.findBy(Subcontractor, { id: In(c.subcontractorIds) });
    const missingSubcontractor = c.subcontractorIds.find((id) => !subcontractors.some((s) => s.id === id));
    if (missingSubcontractor) throw badInput('subcontractorIds', `There is no subcontractor ${missingSubcontractor}`);
    const deactivated = subcontractors.filter((s) => !s.active && !before?.subcontractorIds.includes(s.id));
    if (deactivated.length) {
      throw conflict('SUBCONTRACTOR_INACTIVE', 'A deactivated subcontractor cannot be entrusted with this data', { subcontractorIds: deactivated.map((s) => String(s.id)) });
    }
    const notEntrusted = subcontractors.filter((s) => !s.entrustedCategories.includes(c.subjectCategory));
    if (notEntrusted.length) {
      throw conflict('CATEGORY_NOT_ENTRUSTED', `Not entrusted with data of ${c.subjectCategory}: ${notEntrusted.map((s) => s.name).join(', ')}`, {
        categories: [c.subjectCategory],
        subcontractorIds: notEntrusted.map((s) => String(s.id)),
      });
    }
  }

  /** One record in force per kind of information: the name tells them apart. */
  private async checkNameFree(name: string, ownId: number | null, manager: EntityManager): Promise<void> {
    const same = await manager.findBy(LedgerRecord, { name, retiredAt: IsNull() });
    if (same.some((r) => r.id !== ownId)) throw conflict('LEDGER_NAME_TAKEN', 'A ledger record in force already has this name');
  }

  /** What is due in the ledger today: the dashboard's cards. */
  async reminders(): Promise<DashboardLedger> {
    const ids = async (filter: LedgerRecordFilter) => (await this.query(filter).select('r.id', 'id').orderBy('r.next_review_due', 'ASC').addOrderBy('r.id', 'ASC').getRawMany<{ id: number }>()).map((r) => Number(r.id));
    const [recordCount, reviewOverdue, riskAssessmentOverdue, highRiskUnmitigated, notAssessed] = await Promise.all([
      this.query({ retired: false }).getCount(),
      ids({ reviewOverdue: true }),
      ids({ riskAssessmentOverdue: true }),
      ids({ highRiskUnmitigated: true }),
      ids({ notAssessed: true }),
    ]);
    const capped = (list: number[]) => list.slice(0, REMINDER_LIST_CAP);
    return {
      recordCount,
      reviewOverdueCount: reviewOverdue.length,
      reviewOverdueIds: capped(reviewOverdue),
      riskAssessmentOverdueCount: riskAssessmentOverdue.length,
      riskAssessmentOverdueIds: capped(riskAssessmentOverdue),
      highRiskUnmitigatedCount: highRiskUnmitigated.length,
      highRiskUnmitigatedIds: capped(highRiskUnmitigated),
      notAssessedCount: notAssessed.length,
      notAssessedIds: capped(notAssessed),
    };
  }
}
