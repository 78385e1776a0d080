import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';

/** A purpose's title in the chosen language. */
export const PurposeTitleField = (_props: { label?: string; source?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ title: string; titleJa: string }>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {locale === 'ja' ? record.titleJa : record.title}
    </Typography>
  );
};
