import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Role } from '@mamori/shared';
import type { Clock } from '../../clock';

export interface TokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when signed; a bump revokes every older token. */
  tv: number;
  /** Signed in without the two-factor sign-in the role requires: only enrolment is allowed. */
  enrol?: boolean;
}

const ISSUER = 'mamori';
const MAX_REMEMBERED = 10_000;

/** HS256 session tokens, valid for hours; verification pins the algorithm, so `none` and others fail. */
export class Tokens {
  /**
   * The secret as a key object, made once: given a string, jsonwebtoken first
   * tries to parse it as a PEM public key and fails, which cost about a
   * millisecond of CPU on every request.
   */
  private readonly key: KeyObject;
  /**
   * Tokens whose signature, algorithm and issuer were checked, with their
   * expiry: a signature check gives the same answer for the same string, so
   * only the expiry is looked at again. Refused tokens are not kept.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; exp: number }>();

  constructor(
    secret: string,
    private readonly ttlHours: number,
    private readonly clock: Clock,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: TokenClaims): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ ...claims, iat }, this.key, { algorithm: 'HS256', expiresIn: this.ttlHours * 3600, issuer: ISSUER });
  }

  /** The claims, or null for a token that is malformed, forged, of another algorithm or expired. */
  verify(token: string): TokenClaims | null {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    // jsonwebtoken's own rule: expired once the clock reaches `exp`.
    if (known) return now < known.exp ? known.claims : null;
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: ISSUER, clockTimestamp: now });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.tv !== 'number' || typeof payload.exp !== 'number') return null;
      const claims = { sub: payload.sub, role: payload.role as Role, tv: payload.tv, enrol: payload.enrol === true };
      if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
      this.verified.set(token, { claims, exp: payload.exp });
      return claims;
    } catch {
      return null;
    }
  }
}
