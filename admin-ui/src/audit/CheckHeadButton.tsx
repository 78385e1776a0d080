import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** Checks that today's log still holds a saved signed checkpoint (or a head kept elsewhere earlier): a truncated or rewritten log would not. */
export const CheckHeadButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [open, setOpen] = useState(false);
  const [seq, setSeq] = useState('');
  const [hash, setHash] = useState('');
  const [checkpoint, setCheckpoint] = useState('');
  const [held, setHeld] = useState<boolean | null>(null);
  const check = async () => {
    try {
      setHeld(
        checkpoint.trim()
          ? (await dataProvider.verifyAuditCheckpoint(checkpoint.endsWith('\n') ? checkpoint : `${checkpoint}\n`)).held
          : await dataProvider.verifyAuditChainExtends(Number(seq), hash.trim()),
      );
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const close = () => {
    setOpen(false);
    setHeld(null);
  };
  return (
    <>
      <Button label="mamori.audit.checkHead" onClick={() => setOpen(true)}>
        <ManageSearchIcon />
      </Button>
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth>
        <DialogTitle>{translate('mamori.audit.checkHead')}</DialogTitle>
        <DialogContent>
          <Stack gap={2} sx={{ pt: 1 }}>
            <TextField
              label={translate('mamori.audit.savedCheckpoint')}
              helperText={translate('mamori.audit.savedCheckpointHint')}
              value={checkpoint}
              onChange={(e) => setCheckpoint(e.target.value)}
              multiline
              minRows={4}
              slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
            />
            <TextField label={translate('mamori.audit.headSeq')} value={seq} onChange={(e) => setSeq(e.target.value.replace(/\D/g, ''))} />
            <TextField label={translate('mamori.audit.headHash')} value={hash} onChange={(e) => setHash(e.target.value)} slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }} />
            {held !== null && (
              <Alert severity={held ? 'success' : 'error'} data-testid={held ? 'head-held' : 'head-not-held'}>
                {translate(held ? 'mamori.audit.headHeld' : 'mamori.audit.headNotHeld')}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('mamori.audit.close')}</MuiButton>
          <MuiButton variant="contained" disabled={!checkpoint.trim() && (!seq || !/^[0-9a-f]{64}$/.test(hash.trim()))} onClick={check}>
            {translate('mamori.audit.check')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
