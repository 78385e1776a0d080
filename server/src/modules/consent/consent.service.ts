import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { STAFF_SUBJECT_CONDITION } from '../common/need-to-know';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import type { PurposeService } from '../purpose/purpose.service';
import { DataSubject } from '../data-subject/data-subject.entity';
import { Consent } from './consent.entity';
import type { ConsentListArgs, CreateConsentArgs } from './consent.inputs';

const SORTABLE = { id: 'k.id', consentedOn: 'k.consented_on', subjectId: 'k.subject_id', purposeId: 'k.purpose_id', withdrawnAt: 'k.withdrawn_at' };

/** Consents to purposes of use; visible and recorded under the same need-to-know as the subject. */
export class ConsentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly subjects: DataSubjectService,
    private readonly purposes: PurposeService,
  ) {}

  async find(id: string | number, caller: Caller): Promise<Consent> {
    const consent = await this.db.manager.findOneBy(Consent, { id: toId(id) });
    if (!consent) throw notFound('Consent', id);
    await this.requireNeedToKnow(consent.subjectId, caller);
    return consent;
  }

  private async requireNeedToKnow(subjectId: number, caller: Caller): Promise<DataSubject> {
    const subject = await this.subjects.find(subjectId);
    if (!(await caller.access.subject(subject))) {
      caller.audit.recordDenied('DataSubject', subject.id, subject.id);
      throw forbidden('You may not see consents of this data subject');
    }
    return subject;
  }

  private query(args: ConsentListArgs, caller: Caller) {
    const qb = this.db.manager.createQueryBuilder(Consent, 'k');
    if (caller.user?.role !== 'PRIVACY_MANAGER') {
      qb.innerJoin(DataSubject, 's', 's.id = k.subject_id').andWhere(STAFF_SUBJECT_CONDITION('s'), {
        restrictedFalse: false,
        staffId: caller.user?.id ?? 0,
      });
    }
    const f = args.filter;
    const ids = toIds(f?.ids, 'filter.ids');
    if (ids) qb.andWhere('k.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (f?.subjectId) qb.andWhere('k.subject_id = :subjectId', { subjectId: toId(f.subjectId, 'filter.subjectId') });
    if (f?.purposeId) qb.andWhere('k.purpose_id = :purposeId', { purposeId: toId(f.purposeId, 'filter.purposeId') });
    if (f?.withdrawn === true) qb.andWhere('k.withdrawn_at IS NOT NULL');
    if (f?.withdrawn === false) qb.andWhere('k.withdrawn_at IS NULL');
    return qb;
  }

  list(args: ConsentListArgs, caller: Caller): Promise<Consent[]> {
    return applyListArgs(this.query(args, caller), args, SORTABLE).getMany();
  }

  count(args: ConsentListArgs, caller: Caller): Promise<number> {
    return this.query(args, caller).getCount();
  }

  async create(args: CreateConsentArgs, caller: Caller): Promise<Consent> {
    const subject = await this.requireNeedToKnow(toId(args.subjectId, 'subjectId'), caller);
    if (subject.erasedAt) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    const purpose = await this.purposes.find(toId(args.purposeId, 'purposeId'));
    if (!purpose.active) throw badInput('purposeId', 'This purpose of use is no longer active');
    if (args.consentedOn > japanDay(this.clock.now())) throw badInput('consentedOn', 'consentedOn cannot be in the future');
    return this.db.manager.save(
      this.db.manager.create(Consent, {
        subjectId: subject.id,
        purposeId: purpose.id,
        consentedOn: args.consentedOn,
        method: args.method,
        withdrawnAt: null,
        recordedById: caller.user!.id,
        createdAt: this.clock.now().toISOString(),
      }),
    );
  }

  async withdraw(id: string, caller: Caller): Promise<Consent> {
    const consent = await this.find(id, caller);
    if (consent.withdrawnAt) throw conflict('CONSENT_ALREADY_WITHDRAWN', 'This consent was already withdrawn');
    consent.withdrawnAt = this.clock.now().toISOString();
    return this.db.manager.save(consent);
  }
}
