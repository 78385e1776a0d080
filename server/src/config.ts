import 'dotenv/config';
import { availableParallelism } from 'node:os';
import { ROLES, type Role } from '@mamori/shared';

/** Single sign-on through the company's OpenID provider (absent when OIDC_ISSUER is not set). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token claim that lists the user's groups (a string or an array of strings). */
  roleClaim: string;
  /** Group (as the claim names it) → Mamori role. */
  roleMap: Record<string, Role>;
  /** Creates a missing account at its first sign-in, with the least-privileged mapped role. */
  jitCreate: boolean;
  /** `acr` values that count as multi-factor sign-in (besides `mfa` in `amr`). */
  mfaAcrValues: string[];
  /** The scopes asked for (some providers send the group claim only for a scope of its own). */
  scopes: string;
}

/** Settings from the environment (and `.env`), as the README's table lists them. */
export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  migrationDatabaseUrl: string;
  jwtSecret: string;
  auditHmacKey: string;
  demoPassword: string;
  /** Moves the clock by this many milliseconds; for demos and manual tests only. */
  clockOffsetMs: number;
  tokenTtlHours: number;
  logLevel: string;
  /** Privacy managers must use two-factor sign-in (default: in production). */
  requireManagerTwoFactor: boolean;
  /** Requests refused for want of a valid token, allowed per client address per minute before TOO_MANY_REQUESTS. */
  anonymousRefusalsPerAddressPerMinute: number;
  /** Failed sign-ins allowed per client address per minute (across all accounts). */
  failedLoginsPerAddressPerMinute: number;
  /** Where encrypted case documents are kept. */
  documentDir: string;
  /** The address users open Mamori at (scheme, host, port), for the sign-in redirect URI. */
  publicUrl: string | null;
  oidc: OidcConfig | null;
  /** Sign-in with e-mail and password (off only where single sign-on is set up). */
  passwordSignIn: boolean;
  /** Local state outside the database (the development signing key). */
  dataDir: string;
  /** The audit checkpoints' signing key in note signer-key format (`npm run audit-key`). */
  auditSigningKey: string | null;
  /** Earlier verifier keys, still listed for checkpoints signed before a key rotation. */
  auditPreviousVerifierKeys: string[];
  /** The append-only directory witness; empty turns it off. */
  auditWitnessDir: string;
  /** HTTP witnesses (another Mamori's /witness) that each checkpoint is handed to. */
  auditWitnessUrls: string[];
  /** Verifier keys of the logs this server witnesses at /witness (empty: it witnesses none). */
  auditWitnessLogs: string[];
  /** Worker threads that recompute the log in a full verification (0: the main thread does). */
  auditVerifyThreads: number;
  /** E-mail reminders (absent when SMTP_URL is not set). */
  mail: MailConfig | null;
}

export interface MailConfig {
  /** The SMTP relay, as Nodemailer reads it: smtp://host:25, smtps://user:password@host:465 */
  smtpUrl: string;
  from: string;
  /** The hour (Japan time) from which the daily digest goes out. */
  digestHour: number;
  /** How often incident alerts are checked and the outbox is sent. */
  checkEveryMs: number;
}

export const DEV_JWT_SECRET = 'mamori-development-jwt-secret-not-for-production';
export const DEV_AUDIT_HMAC_KEY = 'mamori-development-audit-hmac-key-not-for-production';
const MIN_SECRET_LENGTH = 32;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/mamori.sqlite';
  const dataDir = env.DATA_DIR || './data';
  const list = (value: string | undefined) => (value ?? '').split(/[\s,]+/).filter(Boolean);
  const config: Config = {
    production,
    port: Number(env.PORT ?? 4000),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL || databaseUrl,
    jwtSecret: env.JWT_SECRET || DEV_JWT_SECRET,
    auditHmacKey: env.AUDIT_HMAC_KEY || DEV_AUDIT_HMAC_KEY,
    demoPassword: env.DEMO_PASSWORD || 'mamori-demo-2026',
    clockOffsetMs: Number(env.CLOCK_OFFSET_MS ?? 0),
    tokenTtlHours: Number(env.TOKEN_TTL_HOURS ?? 8),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    documentDir: env.DOCUMENT_DIR || './data/documents',
    dataDir,
    auditSigningKey: env.AUDIT_SIGNING_KEY || null,
    auditPreviousVerifierKeys: list(env.AUDIT_PREVIOUS_VERIFIER_KEYS),
    auditWitnessDir: env.AUDIT_WITNESS_DIR ?? `${dataDir}/witness`,
    auditWitnessUrls: list(env.AUDIT_WITNESS_URLS),
    auditWitnessLogs: list(env.AUDIT_WITNESS_LOGS),
    auditVerifyThreads: verifyThreads(env.AUDIT_VERIFY_THREADS),
    requireManagerTwoFactor: env.REQUIRE_MANAGER_TWO_FACTOR ? env.REQUIRE_MANAGER_TWO_FACTOR === 'true' : production,
    anonymousRefusalsPerAddressPerMinute: Number(env.ANONYMOUS_REFUSALS_PER_ADDRESS_PER_MINUTE ?? 120),
    failedLoginsPerAddressPerMinute: Number(env.LOGIN_FAILURES_PER_ADDRESS_PER_MINUTE ?? 20),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    oidc: oidcConfig(env),
    passwordSignIn: env.PASSWORD_SIGNIN !== 'false',
    mail: mailConfig(env),
  };
  assertSafe(config);
  return config;
}

/** One thread per core by default (verification is bound by hashing and reading rows), at most 8. */
function verifyThreads(value: string | undefined): number {
  if (value === undefined || value === '') return Math.min(4, availableParallelism());
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 0 || threads > 8) throw new ConfigError('AUDIT_VERIFY_THREADS must be a whole number from 0 to 8');
  return threads;
}

function mailConfig(env: NodeJS.ProcessEnv): MailConfig | null {
  if (!env.SMTP_URL) return null;
  if (!/^smtps?:\/\//.test(env.SMTP_URL)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const digestHour = Number(env.REMINDER_DIGEST_HOUR ?? 8);
  if (!Number.isInteger(digestHour) || digestHour < 0 || digestHour > 23) throw new ConfigError('REMINDER_DIGEST_HOUR must be a whole hour from 0 to 23');
  const checkEveryMs = Number(env.REMINDER_CHECK_EVERY_MS ?? 60_000);
  if (!Number.isFinite(checkEveryMs) || checkEveryMs < 100) throw new ConfigError('REMINDER_CHECK_EVERY_MS must be at least 100');
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM || 'Mamori <mamori@localhost>', digestHour, checkEveryMs };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  if (!env.OIDC_ISSUER) return null;
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP', 'PUBLIC_URL'] as const) {
    if (!env[name]) throw new ConfigError(`${name} must be set when OIDC_ISSUER is set`);
  }
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    roleClaim: env.OIDC_ROLE_CLAIM || 'groups',
    roleMap: roleMapOf(env.OIDC_ROLE_MAP!),
    jitCreate: env.OIDC_JIT_CREATE === 'true',
    mfaAcrValues: (env.OIDC_MFA_ACR ?? '').split(/[\s,]+/).filter(Boolean),
    scopes: env.OIDC_SCOPES || 'openid email profile',
  };
}

/** OIDC_ROLE_MAP is a JSON object: {"company group": "ROLE", ...}. */
function roleMapOf(text: string): Record<string, Role> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('OIDC_ROLE_MAP must be a JSON object of group → role');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    throw new ConfigError('OIDC_ROLE_MAP must be a JSON object of group → role, with at least one group');
  }
  for (const role of Object.values(parsed)) {
    if (!(ROLES as readonly unknown[]).includes(role)) throw new ConfigError(`OIDC_ROLE_MAP names roles of ${ROLES.join(', ')} only`);
  }
  return parsed as Record<string, Role>;
}

function isUrl(text: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Production refuses development secrets, short secrets and a moved clock. */
export function assertSafe(config: Config): void {
  if (!Number.isInteger(config.port) || config.port < 0 || config.port > 65535) {
    throw new ConfigError('PORT must be an integer between 0 and 65535');
  }
  if (!Number.isFinite(config.clockOffsetMs)) throw new ConfigError('CLOCK_OFFSET_MS must be a number');
  if (!(config.tokenTtlHours > 0 && config.tokenTtlHours <= 24)) {
    throw new ConfigError('TOKEN_TTL_HOURS must be between 0 and 24');
  }
  if (config.oidc && !isUrl(config.oidc.issuer, ['https:', 'http:'])) throw new ConfigError('OIDC_ISSUER must be a URL');
  if (config.publicUrl !== null && !isUrl(config.publicUrl, ['https:', 'http:'])) throw new ConfigError('PUBLIC_URL must be a URL');
  if (!config.passwordSignIn && !config.oidc) throw new ConfigError('PASSWORD_SIGNIN=false needs single sign-on (OIDC_ISSUER): nobody could sign in');
  if (!config.production) return;
  if (config.oidc && !isUrl(config.oidc.issuer, ['https:'])) throw new ConfigError('OIDC_ISSUER must be an https URL in production');
  if (config.oidc && !isUrl(config.publicUrl ?? '', ['https:'])) throw new ConfigError('PUBLIC_URL must be an https URL in production');
  for (const [name, value, dev] of [
    ['JWT_SECRET', config.jwtSecret, DEV_JWT_SECRET],
    ['AUDIT_HMAC_KEY', config.auditHmacKey, DEV_AUDIT_HMAC_KEY],
  ] as const) {
    if (value === dev) throw new ConfigError(`${name} must be set in production`);
    if (value.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters in production`);
    }
  }
  if (config.clockOffsetMs !== 0) throw new ConfigError('CLOCK_OFFSET_MS is refused in production');
}
