import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';

/** An ISO country code with the country's name in the chosen language (`US アメリカ合衆国`). */
export const CountryField = ({ source }: { source: string; label?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const code = record?.[source];
  if (typeof code !== 'string' || !code) return <Typography variant="body2" component="span">—</Typography>;
  const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
  return (
    <Typography variant="body2" component="span">
      {code} {name}
    </Typography>
  );
};
