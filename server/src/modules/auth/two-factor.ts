import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { conflict, unauthenticated } from '../../errors';
import type { Caller } from '../common/caller';
import { User } from '../user/user.entity';
import { Sealer } from './sealer';
import type { Callers } from './callers';

const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

/**
 * TOTP two-factor sign-in (RFC 6238, 30 s, 6 digits, ±1 step), with ten
 * single-use recovery codes. Secrets are stored encrypted; a code is never
 * accepted twice (the last used time step is kept).
 */
export class TwoFactor {
  private readonly secrets: Sealer;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    secret: string,
    private readonly callers: Callers,
  ) {
    this.secrets = new Sealer(secret, 'totp-secret');
  }

  /** Starts enrolment: a new secret, as an otpauth:// URL and its QR code. Not in force until confirmed. */
  async enrol(userId: number): Promise<{ secret: string; otpauthUrl: string; qrCodeDataUrl: string }> {
    const user = await this.db.manager.findOneByOrFail(User, { id: userId });
    if (user.totpEnabled) throw conflict('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on');
    const secret = new OTPAuth.Secret({ size: 20 });
    await this.db.manager.update(User, { id: userId }, { totpSecret: this.secrets.seal(secret.base32) });
    const otpauthUrl = this.totp(user.email, secret.base32).toString();
    return { secret: secret.base32, otpauthUrl, qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes, shown once. */
  async confirm(userId: number, code: string, caller: Caller): Promise<string[]> {
    const user = await this.db.manager.findOneByOrFail(User, { id: userId });
    if (user.totpEnabled) throw conflict('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor sign-in is already on');
    if (!user.totpSecret) throw conflict('TWO_FACTOR_NOT_ENROLLED', 'Start enrolment first');
    const step = this.validStep(user, code);
    if (step === null) throw unauthenticated('The two-factor code is wrong');
    const codes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(5).toString('hex').toUpperCase().replace(/(.{5})/, '$1-'));
    await this.db.manager.update(User, { id: userId }, {
      totpEnabled: true,
      totpLastStep: step,
      recoveryCodes: JSON.stringify(codes.map(hashCode)),
      tokenVersion: user.tokenVersion + 1,
    });
    this.callers.changed(userId);
    caller.audit.record('UPDATE', { entityType: 'User', entityId: userId, fields: ['twoFactor'], reason: 'two-factor sign-in turned on' });
    return codes;
  }

  /** Checks a sign-in code (TOTP or an unused recovery code) and records its use. */
  async check(user: User, code: string | null | undefined): Promise<boolean> {
    if (!code) return false;
    const step = this.validStep(user, code);
    if (step !== null) {
      await this.db.manager.update(User, { id: user.id }, { totpLastStep: step });
      return true;
    }
    const hashes: string[] = JSON.parse(user.recoveryCodes ?? '[]');
    const given = Buffer.from(hashCode(code), 'hex');
    const index = hashes.findIndex((h) => timingSafeEqual(Buffer.from(h, 'hex'), given));
    if (index < 0) return false;
    hashes.splice(index, 1);
    await this.db.manager.update(User, { id: user.id }, { recoveryCodes: JSON.stringify(hashes) });
    return true;
  }

  /** The manager turns a user's two-factor sign-in off (lost device); the user enrols again. */
  async reset(userId: number, caller: Caller): Promise<void> {
    const user = await this.db.manager.findOneByOrFail(User, { id: userId });
    await this.db.manager.update(User, { id: userId }, {
      totpEnabled: false,
      totpSecret: null,
      totpLastStep: null,
      recoveryCodes: null,
      tokenVersion: user.tokenVersion + 1,
    });
    this.callers.changed(userId);
    caller.audit.record('UPDATE', { entityType: 'User', entityId: userId, fields: ['twoFactor'], reason: 'two-factor sign-in reset' });
  }

  private validStep(user: User, code: string): number | null {
    if (!user.totpSecret || !/^\d{6}$/.test(code.trim())) return null;
    const timestamp = this.clock.now().getTime();
    const delta = this.totp(user.email, this.secrets.open(user.totpSecret)).validate({ token: code.trim(), timestamp, window: 1 });
    if (delta === null) return null;
    const step = Math.floor(timestamp / 1000 / PERIOD_SECONDS) + delta;
    return user.totpLastStep !== null && step <= user.totpLastStep ? null : step;
  }

  private totp(label: string, base32: string): OTPAuth.TOTP {
    return new OTPAuth.TOTP({ issuer: 'Mamori', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(base32) });
  }
}
