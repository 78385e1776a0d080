import type { EntityManager } from 'typeorm';
import type { NonDisclosureReason } from '@mamori/shared';
import { japanDay, type Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict } from '../../errors';
import type { Caller } from '../common/caller';
import { toId } from '../common/list';
import type { AuditWriter } from '../audit/audit-writer';
import type { DataSubjectService } from '../data-subject/data-subject.service';
import { requireAssignedWorker, requireWorker } from './case.access';
import { Case } from './case.entity';
import type { CarryOutCaseArgs, TransitionCaseArgs } from './case.inputs';
import { isBeforeWork } from './case.rules';
import type { CaseService } from './case.service';
import { checkTransition, isShortPath } from './case.workflow';
import type { CaseCarryOut } from './case-carry-out';

/** Moving a case along the workflow, linking its subject, carrying it out and recording the reply. */
export class CaseWorkflowService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly cases: CaseService,
    private readonly subjects: DataSubjectService,
    private readonly carryOut: CaseCarryOut,
    private readonly writer: AuditWriter,
  ) {}

  /**
   * A transition the workflow allows and no rule refuses; reaching RESPONDED
   * carries the request out first (same transaction) when that has not been done.
   */
  async transition(args: TransitionCaseArgs, caller: Caller): Promise<Case> {
    const c = await this.cases.findVisible(args.id, caller);
    requireAssignedWorker(c, caller);
    const reasons = [...new Set(args.reasons ?? [])];
    checkTransition(c, args.to, reasons);
    const from = c.status;
    const saved = await this.db.transaction(async (manager) => {
      if (args.to === 'RESPONDED' && !c.carriedOutAt) await this.carryOut.run(manager, c, caller, args.amendments);
      this.applyStatus(c, args.to, reasons);
      await this.saveIfStill(manager, c, from);
      await this.cases.addTransition(manager, {
        caseId: c.id,
        from,
        to: args.to,
        actorId: caller.user!.id,
        at: c.updatedAt,
        reasons,
        note: args.note?.trim() || null,
      });
      return c;
    }, { restore: [c] });
    this.writer.committed();
    return saved;
  }

  private applyStatus(c: Case, to: Case['status'], reasons: NonDisclosureReason[]): void {
    c.status = to;
    c.updatedAt = this.clock.now().toISOString();
    if (to === 'RESPONDED' || to === 'REJECTED') c.completedOn = japanDay(this.clock.now());
    if (to === 'REJECTED') c.nonDisclosureReasons = reasons;
  }

  /** Saves the case only if nobody moved it meanwhile (no lost update, on either database). */
  private async saveIfStill(manager: EntityManager, c: Case, status: Case['status']): Promise<void> {
    const { id, ...values } = c;
    const result = await manager.update(Case, { id, status }, values);
    if (!result.affected) throw conflict('CASE_CHANGED', 'The case was changed meanwhile; reload it and try again');
  }

  /** Carrying out before the reply (e.g. to check the result), without changing the status. */
  async carryOutCase(args: CarryOutCaseArgs, caller: Caller): Promise<Case> {
    const c = await this.cases.findVisible(args.id, caller);
    requireWorker(c, caller);
    if (isShortPath(c)) throw conflict('NOTHING_TO_CARRY_OUT', 'Inquiries and complaints are answered, not carried out');
    const saved = await this.db.transaction(async (manager) => {
      await this.carryOut.run(manager, c, caller, args.amendments);
      c.updatedAt = this.clock.now().toISOString();
      await this.saveIfStill(manager, c, 'IN_PROGRESS');
      return c;
    }, { restore: [c] });
    this.writer.committed();
    return saved;
  }

  /** The assigned staff member (or the manager) links the subject found through matchDataSubjects. */
  async linkSubject(id: string, subjectId: string, caller: Caller): Promise<Case> {
    const c = await this.beforeWork(id, caller);
    const subject = await this.subjects.find(toId(subjectId, 'subjectId'));
    if (subject.erasedAt) throw conflict('SUBJECT_ERASED', 'This data subject has been erased');
    return this.relink(c, subject.id, false, 'data subject linked', caller);
  }

  /** The assigned staff member found that no personal data of the requester is held. */
  async recordNoMatchingData(id: string, caller: Caller): Promise<Case> {
    const c = await this.beforeWork(id, caller);
    return this.relink(c, null, true, 'no matching data recorded', caller);
  }

  private async beforeWork(id: string, caller: Caller): Promise<Case> {
    const c = await this.cases.findVisible(id, caller);
    requireWorker(c, caller);
    if (!isBeforeWork(c)) throw conflict('CASE_IN_PROGRESS', 'The subject of a case is settled before the work starts');
    return c;
  }

  /** Who the case is about decides need-to-know, so every change of it is audited with the change. */
  private async relink(c: Case, subjectId: number | null, noMatchingData: boolean, reason: string, caller: Caller): Promise<Case> {
    const previous = c.subjectId;
    const saved = await this.db.transaction(async (manager) => {
      Object.assign(c, { subjectId, noMatchingData, updatedAt: this.clock.now().toISOString() });
      await this.saveIfStill(manager, c, c.status);
      const entry = { entityType: 'Case', entityId: c.id, subjectId: subjectId ?? previous, caseId: c.id, reason };
      await this.writer.writeWithin(manager, [caller.audit.entry('UPDATE', entry)]);
      return c;
    }, { restore: [c] });
    this.writer.committed();
    return saved;
  }

  /** The day the reply letter was mailed (simple registered mail). */
  async recordReplyMailed(id: string, mailedOn: string, caller: Caller): Promise<Case> {
    const c = await this.cases.findVisible(id, caller);
    requireWorker(c, caller);
    if (c.status !== 'RESPONDED' && c.status !== 'REJECTED') {
      throw conflict('CASE_NOT_COMPLETED', 'The reply is mailed once the case is RESPONDED or REJECTED');
    }
    if (mailedOn > japanDay(this.clock.now())) throw badInput('mailedOn', 'mailedOn cannot be in the future');
    if (mailedOn < c.completedOn!) throw badInput('mailedOn', 'The reply cannot be mailed before the case was completed');
    c.repliedOn = mailedOn;
    c.updatedAt = this.clock.now().toISOString();
    await this.db.transaction((manager) => this.saveIfStill(manager, c, c.status));
    return c;
  }
}
