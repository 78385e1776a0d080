import type { SubjectCategory } from '@mamori/shared';
import type { Database } from '../../db/data-source';
import { conflict, notFound } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { PurposeOfUse } from './purpose.entity';
import type { CreatePurposeOfUseArgs, PurposeOfUseListArgs, UpdatePurposeOfUseArgs } from './purpose.inputs';

const FIELDS = ['code', 'title', 'titleJa', 'description', 'categories', 'active'] as const;

const SORTABLE = { id: 'p.id', code: 'p.code', title: 'p.title', titleJa: 'p.title_ja', active: 'p.active' };

/** Purposes of use: seeded from the policy, kept by the privacy manager; deactivated, not deleted; every change audited. */
export class PurposeService {
  constructor(
    private readonly db: Database,
    private readonly writer: AuditWriter,
  ) {}

  async find(id: string | number): Promise<PurposeOfUse> {
    const purpose = await this.db.manager.findOneBy(PurposeOfUse, { id: toId(id) });
    if (!purpose) throw notFound('PurposeOfUse', id);
    return purpose;
  }

  private query(args: PurposeOfUseListArgs) {
    const qb = this.db.manager.createQueryBuilder(PurposeOfUse, 'p');
    const ids = toIds(args.filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('p.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (args.filter?.active !== undefined && args.filter.active !== null) qb.andWhere('p.active = :active', { active: args.filter.active });
    if (args.filter?.q) {
      const q = `%${args.filter.q.toLowerCase().replace(/[\\%_]/g, '')}%`;
      qb.andWhere('(LOWER(p.title) LIKE :q OR p.title_ja LIKE :q OR LOWER(p.code) LIKE :q)', { q });
    }
    return qb;
  }

  list(args: PurposeOfUseListArgs): Promise<PurposeOfUse[]> {
    return applyListArgs(this.query(args), args, SORTABLE).getMany();
  }

  count(args: PurposeOfUseListArgs): Promise<number> {
    return this.query(args).getCount();
  }

  /** The purposes in force for a group of data subjects: what an individual of that group is told their data is used for. */
  async inForceFor(category: SubjectCategory): Promise<PurposeOfUse[]> {
    const active = await this.db.manager.find(PurposeOfUse, { where: { active: true }, order: { id: 'ASC' } });
    return active.filter((p) => p.categories.includes(category));
  }

  async create(args: CreatePurposeOfUseArgs, caller: Caller): Promise<PurposeOfUse> {
    if (await this.db.manager.existsBy(PurposeOfUse, { code: args.code })) {
      throw conflict('PURPOSE_CODE_TAKEN', 'A purpose of use with this code already exists');
    }
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(PurposeOfUse, {
          code: args.code,
          title: args.title.trim(),
          titleJa: args.titleJa.trim(),
          description: args.description ?? null,
          categories: args.categories ?? [],
          active: args.active ?? true,
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'PurposeOfUse', entityId: saved.id, fields: [...FIELDS], reason: saved.active ? null : 'created inactive' }] };
    });
  }

  async update(args: UpdatePurposeOfUseArgs, caller: Caller): Promise<PurposeOfUse> {
    const purpose = await this.find(args.id);
    const before = { ...purpose };
    if (args.title !== undefined) purpose.title = args.title.trim();
    if (args.titleJa !== undefined) purpose.titleJa = args.titleJa.trim();
    if (args.description !== undefined) purpose.description = args.description;
    if (args.categories) purpose.categories = args.categories;
    if (args.active !== undefined && args.active !== null) purpose.active = args.active;
    const fields = FIELDS.filter((f) => JSON.stringify(purpose[f]) !== JSON.stringify(before[f]));
    if (!fields.length) return purpose;
    const reason = fields.includes('active') ? (purpose.active ? 'reactivated' : 'deactivated') : null;
    return auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(purpose),
      entry: ['UPDATE', { entityType: 'PurposeOfUse', entityId: purpose.id, fields, reason }],
    }));
  }
}
