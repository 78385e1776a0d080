import KeyIcon from '@mui/icons-material/Key';
import SecurityIcon from '@mui/icons-material/Security';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, ListItemIcon, ListItemText, MenuItem, TextField } from '@mui/material';
import { forwardRef, useState, type ReactElement } from 'react';
import { useDataProvider, useNotify, useRedirect, useTranslate, useUserMenu } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** Every user may change their own password (user menu). */
export const ChangePasswordMenuItem = forwardRef<HTMLLIElement>((_props, ref) => {
  const translate = useTranslate();
  const notify = useNotify();
  const userMenu = useUserMenu();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const close = () => {
    setOpen(false);
    setCurrent('');
    setNext('');
    userMenu?.onClose();
  };
  const save = async () => {
    try {
      await dataProvider.changePassword(current, next);
      notify('mamori.auth.password_changed', { type: 'success' });
      close();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <MenuItem ref={ref} onClick={() => setOpen(true)}>
        <ListItemIcon>
          <KeyIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('mamori.auth.change_password')}</ListItemText>
      </MenuItem>
      <Dialog open={open} onClose={close}>
        <DialogTitle>{translate('mamori.auth.change_password')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1, minWidth: 360 }}>
          <TextField margin="dense" type="password" label={translate('mamori.auth.current_password')} value={current} onChange={(e) => setCurrent(e.target.value)} />
          <TextField type="password" label={translate('mamori.auth.new_password')} helperText={translate('mamori.users.passwordHint')} value={next} onChange={(e) => setNext(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate('mamori.common.cancel')}</Button>
          <Button variant="contained" disabled={!current || next.length < 12} onClick={save}>
            {translate('mamori.common.save')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
});

/** A user-menu entry that opens one of the user's own pages. */
export const PageMenuItem = forwardRef<HTMLLIElement, { to: string; icon: ReactElement; label: string }>(({ to, icon, label }, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const redirect = useRedirect();
  return (
    <MenuItem
      ref={ref}
      onClick={() => {
        userMenu?.onClose();
        redirect(to);
      }}
    >
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText>{translate(label)}</ListItemText>
    </MenuItem>
  );
});

/** Two-factor sign-in for one's own account (user menu). */
export const TwoFactorMenuItem = forwardRef<HTMLLIElement>((_props, ref) => (
  <PageMenuItem ref={ref} to="/two-factor" icon={<SecurityIcon fontSize="small" />} label="mamori.auth.two_factor" />
));
