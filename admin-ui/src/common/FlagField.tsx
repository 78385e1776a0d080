import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

type Tone = 'error' | 'warning' | 'success' | 'info' | 'default';

/** Records the law keeps three years (provision records, data received): listed for review once past them. */
export const PAST_RETENTION_FLAGS = [{ source: 'pastRetention', label: 'mamori.flags.pastRetention', tone: 'warning' as const }];

/** Chips for the flags that are set on a record, e.g. "expiring soon", "review overdue". */
export const FlagsField = ({ flags }: { flags: Array<{ source: string; label: string; tone: Tone; when?: boolean }>; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const shown = flags.filter((f) => Boolean(record[f.source]) === (f.when ?? true));
  if (shown.length === 0) return null;
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap">
      {shown.map((f) => (
        <Chip key={f.source} size="small" color={f.tone} label={translate(f.label)} data-testid={`flag-${f.source}`} />
      ))}
    </Stack>
  );
};
