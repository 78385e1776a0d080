import { Box, Button, CardContent, CircularProgress, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { LocalesMenuButton, Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { serverErrorOf } from '../errors';
import type { OrganisationProfile } from '../organisation/api';
import { OrganisationSender } from '../organisation/OrganisationSender';
import { CompanySignIn } from './CompanySignIn';
import { PageLanguage } from './PageLanguage';
import { ProgressLabel } from './ProgressLabel';

/** Which ways of signing in the server has on (GET /auth/options); passwords only until it answers otherwise. */
function useSignInOptions(): { password: boolean; singleSignOn: boolean } {
  const [options, setOptions] = useState({ password: true, singleSignOn: false });
  useEffect(() => {
    fetch('/auth/options')
      .then((res) => (res.ok ? res.json() : null))
      .then((answer) => answer && setOptions({ password: answer.password !== false, singleSignOn: answer.singleSignOn === true }))
      .catch(() => undefined);
  }, []);
  return options;
}

/**
 * Sign-in with e-mail and password; the six-digit code is asked for when the
 * account has two-factor sign-in on; with single sign-on set up, also (or
 * only) the company account. The language can be chosen first.
 */
export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const options = useSignInOptions();
  const [organisation, setOrganisation] = useState<OrganisationProfile | null>(null);
  useEffect(() => {
    // The GraphQL client comes with this chunk after the page is shown, not with the sign-in page itself.
    import('../organisation/api').then(({ publicProfile }) => publicProfile()).then(setOrganisation);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await login({ email, password, totpCode: needsCode ? totpCode : undefined });
    } catch (error) {
      if (serverErrorOf(error)?.twoFactorRequired) setNeedsCode(true);
      notify((error as Error)?.message || 'ra.auth.sign_in_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Login>
      <PageLanguage />
      <ProgressLabel />
      <Box sx={{ textAlign: 'center', pt: 1 }}>
        <Typography variant="h6">{translate('mamori.app.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('mamori.app.subtitle')}
        </Typography>
        {organisation && <OrganisationSender profile={organisation} testId="sign-in-organisation" />}
        <LocalesMenuButton />
      </Box>
      <form onSubmit={submit} noValidate>
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 300 }}>
          {options.password && (
            <>
          <TextField autoFocus name="email" type="email" autoComplete="email" label={translate('ra.auth.email')} value={email} onChange={(e) => setEmail(e.target.value)} required />
          <TextField name="password" type="password" autoComplete="current-password" label={translate('ra.auth.password')} value={password} onChange={(e) => setPassword(e.target.value)} required />
          {needsCode && (
            <TextField
              name="totpCode"
              autoFocus
              autoComplete="one-time-code"
              label={translate('mamori.auth.two_factor_code')}
              helperText={translate('mamori.auth.two_factor_code_hint')}
              value={totpCode}
              onChange={(e) => setTotpCode(e.target.value.trim())}
            />
          )}
          <Button type="submit" variant="contained" disabled={busy || !email || !password || (needsCode && !totpCode)} startIcon={busy ? <CircularProgress size={18} /> : null}>
            {translate('ra.auth.sign_in')}
          </Button>
            </>
          )}
          {options.singleSignOn && <CompanySignIn divider={options.password} />}
        </CardContent>
      </form>
    </Login>
  );
};
