import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** No attempt recorded yet, in the page's own colours (react-admin's greyed empty page is too faint to read). */
export const EmptyAttempts = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" sx={{ p: 2 }} data-testid="no-attempts">
      {translate('mamori.training.noAttempts')}
    </Typography>
  );
};
