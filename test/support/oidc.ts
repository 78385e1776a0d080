import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A test account at the identity provider: its claims, and how it signed in there (amr/acr). */
export interface ProviderAccount {
  email: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
  amr?: string[];
  acr?: string;
}

export type ProviderMode = 'normal' | 'foreign-keys' | 'other-issuer';

export interface TestProvider {
  issuer: string;
  setMode(mode: ProviderMode): Promise<void>;
  close(): Promise<void>;
}

export const OIDC_CLIENT = { id: 'mamori', secret: 'mamori-test-client-secret-0123456789' };

/** A free loopback port, so that the redirect URI can be registered before the server listens on it. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the real OpenID provider (test/support/oidc-provider.mjs) as a child process on loopback. */
export async function startProvider(redirectUris: string[], accounts: Record<string, ProviderAccount>): Promise<TestProvider> {
  const setup = { clients: [{ client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret, redirect_uris: redirectUris }], accounts };
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs')], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', OIDC_TEST_SETUP: JSON.stringify(setup) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const found = /"issuer":"([^"]+)"/.exec(chunk.toString())?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited with ${code}:\n${output}`)));
  });
  return {
    issuer,
    async setMode(mode) {
      await fetch(`${issuer}/test/mode`, { method: 'POST', body: mode });
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A cookie jar per origin and manual redirects: what a browser does, enough to walk the sign-in. */
export class HeadlessBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jarOf(target.origin);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(target, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.trim().split('=');
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=Thu, 01 Jan 1970)/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name!);
      else jar.set(name!, value.join('='));
    }
    return res;
  }

  /** Follows redirects from `url` until one points to `stopAt` (not followed) or a page answers. */
  async follow(url: string, stopAt: (url: URL) => boolean): Promise<{ url: string; response: Response | null }> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      if (hop > 0 && stopAt(new URL(current))) return { url: current, response: null };
      const response = await this.get(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
    }
    throw new Error('too many redirects');
  }

  cookies(origin: string): Map<string, string> {
    return new Map(this.jarOf(origin));
  }

  setCookies(origin: string, cookies: Map<string, string>): void {
    this.jars.set(origin, new Map(cookies));
  }

  private jarOf(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }
}

export interface SsoOutcome {
  /** Where Mamori sent the browser at the end (the UI's sign-in page, with sso=done or sso_error=…). */
  landing: URL;
  /** The provider's answer as it reached Mamori (for replaying it). */
  callbackUrl: string | null;
  /** Mamori's cookies in the browser when the answer was sent (the pending sign-in). */
  cookiesAtCallback: Map<string, string>;
  /** The session the UI takes after sso=done, or null. */
  session: { token: string; user: { id: string; email: string; role: string } } | null;
}

/**
 * Walks the whole sign-in: Mamori → provider's sign-in page (as `account`) → Mamori's callback → the UI.
 * `tamper` may change the provider's answer on its way back, as an attacker in the middle would.
 */
export async function ssoSignIn(mamoriUrl: string, account: string, browser = new HeadlessBrowser(), tamper: (answer: URL) => void = () => undefined): Promise<SsoOutcome> {
  const isCallback = (u: URL) => u.origin === mamoriUrl && u.pathname === '/auth/oidc/callback';
  const toLogin = await browser.follow(`${mamoriUrl}/auth/oidc/start`, (u) => u.origin === mamoriUrl && u.pathname === '/');
  if (!toLogin.response) return finish(browser, mamoriUrl, toLogin.url, null, new Map());
  const form = await toLogin.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1];
  if (!action) throw new Error(`no sign-in form at the provider: ${form.slice(0, 300)}`);
  const posted = await browser.get(new URL(action, toLogin.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: account, password: 'whatever' }).toString(),
  });
  const next = posted.headers.get('location');
  if (!next) throw new Error(`the provider did not accept the sign-in: ${posted.status} ${await posted.text()}`);
  const toCallback = await browser.follow(new URL(next, toLogin.url).href, isCallback);
  if (toCallback.response) throw new Error(`the provider did not send the browser back: ${toCallback.response.status}`);
  const answer = new URL(toCallback.url);
  tamper(answer);
  const cookies = browser.cookies(mamoriUrl);
  return finish(browser, mamoriUrl, (await browser.follow(answer.href, (u) => u.origin === mamoriUrl && u.pathname === '/')).url, answer.href, cookies);
}

async function finish(browser: HeadlessBrowser, mamoriUrl: string, landing: string, callbackUrl: string | null, cookiesAtCallback: Map<string, string>): Promise<SsoOutcome> {
  const url = new URL(landing);
  if (url.searchParams.get('sso') !== 'done') return { landing: url, callbackUrl, cookiesAtCallback, session: null };
  const res = await browser.get(`${mamoriUrl}/auth/oidc/session`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`the session was not handed over: ${res.status} ${await res.text()}`);
  return { landing: url, callbackUrl, cookiesAtCallback, session: (await res.json()) as SsoOutcome['session'] };
}
