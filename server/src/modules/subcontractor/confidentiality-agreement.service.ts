import { addDays, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { ConfidentialityAgreement } from './confidentiality-agreement.entity';
import type {
  ConfidentialityAgreementFilter,
  ConfidentialityAgreementListArgs,
  CreateConfidentialityAgreementArgs,
  UpdateConfidentialityAgreementArgs,
} from './confidentiality-agreement.inputs';
import type { SubcontractorService } from './subcontractor.service';
import { EXPIRING_SOON_DAYS, expiringSoon, renewed } from './supervision.rules';

const FIELDS = ['signedOn', 'effectiveFrom', 'expiresOn', 'documentRef'] as const;

const SORTABLE = {
  id: 'a.id',
  subcontractorId: 'a.subcontractor_id',
  signedOn: 'a.signed_on',
  effectiveFrom: 'a.effective_from',
  expiresOn: 'a.expires_on',
  documentRef: 'a.document_ref',
};

/** Confidentiality agreements: recorded and corrected, never deleted (they are the evidence). */
export class ConfidentialityAgreementService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subcontractors: SubcontractorService,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string | number): Promise<ConfidentialityAgreement> {
    const a = await this.db.manager.findOneBy(ConfidentialityAgreement, { id: toId(id) });
    if (!a) throw notFound('ConfidentialityAgreement', id);
    return a;
  }

  /** Agreements expiring within 30 days that no renewal follows: the reminder list. */
  async needingRenewal(): Promise<ConfidentialityAgreement[]> {
    const today = this.subcontractors.today();
    const expiring = await this.expiringQuery(today).orderBy('a.expires_on', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    if (!expiring.length) return [];
    const records = await this.subcontractors.loadRecords([...new Set(expiring.map((a) => a.subcontractorId))]);
    return expiring.filter((a) => expiringSoon(a, today) && !renewed(a, records.get(a.subcontractorId)?.agreements ?? []));
  }

  private expiringQuery(today: string) {
    return this.db.manager
      .createQueryBuilder(ConfidentialityAgreement, 'a')
      .where('a.effective_from <= :today AND a.expires_on >= :today', { today })
      .andWhere('a.expires_on <= :soon', { soon: addDays(today, EXPIRING_SOON_DAYS) });
  }

  private async query(filter: ConfidentialityAgreementFilter | undefined) {
    const today = this.subcontractors.today();
    const qb = this.db.manager.createQueryBuilder(ConfidentialityAgreement, 'a');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('a.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subcontractorId) qb.andWhere('a.subcontractor_id = :sid', { sid: toId(filter.subcontractorId, 'filter.subcontractorId') });
    if (filter?.inForce === true) qb.andWhere('a.effective_from <= :today AND a.expires_on >= :today', { today });
    if (filter?.inForce === false) qb.andWhere('(a.effective_from > :today OR a.expires_on < :today)', { today });
    const soon = addDays(today, EXPIRING_SOON_DAYS);
    if (filter?.expiringSoon === true) qb.andWhere('a.effective_from <= :today AND a.expires_on >= :today AND a.expires_on <= :soon', { today, soon });
    if (filter?.expiringSoon === false) {
      qb.andWhere('NOT (a.effective_from <= :today AND a.expires_on >= :today AND a.expires_on <= :soon)', { today, soon });
    }
    if (filter?.needsRenewal !== undefined && filter.needsRenewal !== null) {
      const matching = (await this.needingRenewal()).map((a) => a.id);
      const list = matching.length ? matching : [0];
      qb.andWhere(filter.needsRenewal ? 'a.id IN (:...renewal)' : 'a.id NOT IN (:...renewal)', { renewal: list });
    }
    if (filter?.q) qb.andWhere("LOWER(a.document_ref) LIKE :q ESCAPE '!'", { q: likePattern(filter.q.toLowerCase()) });
    return qb;
  }

  async list(args: ConfidentialityAgreementListArgs): Promise<ConfidentialityAgreement[]> {
    return applyListArgs(await this.query(args.filter), args, SORTABLE).getMany();
  }

  async count(args: ConfidentialityAgreementListArgs): Promise<number> {
    return (await this.query(args.filter)).getCount();
  }

  /** signed ≤ today; effective from the signing day on; expires after it takes effect. */
  private validate(a: Pick<ConfidentialityAgreement, 'signedOn' | 'effectiveFrom' | 'expiresOn'>): void {
    if (a.signedOn > this.subcontractors.today()) throw badInput('signedOn', 'signedOn cannot be in the future');
    if (a.effectiveFrom < a.signedOn) throw badInput('effectiveFrom', 'effectiveFrom cannot be before the agreement was signed');
    if (a.expiresOn <= a.effectiveFrom) throw badInput('expiresOn', 'expiresOn must be after effectiveFrom');
  }

  async create(args: CreateConfidentialityAgreementArgs, caller: Caller): Promise<ConfidentialityAgreement> {
    const s = await this.subcontractors.find(toId(args.subcontractorId, 'subcontractorId'));
    const documentRef = args.documentRef.trim();
    if (!documentRef) throw badInput('documentRef', 'documentRef must not be blank');
    const terms = { signedOn: args.signedOn, effectiveFrom: args.effectiveFrom, expiresOn: args.expiresOn };
    this.validate(terms);
    const now = this.clock.now().toISOString();
    const agreement = {
      subcontractorId: s.id,
      ...terms,
      documentRef,
      recordedById: caller.user?.id ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(manager.create(ConfidentialityAgreement, agreement));
      return { saved, entry: ['CREATE', { entityType: 'ConfidentialityAgreement', entityId: saved.id, fields: [...FIELDS], reason: `subcontractor ${s.id}` }] };
    });
    this.subcontractors.forget(caller);
    return saved;
  }

  async update(args: UpdateConfidentialityAgreementArgs, caller: Caller): Promise<ConfidentialityAgreement> {
    const a = await this.find(args.id);
    const before = { ...a };
    if (args.subcontractorId && toId(args.subcontractorId, 'subcontractorId') !== a.subcontractorId) {
      throw badInput('subcontractorId', 'An agreement cannot move to another subcontractor');
    }
    if (args.signedOn) a.signedOn = args.signedOn;
    if (args.effectiveFrom) a.effectiveFrom = args.effectiveFrom;
    if (args.expiresOn) a.expiresOn = args.expiresOn;
    if (args.documentRef !== undefined && args.documentRef !== null) {
      a.documentRef = args.documentRef.trim();
      if (!a.documentRef) throw badInput('documentRef', 'documentRef must not be blank');
    }
    this.validate(a);
    const fields = FIELDS.filter((f) => a[f] !== before[f]);
    if (!fields.length) return a;
    a.updatedAt = this.clock.now().toISOString();
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(a),
      entry: ['UPDATE', { entityType: 'ConfidentialityAgreement', entityId: a.id, fields }],
    }));
    this.subcontractors.forget(caller);
    return saved;
  }
}
