import DoneAllIcon from '@mui/icons-material/DoneAll';
import { Grid, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  BooleanInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  Link,
  List,
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
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { MANAGEMENT_REVIEW_ACTION_STATUSES } from '@mamori/shared';
import { DayField, EnumField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { Item, Section } from '../common/Section';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';
import { DialogButton } from './DialogButton';

type ActionRecord = { id: string; reviewId: string; status: string; description: string };

const P = 'mamori.managementReview';
const FLAGS = [{ source: 'overdue', label: 'mamori.flags.actionOverdue', tone: 'error' as const }];
const filters = [
  <SelectInput key="status" source="status" choices={enumChoices('ManagementReviewActionStatus', MANAGEMENT_REVIEW_ACTION_STATUSES)} />,
  <BooleanInput key="overdue" source="overdue" />,
];

/** The manager and the auditor see every action decided; an owner sees their own. */
export const ReviewActionList = () => {
  const { canAccess: seesAll } = useCanAccess({ resource: 'ManagementReview', action: 'list' });
  return (
    <List title={seesAll ? undefined : `${P}.myActionsTitle`} filters={filters} exporter={false} sort={{ field: 'dueOn', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" />
        <TextField source="description" sortable={false} />
        <UserNameField label="resources.ManagementReviewAction.fields.ownerId" source="ownerId" sortable={false} />
        <DayField source="dueOn" />
        <EnumField source="status" enumName="ManagementReviewActionStatus" />
        <DayField source="doneOn" emptyText="—" />
        <FlagsField label="mamori.flags.title" flags={FLAGS} sortable={false} />
      </Datagrid>
    </List>
  );
};

/** The review the action came from: a link for those who read reviews, its number for an owner. */
const ReviewLink = () => {
  const record = useRecordContext<ActionRecord>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReview', action: 'show' });
  if (!record) return null;
  return canAccess ? <Link to={`/ManagementReview/${record.reviewId}/show`}>#{record.reviewId}</Link> : <span>#{record.reviewId}</span>;
};

/** The owner (or the manager) records what was done: the action is then done. */
const RecordResultButton = () => {
  const record = useRecordContext<ActionRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReviewAction', action: 'recordResult' });
  const [doneOn, setDoneOn] = useState(japanToday());
  const [result, setResult] = useState('');
  if (!record || record.status !== 'OPEN' || !canAccess) return null;
  return (
    <DialogButton
      label={`${P}.recordResult`}
      title={`${P}.recordResultTitle`}
      text={`${P}.recordResultText`}
      icon={<DoneAllIcon />}
      testId="record-result"
      done={`${P}.resultRecorded`}
      ready={Boolean(doneOn && result.trim())}
      run={() => dataProvider.recordManagementReviewActionResult(String(record.id), result, doneOn)}
    >
      <MuiTextField type="date" label={translate('resources.ManagementReviewAction.fields.doneOn')} value={doneOn} onChange={(e) => setDoneOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <MuiTextField
        multiline
        minRows={3}
        label={translate('resources.ManagementReviewAction.fields.result')}
        helperText={translate(`${P}.noPersonalData`)}
        value={result}
        onChange={(e) => setResult(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </DialogButton>
  );
};

const EditWhileOpen = () => {
  const record = useRecordContext<ActionRecord>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReviewAction', action: 'edit' });
  return record?.status === 'OPEN' && canAccess ? <EditButton /> : null;
};

export const ReviewActionShow = () => (
  <Show actions={<TopToolbar><EditWhileOpen /><RecordResultButton /></TopToolbar>}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.ManagementReviewAction.name">
          <FlagsField flags={FLAGS} />
          <Item label="resources.ManagementReviewAction.fields.reviewId"><ReviewLink /></Item>
          <Item label="resources.ManagementReviewAction.fields.description"><TextField source="description" sx={{ whiteSpace: 'pre-wrap' }} /></Item>
          <Item label="resources.ManagementReviewAction.fields.ownerId"><UserNameField source="ownerId" /></Item>
          <Item label="resources.ManagementReviewAction.fields.dueOn"><DayField source="dueOn" /></Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={`${P}.outcome`} testId="action-result">
          <Item label="resources.ManagementReviewAction.fields.status"><EnumField source="status" enumName="ManagementReviewActionStatus" /></Item>
          <Item label="resources.ManagementReviewAction.fields.doneOn"><DayField source="doneOn" emptyText="—" /></Item>
          <Item label="resources.ManagementReviewAction.fields.result"><TextField source="result" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} /></Item>
        </Section>
      </Grid>
    </Grid>
  </Show>
);

/** The manager decides what is done, by whom and by when (an internal auditor owns none). */
const ActionForm = ({ chooseReview = false }: { chooseReview?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
    {chooseReview && (
      <ReferenceInput source="reviewId" reference="ManagementReview" filter={{ status: 'HELD' }}>
        <SelectInput optionText="title" validate={required()} />
      </ReferenceInput>
    )}
    <TextInput source="description" multiline minRows={2} fullWidth validate={[required(), maxLength(2000)]} helperText={`${P}.noPersonalData`} />
    <ReferenceInput source="ownerId" reference="User" filter={{ active: true }}>
      <SelectInput optionText="displayName" validate={required()} />
    </ReferenceInput>
    <DateInput source="dueOn" validate={required()} />
  </SimpleForm>
);

const backToReview = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => `ManagementReview/${data?.reviewId}/show`;

type ActionChange = { id?: string; reviewId?: string; description: string; ownerId: string; dueOn: string };

export const ReviewActionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={({ id, description, ownerId, dueOn }: ActionChange) => ({ id, description, ownerId, dueOn })}>
    <ActionForm />
  </Edit>
);

const reviewIdOf = (source: string | null): string | undefined => {
  try {
    const value = (JSON.parse(source ?? '{}') as { reviewId?: unknown }).reviewId;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** Opened from a held review's page (or choosing among the reviews held), which it goes back to once saved. */
export const ReviewActionCreate = () => {
  const [search] = useSearchParams();
  const reviewId = reviewIdOf(search.get('source'));
  return (
    <Create redirect={backToReview} transform={(data: ActionChange) => ({ reviewId: reviewId ?? data.reviewId, description: data.description, ownerId: data.ownerId, dueOn: data.dueOn })}>
      <ActionForm chooseReview={!reviewId} />
    </Create>
  );
};
