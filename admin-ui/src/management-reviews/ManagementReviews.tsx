import AddIcon from '@mui/icons-material/Add';
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Alert, Grid, LinearProgress, TextField as MuiTextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  Link,
  List,
  NumberField,
  NumberInput,
  ReferenceManyField,
  SearchInput,
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
} from 'react-admin';
import { MANAGEMENT_REVIEW_STATUSES } from '@mamori/shared';
import { ChipsField, DayField, EnumField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { Item, Section } from '../common/Section';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';
import { DialogButton } from './DialogButton';
import { InputsView } from './Inputs';

type ReviewRecord = { id: string; status: string; openActionCount: number; conclusions: string | null; periodFrom: string; periodTo: string };

const P = 'mamori.managementReview';
const statusChoices = enumChoices('ManagementReviewStatus', MANAGEMENT_REVIEW_STATUSES);
const ACTION_FLAGS = [{ source: 'overdue', label: 'mamori.flags.actionOverdue', tone: 'error' as const }];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="fiscalYear" source="fiscalYear" />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];

/** Every review, latest first: the period it covers, when it is or was held, and the actions still open. */
export const ManagementReviewList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'plannedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NumberField source="fiscalYear" options={{ useGrouping: false }} />
      <TextField source="title" />
      <DayField source="periodFrom" />
      <DayField source="periodTo" />
      <DayField source="plannedOn" />
      <DayField source="heldOn" emptyText="—" />
      <EnumField source="status" enumName="ManagementReviewStatus" />
      <NumberField source="openActionCount" sortable={false} />
    </Datagrid>
  </List>
);

/** Recorded as held: the day and the conclusions; the inputs gathered now are kept on the review as presented. */
const HoldButton = () => {
  const record = useRecordContext<ReviewRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReview', action: 'hold' });
  const [heldOn, setHeldOn] = useState(japanToday());
  const [conclusions, setConclusions] = useState<string | null>(null);
  if (!record || record.status !== 'PLANNED' || !canAccess) return null;
  return (
    <DialogButton
      label={`${P}.hold`}
      title={`${P}.holdTitle`}
      text={`${P}.holdText`}
      icon={<EventAvailableIcon />}
      testId="hold-review"
      done={`${P}.held`}
      ready={Boolean(heldOn)}
      run={() => dataProvider.holdManagementReview(String(record.id), heldOn, conclusions ?? record.conclusions ?? '')}
    >
      <MuiTextField type="date" label={translate('resources.ManagementReview.fields.heldOn')} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <MuiTextField
        multiline
        minRows={3}
        label={translate('resources.ManagementReview.fields.conclusions')}
        value={conclusions ?? record.conclusions ?? ''}
        onChange={(e) => setConclusions(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 2000 } }}
      />
    </DialogButton>
  );
};

/** Closed once held, concluded and every action done: the server names the rule when it refuses. */
const CloseButton = () => {
  const record = useRecordContext<ReviewRecord>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReview', action: 'close' });
  if (!record || record.status !== 'HELD' || !canAccess) return null;
  return (
    <DialogButton
      label={`${P}.close`}
      title={`${P}.closeTitle`}
      text={`${P}.closeText`}
      icon={<TaskAltIcon />}
      testId="close-review"
      done={`${P}.closed`}
      run={() => dataProvider.closeManagementReview(String(record.id))}
    />
  );
};

const EditWhileOpen = () => {
  const record = useRecordContext<ReviewRecord>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReview', action: 'edit' });
  return record && record.status !== 'CLOSED' && canAccess ? <EditButton /> : null;
};

const AddActionLink = () => {
  const record = useRecordContext<ReviewRecord>();
  const { canAccess } = useCanAccess({ resource: 'ManagementReviewAction', action: 'create' });
  if (!record || record.status !== 'HELD' || !canAccess) return null;
  return (
    <Button component={Link} to={`/ManagementReviewAction/create?source=${encodeURIComponent(JSON.stringify({ reviewId: record.id }))}`} label={`${P}.addAction`}>
      <AddIcon />
    </Button>
  );
};

const StatusNote = () => {
  const record = useRecordContext<ReviewRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status === 'CLOSED') return <Alert severity="success">{translate(`${P}.closedNote`)}</Alert>;
  if (record.status === 'HELD' && record.openActionCount > 0) return <Alert severity="warning" data-testid="open-actions">{translate(`${P}.openNote`, { count: record.openActionCount })}</Alert>;
  if (record.status === 'PLANNED') return <Alert severity="info">{translate(`${P}.plannedNote`)}</Alert>;
  return null;
};

/** What was presented once held (kept as it was); before that, what the records say today. */
const ReviewInputsSection = () => {
  const record = useRecordContext<ReviewRecord>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const held = record ? record.status !== 'PLANNED' : false;
  const inputs = useQuery({
    queryKey: ['ManagementReview', 'inputs', record?.id, held, record?.periodFrom, record?.periodTo],
    queryFn: () => dataProvider.managementReviewInputs(String(record!.id), held),
    enabled: Boolean(record),
  });
  if (!record) return null;
  return (
    <Section title={held ? `${P}.presentedInputs` : `${P}.liveInputs`} testId="inputs" fill={false}>
      {inputs.data ? <InputsView inputs={inputs.data} /> : <LinearProgress aria-label="…" />}
    </Section>
  );
};

const MultilineField = ({ source }: { source: string }) => <TextField source={source} emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />;

/** One review: its plan, who took part, the inputs, the conclusions and the actions decided. */
export const ManagementReviewShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditWhileOpen />
        <HoldButton />
        <CloseButton />
      </TopToolbar>
    }
  >
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <StatusNote />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.ManagementReview.name">
          <Item label="resources.ManagementReview.fields.title"><TextField source="title" /></Item>
          <Item label="resources.ManagementReview.fields.fiscalYear"><NumberField source="fiscalYear" options={{ useGrouping: false }} /></Item>
          <Item label={`${P}.period`}>
            <DayField source="periodFrom" /> – <DayField source="periodTo" />
          </Item>
          <Item label="resources.ManagementReview.fields.plannedOn"><DayField source="plannedOn" /></Item>
          <Item label="resources.ManagementReview.fields.heldOn"><DayField source="heldOn" emptyText="—" /></Item>
          <Item label="resources.ManagementReview.fields.status"><EnumField source="status" enumName="ManagementReviewStatus" /></Item>
          <Item label="resources.ManagementReview.fields.closedOn"><DayField source="closedOn" emptyText="—" /></Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title={`${P}.minutes`}>
          <Item label="resources.ManagementReview.fields.participants"><ChipsField source="participants" /></Item>
          <Item label="resources.ManagementReview.fields.lawChanges"><MultilineField source="lawChanges" /></Item>
          <Item label="resources.ManagementReview.fields.otherInputs"><MultilineField source="otherInputs" /></Item>
          <Item label="resources.ManagementReview.fields.conclusions"><MultilineField source="conclusions" /></Item>
        </Section>
      </Grid>
      <Grid size={12}>
        <ReviewInputsSection />
      </Grid>
      <Grid size={12}>
        <Section title="resources.ManagementReviewAction.name" action={<AddActionLink />} testId="review-actions" fill={false}>
          <ReferenceManyField reference="ManagementReviewAction" target="reviewId" sort={{ field: 'id', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false} rowClick="show">
              <TextField source="description" sortable={false} />
              <UserNameField label="resources.ManagementReviewAction.fields.ownerId" source="ownerId" sortable={false} />
              <DayField source="dueOn" />
              <EnumField source="status" enumName="ManagementReviewActionStatus" />
              <DayField source="doneOn" emptyText="—" />
              <TextField source="result" emptyText="—" sortable={false} />
              <FlagsField label="mamori.flags.title" flags={ACTION_FLAGS} sortable={false} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Grid>
    </Grid>
  </Show>
);

/** Participants typed one a line; cleaned when the form is saved. */
const linesToList = (text: string) => (text ? text.split('\n') : []);
const listToLines = (list: string[] | undefined) => (Array.isArray(list) ? list.join('\n') : '');

/** The plan (period covered, day) until held; who took part, the inputs in words and the conclusions until closed. */
const ReviewForm = ({ editing = false }: { editing?: boolean }) => {
  const record = useRecordContext<ReviewRecord>();
  const planned = !editing || record?.status === 'PLANNED';
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { plannedOn: japanToday(), participants: [] }}>
      <TextInput source="title" fullWidth validate={[required(), maxLength(200)]} />
      {planned ? (
        <>
          <DateInput source="periodFrom" validate={required()} />
          <DateInput source="periodTo" validate={required()} helperText={`${P}.periodHint`} />
          <DateInput source="plannedOn" validate={required()} />
        </>
      ) : (
        // held: the period and day are kept as they were, shown rather than offered
        <Item label={`${P}.period`}>
          <DayField source="periodFrom" /> – <DayField source="periodTo" />
        </Item>
      )}
      <TextInput source="participants" format={listToLines} parse={linesToList} multiline minRows={2} fullWidth helperText={`${P}.participantsHint`} />
      <TextInput source="lawChanges" multiline minRows={2} fullWidth validate={maxLength(2000)} helperText={`${P}.lawChangesHint`} />
      <TextInput source="otherInputs" multiline minRows={2} fullWidth validate={maxLength(2000)} helperText={`${P}.noPersonalData`} />
      {editing && <TextInput source="conclusions" multiline minRows={3} fullWidth validate={maxLength(2000)} helperText={`${P}.noPersonalData`} />}
    </SimpleForm>
  );
};

type ReviewChange = { id?: string; status?: string; title: string; periodFrom: string; periodTo: string; plannedOn: string; participants?: string[]; lawChanges?: string | null; otherInputs?: string | null; conclusions?: string | null };

/** What the form offers, with blank lines dropped; the plan only while it can still change. */
const toChange = ({ id, status, title, periodFrom, periodTo, plannedOn, participants, lawChanges, otherInputs, conclusions }: ReviewChange) => ({
  ...(id ? { id } : {}),
  title,
  ...(!status || status === 'PLANNED' ? { periodFrom, periodTo, plannedOn } : {}),
  participants: (participants ?? []).map((p) => p.trim()).filter(Boolean),
  lawChanges: lawChanges ?? '',
  otherInputs: otherInputs ?? '',
  ...(id ? { conclusions: conclusions ?? '' } : {}),
});

export const ManagementReviewEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toChange}>
    <ReviewForm editing />
  </Edit>
);

export const ManagementReviewCreate = () => (
  <Create redirect="show" transform={toChange}>
    <ReviewForm />
  </Create>
);
