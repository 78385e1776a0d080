import { gql } from '@apollo/client';
import type { AuthProvider } from 'react-admin';
import type { Role } from '@mamori/shared';
import { canAccess } from './access';
import { isUnauthenticated } from './errors';
import { request } from './graphqlClient';
import { session, type SessionUser } from './session';

const LOGIN = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user { id email displayName role }
    }
  }
`;

const ME = gql`
  query Me {
    me { id email displayName role active }
  }
`;

/** Asks `me` once per token and page load: a token the server no longer accepts ends the session. */
let confirmed: { token: string; answer: Promise<SessionUser> } | null = null;
function confirmSession(token: string): Promise<SessionUser> {
  if (confirmed?.token !== token) {
    const answer = request<{ me: (SessionUser & { active: boolean }) | null }>(ME).then(({ me }) => {
      if (!me || !me.active) throw new Error('no session');
      return { id: me.id, email: me.email, displayName: me.displayName, role: me.role };
    });
    confirmed = { token, answer };
    answer.catch(() => {
      if (confirmed?.answer === answer) confirmed = null;
    });
  }
  return confirmed.answer;
}

/** Sign-in on `login`, the token kept in sessionStorage (this tab, this session), `me` to confirm it. */
export const authProvider: AuthProvider = {
  async login({ email, username, password }: { email?: string; username?: string; password: string }) {
    session.end();
    const { login } = await request<{ login: { token: string; user: SessionUser } }>(LOGIN, { email: email ?? username, password });
    session.start(login.token, login.user);
    confirmed = { token: login.token, answer: Promise.resolve(login.user) };
  },
  async logout() {
    session.end();
    confirmed = null;
  },
  async checkAuth() {
    const token = session.token();
    if (!token) throw new Error('mamori.auth.sign_in');
    try {
      const user = await confirmSession(token);
      session.start(token, user);
    } catch {
      session.end();
      throw new Error('mamori.auth.session_expired');
    }
  },
  async checkError(error: unknown) {
    // Only a token the server no longer accepts signs out; FORBIDDEN stays on the page with its message.
    if (isUnauthenticated(error)) {
      session.end();
      confirmed = null;
      throw { message: 'mamori.auth.session_expired', redirectTo: '/login' };
    }
  },
  async getIdentity() {
    const user = session.user();
    if (!user) throw new Error('mamori.auth.sign_in');
    return { id: user.id, fullName: user.displayName, email: user.email, role: user.role };
  },
  async getPermissions(): Promise<Role | undefined> {
    return session.user()?.role;
  },
  async canAccess({ resource, action }: { resource?: string; action: string }) {
    return canAccess(session.user()?.role, resource ?? '', action);
  },
};
