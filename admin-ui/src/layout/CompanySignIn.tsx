import { Button, Divider } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useLogin, useNotify, useTranslate } from 'react-admin';

/** Why the server refused a single sign-on (its sso_error values). */
const REFUSALS = ['provider', 'email-not-verified', 'no-account', 'no-role', 'role-not-granted', 'mfa-required', 'deactivated', 'expired'];

/** The server's answer to where the identity provider sent the browser back (`?sso=done` or `?sso_error=…`), taken once. */
function takeAnswer(): { done: boolean; refusal: string | null } {
  const params = new URLSearchParams(window.location.search);
  const answer = { done: params.get('sso') === 'done', refusal: params.get('sso_error') };
  if (answer.done || answer.refusal) window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  return answer;
}

/**
 * "Sign in with the company account": the server runs the OpenID Connect flow
 * (GET /auth/oidc/start) and sends the browser back here, where the session
 * is taken from the server (authProvider.login with singleSignOn).
 */
export const CompanySignIn = ({ divider }: { divider: boolean }) => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const taken = useRef(false);

  useEffect(() => {
    if (taken.current) return;
    taken.current = true;
    const { done, refusal } = takeAnswer();
    if (refusal) {
      const key = REFUSALS.includes(refusal) ? refusal.replace(/-/g, '_') : 'provider';
      notify(`mamori.auth.sso_refused.${key}`, { type: 'error', autoHideDuration: 10_000 });
    } else if (done) {
      login({ singleSignOn: true }).catch(() => notify('mamori.auth.sso_refused.expired', { type: 'error' }));
    }
  }, [login, notify]);

  return (
    <>
      {divider && <Divider>{translate('mamori.auth.sso_or')}</Divider>}
      <Button variant="outlined" href="/auth/oidc/start">
        {translate('mamori.auth.sso_sign_in')}
      </Button>
    </>
  );
};
