import BlockIcon from '@mui/icons-material/Block';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { reasonsOfCaseType, type CaseStatus, type NonDisclosureReason } from '@mamori/shared';
import type { MamoriDataProvider } from '../dataProvider';
import { describeServerError, serverErrorOf } from '../errors';
import { blockingRules, type CaseFacts } from './rules';

/**
 * Moving the case along the spec's workflow. What would block the next step
 * is spelled out before anyone tries; when the server refuses anyway, its
 * rule (extensions.rule) is shown in words, in the user's language.
 */
export const WorkflowPanel = ({ record }: { record: CaseFacts & { id: string; allowedTransitions: CaseStatus[] } }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'Case', action: 'transition' });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reasons, setReasons] = useState<NonDisclosureReason[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const blockers = record.status === 'VERIFYING' || record.status === 'RECEIVED' ? blockingRules(record) : [];
  const next = record.allowedTransitions ?? [];

  const move = async (to: CaseStatus, withReasons: NonDisclosureReason[] = [], withNote = '') => {
    setBusy(true);
    setRefusal(null);
    try {
      await dataProvider.transitionCase(String(record.id), to, withReasons, withNote);
      notify('mamori.cases.transitioned', { type: 'success', messageArgs: { status: translate(`mamori.enums.CaseStatus.${to}`) } });
      setRejecting(false);
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      refresh();
    } catch (e) {
      const server = serverErrorOf(e);
      setRefusal(server ? describeServerError(server) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={1.5}>
      <Typography variant="caption" color="text.secondary">
        {translate('mamori.cases.blockedBy')}
      </Typography>
      {blockers.length === 0 ? (
        <Typography variant="body2" data-testid="no-blockers">{translate('mamori.cases.nothingBlocks')}</Typography>
      ) : (
        blockers.map((rule) => (
          <Alert key={rule} severity="warning" icon={<BlockIcon fontSize="small" />} data-testid={`blocker-${rule}`}>
            {translate(`mamori.rules.${rule}`)}
          </Alert>
        ))
      )}
      {refusal && (
        <Alert severity="error" data-testid="transition-refused" onClose={() => setRefusal(null)}>
          {refusal}
        </Alert>
      )}
      {canAccess && next.length > 0 && (
        <Stack direction="row" gap={1} flexWrap="wrap">
          {next
            .filter((s) => s !== 'REJECTED')
            .map((to) => (
              <Button key={to} variant="contained" disabled={busy} onClick={() => move(to)} data-testid={`move-${to}`}>
                {translate('mamori.cases.moveTo', { status: translate(`mamori.enums.CaseStatus.${to}`) })}
              </Button>
            ))}
          {next.includes('REJECTED') && (
            <Button color="error" variant="outlined" disabled={busy} onClick={() => setRejecting(true)} data-testid="reject">
              {translate('mamori.cases.reject')}
            </Button>
          )}
        </Stack>
      )}
      <Dialog open={rejecting} onClose={() => setRejecting(false)} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('mamori.cases.rejectTitle')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            {translate('mamori.cases.reasons')}
          </Typography>
          <FormGroup>
            {reasonsOfCaseType(record.type).map((r) => (
              <FormControlLabel
                key={r}
                control={
                  <Checkbox
                    checked={reasons.includes(r)}
                    onChange={(e) => setReasons(e.target.checked ? [...reasons, r] : reasons.filter((x) => x !== r))}
                  />
                }
                label={translate(`mamori.enums.NonDisclosureReason.${r}`)}
              />
            ))}
          </FormGroup>
          <TextField fullWidth multiline minRows={2} sx={{ mt: 2 }} label={translate('mamori.cases.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          {refusal && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {refusal}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRejecting(false)}>{translate('mamori.common.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || reasons.length === 0} onClick={() => move('REJECTED', reasons, note)}>
            {translate('mamori.cases.reject')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
