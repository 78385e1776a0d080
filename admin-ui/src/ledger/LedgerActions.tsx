import ArchiveIcon from '@mui/icons-material/Archive';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';

type Retirable = { id: string; retiredAt: string | null };

/** A button that asks once in a dialog and then runs `action`; shown only where the role may and the record is in force. */
function ConfirmedAction({ resource, action, label, title, icon, children, run, disabled = false }: {
  resource: string;
  action: string;
  label: string;
  title: string;
  icon: ReactNode;
  children: ReactNode;
  run: (record: Retirable) => Promise<unknown>;
  disabled?: boolean;
}) {
  const record = useRecordContext<Retirable>();
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource, action });
  const [open, setOpen] = useState(false);
  if (!record || record.retiredAt || !canAccess) return null;
  const confirm = async () => {
    try {
      await run(record);
      setOpen(false);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)}>
        <>{icon}</>
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent sx={{ minWidth: 380 }}>{children}</DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('mamori.common.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={disabled} onClick={confirm}>
            {translate(label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The yearly review: the record still describes what is held; the next review falls due a year on. */
export const RecordReviewButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [reviewedOn, setReviewedOn] = useState(japanToday());
  return (
    <ConfirmedAction
      resource="LedgerRecord"
      action="review"
      label="mamori.ledger.recordReview"
      title="mamori.ledger.recordReviewTitle"
      icon={<FactCheckIcon />}
      disabled={!reviewedOn}
      run={async (record) => {
        await dataProvider.recordLedgerReview(String(record.id), reviewedOn);
        notify('mamori.ledger.reviewed', { type: 'success' });
        refresh();
      }}
    >
      <DialogContentText sx={{ mb: 2 }}>{translate('mamori.ledger.recordReviewHint')}</DialogContentText>
      <TextField type="date" label={translate('resources.LedgerRecord.fields.lastReviewedOn')} value={reviewedOn} onChange={(e) => setReviewedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
    </ConfirmedAction>
  );
};

/** No longer held: the record is kept with its assessments, never deleted. */
export const RetireRecordButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  return (
    <ConfirmedAction
      resource="LedgerRecord"
      action="retire"
      label="mamori.ledger.retire"
      title="mamori.ledger.retireTitle"
      icon={<ArchiveIcon />}
      run={async (record) => {
        await dataProvider.retireLedgerRecord(String(record.id));
        notify('mamori.ledger.retired', { type: 'success' });
        refresh();
      }}
    >
      <DialogContentText>{translate('mamori.ledger.retireHint')}</DialogContentText>
    </ConfirmedAction>
  );
};

/** The risk no longer applies: kept, never deleted; back to its record. */
export const RetireRiskButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const record = useRecordContext<Retirable & { ledgerRecordId: string }>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  return (
    <ConfirmedAction
      resource="RiskAssessment"
      action="retire"
      label="mamori.ledger.retireRisk"
      title="mamori.ledger.retireRiskTitle"
      icon={<ArchiveIcon />}
      run={async (risk) => {
        await dataProvider.retireRiskAssessment(String(risk.id));
        notify('mamori.ledger.riskRetired', { type: 'success' });
        redirect(`/LedgerRecord/${record?.ledgerRecordId}/show`);
      }}
    >
      <DialogContentText>{translate('mamori.ledger.retireRiskHint')}</DialogContentText>
    </ConfirmedAction>
  );
};
