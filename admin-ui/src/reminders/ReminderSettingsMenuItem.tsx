import MailIcon from '@mui/icons-material/MailOutline';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { useRedirect, useTranslate, useUserMenu } from 'react-admin';

/** The page's route (the page itself loads lazily, see App.tsx); reminder mail links here. */
export const REMINDERS_PAGE = '/reminders';

/** The user menu's way to the page. */
export const ReminderSettingsMenuItem = forwardRef<HTMLLIElement>((_props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  const redirect = useRedirect();
  return (
    <MenuItem
      ref={ref}
      onClick={() => {
        userMenu?.onClose();
        redirect(REMINDERS_PAGE);
      }}
    >
      <ListItemIcon>
        <MailIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('mamori.reminders.title')}</ListItemText>
    </MenuItem>
  );
});
