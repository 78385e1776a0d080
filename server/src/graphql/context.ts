import type { Role } from '@mamori/shared';
import type { Clock } from '../clock';
import type { RequestAudit } from '../modules/audit/request-audit';
import type { NeedToKnow } from '../permissions/need-to-know';
import type { Services } from '../services';

export interface AuthUser {
  id: number;
  role: Role;
  email: string;
  displayName: string;
  /** Signed in, but must set up two-factor sign-in before doing anything else. */
  twoFactorPending?: boolean;
}

/** What every resolver and rule sees about the request. */
export interface Context {
  requestId: string;
  clientIp: string;
  /** The signed-in user; null for anonymous requests or refused tokens. */
  user: AuthUser | null;
  /** Why a presented token was refused, for the UNAUTHENTICATED message. */
  authError: string | null;
  services: Services;
  audit: RequestAudit;
  access: NeedToKnow;
  clock: Clock;
}
