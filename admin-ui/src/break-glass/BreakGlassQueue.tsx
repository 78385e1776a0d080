import { Alert, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Loading, Title, useCanAccess, useDataProvider, useLocaleState, useNotify, useRequireAccess, useTranslate } from 'react-admin';
import type { AuditEntryRow } from '../audit/api';
import type { MamoriDataProvider } from '../dataProvider';
import { formatInstant } from '../format';

const ReviewRow = ({ entry, onReviewed }: { entry: AuditEntryRow; onReviewed: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const review = async () => {
    setBusy(true);
    try {
      await dataProvider.reviewBreakGlass(entry.id, note);
      notify('mamori.breakGlass.reviewed', { type: 'success' });
      onReviewed();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <TableRow data-testid={`break-glass-${entry.id}`}>
      <TableCell>{formatInstant(entry.occurredAt, locale)}</TableCell>
      <TableCell>
        <Link to={`/User/${entry.actorId}/show`}>#{entry.actorId}</Link>
      </TableCell>
      <TableCell>{entry.subjectId && <Link to={`/DataSubject/${entry.subjectId}/show`}>#{entry.subjectId}</Link>}</TableCell>
      <TableCell>{entry.fields.join(', ')}</TableCell>
      <TableCell sx={{ maxWidth: 320 }}>{entry.reason}</TableCell>
      <TableCell>
        <Stack direction="row" gap={1}>
          <TextField size="small" label={translate('mamori.breakGlass.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button variant="contained" size="small" disabled={busy} onClick={review}>
            {translate('mamori.breakGlass.review')}
          </Button>
        </Stack>
      </TableCell>
    </TableRow>
  );
};

/** Break-glass reads by staff, oldest first, until the manager marks each reviewed. */
export const BreakGlassQueue = () => {
  const translate = useTranslate();
  const { isPending: checking } = useRequireAccess({ resource: 'break-glass', action: 'list' });
  const { canAccess } = useCanAccess({ resource: 'break-glass', action: 'list' });
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const queryClient = useQueryClient();
  // Asked only once access is granted (a refused role never reaches the server).
  const queue = useQuery({ queryKey: ['breakGlassQueue'], queryFn: () => dataProvider.breakGlassReviewQueue(), enabled: canAccess === true });
  if (checking || !canAccess) return null;
  const reviewed = () => {
    void queue.refetch();
    void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
  };
  return (
    <Card sx={{ mt: 2 }} data-testid="break-glass-queue">
      <Title title="mamori.breakGlass.title" />
      <CardContent>
        {queue.isPending ? (
          <Loading />
        ) : (queue.data ?? []).length === 0 ? (
          <Alert severity="success">{translate('mamori.breakGlass.empty')}</Alert>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.AuditEntry.fields.occurredAt')}</TableCell>
                <TableCell>{translate('resources.AuditEntry.fields.actorId')}</TableCell>
                <TableCell>{translate('resources.AuditEntry.fields.subjectId')}</TableCell>
                <TableCell>{translate('resources.AuditEntry.fields.fields')}</TableCell>
                <TableCell>{translate('mamori.breakGlass.reason')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(queue.data ?? []).map((entry) => (
                <ReviewRow key={entry.id} entry={entry} onReviewed={reviewed} />
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
