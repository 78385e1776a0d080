import { conflict, forbidden } from '../../errors';
import type { Caller } from '../common/caller';
import type { Case } from './case.entity';

/** Who may act on a case, beyond seeing it (need-to-know.ts decides that). */

type Acting = Pick<Case, 'id' | 'subjectId' | 'assigneeId' | 'recordedById'>;

function refuse(c: Acting, caller: Caller, message: string): never {
  caller.audit.recordDenied('Case', c.id, c.subjectId);
  throw forbidden(message);
}

/** Working a case (linking, carrying out, replying): the manager or the assigned staff member. */
export function requireWorker(c: Acting, caller: Caller): void {
  if (caller.user?.role === 'PRIVACY_MANAGER') return;
  if (caller.user?.role === 'STAFF' && c.assigneeId === caller.user.id) return;
  refuse(c, caller, 'This case is not assigned to you');
}

/** Moving a case on its workflow: it must be assigned first, then as requireWorker. */
export function requireAssignedWorker(c: Acting, caller: Caller): void {
  if (c.assigneeId === null) throw conflict('NOT_ASSIGNED', 'The privacy manager must assign the case to a staff member first');
  requireWorker(c, caller);
}

/** Intake corrections and documents: as requireWorker, or the staff member who recorded it while it is unassigned. */
export function requireEditor(c: Acting, caller: Caller): void {
  if (caller.user?.role === 'STAFF' && c.assigneeId === null && c.recordedById === caller.user.id) return;
  requireWorker(c, caller);
}
