import SecurityIcon from '@mui/icons-material/Security';
import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useDataProvider, useGetIdentity, useLogout, useNotify, useRequireAccess, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { session } from '../session';

/**
 * Two-factor sign-in (TOTP): scan the QR code (or type the secret) into an
 * authenticator app, confirm with a first code, keep the recovery codes.
 * The privacy manager must do this before anything else in production.
 */
export const TwoFactorPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();
  const { isPending } = useRequireAccess({ resource: 'two-factor', action: 'show' });
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCodeDataUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  if (isPending) return null;
  const required = Boolean(session.user()?.twoFactorEnrollmentRequired);
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="two-factor">
      <Title title="mamori.auth.two_factor" />
      <CardContent>
        <Stack gap={2}>
          {required && !recoveryCodes && <Alert severity="warning">{translate('mamori.auth.two_factor_required')}</Alert>}
          {identity?.totpEnabled && !recoveryCodes ? (
            <Alert severity="success" icon={<SecurityIcon />}>
              {translate('mamori.auth.two_factor_on')}
            </Alert>
          ) : recoveryCodes ? (
            <>
              <Alert severity="success">{translate('mamori.auth.two_factor_done')}</Alert>
              <Typography variant="body2">{translate('mamori.auth.recovery_codes_hint')}</Typography>
              <Box component="pre" sx={{ fontFamily: 'monospace', bgcolor: 'action.hover', p: 2, borderRadius: 1 }} data-testid="recovery-codes">
                {recoveryCodes.join('\n')}
              </Box>
              <div>
                <Button variant="contained" onClick={() => logout()}>
                  {translate('mamori.auth.sign_in_again')}
                </Button>
              </div>
            </>
          ) : !enrolment ? (
            <>
              <Typography variant="body2">{translate('mamori.auth.two_factor_intro')}</Typography>
              <div>
                <Button variant="contained" onClick={() => run(async () => setEnrolment(await dataProvider.enrollTwoFactor()))}>
                  {translate('mamori.auth.two_factor_start')}
                </Button>
              </div>
            </>
          ) : (
            <>
              <Typography variant="body2">{translate('mamori.auth.two_factor_scan')}</Typography>
              <img src={enrolment.qrCodeDataUrl} alt="QR" width={200} height={200} />
              <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                {enrolment.secret}
              </Typography>
              <Stack direction="row" gap={1}>
                <TextField size="small" label={translate('mamori.auth.two_factor_code')} value={code} onChange={(e) => setCode(e.target.value.trim())} />
                <Button variant="contained" disabled={code.length < 6} onClick={() => run(async () => setRecoveryCodes(await dataProvider.confirmTwoFactor(code)))}>
                  {translate('mamori.auth.two_factor_confirm')}
                </Button>
              </Stack>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
