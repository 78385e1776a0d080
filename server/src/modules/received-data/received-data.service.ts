import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, likePattern, toId, toIds } from '../common/list';
import { ReceivedDataRecord } from './received-data.entity';
import type { CreateReceivedDataRecordArgs, ReceivedDataRecordFilter, ReceivedDataRecordListArgs } from './received-data.inputs';
import { pastRetentionCutoff } from './received-data.rules';

const SORTABLE = { id: 'r.id', receivedOn: 'r.received_on', providerName: 'r.provider_name', subjectCategory: 'r.subject_category' };

/** Records of personal data received from third parties (APPI art. 30): recorded once, never updated or deleted. */
export class ReceivedDataService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string): Promise<ReceivedDataRecord> {
    const record = await this.db.manager.findOneBy(ReceivedDataRecord, { id: toId(id) });
    if (!record) throw notFound('ReceivedDataRecord', id);
    return record;
  }

  private query(filter: ReceivedDataRecordFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(ReceivedDataRecord, 'r');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('r.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.subjectCategory) qb.andWhere('r.subject_category = :category', { category: filter.subjectCategory });
    const cutoff = pastRetentionCutoff(japanDay(this.clock.now()));
    if (filter?.pastRetention === true) qb.andWhere('r.received_on < :cutoff', { cutoff });
    if (filter?.pastRetention === false) qb.andWhere('r.received_on >= :cutoff', { cutoff });
    if (filter?.q) qb.andWhere("LOWER(r.provider_name) LIKE :q ESCAPE '!'", { q: likePattern(filter.q.toLowerCase()) });
    return qb;
  }

  list(args: ReceivedDataRecordListArgs): Promise<ReceivedDataRecord[]> {
    return applyListArgs(this.query(args.filter), args, SORTABLE).getMany();
  }

  count(args: ReceivedDataRecordListArgs): Promise<number> {
    return this.query(args.filter).getCount();
  }

  /** The confirmation must be complete: provider's name, address and how they acquired the data; never a day in the future. */
  async create(args: CreateReceivedDataRecordArgs, caller: Caller): Promise<ReceivedDataRecord> {
    const required = { providerName: args.providerName, providerAddress: args.providerAddress, acquisitionMethod: args.acquisitionMethod };
    for (const [field, value] of Object.entries(required)) if (!value.trim()) throw badInput(field, `${field} must not be blank`);
    if (args.receivedOn > japanDay(this.clock.now())) throw badInput('receivedOn', 'receivedOn cannot be in the future');
    const items = args.items.map((item) => item.trim());
    if (items.some((item) => !item)) throw badInput('items', 'items must not be blank');
    const saved = await this.db.transaction(async (manager) => {
      const record = await manager.save(
        manager.create(ReceivedDataRecord, {
          providerName: args.providerName.trim(),
          providerAddress: args.providerAddress.trim(),
          providerRepresentative: args.providerRepresentative?.trim() || null,
          acquisitionMethod: args.acquisitionMethod.trim(),
          receivedOn: args.receivedOn,
          items,
          subjectCategory: args.subjectCategory,
          note: args.note?.trim() || null,
          recordedById: caller.user!.id,
          createdAt: this.clock.now().toISOString(),
        }),
      );
      await this.writer.writeWithin(manager, [caller.audit.entry('CREATE', { entityType: 'ReceivedDataRecord', entityId: record.id, reason: record.subjectCategory })]);
      return record;
    });
    this.writer.committed();
    return saved;
  }
}
