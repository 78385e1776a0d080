import BlockIcon from '@mui/icons-material/Block';
import KeyIcon from '@mui/icons-material/Key';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PhonelinkEraseIcon from '@mui/icons-material/PhonelinkErase';
import RestoreIcon from '@mui/icons-material/Restore';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, CanAccess, EditButton, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

type UserRecord = { id: string; displayName: string; active: boolean; lockedUntil?: string | null; totpEnabled?: boolean };

function useRun() {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (action: () => Promise<unknown>, success: string) => {
    try {
      await action();
      notify(success, { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
}

const ResetPasswordButton = ({ user }: { user: UserRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const run = useRun();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  return (
    <>
      <Button label="mamori.users.resetPassword" onClick={() => setOpen(true)}>
        <KeyIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mamori.users.resetPasswordTitle', { name: user.displayName })}</DialogTitle>
        <DialogContent sx={{ pt: 1, minWidth: 360 }}>
          <TextField fullWidth margin="dense" type="password" label={translate('mamori.auth.new_password')} helperText={translate('mamori.users.passwordHint')} value={password} onChange={(e) => setPassword(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('mamori.common.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={password.length < 12}
            onClick={async () => {
              await run(() => dataProvider.resetUserPassword(String(user.id), password), 'mamori.users.passwordReset');
              setOpen(false);
              setPassword('');
            }}
          >
            {translate('mamori.common.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Users are never deleted: the manager edits, unlocks, resets the password, deactivates or reactivates. */
export const UserActions = () => {
  const user = useRecordContext<UserRecord>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const run = useRun();
  if (!user) return <TopToolbar />;
  const locked = Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now());
  return (
    <TopToolbar>
      <EditButton />
      {locked && (
        <CanAccess resource="User" action="unlock">
          <Button label="mamori.users.unlock" onClick={() => run(() => dataProvider.unlockUser(String(user.id)), 'mamori.users.unlocked')}>
            <LockOpenIcon />
          </Button>
        </CanAccess>
      )}
      <CanAccess resource="User" action="resetPassword">
        <ResetPasswordButton user={user} />
      </CanAccess>
      {user.totpEnabled && (
        <CanAccess resource="User" action="resetTwoFactor">
          <Button label="mamori.users.resetTwoFactor" onClick={() => run(() => dataProvider.resetUserTwoFactor(String(user.id)), 'mamori.users.twoFactorReset')}>
            <PhonelinkEraseIcon />
          </Button>
        </CanAccess>
      )}
      <CanAccess resource="User" action="deactivate">
        {user.active ? (
          <Button label="mamori.users.deactivate" color="error" onClick={() => run(() => dataProvider.setUserActive(String(user.id), false), 'mamori.users.deactivated')}>
            <BlockIcon />
          </Button>
        ) : (
          <Button label="mamori.users.activate" onClick={() => run(() => dataProvider.setUserActive(String(user.id), true), 'mamori.users.activated')}>
            <RestoreIcon />
          </Button>
        )}
      </CanAccess>
    </TopToolbar>
  );
};
