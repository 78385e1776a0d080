import AddIcon from '@mui/icons-material/Add';
import { Alert, Grid } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Button,
  CheckboxGroupInput,
  ChipField,
  Create,
  CreateButton,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FilterButton,
  FormDataConsumer,
  Link,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceManyField,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SingleFieldList,
  TextArrayInput,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  minValue,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { ACQUISITION_METHODS, DATA_ITEMS, FOREIGN_TRANSFER_BASES, LEGAL_BASES, ROLES, STORAGE_MEDIA, SUBJECT_CATEGORIES } from '@mamori/shared';
import { ChipsField, DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { Item, Section } from '../common/Section';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { enumChoices } from '../i18n';
import { japanToday } from '../format';
import { CountryField } from './CountryField';
import { LedgerExportButtons } from './ExportButtons';
import { RecordReviewButton, RetireRecordButton } from './LedgerActions';

export const LEDGER_FLAGS = [
  { source: 'retiredAt', label: 'mamori.flags.retired', tone: 'default' as const },
  { source: 'reviewOverdue', label: 'mamori.flags.ledgerReviewOverdue', tone: 'error' as const },
  { source: 'highRiskUnmitigated', label: 'mamori.flags.highRiskUnmitigated', tone: 'error' as const },
  { source: 'riskAssessmentOverdue', label: 'mamori.flags.riskAssessmentOverdue', tone: 'warning' as const },
  { source: 'notAssessed', label: 'mamori.flags.notAssessed', tone: 'warning' as const },
];

export const RISK_FLAGS = [
  { source: 'retiredAt', label: 'mamori.flags.retired', tone: 'default' as const },
  { source: 'unmitigated', label: 'mamori.flags.highRiskUnmitigated', tone: 'error' as const },
  { source: 'overdue', label: 'mamori.flags.riskAssessmentOverdue', tone: 'warning' as const },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="subjectCategory" source="subjectCategory" choices={enumChoices('SubjectCategory', SUBJECT_CATEGORIES)} />,
  <NullableBooleanInput key="specialCare" source="specialCare" />,
  <NullableBooleanInput key="reviewOverdue" source="reviewOverdue" />,
  <NullableBooleanInput key="riskAssessmentOverdue" source="riskAssessmentOverdue" />,
  <NullableBooleanInput key="highRiskUnmitigated" source="highRiskUnmitigated" />,
  <NullableBooleanInput key="notAssessed" source="notAssessed" />,
  <NullableBooleanInput key="retired" source="retired" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <LedgerExportButtons />
  </TopToolbar>
);

/** The ledger: every kind of personal information held, with what is due. */
export const LedgerRecordList = () => (
  <List filters={filters} filterDefaultValues={{ retired: false }} actions={<ListActions />} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="department" />
      <EnumField source="subjectCategory" enumName="SubjectCategory" />
      <BooleanField source="specialCare" sortable={false} />
      <NumberField source="approximateRecords" />
      <DayField source="nextReviewDue" />
      <NumberField source="riskAssessmentCount" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={LEDGER_FLAGS} />
    </Datagrid>
  </List>
);

const AddRisk = () => {
  const record = useRecordContext<{ id: string; retiredAt: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'RiskAssessment', action: 'create' });
  if (!record || record.retiredAt || !canAccess) return null;
  return (
    <Button component={Link} to={`/RiskAssessment/create?source=${encodeURIComponent(JSON.stringify({ ledgerRecordId: record.id }))}`} label="mamori.ledger.addRisk">
      <AddIcon />
    </Button>
  );
};

const RiskAssessments = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'RiskAssessment', action: 'edit' });
  return (
    <ReferenceManyField reference="RiskAssessment" target="ledgerRecordId" filter={{ retired: false }} sort={{ field: 'id', order: 'ASC' }} perPage={100}>
      <Datagrid bulkActionButtons={false} rowClick={canEdit ? 'edit' : false} empty={<NoRisks />}>
        <EnumField source="stage" enumName="LifecycleStage" />
        <EnumField source="riskKind" enumName="RiskKind" />
        <EnumField source="likelihood" enumName="RiskLevel" />
        <EnumField source="impact" enumName="RiskLevel" />
        <EnumField source="inherentRisk" enumName="RiskLevel" />
        <EnumField source="residualRisk" enumName="RiskLevel" />
        <TextField source="plannedMeasure" emptyText="—" />
        <DayField source="reviewedOn" />
        <DayField source="nextAssessmentDue" />
        <FlagsField label="mamori.flags.title" flags={RISK_FLAGS} />
      </Datagrid>
    </ReferenceManyField>
  );
};

const NoRisks = () => {
  const translate = useTranslate();
  return <Alert severity="warning">{translate('mamori.ledger.noRisks')}</Alert>;
};

const ShowActions = () => (
  <TopToolbar>
    <RecordReviewButton />
    <EditButton />
    <RetireRecordButton />
  </TopToolbar>
);

const Flag = ({ source }: { source: string }) => <BooleanField source={source} />;

export const LedgerRecordShow = () => (
  <Show actions={<ShowActions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={12}>
        <FlagsField flags={LEDGER_FLAGS} />
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.ledger.what">
          <Item label="resources.LedgerRecord.fields.name"><TextField source="name" /></Item>
          <Item label="resources.LedgerRecord.fields.department"><TextField source="department" /></Item>
          <Item label="resources.LedgerRecord.fields.subjectCategory"><EnumField source="subjectCategory" enumName="SubjectCategory" /></Item>
          <Item label="resources.LedgerRecord.fields.dataItems"><ChipsField source="dataItems" enumName="DataItem" /></Item>
          <Item label="resources.LedgerRecord.fields.otherDataItems"><ChipsField source="otherDataItems" /></Item>
          <Grid container>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.specialCare"><Flag source="specialCare" /></Item></Grid>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.approximateRecords"><NumberField source="approximateRecords" /></Item></Grid>
          </Grid>
          <Item label="resources.LedgerRecord.fields.acquisitionMethod"><EnumField source="acquisitionMethod" enumName="AcquisitionMethod" /></Item>
          <Item label="resources.LedgerRecord.fields.purposeIds">
            <ReferenceArrayField source="purposeIds" reference="PurposeOfUse">
              <SingleFieldList linkType={false}><ChipField source="code" size="small" /></SingleFieldList>
            </ReferenceArrayField>
          </Item>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.ledger.storage">
          <Item label="resources.LedgerRecord.fields.storageSystem"><TextField source="storageSystem" emptyText="—" /></Item>
          <Grid container>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.storageMedium"><EnumField source="storageMedium" enumName="StorageMedium" /></Item></Grid>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.storageLocation"><TextField source="storageLocation" /></Item></Grid>
          </Grid>
          <Item label="resources.LedgerRecord.fields.accessRoles"><ChipsField source="accessRoles" enumName="Role" /></Item>
          <Item label="resources.LedgerRecord.fields.accessDepartments"><ChipsField source="accessDepartments" /></Item>
          <Grid container>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.retentionPeriod"><TextField source="retentionPeriod" /></Item></Grid>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.disposalMethod"><TextField source="disposalMethod" /></Item></Grid>
          </Grid>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.ledger.sharing">
          <Item label="resources.LedgerRecord.fields.subcontractorIds">
            <ReferenceArrayField source="subcontractorIds" reference="Subcontractor">
              <SingleFieldList linkType="show"><ChipField source="name" size="small" /></SingleFieldList>
            </ReferenceArrayField>
          </Item>
          <Grid container>
            <Grid size={4}><Item label="resources.LedgerRecord.fields.thirdPartyProvision"><Flag source="thirdPartyProvision" /></Item></Grid>
            <Grid size={8}><Item label="resources.LedgerRecord.fields.provisionBasis"><EnumField source="provisionBasis" enumName="LegalBasis" /></Item></Grid>
          </Grid>
          <Item label="resources.LedgerRecord.fields.provisionRecipients"><TextField source="provisionRecipients" emptyText="—" /></Item>
          <Grid container>
            <Grid size={4}><Item label="resources.LedgerRecord.fields.foreignTransfer"><Flag source="foreignTransfer" /></Item></Grid>
            <Grid size={4}><Item label="resources.LedgerRecord.fields.foreignCountry"><CountryField source="foreignCountry" /></Item></Grid>
            <Grid size={4}><Item label="resources.LedgerRecord.fields.foreignTransferBasis"><EnumField source="foreignTransferBasis" enumName="ForeignTransferBasis" /></Item></Grid>
          </Grid>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Section title="mamori.ledger.review">
          <Grid container>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.lastReviewedOn"><DayField source="lastReviewedOn" /></Item></Grid>
            <Grid size={6}><Item label="resources.LedgerRecord.fields.nextReviewDue"><DayField source="nextReviewDue" /></Item></Grid>
          </Grid>
          <Item label="resources.LedgerRecord.fields.retiredAt"><InstantField source="retiredAt" emptyText="—" /></Item>
          <Item label="resources.LedgerRecord.fields.note"><TextField source="note" emptyText="—" /></Item>
        </Section>
      </Grid>
      <Grid size={12}>
        <Section title="resources.RiskAssessment.name" action={<AddRisk />} testId="risks">
          <RiskAssessments />
        </Section>
      </Grid>
    </Grid>
  </Show>
);

/** A provision or a foreign transfer switched off takes its details with it (the server refuses them alone). */
const clean = (data: RaRecord) => ({
  ...data,
  storageSystem: data.storageSystem || null,
  ...(data.thirdPartyProvision ? {} : { provisionBasis: null, provisionRecipients: null }),
  ...(data.foreignTransfer ? {} : { foreignCountry: null, foreignTransferBasis: null }),
  dataItems: (data.otherDataItems?.length ? [...new Set([...(data.dataItems ?? []), 'OTHER'])] : (data.dataItems ?? []).filter((i: string) => i !== 'OTHER')),
});

const upper = (value: string) => (value ? value.toUpperCase() : value);
const items = DATA_ITEMS.filter((i) => i !== 'OTHER');

/** What the record describes; never anyone's data (no names of people, no e-mail addresses or telephone numbers). */
const LedgerRecordForm = ({ creating = false }: { creating?: boolean }) => (
  <SimpleForm
    toolbar={<SaveOnlyToolbar />}
    sx={{ maxWidth: 760 }}
    defaultValues={creating ? { specialCare: false, thirdPartyProvision: false, foreignTransfer: false, storageMedium: 'ELECTRONIC', lastReviewedOn: japanToday(), dataItems: [], accessRoles: ['PRIVACY_MANAGER'] } : undefined}
  >
    <Alert severity="info" sx={{ mb: 2 }}>{<NoPersonalData />}</Alert>
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="department" validate={[required(), maxLength(100)]} />
    <SelectInput source="subjectCategory" choices={enumChoices('SubjectCategory', SUBJECT_CATEGORIES)} validate={required()} />
    <CheckboxGroupInput source="dataItems" choices={enumChoices('DataItem', items)} />
    <TextArrayInput source="otherDataItems" helperText="mamori.ledger.enterToAdd" fullWidth />
    <BooleanInput source="specialCare" />
    <NumberInput source="approximateRecords" validate={[required(), minValue(0)]} />
    <SelectInput source="acquisitionMethod" choices={enumChoices('AcquisitionMethod', ACQUISITION_METHODS)} validate={required()} />
    <ReferenceArrayInput source="purposeIds" reference="PurposeOfUse" filter={{ active: true }} perPage={100}>
      <SelectArrayInput optionText="code" label="resources.LedgerRecord.fields.purposeIds" validate={required()} />
    </ReferenceArrayInput>
    <SelectInput source="storageMedium" choices={enumChoices('StorageMedium', STORAGE_MEDIA)} validate={required()} />
    <TextInput source="storageSystem" validate={maxLength(200)} helperText="mamori.ledger.storageSystemHint" />
    <TextInput source="storageLocation" validate={[required(), maxLength(200)]} fullWidth />
    <CheckboxGroupInput source="accessRoles" choices={enumChoices('Role', ROLES)} />
    <TextArrayInput source="accessDepartments" helperText="mamori.ledger.enterToAdd" fullWidth />
    <TextInput source="retentionPeriod" validate={[required(), maxLength(200)]} />
    <TextInput source="disposalMethod" validate={[required(), maxLength(300)]} fullWidth />
    <ReferenceArrayInput source="subcontractorIds" reference="Subcontractor" filter={{ active: true }} perPage={100}>
      <SelectArrayInput optionText="name" label="resources.LedgerRecord.fields.subcontractorIds" />
    </ReferenceArrayInput>
    <BooleanInput source="thirdPartyProvision" />
    <FormDataConsumer>
      {({ formData }) =>
        formData.thirdPartyProvision && (
          <>
            <SelectInput source="provisionBasis" choices={enumChoices('LegalBasis', LEGAL_BASES)} validate={required()} />
            <TextInput source="provisionRecipients" validate={maxLength(500)} fullWidth />
          </>
        )
      }
    </FormDataConsumer>
    <BooleanInput source="foreignTransfer" />
    <FormDataConsumer>
      {({ formData }) =>
        formData.foreignTransfer && (
          <>
            <TextInput source="foreignCountry" parse={upper} validate={[required(), maxLength(2)]} helperText="mamori.ledger.countryHint" />
            <SelectInput source="foreignTransferBasis" choices={enumChoices('ForeignTransferBasis', FOREIGN_TRANSFER_BASES)} validate={required()} />
          </>
        )
      }
    </FormDataConsumer>
    <TextInput source="note" multiline validate={maxLength(1000)} fullWidth />
    {creating && <DateInput source="lastReviewedOn" />}
  </SimpleForm>
);

const NoPersonalData = () => {
  const translate = useTranslate();
  return <>{translate('mamori.ledger.noPersonalData')}</>;
};

export const LedgerRecordEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={clean}>
    <LedgerRecordForm />
  </Edit>
);

export const LedgerRecordCreate = () => (
  <Create redirect="show" transform={clean}>
    <LedgerRecordForm creating />
  </Create>
);
