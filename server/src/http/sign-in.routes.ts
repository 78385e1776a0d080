import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Clock } from '../clock';
import { logger } from '../logger';
import { originOf, requestIdOf } from './request-id';
import type { AuditWriter } from '../modules/audit/audit-writer';
import { RequestAudit } from '../modules/audit/request-audit';
import type { Sealer } from '../modules/auth/sealer';
import { SignInRefused, type PendingSignIn, type SingleSignOn } from '../modules/auth/single-sign-on';

/**
 * Sign-in over plain HTTP, for the browser's redirects:
 *   GET  /auth/options          which ways of signing in are on ({ password, singleSignOn })
 *   GET  /auth/oidc/start       → the identity provider (state, nonce and PKCE verifier kept in a sealed cookie)
 *   GET  /auth/oidc/callback    the provider's answer → the UI, with the session in a sealed cookie for 60 s
 *   POST /auth/oidc/session     the UI takes the session (once; the cookie is cleared)
 * The session token never appears in a URL, so it is in no history, log or Referer.
 */

const PENDING_COOKIE = 'mamori_oidc';
const SESSION_COOKIE = 'mamori_oidc_session';
const COOKIE_PATH = '/auth/oidc';
const SESSION_SECONDS = 60;

interface SignedIn {
  token: string;
  user: { id: string; email: string; displayName: string; role: string; totpEnabled: boolean };
  expiresAt: number;
}

export interface SignInRoutesOptions {
  sso: SingleSignOn | null;
  auditWriter: AuditWriter;
  clock: Clock;
  /** Seals the cookies (a key of its own, derived from the session secret). */
  sealer: Sealer;
  publicUrl: string | null;
  passwordSignIn: boolean;
}

function cookieOf(req: Request, name: string): string | null {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

function openCookie<T extends { expiresAt: number }>(sealer: Sealer, req: Request, name: string, now: number): T | null {
  const sealed = cookieOf(req, name);
  if (!sealed) return null;
  try {
    const value = JSON.parse(sealer.open(sealed)) as T;
    return value.expiresAt >= now ? value : null;
  } catch {
    return null;
  }
}

export function signInRouter({ sso, auditWriter, clock, sealer, publicUrl, passwordSignIn }: SignInRoutesOptions): Router {
  const router = Router();
  router.get('/options', (_req, res) => {
    res.set('cache-control', 'no-store').json({ password: passwordSignIn, singleSignOn: sso !== null });
  });
  if (!sso || !publicUrl) return router;

  const cookie = { httpOnly: true, secure: publicUrl.startsWith('https:'), path: COOKIE_PATH };
  const toUi = (res: Response, query: string) => res.redirect(303, `${publicUrl}/?${query}#/login`);

  const auditOf = (req: Request, res: Response) => new RequestAudit({ actorId: null, actorRole: null, ...originOf(req, res) }, clock);

  router.get('/oidc/start', async (req, res) => {
    res.set('cache-control', 'no-store');
    let started: Awaited<ReturnType<SingleSignOn['begin']>>;
    try {
      started = await sso.begin();
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      const audit = auditOf(req, res);
      audit.record('LOGIN_FAILED', { entityType: 'User', reason: `single sign-on: ${error.reason}`, outcome: 'DENIED' });
      if (await committed(audit, res)) toUi(res, `sso_error=${error.refusal}`);
      return;
    }
    // Lax: the cookie must come along when the provider sends the browser back (a cross-site navigation).
    res.cookie(PENDING_COOKIE, sealer.seal(JSON.stringify(started.pending)), { ...cookie, sameSite: 'lax', maxAge: started.pending.expiresAt - clock.now().getTime() });
    res.redirect(303, started.url);
  });

  router.get('/oidc/callback', async (req, res) => {
    const audit = auditOf(req, res);
    const pending = openCookie<PendingSignIn>(sealer, req, PENDING_COOKIE, clock.now().getTime());
    res.clearCookie(PENDING_COOKIE, cookie).set('cache-control', 'no-store');
    let outcome: SignedIn | SignInRefused;
    try {
      const { token, user } = await sso.complete(new URL(req.originalUrl, publicUrl), pending, audit);
      const expiresAt = clock.now().getTime() + SESSION_SECONDS * 1000;
      outcome = { token, expiresAt, user: { id: String(user.id), email: user.email, displayName: user.displayName, role: user.role, totpEnabled: user.totpEnabled } };
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      outcome = error;
    }
    if (!(await committed(audit, res))) return;
    if (outcome instanceof SignInRefused) {
      toUi(res, `sso_error=${outcome.refusal}`);
      return;
    }
    res.cookie(SESSION_COOKIE, sealer.seal(JSON.stringify(outcome)), { ...cookie, sameSite: 'strict', maxAge: SESSION_SECONDS * 1000 });
    toUi(res, 'sso=done');
  });

  /** Fail-closed: nobody is signed in (nor sent on) unless the LOGIN or the refusal is in the audit log. */
  async function committed(audit: RequestAudit, res: Response): Promise<boolean> {
    try {
      await auditWriter.write(audit.drain());
      return true;
    } catch {
      logger.error('audit write failed; single sign-on withheld', { requestId: requestIdOf(res) });
      res.status(503).type('text/plain').send('The audit log could not be written, so nobody was signed in; try again later');
      return false;
    }
  }

  router.post('/oidc/session', (req, res) => {
    const signedIn = openCookie<SignedIn>(sealer, req, SESSION_COOKIE, clock.now().getTime());
    res.clearCookie(SESSION_COOKIE, cookie).set('cache-control', 'no-store');
    if (!signedIn) {
      res.status(401).json({ errors: [{ message: 'No single sign-on is waiting; sign in again', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    res.json({ token: signedIn.token, twoFactorEnrollmentRequired: false, user: signedIn.user });
  });
  router.use(((error, _req, res, _next) => {
    logger.error('single sign-on failed', { name: (error as Error)?.name, requestId: requestIdOf(res) });
    res.status(500).type('text/plain').send('Sign-in failed; try again later');
  }) as ErrorRequestHandler);
  return router;
}
