import type { Database } from '../../db/data-source';
import type { Justification } from '../audit/request-audit';
import type { AuthUser } from './auth-user';

/**
 * Need-to-know, decided once per request and cached: the privacy manager may
 * read any subject; staff only subjects of an open case assigned to them (and
 * not restricted), or one they opened by break-glass; supervisors and the
 * internal auditor never.
 */
export class NeedToKnow {
  private openCases: Promise<Map<number, number>> | null = null;
  private openCasesLoaded: Map<number, number> | null = null;
  private readonly breakGlass = new Map<number, string>();

  constructor(
    private readonly user: AuthUser | null,
    private readonly db: Database,
  ) {}

  grantBreakGlass(subjectId: number, reason: string): void {
    this.breakGlass.set(subjectId, reason);
  }

  /** The justification for reading this subject's personal data, or null when it is refused. */
  async subject(subject: { id: number; restricted: boolean }): Promise<Justification | null> {
    return this.subjectNow(subject);
  }

  /**
   * The same decision, without a promise whenever nothing has to be loaded
   * (every case but the first question of a staff member's request): the
   * personal fields of a 100-subject list ask it once per subject.
   */
  subjectNow(subject: { id: number; restricted: boolean }): Justification | null | Promise<Justification | null> {
    if (!this.user) return null;
    const reason = this.breakGlass.get(subject.id);
    if (reason) return { caseId: null, breakGlassReason: reason };
    if (this.user.role === 'PRIVACY_MANAGER') return { caseId: null };
    if (this.user.role !== 'STAFF' || subject.restricted) return null;
    const decide = (cases: Map<number, number>) => {
      const caseId = cases.get(subject.id);
      return caseId === undefined ? null : { caseId };
    };
    return this.openCasesLoaded ? decide(this.openCasesLoaded) : this.openCasesOfStaff().then(decide);
  }

  /** The open case assigned to the caller about this subject, if any. */
  async openCaseAbout(subjectId: number): Promise<number | undefined> {
    return (await this.openCasesOfStaff()).get(subjectId);
  }

  /** Cases and their personal data: the manager sees all; staff those assigned to them or that they recorded. */
  caseVisible(c: { assigneeId: number | null; recordedById: number | null }): boolean {
    if (!this.user) return false;
    if (this.user.role === 'PRIVACY_MANAGER') return true;
    return this.user.role === 'STAFF' && (c.assigneeId === this.user.id || c.recordedById === this.user.id);
  }

  /** A case's record without its personal data: as caseVisible, and the internal auditor sees every case. */
  caseRecordVisible(c: { assigneeId: number | null; recordedById: number | null }): boolean {
    return this.user?.role === 'AUDITOR' || this.caseVisible(c);
  }

  /** Lists hold every case for the manager and the internal auditor; staff get theirs only. */
  get listsEveryCase(): boolean {
    return this.user?.role === 'PRIVACY_MANAGER' || this.user?.role === 'AUDITOR';
  }

  private openCasesOfStaff(): Promise<Map<number, number>> {
    if (!this.user || this.user.role !== 'STAFF') return Promise.resolve(new Map());
    this.openCases ??= this.db.manager
      .query(
        "SELECT id, subject_id AS subjectId FROM request_case WHERE assignee_id = ? AND status <> 'CLOSED' AND subject_id IS NOT NULL ORDER BY id",
        [this.user.id],
      )
      .then((rows: Array<{ id: number; subjectId: number }>) => {
        const bySubject = new Map<number, number>();
        for (const row of rows) if (!bySubject.has(Number(row.subjectId))) bySubject.set(Number(row.subjectId), Number(row.id));
        this.openCasesLoaded = bySubject;
        return bySubject;
      });
    return this.openCases;
  }
}

/** SQL condition (on a subject alias) for the subjects a staff member may list. */
export const STAFF_SUBJECT_CONDITION = (alias: string) =>
  `${alias}.restricted = :restrictedFalse AND ${alias}.id IN (SELECT c.subject_id FROM request_case c WHERE c.assignee_id = :staffId AND c.status <> 'CLOSED')`;
