import type { ExportFormat } from '@mamori/shared';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound } from '../../errors';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { AuditEntry } from './audit-entry.entity';
import { chainExtends, chainHead, type ChainLinker } from './audit-chain';
import type { AuditEntryFilter, AuditEntryListArgs } from './audit.inputs';
import { BreakGlassReview } from './break-glass-review.entity';
import { toCsv, toJsonLines } from './export';
import { canonicalEntry } from './canonical';
import { leafBytes } from './transparency/leaf';
import type { LogVerifier } from './transparency/log-verifier';
import type { AuditProofService } from './transparency/proofs.service';

const SORTABLE = { id: 'e.id', seq: 'e.id', occurredAt: 'e.occurred_at', action: 'e.action', actorId: 'e.actor_id', subjectId: 'e.subject_id' };
export const MAX_EXPORT_ROWS = 100_000;
const READS_WHOLE_TRAIL = new Set<string>(['PRIVACY_MANAGER', 'AUDITOR']);

/** Reading, exporting and verifying the trail. There is no update or delete path. */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly linker: ChainLinker,
    private readonly proofs: AuditProofService,
    private readonly verifier: LogVerifier,
  ) {}

  private query(filter: AuditEntryFilter | undefined, caller: Caller) {
    const qb = this.db.manager.createQueryBuilder(AuditEntry, 'e');
    // The manager and the internal auditor read the whole trail; everyone else their own entries only.
    if (!READS_WHOLE_TRAIL.has(caller.user?.role ?? '')) qb.andWhere('e.actor_id = :me', { me: caller.user?.id ?? 0 });
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('e.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: toId(filter.actorId, 'filter.actorId') });
    if (filter?.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: toId(filter.subjectId, 'filter.subjectId') });
    if (filter?.caseId) qb.andWhere('e.case_id = :caseId', { caseId: toId(filter.caseId, 'filter.caseId') });
    if (filter?.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter?.entityType) qb.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter?.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
    if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('filter.to', 'The period ends before it starts');
    return qb;
  }

  /** Adds each entry's chain position (seq, prevHash, hash) once it is linked. */
  private async withChain(entries: AuditEntry[]): Promise<AuditEntry[]> {
    if (entries.length === 0) return entries;
    const links: Array<{ entryId: number; seq: number; prevHash: string; hash: string }> = [];
    // SQLite binds at most 32,766 parameters per statement; an export holds up to 100,000 entries
    for (let i = 0; i < entries.length; i += 10_000) {
      const chunk = entries.slice(i, i + 10_000);
      links.push(
        ...(await this.db.manager.query(
          `SELECT entry_id AS entryId, seq, prev_hash AS prevHash, hash FROM audit_link WHERE entry_id IN (${chunk.map(() => '?').join(',')})`,
          chunk.map((e) => e.id),
        )),
      );
    }
    const byEntry = new Map(links.map((l) => [Number(l.entryId), l]));
    for (const e of entries) {
      const link = byEntry.get(e.id);
      e.seq = link ? Number(link.seq) : null;
      e.prevHash = link?.prevHash ?? null;
      e.hash = link?.hash ?? null;
    }
    return entries;
  }

  async find(id: string, caller: Caller): Promise<AuditEntry> {
    const [entry] = await this.query({ ids: [id] }, caller).getMany();
    if (!entry) throw notFound('AuditEntry', id);
    caller.audit.record('AUDIT_READ', { entityType: 'AuditEntry', entityId: entry.id });
    return (await this.withChain([entry]))[0]!;
  }

  async list(args: AuditEntryListArgs, caller: Caller): Promise<AuditEntry[]> {
    const entries = await applyListArgs(this.query(args.filter, caller), { sortOrder: 'DESC', ...args }, SORTABLE).getMany();
    caller.audit.record('AUDIT_READ', { entityType: 'AuditEntry', subjectId: args.filter?.subjectId ? Number(args.filter.subjectId) : null });
    return this.withChain(entries);
  }

  count(args: AuditEntryListArgs, caller: Caller): Promise<number> {
    return this.query(args.filter, caller).getCount();
  }

  async export(filter: AuditEntryFilter | undefined, format: ExportFormat, caller: Caller): Promise<string> {
    const checkpoint = await this.proofs.fresh();
    const qb = this.query(filter, caller).orderBy('e.id', 'ASC').take(MAX_EXPORT_ROWS + 1);
    const entries = await this.withChain(await qb.getMany());
    if (entries.length > MAX_EXPORT_ROWS) throw badInput('filter', `The export holds more than ${MAX_EXPORT_ROWS} entries; narrow the filter`);
    caller.audit.record('EXPORT', { entityType: 'AuditEntry', reason: `${format}, ${entries.length} entries` });
    if (format === 'CSV') return toCsv(entries);
    return toJsonLines(entries, await this.inclusionFields(entries, checkpoint?.size ?? 0));
  }

  /** Per JSONL line: the leaf bytes and their inclusion proof in the tree of the newest checkpoint. */
  private async inclusionFields(entries: AuditEntry[], treeSize: number): Promise<Map<AuditEntry, Record<string, unknown>>> {
    const fields = new Map<AuditEntry, Record<string, unknown>>();
    const proven = entries.filter((e) => e.seq && e.seq <= treeSize);
    for (let i = 0; i < proven.length; i += 1000) {
      const chunk = proven.slice(i, i + 1000);
      const proofs = await this.proofs.proofsFor(chunk.map((e) => e.seq! - 1), treeSize);
      chunk.forEach((e, j) => {
        fields.set(e, {
          leafIndex: e.seq! - 1,
          leafData: leafBytes(canonicalEntry(e)).toString('base64'),
          treeSize,
          inclusionProof: proofs[j]!.map((h) => h.toString('base64')),
        });
      });
    }
    return fields;
  }

  async verify(caller: Caller, incremental = false) {
    const result = await this.verifier.verify(incremental);
    caller.audit.record('AUDIT_VERIFY', {
      entityType: 'AuditChain',
      reason: result.ok
        ? `ok up to ${result.headSeq}${incremental ? ' (incremental)' : ''}`
        : `${result.problem} at ${result.firstBrokenSeq ?? 'no single seq'}`,
    });
    return result;
  }

  async head() {
    await this.linker.linkPending();
    return chainHead(this.db);
  }

  async extends(seq: number, hash: string, caller: Caller): Promise<boolean> {
    await this.linker.linkPending();
    const ok = await chainExtends(this.db, seq, hash);
    caller.audit.record('AUDIT_VERIFY', { entityType: 'AuditChain', reason: `head ${seq} ${ok ? 'still held' : 'NOT held'}` });
    return ok;
  }

  /** Break-glass reads not yet reviewed by the manager, oldest first. */
  async breakGlassQueue(caller: Caller): Promise<AuditEntry[]> {
    const entries = await this.db.manager
      .createQueryBuilder(AuditEntry, 'e')
      .leftJoin(BreakGlassReview, 'r', 'r.entry_id = e.id')
      .where("e.action = 'BREAK_GLASS'")
      .andWhere('r.id IS NULL')
      .orderBy('e.id', 'ASC')
      .take(500)
      .getMany();
    caller.audit.record('AUDIT_READ', { entityType: 'AuditEntry', reason: 'break-glass review queue' });
    return this.withChain(entries);
  }

  async reviewBreakGlass(entryId: string, note: string | null | undefined, caller: Caller): Promise<BreakGlassReview> {
    const entry = await this.db.manager.findOneBy(AuditEntry, { id: toId(entryId, 'entryId') });
    if (!entry || entry.action !== 'BREAK_GLASS') throw notFound('Break-glass entry', entryId);
    if (await this.db.manager.existsBy(BreakGlassReview, { entryId: entry.id })) {
      throw conflict('ALREADY_REVIEWED', 'This break-glass read was already reviewed');
    }
    return this.db.manager.save(
      this.db.manager.create(BreakGlassReview, {
        entryId: entry.id,
        reviewedById: caller.user!.id,
        reviewedAt: this.clock.now().toISOString(),
        note: note?.trim() || null,
      }),
    );
  }
}
