import MailIcon from '@mui/icons-material/MailOutline';
import { forwardRef } from 'react';
import { PageMenuItem } from '../layout/ChangePassword';

/** The page's route (the page itself loads lazily, see App.tsx); reminder mail links here. */
export const REMINDERS_PAGE = '/reminders';

/** The user menu's way to the page. */
export const ReminderSettingsMenuItem = forwardRef<HTMLLIElement>((_props, ref) => (
  <PageMenuItem ref={ref} to={REMINDERS_PAGE} icon={<MailIcon fontSize="small" />} label="mamori.reminders.title" />
));
