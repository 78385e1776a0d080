import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/**
 * The verifiable log at a glance: the newest signed checkpoint and what each
 * witness holds. A refusing witness is an alarm (red); one that cannot be
 * reached shows its lag.
 */
export const LogStatePanel = ({ compact = false }: { compact?: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const state = useQuery({ queryKey: ['audit', 'log-state'], queryFn: () => dataProvider.auditLogState() });
  const checkpoint = state.data?.auditCheckpoint;
  const witnesses = state.data?.auditWitnesses ?? [];
  const refused = witnesses.filter((w) => w.refusal);
  const witnessed = witnesses.length > 0 && refused.length === 0 && witnesses.every((w) => w.lag === 0);
  return (
    <Card sx={compact ? { flex: '1 1 380px', minWidth: 320 } : { mb: 2 }} data-testid="log-state">
      <CardContent>
        <Typography variant="subtitle1">{translate('mamori.audit.logState')}</Typography>
        {checkpoint && (
          <Typography variant="body2" gutterBottom>
            {translate('mamori.audit.checkpointSize')}: <strong data-testid="checkpoint-size">{checkpoint.treeSize}</strong>
          </Typography>
        )}
        <Stack gap={1}>
          {refused.length > 0 && (
            <Alert severity="error" data-testid="witness-refused">
              {translate('mamori.audit.witnessRefused')}: {refused.map((w) => w.refusal).join('; ')}
            </Alert>
          )}
          {refused.length === 0 && witnesses.length > 0 && (
            <Alert severity={witnessed ? 'success' : 'warning'} data-testid={witnessed ? 'witnessed' : 'witness-lag'}>
              {translate(witnessed ? 'mamori.audit.witnessed' : 'mamori.audit.witnessLagging')}
            </Alert>
          )}
          {witnesses.length === 0 && state.data && <Alert severity="warning">{translate('mamori.audit.noWitness')}</Alert>}
        </Stack>
        {!compact &&
          witnesses.map((w) => (
            // a list, not a table: the trail's own table is the page's only one
            <Typography key={w.name} variant="body2" sx={{ mt: 1, wordBreak: 'break-all' }} data-testid="witness-row">
              <strong>{w.name}</strong> — {translate('mamori.audit.witnessedSize')}: {w.witnessedSize}, {translate('mamori.audit.lag')}: {w.lag},{' '}
              {w.refusal ?? w.error ?? translate('mamori.audit.witnessOk')}
            </Typography>
          ))}
        {!compact && checkpoint && (
          <Typography component="pre" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'pre-wrap', wordBreak: 'break-all', mt: 1 }} data-testid="checkpoint-note">
            {checkpoint.note}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};
