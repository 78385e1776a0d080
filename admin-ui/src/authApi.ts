import { gql } from '@apollo/client';
import { request } from './graphqlClient';
import type { SessionUser } from './session';

const LOGIN = gql`
  mutation Login($email: String!, $password: String!, $totpCode: String) {
    login(email: $email, password: $password, totpCode: $totpCode) {
      token
      twoFactorEnrollmentRequired
      user { id email displayName role totpEnabled }
    }
  }
`;

const ME = gql`
  query Me {
    me { id email displayName role active totpEnabled }
  }
`;

export type Me = SessionUser & { active: boolean };

export type SignedIn = { token: string; twoFactorEnrollmentRequired: boolean; user: SessionUser };

export const login = async (variables: { email?: string; password?: string; totpCode: string | null }): Promise<SignedIn> =>
  (await request<{ login: SignedIn }>(LOGIN, variables)).login;

export const me = async (): Promise<Me | null> => (await request<{ me: Me | null }>(ME)).me;
