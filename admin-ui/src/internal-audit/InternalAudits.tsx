import AddIcon from '@mui/icons-material/Add';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Alert, Grid } from '@mui/material';
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
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ChipsField, DayField, EnumField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { Item, Section } from '../common/Section';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { cleanDepartments, departmentsToText, statusChoices, textToDepartments } from './choices';

type AuditRecord = { id: string; status: string; openNonconformityCount: number };

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="fiscalYear" source="fiscalYear" />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];

const ACTION_FLAGS = [
  { source: 'overdue', label: 'mamori.flags.actionOverdue', tone: 'error' as const },
  { source: 'awaitingVerification', label: 'mamori.flags.awaitingVerification', tone: 'warning' as const },
  { source: 'effective', label: 'mamori.flags.verifiedEffective', tone: 'success' as const },
];

/** The year's plan: each audit, its dates, auditor and the nonconformities still open. */
export const InternalAuditList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'plannedFrom', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <NumberField source="fiscalYear" options={{ useGrouping: false }} />
      <TextField source="title" />
      <ChipsField source="departments" sortable={false} />
      <DayField source="plannedFrom" />
      <DayField source="plannedTo" />
      <UserNameField label="resources.InternalAudit.fields.auditorId" source="auditorId" sortable={false} />
      <EnumField source="status" enumName="InternalAuditStatus" />
      <NumberField source="openNonconformityCount" sortable={false} />
    </Datagrid>
  </List>
);

/** Closes the audit; the server refuses while a nonconformity's corrective actions are not all verified effective. */
const CloseAuditButton = () => {
  const record = useRecordContext<AuditRecord>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'InternalAudit', action: 'close' });
  if (!record || record.status === 'CLOSED' || !canAccess) return null;
  const close = async () => {
    try {
      await dataProvider.closeInternalAudit(String(record.id));
      notify('mamori.internalAudit.closed', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Button label="mamori.internalAudit.close" onClick={close}>
      <TaskAltIcon />
    </Button>
  );
};

const OpenOnly = ({ children }: { children: React.ReactNode }) => {
  const record = useRecordContext<AuditRecord>();
  return record?.status === 'CLOSED' ? null : <>{children}</>;
};

const AddLink = ({ resource, field, label }: { resource: string; field: string; label: string }) => {
  const record = useRecordContext<AuditRecord>();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!record || record.status === 'CLOSED' || !canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}/create?source=${encodeURIComponent(JSON.stringify({ [field]: record.id }))}`} label={label}>
      <AddIcon />
    </Button>
  );
};

const ClosedNote = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.status === 'CLOSED') return <Alert severity="success">{translate('mamori.internalAudit.closedNote')}</Alert>;
  if (record.openNonconformityCount > 0) return <Alert severity="warning" data-testid="open-nonconformities">{translate('mamori.internalAudit.openNote', { count: record.openNonconformityCount })}</Alert>;
  return null;
};

const ShowActions = () => (
  <TopToolbar>
    <OpenOnly>
      <EditButton />
    </OpenOnly>
    <CloseAuditButton />
  </TopToolbar>
);

/** One audit with its findings and the corrective actions of its nonconformities. */
export const InternalAuditShow = () => (
  <Show actions={<ShowActions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <ClosedNote />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="resources.InternalAudit.name">
          <Item label="resources.InternalAudit.fields.title"><TextField source="title" /></Item>
          <Item label="resources.InternalAudit.fields.fiscalYear"><NumberField source="fiscalYear" options={{ useGrouping: false }} /></Item>
          <Item label="resources.InternalAudit.fields.scope"><TextField source="scope" sx={{ whiteSpace: 'pre-wrap' }} /></Item>
          <Item label="resources.InternalAudit.fields.departments"><ChipsField source="departments" /></Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.internalAudit.schedule">
          <Item label="resources.InternalAudit.fields.plannedFrom"><DayField source="plannedFrom" /></Item>
          <Item label="resources.InternalAudit.fields.plannedTo"><DayField source="plannedTo" /></Item>
          <Item label="resources.InternalAudit.fields.auditorId"><UserNameField source="auditorId" /></Item>
          <Item label="resources.InternalAudit.fields.status"><EnumField source="status" enumName="InternalAuditStatus" /></Item>
          <Item label="resources.InternalAudit.fields.closedOn"><DayField source="closedOn" emptyText="—" /></Item>
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="resources.AuditFinding.name" action={<AddLink resource="AuditFinding" field="auditId" label="mamori.internalAudit.addFinding" />} testId="findings">
          <ReferenceManyField reference="AuditFinding" target="auditId" sort={{ field: 'id', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false} rowClick="edit">
              <EnumField source="kind" enumName="AuditFindingKind" />
              <EnumField source="area" enumName="AuditArea" />
              <TextField source="description" sortable={false} />
              <DayField source="foundOn" />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="resources.CorrectiveAction.name" action={<AddLink resource="CorrectiveAction" field="auditId" label="mamori.internalAudit.addAction" />} testId="corrective-actions">
          <ReferenceManyField reference="CorrectiveAction" target="auditId" sort={{ field: 'id', order: 'ASC' }}>
            <Datagrid bulkActionButtons={false} rowClick="show">
              <ReferenceField source="findingId" reference="AuditFinding" link={false} sortable={false}>
                <TextField source="description" />
              </ReferenceField>
              <UserNameField label="resources.CorrectiveAction.fields.ownerId" source="ownerId" sortable={false} />
              <DayField source="dueOn" />
              <TextField source="actionTaken" emptyText="—" sortable={false} />
              <DayField source="completedOn" emptyText="—" />
              <FlagsField label="mamori.flags.title" flags={ACTION_FLAGS} sortable={false} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Grid>
    </Grid>
  </Show>
);

/** An auditor from outside every audited department; the days within one fiscal year (1 April to 31 March). */
const AuditForm = ({ editing = false }: { editing?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { plannedFrom: japanToday(), plannedTo: japanToday(), departments: [] }}>
      <TextInput source="title" fullWidth validate={[required(), maxLength(200)]} />
      <TextInput source="scope" multiline minRows={3} fullWidth validate={[required(), maxLength(2000)]} helperText="mamori.internalAudit.noPersonalData" />
      <TextInput
        source="departments"
        format={departmentsToText}
        parse={textToDepartments}
        multiline
        minRows={2}
        fullWidth
        validate={required()}
        helperText={translate('mamori.internalAudit.departmentsHint')}
      />
      <DateInput source="plannedFrom" validate={required()} />
      <DateInput source="plannedTo" validate={required()} />
      <ReferenceInput source="auditorId" reference="User" filter={{ role: 'AUDITOR', active: true }}>
        <SelectInput optionText="displayName" validate={required()} />
      </ReferenceInput>
    </SimpleForm>
  );
};

type AuditChange = { id?: string; title: string; scope: string; departments: string[]; plannedFrom: string; plannedTo: string; auditorId: string };
const toChange = ({ id, title, scope, departments, plannedFrom, plannedTo, auditorId }: AuditChange) =>
  cleanDepartments({ ...(id ? { id } : {}), title, scope, departments, plannedFrom, plannedTo, auditorId });

export const InternalAuditEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toChange}>
    <AuditForm editing />
  </Edit>
);

export const InternalAuditCreate = () => (
  <Create redirect="show" transform={toChange}>
    <AuditForm />
  </Create>
);
