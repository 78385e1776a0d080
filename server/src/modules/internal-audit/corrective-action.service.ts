import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, forbidden, notFound } from '../../errors';
import type { AuditWriter } from '../audit/audit-writer';
import { auditedChange } from '../audit/audited-change';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import { User } from '../user/user.entity';
import { CorrectiveAction } from './corrective-action.entity';
import type { CorrectiveActionFilter, CorrectiveActionListArgs, CreateCorrectiveActionArgs, UpdateCorrectiveActionArgs, VerifyCorrectiveActionArgs } from './corrective-action.inputs';
import type { InternalAuditService } from './internal-audit.service';

const SORTABLE = { id: 'c.id', dueOn: 'c.due_on', ownerId: 'c.owner_id', completedOn: 'c.completed_on', verifiedOn: 'c.verified_on', findingId: 'c.finding_id' };

/** Who reads every corrective action; an owner reads their own. */
const SEES_ALL = new Set<string>(['PRIVACY_MANAGER', 'AUDITOR']);

/**
 * Corrective actions of nonconformities: the privacy manager assigns them, the
 * manager or the owner records the cause and the action taken, the internal
 * auditor verifies the effect. Never deleted; every change is audited.
 */
export class CorrectiveActionService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
    private readonly audits: InternalAuditService,
  ) {}

  private today(): string {
    return japanDay(this.clock.now());
  }

  private async get(id: string | number): Promise<CorrectiveAction> {
    const action = await this.db.manager.findOneBy(CorrectiveAction, { id: toId(id) });
    if (!action) throw notFound('CorrectiveAction', id);
    return action;
  }

  private refuse(action: CorrectiveAction, caller: Caller, message: string): never {
    caller.audit.record('ACCESS_DENIED', { entityType: 'CorrectiveAction', entityId: action.id, outcome: 'DENIED', reason: message });
    throw forbidden(message);
  }

  async find(id: string, caller: Caller): Promise<CorrectiveAction> {
    const action = await this.get(id);
    if (!SEES_ALL.has(caller.user?.role ?? '') && action.ownerId !== caller.user?.id) this.refuse(action, caller, 'This corrective action is not yours');
    return action;
  }

  query(filter: CorrectiveActionFilter | undefined, caller: Caller | null) {
    const qb = this.db.manager.createQueryBuilder(CorrectiveAction, 'c');
    if (caller && !SEES_ALL.has(caller.user?.role ?? '')) qb.andWhere('c.owner_id = :self', { self: caller.user?.id ?? 0 });
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('c.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.auditId) qb.andWhere('c.audit_id = :auditId', { auditId: toId(filter.auditId, 'filter.auditId') });
    if (filter?.findingId) qb.andWhere('c.finding_id = :findingId', { findingId: toId(filter.findingId, 'filter.findingId') });
    if (filter?.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: toId(filter.ownerId, 'filter.ownerId') });
    // verification requires the action taken, so an action not taken is never verified effective
    if (filter?.overdue === true) qb.andWhere('c.completed_on IS NULL AND c.due_on < :today', { today: this.today() });
    if (filter?.overdue === false) qb.andWhere('(c.completed_on IS NOT NULL OR c.due_on >= :today)', { today: this.today() });
    if (filter?.awaitingVerification === true) qb.andWhere('c.completed_on IS NOT NULL AND (c.effective IS NULL OR c.effective = :no)', { no: false });
    return qb;
  }

  list(args: CorrectiveActionListArgs, caller: Caller): Promise<CorrectiveAction[]> {
    return applyListArgs(this.query(args.filter, caller), args, SORTABLE).getMany();
  }

  count(args: CorrectiveActionListArgs, caller: Caller): Promise<number> {
    return this.query(args.filter, caller).getCount();
  }

  /** The dashboard's flags: overdue actions (ids, oldest due first) and those waiting for verification. */
  async standing(): Promise<{ overdueIds: number[]; awaitingVerification: number }> {
    const [overdue, awaitingVerification] = await Promise.all([
      this.query({ overdue: true }, null).orderBy('c.due_on', 'ASC').addOrderBy('c.id', 'ASC').getMany(),
      this.query({ awaitingVerification: true }, null).getCount(),
    ]);
    return { overdueIds: overdue.map((a) => a.id), awaitingVerification };
  }

  /** Owners take the action: any active user but an internal auditor, who never changes what it audits. */
  private async checkOwner(ownerId: number): Promise<void> {
    const owner = await this.db.manager.findOneBy(User, { id: ownerId });
    if (!owner || !owner.active || owner.role === 'AUDITOR') throw badInput('ownerId', 'The owner must be an active user other than an internal auditor');
  }

  private async openFindingOf(findingId: number) {
    const finding = await this.audits.findFinding(findingId);
    const audit = await this.audits.find(finding.auditId);
    if (audit.status === 'CLOSED') throw conflict('AUDIT_CLOSED', 'This internal audit is closed and can no longer be changed');
    return finding;
  }

  async create(args: CreateCorrectiveActionArgs, caller: Caller): Promise<CorrectiveAction> {
    const finding = await this.openFindingOf(toId(args.findingId, 'findingId'));
    if (finding.kind !== 'NONCONFORMITY') throw conflict('NOT_A_NONCONFORMITY', 'Corrective actions are taken on nonconformities only');
    const ownerId = toId(args.ownerId, 'ownerId');
    await this.checkOwner(ownerId);
    if (args.dueOn < finding.foundOn) throw badInput('dueOn', 'dueOn cannot be before the finding was made');
    const now = this.clock.now().toISOString();
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(
        manager.create(CorrectiveAction, {
          findingId: finding.id,
          auditId: finding.auditId,
          ownerId,
          dueOn: args.dueOn,
          cause: args.cause?.trim() || null,
          actionTaken: null,
          completedOn: null,
          verifiedById: null,
          verifiedOn: null,
          effective: null,
          verificationNote: null,
          recordedById: caller.user!.id,
          createdAt: now,
          updatedAt: now,
        }),
      );
      return { saved, entry: ['CREATE', { entityType: 'CorrectiveAction', entityId: saved.id, fields: ['ownerId', 'dueOn', ...(saved.cause ? ['cause'] : [])], reason: `finding ${finding.id}` }] };
    });
  }

  /** The manager or the owner records the cause and the action taken; owner and due day are the manager's. */
  async update(args: UpdateCorrectiveActionArgs, caller: Caller): Promise<CorrectiveAction> {
    const action = await this.get(args.id);
    const manager = caller.user?.role === 'PRIVACY_MANAGER';
    if (!manager && action.ownerId !== caller.user?.id) this.refuse(action, caller, 'Only the privacy manager or the owner changes this corrective action');
    if (!manager && (args.ownerId || args.dueOn)) this.refuse(action, caller, 'The privacy manager sets the owner and the due day');
    const finding = await this.openFindingOf(action.findingId);
    if (action.effective === true) throw conflict('ACTION_VERIFIED', 'This corrective action is verified effective and can no longer be changed');
    const next = {
      ownerId: args.ownerId ? toId(args.ownerId, 'ownerId') : action.ownerId,
      dueOn: args.dueOn ?? action.dueOn,
      cause: args.cause?.trim() ?? action.cause,
      actionTaken: args.actionTaken?.trim() ?? action.actionTaken,
      completedOn: args.completedOn ?? action.completedOn,
    };
    if (args.cause !== undefined && args.cause !== null && !next.cause) throw badInput('cause', 'cause must not be blank');
    if (args.actionTaken !== undefined && args.actionTaken !== null && !next.actionTaken) throw badInput('actionTaken', 'actionTaken must not be blank');
    if (next.ownerId !== action.ownerId) await this.checkOwner(next.ownerId);
    if (next.dueOn < finding.foundOn) throw badInput('dueOn', 'dueOn cannot be before the finding was made');
    if (args.completedOn) {
      if (!next.actionTaken) throw badInput('actionTaken', 'Record the action taken with the day it was taken');
      if (args.completedOn > this.today()) throw badInput('completedOn', 'completedOn cannot be in the future');
      if (args.completedOn < finding.foundOn) throw badInput('completedOn', 'completedOn cannot be before the finding was made');
    }
    const changed = (Object.keys(next) as Array<keyof typeof next>).filter((k) => next[k] !== action[k]);
    if (!changed.length) return action;
    Object.assign(action, next, { updatedAt: this.clock.now().toISOString() });
    return auditedChange(this.db, this.writer, caller, async (em) => ({ saved: await em.save(action), entry: ['UPDATE', { entityType: 'CorrectiveAction', entityId: action.id, fields: changed }] }));
  }

  /** The internal auditor's verdict; an action found not effective goes back to be taken again. */
  async verify(args: VerifyCorrectiveActionArgs, caller: Caller): Promise<CorrectiveAction> {
    const action = await this.get(args.id);
    await this.openFindingOf(action.findingId);
    if (action.effective === true) throw conflict('ACTION_VERIFIED', 'This corrective action is already verified effective');
    if (!action.completedOn) throw conflict('ACTION_NOT_TAKEN', 'The action must be taken (with the day it was taken) before its effect is verified');
    if (args.verifiedOn > this.today()) throw badInput('verifiedOn', 'verifiedOn cannot be in the future');
    if (args.verifiedOn < action.completedOn) throw badInput('verifiedOn', 'verifiedOn cannot be before the action was taken');
    Object.assign(action, {
      verifiedById: caller.user!.id,
      verifiedOn: args.verifiedOn,
      effective: args.effective,
      verificationNote: args.note?.trim() || null,
      completedOn: args.effective ? action.completedOn : null,
      updatedAt: this.clock.now().toISOString(),
    });
    return auditedChange(this.db, this.writer, caller, async (em) => ({
      saved: await em.save(action),
      entry: ['UPDATE', { entityType: 'CorrectiveAction', entityId: action.id, fields: ['verifiedOn', 'effective', 'verificationNote'], reason: args.effective ? 'verified effective' : 'verified not effective' }],
    }));
  }
}
