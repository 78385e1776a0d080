import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { Role } from '@mamori/shared';
import type { Clock } from '../../clock';
import type { OidcConfig } from '../../config';
import type { Database } from '../../db/data-source';
import { logger } from '../../logger';
import type { RequestAudit } from '../audit/request-audit';
import type { UserService } from '../user/user.service';
import { User } from '../user/user.entity';
import type { Tokens } from './tokens';

/** What the browser carries (sealed) from the start of a sign-in to its callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Why a sign-in was refused, as the sign-in page names it. */
export type Refusal = 'provider' | 'email-not-verified' | 'no-account' | 'no-role' | 'role-not-granted' | 'mfa-required' | 'deactivated' | 'expired';

export class SignInRefused extends Error {
  constructor(
    readonly refusal: Refusal,
    /** For the audit entry; never personal data. */
    readonly reason: string,
    readonly userId: number | null = null,
  ) {
    super(reason);
  }
}

const PENDING_MINUTES = 10;
/** Least privileged first: the supervisor sees no personal data at all, the auditor none either but the whole trail, staff see their cases. */
const PRIVILEGE_ORDER: readonly Role[] = ['SUPERVISOR', 'AUDITOR', 'STAFF', 'PRIVACY_MANAGER'];
/** RFC 8176 methods that are a second factor by themselves or say that several were used. */
const MFA_METHODS = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm']);
const MAX_DISPLAY_NAME = 100;

/** The error's code, with the library's own reason for a generic one ("… signature verification failed"); no claim values. */
function codeOf(error: unknown): string {
  if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError) return error.error;
  if (error instanceof client.ClientError && error.code) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.code}${cause}`.slice(0, 120);
  }
  return (error as Error)?.name ?? 'unknown';
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Single sign-on with the company's OpenID provider: the authorization code
 * flow with PKCE, state and nonce, through openid-client (an OpenID-certified
 * relying party). The provider's metadata and keys are fetched at each
 * sign-in, so a key rotation or a changed issuer takes effect at once, and the
 * ID token's signature is checked as well as its issuer, audience and nonce.
 *
 * An account must exist, matched by verified e-mail (unless just-in-time
 * creation is on: then with the least-privileged role the groups map to); the
 * account's role must be one its groups map to; the privacy manager (and any
 * account with two-factor sign-in on) must have signed in with several factors
 * at the provider; a deactivated account is refused whatever the provider says.
 */
export class SingleSignOn {
  constructor(
    private readonly db: Database,
    private readonly oidc: OidcConfig,
    private readonly redirectUri: string,
    private readonly tokens: Tokens,
    private readonly users: UserService,
    private readonly clock: Clock,
    private readonly requireManagerTwoFactor: boolean,
  ) {}

  /** The provider's sign-in address, and what the callback must be checked against. */
  async begin(): Promise<{ url: string; pending: PendingSignIn }> {
    let config: client.Configuration;
    try {
      config = await this.discover();
    } catch (error) {
      const code = codeOf(error);
      logger.warn('single sign-on could not start: the metadata of the identity provider was refused', { code });
      throw new SignInRefused('provider', `the identity provider's metadata was refused (${code})`);
    }
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      expiresAt: this.clock.now().getTime() + PENDING_MINUTES * 60_000,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: this.oidc.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /**
   * Redeems the provider's answer (`callback`: the full callback URL) and signs the
   * user in; the LOGIN or LOGIN_FAILED entry goes to `audit`, which the caller commits.
   */
  async complete(callback: URL, pending: PendingSignIn | null, audit: RequestAudit): Promise<{ token: string; user: User }> {
    try {
      return await this.signIn(callback, pending, audit);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      audit.record('LOGIN_FAILED', { entityType: 'User', entityId: error.userId, reason: `single sign-on: ${error.reason}`, outcome: 'DENIED' });
      throw error;
    }
  }

  private async signIn(callback: URL, pending: PendingSignIn | null, audit: RequestAudit): Promise<{ token: string; user: User }> {
    if (!pending || pending.expiresAt < this.clock.now().getTime()) throw new SignInRefused('expired', 'the sign-in was not started here or took too long');
    let claims: client.IDToken;
    try {
      const config = await this.discover();
      const answer = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = answer.claims()!;
    } catch (error) {
      const code = codeOf(error);
      logger.warn('single sign-on refused by the answer of the identity provider', { code });
      throw new SignInRefused('provider', `the identity provider's answer was refused (${code})`);
    }

    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // Entra ID says "verified" with xms_edov (the e-mail's domain is the tenant's) instead of email_verified.
    if (!email || (claims.email_verified !== true && claims.xms_edov !== true)) {
      throw new SignInRefused('email-not-verified', 'the identity provider sent no verified e-mail address');
    }
    const existing = await this.db.manager.findOneBy(User, { email });
    const refuse = (refusal: Refusal, reason: string) => new SignInRefused(refusal, reason, existing?.id ?? null);
    if (existing && !existing.active) throw refuse('deactivated', 'the account is deactivated');

    const groups = stringsOf(claims[this.oidc.roleClaim]);
    const granted = PRIVILEGE_ORDER.filter((role) => groups.some((group) => this.oidc.roleMap[group] === role));
    if (granted.length === 0) throw refuse('no-role', `no group in the ${this.oidc.roleClaim} claim maps to a role`);
    if (!existing && !this.oidc.jitCreate) throw refuse('no-account', 'no account has this e-mail address');
    const role = existing?.role ?? granted[0]!;
    if (!granted.includes(role)) throw refuse('role-not-granted', `the groups do not grant the account's role ${role}`);

    const needsMfa = (this.requireManagerTwoFactor && role === 'PRIVACY_MANAGER') || existing?.totpEnabled === true;
    if (needsMfa && !this.isMultiFactor(claims)) {
      throw refuse('mfa-required', 'the role requires two-factor sign-in and the identity provider reports none (amr/acr)');
    }

    const user = existing ?? (await this.create(email, role, claims, audit));
    audit.setActor(user.id, user.role);
    audit.record('LOGIN', { entityType: 'User', entityId: user.id, reason: 'single sign-on' });
    return { token: this.tokens.sign({ sub: String(user.id), role: user.role, tv: user.tokenVersion }), user };
  }

  private isMultiFactor(claims: client.IDToken): boolean {
    if (stringsOf(claims.amr).some((method) => MFA_METHODS.has(method))) return true;
    return typeof claims.acr === 'string' && this.oidc.mfaAcrValues.includes(claims.acr);
  }

  /** Just-in-time creation; the password is a random one nobody knows, so only single sign-on opens the account. */
  private async create(email: string, role: Role, claims: client.IDToken, audit: RequestAudit): Promise<User> {
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    // audited below as this sign-in's CREATE entry, written with the request's LOGIN
    const user = await this.users.create({ email, displayName: name.slice(0, MAX_DISPLAY_NAME), role, password: randomBytes(32).toString('base64url') }, null);
    audit.setActor(user.id, user.role);
    audit.record('CREATE', { entityType: 'User', entityId: user.id, reason: `single sign-on: created at first sign-in as ${role}` });
    return user;
  }

  private discover(): Promise<client.Configuration> {
    const issuer = new URL(this.oidc.issuer);
    // Plain http only for a provider on this machine (tests, development); production requires https (config.ts).
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    return client.discovery(issuer, this.oidc.clientId, { client_secret: this.oidc.clientSecret }, client.ClientSecretBasic(this.oidc.clientSecret), {
      execute: [client.enableNonRepudiationChecks, ...(loopback ? [client.allowInsecureRequests] : [])],
      timeout: 10,
    });
  }
}
