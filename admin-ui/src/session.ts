import type { Role } from '@mamori/shared';

/** The signed-in user as `login` returns it; kept for the browser tab's session only. */
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** Two-factor sign-in is on for this account. */
  totpEnabled?: boolean;
  /** The account must set up two-factor sign-in before anything else (the privacy manager in production). */
  twoFactorEnrollmentRequired?: boolean;
}

const TOKEN_KEY = 'mamori.token';
const USER_KEY = 'mamori.user';

export const session = {
  token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  user(): SessionUser | null {
    const raw = sessionStorage.getItem(USER_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionUser;
    } catch {
      return null;
    }
  },
  start(token: string, user: SessionUser): void {
    sessionStorage.setItem(TOKEN_KEY, token);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  end(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
  },
};
