import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Grid, Radio, RadioGroup, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  BooleanInput,
  Button,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  Link,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { DayField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { Item, Section } from '../common/Section';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';

type ActionRecord = { id: string; auditId: string; findingId: string; completedOn: string | null; effective: boolean | null; awaitingVerification: boolean };

const FLAGS = [
  { source: 'overdue', label: 'mamori.flags.actionOverdue', tone: 'error' as const },
  { source: 'awaitingVerification', label: 'mamori.flags.awaitingVerification', tone: 'warning' as const },
  { source: 'effective', label: 'mamori.flags.verifiedEffective', tone: 'success' as const },
];

const filters = [<BooleanInput key="overdue" source="overdue" />, <BooleanInput key="awaitingVerification" source="awaitingVerification" />];

/** The manager and the auditor see every corrective action; an owner sees their own. */
export const CorrectiveActionList = () => {
  const { canAccess: seesAll } = useCanAccess({ resource: 'InternalAudit', action: 'list' });
  return (
    <List title={seesAll ? undefined : 'mamori.internalAudit.myActionsTitle'} filters={filters} exporter={false} sort={{ field: 'dueOn', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" />
        <UserNameField label="resources.CorrectiveAction.fields.ownerId" source="ownerId" sortable={false} />
        <DayField source="dueOn" />
        <TextField source="actionTaken" emptyText="—" sortable={false} />
        <DayField source="completedOn" emptyText="—" />
        <FlagsField label="mamori.flags.title" flags={FLAGS} sortable={false} />
      </Datagrid>
    </List>
  );
};

/** The finding behind the action: its words for those who read findings, its number for an owner. */
const FindingOf = () => {
  const record = useRecordContext<ActionRecord>();
  const { canAccess } = useCanAccess({ resource: 'AuditFinding', action: 'list' });
  if (!record) return null;
  if (!canAccess) return <span>#{record.findingId}</span>;
  return (
    <ReferenceField source="findingId" reference="AuditFinding" link={false}>
      <TextField source="description" />
    </ReferenceField>
  );
};

const AuditLink = () => {
  const record = useRecordContext<ActionRecord>();
  const { canAccess } = useCanAccess({ resource: 'InternalAudit', action: 'show' });
  if (!record) return null;
  return canAccess ? <Link to={`/InternalAudit/${record.auditId}/show`}>#{record.auditId}</Link> : <span>#{record.auditId}</span>;
};

/** The internal auditor's verdict on the action's effect. */
const VerifyButton = () => {
  const record = useRecordContext<ActionRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'CorrectiveAction', action: 'verify' });
  const [open, setOpen] = useState(false);
  const [verifiedOn, setVerifiedOn] = useState(japanToday());
  const [effective, setEffective] = useState('yes');
  const [note, setNote] = useState('');
  if (!record?.awaitingVerification || !canAccess) return null;
  const verify = async () => {
    try {
      await dataProvider.verifyCorrectiveAction(String(record.id), verifiedOn, effective === 'yes', note);
      notify(effective === 'yes' ? 'mamori.internalAudit.verifiedEffective' : 'mamori.internalAudit.verifiedNotEffective', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="mamori.internalAudit.verify" onClick={() => setOpen(true)}>
        <FactCheckIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{translate('mamori.internalAudit.verify')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1, minWidth: 380 }}>
          <MuiTextField
            type="date"
            margin="dense"
            label={translate('resources.CorrectiveAction.fields.verifiedOn')}
            value={verifiedOn}
            onChange={(e) => setVerifiedOn(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <RadioGroup value={effective} onChange={(e) => setEffective(e.target.value)} aria-label={translate('mamori.internalAudit.verification')}>
            <FormControlLabel value="yes" control={<Radio />} label={translate('mamori.internalAudit.effectiveYes')} />
            <FormControlLabel value="no" control={<Radio />} label={translate('mamori.internalAudit.effectiveNo')} />
          </RadioGroup>
          <MuiTextField multiline minRows={2} label={translate('resources.CorrectiveAction.fields.verificationNote')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { maxLength: 1000 } }} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={verify} data-testid="verify-submit">
            {translate('mamori.internalAudit.recordVerification')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The owner or the manager records the action until it is verified effective. */
const EditWhileOpen = () => {
  const record = useRecordContext<ActionRecord>();
  return record && record.effective !== true ? <EditButton /> : null;
};

export const CorrectiveActionShow = () => (
  <Show actions={<TopToolbar><EditWhileOpen /><VerifyButton /></TopToolbar>}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.CorrectiveAction.name">
          <FlagsField flags={FLAGS} />
          <Item label="resources.CorrectiveAction.fields.auditId"><AuditLink /></Item>
          <Item label="resources.CorrectiveAction.fields.findingId"><FindingOf /></Item>
          <Item label="resources.CorrectiveAction.fields.ownerId"><UserNameField source="ownerId" /></Item>
          <Item label="resources.CorrectiveAction.fields.dueOn"><DayField source="dueOn" /></Item>
          <Item label="resources.CorrectiveAction.fields.cause"><TextField source="cause" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} /></Item>
          <Item label="resources.CorrectiveAction.fields.actionTaken"><TextField source="actionTaken" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} /></Item>
          <Item label="resources.CorrectiveAction.fields.completedOn"><DayField source="completedOn" emptyText="—" /></Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.internalAudit.verification" testId="verification">
          <Item label="resources.CorrectiveAction.fields.verifiedOn"><DayField source="verifiedOn" emptyText="—" /></Item>
          <Item label="resources.CorrectiveAction.fields.effective"><EffectiveField /></Item>
          <Item label="resources.CorrectiveAction.fields.verifiedById"><UserNameField source="verifiedById" /></Item>
          <Item label="resources.CorrectiveAction.fields.verificationNote"><TextField source="verificationNote" emptyText="—" /></Item>
        </Section>
      </Grid>
    </Grid>
  </Show>
);

const EffectiveField = () => {
  const record = useRecordContext<ActionRecord>();
  const translate = useTranslate();
  if (!record || record.effective === null) return <span>—</span>;
  return <span data-testid="effective">{translate(record.effective ? 'mamori.internalAudit.effectiveYes' : 'mamori.internalAudit.effectiveNo')}</span>;
};

/** The manager assigns the action and sets its due day; the owner records the cause and what was done. */
const ActionForm = ({ editing = false, auditId }: { editing?: boolean; auditId?: string }) => {
  const { canAccess: manages } = useCanAccess({ resource: 'CorrectiveAction', action: 'create' });
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
      {manages ? (
        <ReferenceInput source="findingId" reference="AuditFinding" filter={{ kind: 'NONCONFORMITY', ...(auditId ? { auditId } : {}) }}>
          <SelectInput optionText="description" validate={required()} disabled={editing} />
        </ReferenceInput>
      ) : (
        <Item label="resources.CorrectiveAction.fields.findingId"><FindingOf /></Item>
      )}
      {manages && (
        <ReferenceInput source="ownerId" reference="User" filter={{ active: true }}>
          <SelectInput optionText="displayName" validate={required()} />
        </ReferenceInput>
      )}
      {manages && <DateInput source="dueOn" validate={required()} />}
      <TextInput source="cause" multiline minRows={2} fullWidth validate={maxLength(2000)} helperText="mamori.internalAudit.noPersonalData" />
      {editing && <TextInput source="actionTaken" multiline minRows={2} fullWidth validate={maxLength(2000)} helperText="mamori.internalAudit.noPersonalData" />}
      {editing && <DateInput source="completedOn" />}
    </SimpleForm>
  );
};

const backToAction = (_resource: string | undefined, id: unknown) => `CorrectiveAction/${id}/show`;
const backToAudit = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => `InternalAudit/${data?.auditId}/show`;

type ActionChange = { id: string; ownerId?: string; dueOn?: string; cause?: string | null; actionTaken?: string | null; completedOn?: string | null };

/** Only what the form offers is sent, and blanks stay unrecorded. */
const toChange = (manages: boolean) => ({ id, ownerId, dueOn, cause, actionTaken, completedOn }: ActionChange) => ({
  id,
  ...(manages ? { ownerId, dueOn } : {}),
  ...(cause?.trim() ? { cause } : {}),
  ...(actionTaken?.trim() ? { actionTaken } : {}),
  ...(completedOn ? { completedOn } : {}),
});

export const CorrectiveActionEdit = () => {
  const { canAccess: manages } = useCanAccess({ resource: 'CorrectiveAction', action: 'create' });
  return (
    <Edit mutationMode="pessimistic" redirect={backToAction} transform={toChange(Boolean(manages))}>
      <ActionForm editing />
    </Edit>
  );
};

const auditIdOf = (source: string | null): string | undefined => {
  try {
    const value = (JSON.parse(source ?? '{}') as { auditId?: unknown }).auditId;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** Opened from an audit's page with its id, to choose among that audit's nonconformities. */
export const CorrectiveActionCreate = () => {
  const [search] = useSearchParams();
  const auditId = auditIdOf(search.get('source'));
  return (
    <Create redirect={backToAudit} transform={({ findingId, ownerId, dueOn, cause }: ActionChange & { findingId: string }) => ({ findingId, ownerId, dueOn, ...(cause?.trim() ? { cause } : {}) })}>
      <ActionForm auditId={auditId} />
    </Create>
  );
};

