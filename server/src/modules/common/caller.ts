import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { RequestAudit } from '../audit/request-audit';
import type { AuthUser } from './auth-user';
import { NeedToKnow } from './need-to-know';

export type { AuthUser } from './auth-user';

/**
 * Who a domain service acts for, and the request scope it acts in: the one
 * thing services take from the transport. Built for each GraphQL request, and
 * for jobs and the command line by `systemCaller`.
 */
export interface Caller {
  requestId: string;
  clientIp: string;
  /** The signed-in user; null for anonymous requests or refused tokens. */
  user: AuthUser | null;
  /** The audit entries of this request, written before its response leaves. */
  audit: RequestAudit;
  /** The need-to-know guard, decided once per request for `user`. */
  access: NeedToKnow;
  clock: Clock;
}

export interface CallerOrigin {
  requestId: string;
  clientIp: string;
}

/** The caller of one request by `user` (or an anonymous one). */
export function createCaller(user: AuthUser | null, origin: CallerOrigin, db: Database, clock: Clock): Caller {
  const { requestId, clientIp } = origin;
  const audit = new RequestAudit({ actorId: user?.id ?? null, actorRole: user?.role ?? null, requestId, clientIp }, clock);
  return { requestId, clientIp, user, audit, access: new NeedToKnow(user, db), clock };
}

/** A caller for work the system does on a user's behalf outside any request (seeding, jobs, the command line). */
export function systemCaller(user: AuthUser, job: string, db: Database, clock: Clock): Caller {
  const { id, role, email, displayName } = user;
  return createCaller({ id, role, email, displayName }, { requestId: job, clientIp: 'local' }, db, clock);
}
