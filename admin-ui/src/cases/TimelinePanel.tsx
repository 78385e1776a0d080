import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseStatus, NonDisclosureReason } from '@mamori/shared';
import { formatInstant } from '../format';

export interface CaseTransition {
  id: string;
  from: CaseStatus | null;
  to: CaseStatus;
  actorName: string | null;
  at: string;
  reasons: NonDisclosureReason[];
  note?: string | null;
}

/** Every move of the case: who, when, from, to, with the reasons and note (for those who work cases). */
export const TimelinePanel = ({ timeline, withNotes = true }: { timeline: CaseTransition[]; withNotes?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (timeline.length === 0) return <Typography variant="body2" color="text.secondary">—</Typography>;
  const status = (s: CaseStatus | null) => (s ? translate(`mamori.enums.CaseStatus.${s}`) : '—');
  return (
    <Table size="small" data-testid="timeline">
      <TableHead>
        <TableRow>
          <TableCell>{translate('mamori.cases.timelineAt')}</TableCell>
          <TableCell>{translate('mamori.cases.timelineWho')}</TableCell>
          <TableCell>{translate('mamori.cases.timelineMove')}</TableCell>
          {withNotes && <TableCell>{translate('mamori.cases.note')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {timeline.map((t) => (
          <TableRow key={t.id}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatInstant(t.at, locale)}</TableCell>
            <TableCell>{t.actorName ?? '—'}</TableCell>
            <TableCell>
              {status(t.from)} → <strong>{status(t.to)}</strong>
              {t.reasons.length > 0 && (
                <Stack direction="row" gap={0.5} flexWrap="wrap" sx={{ mt: 0.5 }}>
                  {t.reasons.map((r) => (
                    <Chip key={r} size="small" color="error" variant="outlined" label={translate(`mamori.enums.NonDisclosureReason.${r}`)} />
                  ))}
                </Stack>
              )}
            </TableCell>
            {withNotes && <TableCell>{t.note}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
