import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { tooManyRequests, unauthenticated, type AppError } from '../../errors';
import { httpMetrics } from '../../metrics';
import type { AuthUser } from '../common/caller';
import type { RequestAudit } from '../audit/request-audit';
import type { Callers } from './callers';
import type { Passwords } from '../user/passwords';
import { User } from '../user/user.entity';
import type { Tokens } from './tokens';
import type { TwoFactor } from './two-factor';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/**
 * Sign-in: argon2id passwords, lock-out after 5 failures for 15 minutes, and a
 * per-address limit on failed attempts, so that guessing across many accounts
 * from one address is slowed too.
 */
export class AuthService {
  private readonly failuresByAddress: RateLimiterMemory;
  private readonly anonymousByAddress: RateLimiterMemory;

  constructor(
    private readonly db: Database,
    private readonly passwords: Passwords,
    private readonly tokens: Tokens,
    private readonly clock: Clock,
    failedLoginsPerAddressPerMinute: number,
    private readonly twoFactor: TwoFactor,
    /** The privacy manager reads everything: two-factor sign-in is required (in production). */
    private readonly requireManagerTwoFactor: boolean,
    anonymousRefusalsPerAddressPerMinute: number,
    private readonly callers: Callers,
    /** Off where single sign-on is the only way in (PASSWORD_SIGNIN=false). */
    private readonly passwordSignIn = true,
  ) {
    this.failuresByAddress = new RateLimiterMemory({ points: failedLoginsPerAddressPerMinute, duration: 60 });
    this.anonymousByAddress = new RateLimiterMemory({ points: anonymousRefusalsPerAddressPerMinute, duration: 60 });
  }

  async login(email: string, password: string, totpCode: string | null | undefined, clientIp: string, audit: RequestAudit): Promise<{ token: string; user: User }> {
    if (!this.passwordSignIn) {
      audit.record('LOGIN_FAILED', { entityType: 'User', reason: 'password sign-in is turned off', outcome: 'DENIED' });
      throw unauthenticated('Password sign-in is turned off; sign in with the company account', { passwordSignIn: false });
    }
    const limit = await this.failuresByAddress.get(clientIp);
    if (limit && limit.remainingPoints <= 0) {
      throw tooManyRequests('Too many failed sign-ins from this address; try again later', Math.ceil(limit.msBeforeNext / 1000));
    }
    const user = await this.db.manager.findOneBy(User, { email: email.trim().toLowerCase() });
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now.toISOString()) {
      audit.record('LOGIN_FAILED', { entityType: 'User', entityId: user.id, reason: 'locked', outcome: 'DENIED' });
      throw unauthenticated('This account is locked after repeated failed sign-ins', { lockedUntil: user.lockedUntil });
    }
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || !user.active) {
      await this.failuresByAddress.penalty(clientIp, 1).catch(() => undefined);
      if (user) await this.recordFailure(user, now);
      audit.record('LOGIN_FAILED', { entityType: 'User', entityId: user?.id ?? null, outcome: 'DENIED' });
      throw unauthenticated('Wrong e-mail or password');
    }
    if (user.totpEnabled) {
      if (!totpCode) {
        audit.record('LOGIN_FAILED', { entityType: 'User', entityId: user.id, reason: 'two-factor code missing', outcome: 'DENIED' });
        throw unauthenticated('Enter the two-factor code from your authenticator app', { twoFactorRequired: true });
      }
      if (!(await this.twoFactor.check(user, totpCode))) {
        await this.failuresByAddress.penalty(clientIp, 1).catch(() => undefined);
        await this.recordFailure(user, now);
        audit.record('LOGIN_FAILED', { entityType: 'User', entityId: user.id, reason: 'two-factor code wrong', outcome: 'DENIED' });
        throw unauthenticated('The two-factor code is wrong', { twoFactorRequired: true });
      }
    }
    if (user.failedLogins > 0 || user.lockedUntil) {
      await this.db.manager.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null });
      user.failedLogins = 0;
      user.lockedUntil = null;
    }
    audit.setActor(user.id, user.role);
    audit.record('LOGIN', { entityType: 'User', entityId: user.id });
    const enrol = this.requireManagerTwoFactor && user.role === 'PRIVACY_MANAGER' && !user.totpEnabled;
    return { token: this.tokens.sign({ sub: String(user.id), role: user.role, tv: user.tokenVersion, ...(enrol ? { enrol } : {}) }), user };
  }

  /**
   * A request without a valid token is refused before any data is touched;
   * it is only counted, and an address that keeps trying is slowed down.
   */
  async refuseAnonymous(clientIp: string, reason: string | null): Promise<AppError> {
    httpMetrics.anonymousRefusals.inc();
    try {
      await this.anonymousByAddress.consume(clientIp);
    } catch {
      return tooManyRequests('Too many unauthenticated requests from this address; try again later', 60);
    }
    return unauthenticated(reason ?? 'Sign in first');
  }

  wrongCredentials() {
    return unauthenticated('Wrong e-mail or password');
  }

  /** The signed-in user for a bearer token, or the reason it is refused. */
  async authenticate(token: string): Promise<{ user: AuthUser } | { error: string }> {
    const claims = this.tokens.verify(token);
    if (!claims) return { error: 'The session token is invalid or has expired; sign in again' };
    const user = await this.callers.lookup(Number(claims.sub));
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      return { error: 'The session has ended; sign in again' };
    }
    return {
      user: { id: user.id, role: user.role, email: user.email, displayName: user.displayName, twoFactorPending: claims.enrol === true },
    };
  }

  private async recordFailure(user: User, now: Date): Promise<void> {
    // An expired lock starts a fresh count.
    const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await this.db.manager.update(User, { id: user.id }, { failedLogins: lockedUntil ? 0 : failures, lockedUntil });
  }
}
