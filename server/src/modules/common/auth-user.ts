import type { Role } from '@mamori/shared';

/** The signed-in user a request acts for, as its token names them. */
export interface AuthUser {
  id: number;
  role: Role;
  email: string;
  displayName: string;
  /** Signed in, but must set up two-factor sign-in before doing anything else. */
  twoFactorPending?: boolean;
}
