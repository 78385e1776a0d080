import { Box, Chip, Typography } from '@mui/material';
import { AppBar, Logout, TitlePortal, UserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { ReminderSettingsMenuItem } from '../reminders/ReminderSettingsMenuItem';
import { ChangePasswordMenuItem, TwoFactorMenuItem } from './ChangePassword';

// The button shows the user's name, so that is also its accessible name (WCAG 2.5.3, label in name).
const MamoriUserMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName || 'ra.auth.user_menu'}>
      <ChangePasswordMenuItem />
      <TwoFactorMenuItem />
      <ReminderSettingsMenuItem />
      <Logout />
    </UserMenu>
  );
};

/** The app bar: page title, who is signed in with which role, the language switch (react-admin's, shown for two locales). */
export const MamoriAppBar = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const role = identity?.role as string | undefined;
  return (
    <AppBar userMenu={<MamoriUserMenu />}>
      <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
        {translate('mamori.app.title')}
      </Typography>
      <TitlePortal />
      <Box sx={{ flex: 1 }} />
      {role && <Chip data-testid="role-chip" size="small" sx={{ mr: 1, bgcolor: 'rgba(0,0,0,0.3)', color: 'inherit' }} label={translate(`mamori.enums.Role.${role}`)} />}
    </AppBar>
  );
};
