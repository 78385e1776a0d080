import { rule } from 'graphql-shield';
import { ROLES, type Role } from '@mamori/shared';
import { AppError, forbidden } from '../errors';
import type { Context } from '../graphql/context';
import type { Justification } from '../modules/audit/request-audit';

/** Each rule is one check; the map in index.ts says where each applies. */

/** Who each operation-level rule lets through, for the generated permission matrix. */
export const WHO: Map<unknown, readonly string[]> = new Map();
const ALL_ROLES: readonly Role[] = ROLES;

const refuseAnonymous = (ctx: Context) => ctx.services.auth.refuseAnonymous(ctx.clientIp, ctx.authError);

export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: Context) => {
  if (ctx.user) return true;
  return refuseAnonymous(ctx);
});
WHO.set(isAuthenticated, ALL_ROLES);

function hasRole(...roles: Role[]) {
  const check = rule(`role:${roles.join('|')}`, { cache: 'contextual' })((_parent, _args, ctx: Context) => {
    if (!ctx.user) return refuseAnonymous(ctx);
    if (ctx.user.twoFactorPending) {
      return new AppError('FORBIDDEN', 'Set up two-factor sign-in before using this account', { rule: 'TWO_FACTOR_REQUIRED' });
    }
    if (roles.includes(ctx.user.role)) return true;
    ctx.audit.record('ACCESS_DENIED', { entityType: 'Operation', outcome: 'DENIED', reason: `requires ${roles.join(' or ')}` });
    return forbidden(`This needs the role ${roles.join(' or ')}`);
  });
  WHO.set(check, roles);
  return check;
}

export const isManager = hasRole('PRIVACY_MANAGER');
export const isStaff = hasRole('STAFF');
export const isManagerOrStaff = hasRole('PRIVACY_MANAGER', 'STAFF');
export const isManagerOrSupervisor = hasRole('PRIVACY_MANAGER', 'SUPERVISOR');
export const isManagerOrAuditor = hasRole('PRIVACY_MANAGER', 'AUDITOR');
export const isAuditor = hasRole('AUDITOR');
/** Everyone who may be given work to do; the internal auditor never changes what it audits. */
export const isManagerStaffOrSupervisor = hasRole('PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR');
/** Case records and the audit trail: need-to-know and the services narrow what staff get; the auditor gets no personal field. */
export const isManagerStaffOrAuditor = hasRole('PRIVACY_MANAGER', 'STAFF', 'AUDITOR');
export const isAnyRole = hasRole(...ROLES);

/**
 * A data subject's personal fields: need-to-know for this very subject
 * (decided once per request per subject). A refusal writes one ACCESS_DENIED entry.
 */
export const canReadSubjectData = rule({ cache: 'no_cache' })((parent: SubjectParent, _args, ctx: Context) => {
  if (!ctx.user) return refuseAnonymous(ctx);
  // Answered without a promise once need-to-know is loaded for this request (900 fields in a 100-subject list ask it).
  const decided = ctx.access.subjectNow(parent);
  return decided instanceof Promise ? decided.then((justification) => allowOrRefuse(justification, parent, ctx)) : allowOrRefuse(decided, parent, ctx);
});

type SubjectParent = { id: number; restricted: boolean };

function allowOrRefuse(justification: Justification | null, parent: SubjectParent, ctx: Context) {
  if (justification) return true;
  ctx.audit.recordDenied('DataSubject', parent.id, parent.id);
  return forbidden('You may not read this data subject (need-to-know)');
}

/** A case's personal fields: the manager, or staff the case is assigned to or who recorded it. */
export const canReadCaseData = rule({ cache: 'no_cache' })(
  (parent: { id: number; subjectId: number | null; assigneeId: number | null; recordedById: number | null }, _args, ctx: Context) => {
    if (!ctx.user) return refuseAnonymous(ctx);
    if (ctx.access.caseVisible(parent)) return true;
    ctx.audit.recordDenied('Case', parent.id, parent.subjectId);
    return forbidden('You may not read this case');
  },
);
