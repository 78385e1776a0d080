import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatInstant } from '../format';

/** "Locked" while a lock-out is in force (5 failed sign-ins lock an account for 15 minutes). */
export const LockedField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ lockedUntil?: string | null }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.lockedUntil || new Date(record.lockedUntil).getTime() < Date.now()) return null;
  return <Chip size="small" color="error" label={`${translate('mamori.users.locked')} · ${formatInstant(record.lockedUntil, locale)}`} />;
};
