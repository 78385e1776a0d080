import type { AuthProvider } from 'react-admin';
import type { Role } from '@mamori/shared';
import { canAccess } from './access';
import { isUnauthenticated } from './errors';
import type { Me, SignedIn } from './authApi';
import { session } from './session';

// The GraphQL client is loaded with the first sign-in or session check, not with the sign-in page.
const authApi = () => import('./authApi');

/** Asks `me` once per token and page load: a token the server no longer accepts ends the session. */
let confirmed: { token: string; answer: Promise<Me> } | null = null;
function confirmSession(token: string): Promise<Me> {
  if (confirmed?.token !== token) {
    const answer = authApi().then((api) => api.me()).then((me) => {
      if (!me || !me.active) throw new Error('no session');
      return me;
    });
    confirmed = { token, answer };
    answer.catch(() => {
      if (confirmed?.answer === answer) confirmed = null;
    });
  }
  return confirmed.answer;
}

export const TWO_FACTOR_PAGE = '/two-factor';

/** After the company sign-in, the server holds the session for this browser in an HttpOnly cookie, handed over once. */
async function takeSingleSignOn(): Promise<SignedIn> {
  const res = await fetch('/auth/oidc/session', { method: 'POST', credentials: 'same-origin' });
  if (!res.ok) throw new Error('mamori.auth.sso_refused.expired');
  return (await res.json()) as SignedIn;
}

/**
 * Ends the session and starts the app again on the sign-in page: a full
 * reload also drops every record the tab still held in memory (react-admin
 * would otherwise bounce through its logout while the protected page is
 * still mounted).
 */
function restartSignedOut(): void {
  session.end();
  confirmed = null;
  window.location.replace(`${window.location.pathname}${window.location.search}#/login`);
}

/**
 * Sign-in on `login` (with the authenticator's code when two-factor sign-in
 * is on), the token kept in sessionStorage (this tab, this session), `me` to
 * confirm it. An account that must enrol in two-factor sign-in first can
 * reach only the enrolment page.
 */
export const authProvider: AuthProvider = {
  async login({ email, username, password, totpCode, singleSignOn }: { email?: string; username?: string; password?: string; totpCode?: string; singleSignOn?: boolean }) {
    session.end();
    const login = singleSignOn ? await takeSingleSignOn() : await (await authApi()).login({ email: email ?? username, password, totpCode: totpCode || null });
    const user = { ...login.user, twoFactorEnrollmentRequired: login.twoFactorEnrollmentRequired };
    session.start(login.token, user);
    confirmed = { token: login.token, answer: Promise.resolve({ ...user, active: true }) };
    return login.twoFactorEnrollmentRequired ? { redirectTo: TWO_FACTOR_PAGE } : undefined;
  },
  async logout() {
    session.end();
    confirmed = null;
  },
  async checkAuth() {
    const token = session.token();
    if (!token) throw new Error('mamori.auth.sign_in');
    try {
      const me = await confirmSession(token);
      const previous = session.user();
      session.start(token, { id: me.id, email: me.email, displayName: me.displayName, role: me.role, totpEnabled: me.totpEnabled, twoFactorEnrollmentRequired: previous?.twoFactorEnrollmentRequired && !me.totpEnabled });
    } catch {
      restartSignedOut();
      throw new Error('mamori.auth.session_expired');
    }
  },
  async checkError(error: unknown) {
    // Only a token the server no longer accepts signs out; FORBIDDEN stays on the page with its message.
    if (isUnauthenticated(error)) {
      restartSignedOut();
      throw { message: 'mamori.auth.session_expired', redirectTo: '/login' };
    }
  },
  async getIdentity() {
    const user = session.user();
    if (!user) throw new Error('mamori.auth.sign_in');
    return { id: user.id, fullName: user.displayName, email: user.email, role: user.role, totpEnabled: user.totpEnabled };
  },
  async getPermissions(): Promise<Role | undefined> {
    return session.user()?.role;
  },
  async canAccess({ resource, action }: { resource?: string; action: string }) {
    const user = session.user();
    if (user?.twoFactorEnrollmentRequired) return resource === 'two-factor';
    if (resource === 'two-factor') return Boolean(user);
    return canAccess(user?.role, resource ?? '', action);
  },
};
