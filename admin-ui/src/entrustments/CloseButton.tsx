import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';

/** Closes an open hand-over with its certificate of return or destruction. */
export const CloseEntrustmentButton = () => {
  const record = useRecordContext<{ id: string; open: boolean }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'Entrustment', action: 'close' });
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState('DESTRUCTION');
  const [ref, setRef] = useState('');
  const [closedOn, setClosedOn] = useState(japanToday());
  if (!record?.open || !canAccess) return null;
  const close = async () => {
    try {
      await dataProvider.closeEntrustment(String(record.id), kind, ref, closedOn);
      notify('mamori.entrustments.closed', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="mamori.entrustments.close" onClick={() => setOpen(true)}>
        <TaskAltIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mamori.entrustments.close')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1, minWidth: 380 }}>
          <TextField select margin="dense" label={translate('resources.Entrustment.fields.certificateKind')} value={kind} onChange={(e) => setKind(e.target.value)}>
            {['RETURN', 'DESTRUCTION'].map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`mamori.enums.CertificateKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={translate('resources.Entrustment.fields.certificateRef')} value={ref} onChange={(e) => setRef(e.target.value)} />
          <TextField type="date" label={translate('resources.Entrustment.fields.closedOn')} value={closedOn} onChange={(e) => setClosedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('mamori.common.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!ref} onClick={close}>
            {translate('mamori.common.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
