import AddIcon from '@mui/icons-material/Add';
import { Grid } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Button,
  Create,
  Datagrid,
  DateInput,
  DateTimeInput,
  Edit,
  EditButton,
  Link,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  minValue,
  required,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { INCIDENT_KINDS } from '@mamori/shared';
import { DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { Item, Section } from '../common/Section';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { enumChoices } from '../i18n';

const kindChoices = enumChoices('IncidentKind', INCIDENT_KINDS);

const INCIDENT_FLAGS = [
  { source: 'reportable', label: 'mamori.flags.reportable', tone: 'info' as const },
  { source: 'preliminaryReportFlagged', label: 'mamori.flags.preliminaryFlagged', tone: 'warning' as const },
  { source: 'preliminaryReportOverdue', label: 'mamori.flags.preliminaryOverdue', tone: 'error' as const },
  { source: 'finalReportOverdue', label: 'mamori.flags.finalOverdue', tone: 'error' as const },
  { source: 'individualsNotificationPending', label: 'mamori.flags.notificationPending', tone: 'warning' as const },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={kindChoices} />,
  <NullableBooleanInput key="reportable" source="reportable" />,
  <NullableBooleanInput key="reportPending" source="reportPending" />,
  <NullableBooleanInput key="preliminaryReportOverdue" source="preliminaryReportOverdue" />,
  <NullableBooleanInput key="finalReportOverdue" source="finalReportOverdue" />,
];

/** The incident register with its report deadlines. */
export const IncidentList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'detectedAt', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="reference" />
      <EnumField source="kind" enumName="IncidentKind" />
      <InstantField source="detectedAt" />
      <NumberField source="peopleAffected" />
      <DayField source="preliminaryReportDueOn" sortable={false} />
      <DayField source="finalReportDueOn" sortable={false} />
      <NumberField source="openMeasureCount" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={INCIDENT_FLAGS} />
    </Datagrid>
  </List>
);

const AddMeasure = () => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'IncidentMeasure', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button component={Link} to={`/IncidentMeasure/create?source=${encodeURIComponent(JSON.stringify({ incidentId: record.id }))}`} label="mamori.incidents.addMeasure">
      <AddIcon />
    </Button>
  );
};

export const IncidentShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.Incident.name">
          <Item label="resources.Incident.fields.reference"><TextField source="reference" /></Item>
          <Item label="resources.Incident.fields.kind"><EnumField source="kind" enumName="IncidentKind" /></Item>
          <Item label="resources.Incident.fields.detectedAt"><InstantField source="detectedAt" /></Item>
          <Item label="resources.Incident.fields.description"><TextField source="description" /></Item>
          <Item label="resources.Incident.fields.peopleAffected"><NumberField source="peopleAffected" /></Item>
          <Grid container>
            <Grid size={4}><Item label="resources.Incident.fields.sensitiveData"><BooleanField source="sensitiveData" /></Item></Grid>
            <Grid size={4}><Item label="resources.Incident.fields.financialLossRisk"><BooleanField source="financialLossRisk" /></Item></Grid>
            <Grid size={4}><Item label="resources.Incident.fields.wrongfulPurpose"><BooleanField source="wrongfulPurpose" /></Item></Grid>
          </Grid>
          <Item label="resources.Incident.fields.subcontractorId">
            <ReferenceField source="subcontractorId" reference="Subcontractor" link="show" emptyText="—">
              <TextField source="name" />
            </ReferenceField>
          </Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.incidents.reports">
          <FlagsField flags={INCIDENT_FLAGS} />
          <Grid container spacing={1} sx={{ mt: 1 }}>
            <Grid size={6}><Item label="resources.Incident.fields.preliminaryReportDueOn"><DayField source="preliminaryReportDueOn" /></Item></Grid>
            <Grid size={6}><Item label="resources.Incident.fields.preliminaryReportedOn"><DayField source="preliminaryReportedOn" emptyText="—" /></Item></Grid>
            <Grid size={6}><Item label="resources.Incident.fields.finalReportDueOn"><DayField source="finalReportDueOn" /></Item></Grid>
            <Grid size={6}><Item label="resources.Incident.fields.finalReportedOn"><DayField source="finalReportedOn" emptyText="—" /></Item></Grid>
            <Grid size={6}><Item label="resources.Incident.fields.individualsNotifiedOn"><DayField source="individualsNotifiedOn" emptyText="—" /></Item></Grid>
            <Grid size={6}><Item label="resources.Incident.fields.daysSinceDetection"><NumberField source="daysSinceDetection" /></Item></Grid>
          </Grid>
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="resources.IncidentMeasure.name" action={<AddMeasure />} testId="measures">
          <ReferenceManyField reference="IncidentMeasure" target="incidentId" sort={{ field: 'id', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false} rowClick="edit">
              <TextField source="description" />
              <EnumField source="status" enumName="MeasureStatus" />
              <DayField source="dueOn" />
              <DayField source="doneOn" />
              <FlagsField label="mamori.flags.title" flags={[{ source: 'overdue', label: 'mamori.flags.measureOverdue', tone: 'error' }]} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Grid>
    </Grid>
  </Show>
);

const toInstant = (value: string) => (value ? new Date(value).toISOString() : null);

/** What happened, never the personal data of the people affected. */
const IncidentForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { sensitiveData: false, financialLossRisk: false, wrongfulPurpose: false, peopleAffected: 0 }}>
    <SelectInput source="kind" choices={kindChoices} validate={required()} />
    <DateTimeInput source="detectedAt" parse={toInstant} validate={required()} />
    <TextInput source="description" multiline minRows={3} fullWidth validate={[required(), maxLength(4000)]} helperText="mamori.incidents.descriptionHint" />
    <NumberInput source="peopleAffected" validate={[required(), minValue(0)]} />
    <BooleanInput source="sensitiveData" />
    <BooleanInput source="financialLossRisk" />
    <BooleanInput source="wrongfulPurpose" />
    <ReferenceInput source="subcontractorId" reference="Subcontractor">
      <SelectInput optionText="name" emptyText="mamori.common.none" />
    </ReferenceInput>
    {editing && <DateInput source="preliminaryReportedOn" />}
    {editing && <DateInput source="finalReportedOn" />}
    {editing && <DateInput source="individualsNotifiedOn" />}
  </SimpleForm>
);

export const IncidentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <IncidentForm editing />
  </Edit>
);

export const IncidentCreate = () => (
  <Create redirect="show">
    <IncidentForm />
  </Create>
);
