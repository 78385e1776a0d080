// A real OpenID provider (oidc-provider, an OpenID-certified implementation) on loopback, run by the
// single sign-on tests as a child process. Reads its setting from OIDC_TEST_SETUP (JSON):
//   { clients: [{ client_id, client_secret, redirect_uris }], accounts: { id: { email, email_verified, name, groups, amr, acr } } }
// prints {"issuer": "..."} once it listens, and has a sign-in page of its own (the account id as "login").
// POST /test/mode with "normal" | "foreign-keys" | "other-issuer" makes it misbehave on purpose:
// its key set answered with another key of the same id, or its metadata naming another issuer.
import { generateKeyPair, exportJWK } from 'jose';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const setup = JSON.parse(process.env.OIDC_TEST_SETUP ?? '{}');
const accounts = setup.accounts ?? {};

async function signingKey(kid) {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

const key = await signingKey('mamori-test-key');
const foreign = await signingKey('mamori-test-key');
const publicOf = ({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use });

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: setup.clients ?? [],
  jwks: { keys: [key] },
  cookies: { keys: ['mamori-test-provider-cookie-key'] },
  claims: { sid: null, openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'groups'],
  acrValues: ['urn:mamori:test:password', 'urn:mamori:test:mfa'],
  // the claims of the scopes go into the ID token (as Entra ID and Okta can be set up to do)
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    const { amr: _amr, acr: _acr, ...claims } = account;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`provider error: ${error.message}\n`));

let mode = 'normal';
const page = (uid, message = '') => `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Company sign-in</h1><p>${message}</p>
<form method="post" action="/interaction/${uid}"><label>Account <input name="login" autofocus></label>
<label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form></body></html>`;

async function bodyOf(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page(details.uid));
    return;
  }
  const login = new URLSearchParams(await bodyOf(req)).get('login') ?? '';
  const account = accounts[login];
  if (!account) {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page(details.uid, 'Unknown account'));
    return;
  }
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { login: { accountId: login, amr: account.amr, acr: account.acr }, consent: { grantId } }, { mergeWithLastSubmission: false });
}

const discoveryPath = '/.well-known/openid-configuration';
const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const path = new URL(req.url, issuer).pathname;
    if (req.method === 'POST' && path === '/test/mode') {
      mode = (await bodyOf(req)).trim();
      res.end(mode);
    } else if (mode === 'foreign-keys' && path === '/jwks') {
      res.setHeader('content-type', 'application/jwk-set+json');
      res.end(JSON.stringify({ keys: [publicOf(foreign)] }));
    } else if (mode === 'other-issuer' && path === discoveryPath && !req.headers['x-test-inner']) {
      const metadata = await (await fetch(`${issuer}${discoveryPath}`, { headers: { 'x-test-inner': '1' } })).json();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ...metadata, issuer: 'https://login.other-company.example' }));
    } else if (path.startsWith('/interaction/')) {
      await interaction(req, res);
    } else {
      callback(req, res);
    }
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error?.message ?? error));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
