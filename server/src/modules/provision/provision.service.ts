import { And, LessThan, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { STAFF_SUBJECT_CONDITION } from '../common/need-to-know';
import { Consent } from '../consent/consent.entity';
import { DataSubject } from '../data-subject/data-subject.entity';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import { ThirdPartyProvision } from './provision.entity';
import type { CreateThirdPartyProvisionArgs, ThirdPartyProvisionFilter, ThirdPartyProvisionListArgs } from './provision.inputs';
import { pastRetentionCutoff } from './provision.rules';

const SORTABLE = { id: 'p.id', providedOn: 'p.provided_on', subjectId: 'p.subject_id', recipient: 'p.recipient', legalBasis: 'p.legal_basis' };

export interface ProvisionPeriod {
  from?: string | null;
  to?: string | null;
}

function periodWhere({ from, to }: ProvisionPeriod) {
  if (from && to) return { providedOn: And(MoreThanOrEqual(from), LessThan(to)) };
  if (from) return { providedOn: MoreThanOrEqual(from) };
  if (to) return { providedOn: LessThan(to) };
  return {};
}

/** Third-party provision records: recorded on a legal basis under need-to-know; never updated or deleted. */
export class ProvisionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subjects: DataSubjectService,
  ) {}

  async find(id: string, caller: Caller): Promise<ThirdPartyProvision> {
    const record = await this.db.manager.findOneBy(ThirdPartyProvision, { id: toId(id) });
    if (!record) throw notFound('ThirdPartyProvision', id);
    await this.subjects.findReadable(record.subjectId, caller);
    return record;
  }

  private query(filter: ThirdPartyProvisionFilter | undefined, caller: Caller) {
    const qb = this.db.manager.createQueryBuilder(ThirdPartyProvision, 'p');
    if (caller.user?.role !== 'PRIVACY_MANAGER') {
      qb.innerJoin(DataSubject, 's', 's.id = p.subject_id').andWhere(STAFF_SUBJECT_CONDITION('s'), { restrictedFalse: false, staffId: caller.user?.id ?? 0 });
    }
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('p.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subjectId) qb.andWhere('p.subject_id = :subjectId', { subjectId: toId(filter.subjectId, 'filter.subjectId') });
    if (filter?.legalBasis) qb.andWhere('p.legal_basis = :legalBasis', { legalBasis: filter.legalBasis });
    const cutoff = pastRetentionCutoff(japanDay(this.clock.now()));
    if (filter?.pastRetention === true) qb.andWhere('p.provided_on < :cutoff', { cutoff });
    if (filter?.pastRetention === false) qb.andWhere('p.provided_on >= :cutoff', { cutoff });
    if (filter?.q) qb.andWhere("LOWER(p.recipient) LIKE :q ESCAPE '!'", { q: likePattern(filter.q.toLowerCase()) });
    return qb;
  }

  list(args: ThirdPartyProvisionListArgs, caller: Caller): Promise<ThirdPartyProvision[]> {
    return applyListArgs(this.query(args.filter, caller), args, SORTABLE).getMany();
  }

  count(args: ThirdPartyProvisionListArgs, caller: Caller): Promise<number> {
    return this.query(args.filter, caller).getCount();
  }

  /** Records past their three years, for the manager's review. */
  countPastRetention(today: string): Promise<number> {
    return this.db.manager.createQueryBuilder(ThirdPartyProvision, 'p').where('p.provided_on < :cutoff', { cutoff: pastRetentionCutoff(today) }).getCount();
  }

  /** The subject's records, oldest first; within `period` when given (from included, to excluded; either end may be open). */
  ofSubject(subjectId: number, period: ProvisionPeriod = {}, manager: EntityManager = this.db.manager): Promise<ThirdPartyProvision[]> {
    return manager.find(ThirdPartyProvision, { where: { subjectId, ...periodWhere(period) }, order: { providedOn: 'ASC', id: 'ASC' } });
  }

  countOfSubject(subjectId: number, period: ProvisionPeriod = {}, manager: EntityManager = this.db.manager): Promise<number> {
    return manager.countBy(ThirdPartyProvision, { subjectId, ...periodWhere(period) });
  }

  /** Refused without a valid basis, for an erased subject, or one under cessation of provision. */
  async create(args: CreateThirdPartyProvisionArgs, caller: Caller): Promise<ThirdPartyProvision> {
    const { subject } = await this.subjects.findReadable(toId(args.subjectId, 'subjectId'), caller);
    if (subject.erasedAt) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    if (subject.provisionStopped) throw conflict('PROVISION_STOPPED', 'Provision of this subject’s data to third parties has been stopped at their request');
    if (args.providedOn > japanDay(this.clock.now())) throw badInput('providedOn', 'providedOn cannot be in the future');
    const consentId = await this.checkBasis(args, subject.id);
    const record = await this.db.manager.save(
      this.db.manager.create(ThirdPartyProvision, {
        subjectId: subject.id,
        recipient: args.recipient.trim(),
        items: args.items.map((item) => item.trim()),
        providedOn: args.providedOn,
        legalBasis: args.legalBasis,
        consentId,
        note: args.note?.trim() || null,
        recordedById: caller.user!.id,
        createdAt: this.clock.now().toISOString(),
      }),
    );
    caller.audit.record('CREATE', { entityType: 'ThirdPartyProvision', entityId: record.id, subjectId: subject.id, reason: record.legalBasis });
    return record;
  }

  /** CONSENT rests on a consent of this same subject, given by the day of provision and not withdrawn. */
  private async checkBasis(args: CreateThirdPartyProvisionArgs, subjectId: number): Promise<number | null> {
    if (args.legalBasis !== 'CONSENT') {
      if (args.consentId) throw badInput('consentId', 'Only a provision on the basis of CONSENT names a consent');
      return null;
    }
    if (!args.consentId) throw conflict('CONSENT_REQUIRED', 'A provision on the basis of CONSENT names the consent it rests on');
    // Read directly: whether the consent is of this subject is the question, so need-to-know on its own subject does not apply.
    const consent = await this.db.manager.findOneBy(Consent, { id: toId(args.consentId, 'consentId') });
    if (!consent) throw notFound('Consent', args.consentId);
    if (consent.subjectId !== subjectId) throw conflict('CONSENT_OF_ANOTHER_SUBJECT', 'This consent was given by another data subject');
    if (consent.consentedOn > args.providedOn) throw conflict('CONSENT_NOT_YET_GIVEN', 'The consent was given after the day of provision');
    // The spec's rule, literally: a withdrawn consent is no basis, even for a provision recorded late.
    if (consent.withdrawnAt) throw conflict('CONSENT_WITHDRAWN', 'The consent has been withdrawn');
    return consent.id;
  }
}
