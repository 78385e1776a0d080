import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, CanAccess, EditButton, TopToolbar, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** Erasure replaces the personal data with a tombstone and destroys the subject's audit key; the row and its history stay. */
const EraseButton = () => {
  const record = useRecordContext<{ id: string; erasedAt?: string | null }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [open, setOpen] = useState(false);
  const [caseId, setCaseId] = useState('');
  if (!record || record.erasedAt) return null;
  const erase = async () => {
    try {
      await dataProvider.eraseDataSubject(String(record.id), caseId.trim());
      notify('mamori.subjects.erasedNow', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="mamori.subjects.erase" color="error" onClick={() => setOpen(true)}>
        <DeleteForeverIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mamori.subjects.erase')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mamori.subjects.eraseWarning')}</DialogContentText>
          <TextField sx={{ mt: 2 }} label={translate('mamori.subjects.eraseCase')} value={caseId} onChange={(e) => setCaseId(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('mamori.common.cancel')}</MuiButton>
          <MuiButton color="error" variant="contained" onClick={erase}>
            {translate('mamori.subjects.erase')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

export const SubjectActions = () => (
  <TopToolbar>
    <EditButton />
    <CanAccess action="erase">
      <EraseButton />
    </CanAccess>
  </TopToolbar>
);
