import AddIcon from '@mui/icons-material/Add';
import { Alert, Grid } from '@mui/material';
import {
  BooleanField,
  BooleanInput,
  Button,
  CheckboxGroupInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  Link,
  List,
  NullableBooleanInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceManyField,
  SaveButton,
  SearchInput,
  SelectArrayInput,
  Show,
  SimpleForm,
  SingleFieldList,
  ChipField,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
  required,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { SUBJECT_CATEGORIES } from '@mamori/shared';
import { ChipsField, DayField, EnumField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { Item, Section } from '../common/Section';
import { enumChoices } from '../i18n';
import { UserNameField } from '../common/UserNameField';

const categoryChoices = enumChoices('SubjectCategory', SUBJECT_CATEGORIES);

export const SUBCONTRACTOR_FLAGS = [
  { source: 'allowedToReceiveData', label: 'mamori.flags.notAllowed', tone: 'error' as const, when: false },
  { source: 'flaggedNonCompliant', label: 'mamori.flags.nonCompliant', tone: 'error' as const },
  { source: 'reviewOverdue', label: 'mamori.flags.reviewOverdue', tone: 'warning' as const },
  { source: 'agreementInForce', label: 'mamori.flags.noAgreement', tone: 'warning' as const, when: false },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="active" source="active" />,
  <NullableBooleanInput key="allowedToReceiveData" source="allowedToReceiveData" />,
  <NullableBooleanInput key="reviewOverdue" source="reviewOverdue" />,
  <NullableBooleanInput key="flaggedNonCompliant" source="flaggedNonCompliant" />,
  <NullableBooleanInput key="meetsStandards" source="meetsStandards" />,
];

/** Entrusted parties with the flags supervisors act on. */
export const SubcontractorList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="contact" sortable={false} />
      <ChipsField source="entrustedCategories" enumName="SubjectCategory" sortable={false} />
      <DayField source="agreementExpiresOn" sortable={false} />
      <DayField source="nextReviewDue" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={SUBCONTRACTOR_FLAGS} />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

/** Adds a record of a subcontractor (agreement, review, hand-over) with the subcontractor filled in. */
const AddFor = ({ resource, label }: { resource: string; label: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}/create?source=${encodeURIComponent(JSON.stringify({ subcontractorId: record.id }))}`} label={label}>
      <AddIcon />
    </Button>
  );
};

const NotAllowedReasons = () => {
  const record = useRecordContext<{ allowedToReceiveData: boolean; notAllowedBecause: string[] }>();
  const translate = useTranslate();
  if (!record || record.allowedToReceiveData) return null;
  return (
    <Alert severity="error" data-testid="not-allowed">
      {translate('mamori.subcontractors.notAllowed')}: {record.notAllowedBecause.map((r) => translate(`mamori.rules.${r}`)).join(' / ')}
    </Alert>
  );
};

const SubcontractorDetail = () => (
  <Grid container spacing={2} sx={{ p: 2 }}>
    <Grid size={12}>
      <NotAllowedReasons />
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <Section title="resources.Subcontractor.name">
        <Item label="resources.Subcontractor.fields.name"><TextField source="name" /></Item>
        <Item label="resources.Subcontractor.fields.contact"><TextField source="contact" /></Item>
        <Item label="resources.Subcontractor.fields.entrustedCategories"><ChipsField source="entrustedCategories" enumName="SubjectCategory" /></Item>
        <Item label="resources.Subcontractor.fields.entrustedPurposes">
          <ReferenceArrayField source="entrustedPurposes" reference="PurposeOfUse">
            <SingleFieldList linkType={false}><ChipField source="code" size="small" /></SingleFieldList>
          </ReferenceArrayField>
        </Item>
      </Section>
    </Grid>
    <Grid size={{ xs: 12, md: 6 }}>
      <Section title="mamori.subcontractors.standing">
        <FlagsField flags={SUBCONTRACTOR_FLAGS} />
        <Grid container spacing={1} sx={{ mt: 1 }}>
          <Grid size={6}><Item label="resources.Subcontractor.fields.meetsStandards"><BooleanField source="meetsStandards" /></Item></Grid>
          <Grid size={6}><Item label="resources.Subcontractor.fields.lastAssessedOn"><DayField source="lastAssessedOn" /></Item></Grid>
          <Grid size={6}><Item label="resources.Subcontractor.fields.agreementExpiresOn"><DayField source="agreementExpiresOn" emptyText="—" /></Item></Grid>
          <Grid size={6}><Item label="resources.Subcontractor.fields.lastReviewedOn"><DayField source="lastReviewedOn" emptyText="—" /></Item></Grid>
          <Grid size={6}><Item label="resources.Subcontractor.fields.nextReviewDue"><DayField source="nextReviewDue" emptyText="—" /></Item></Grid>
          <Grid size={6}><Item label="resources.Subcontractor.fields.active"><BooleanField source="active" /></Item></Grid>
        </Grid>
      </Section>
    </Grid>
    <Grid size={12}>
      <Section title="resources.ConfidentialityAgreement.name" action={<AddFor resource="ConfidentialityAgreement" label="mamori.subcontractors.addAgreement" />} testId="agreements">
        <ReferenceManyField reference="ConfidentialityAgreement" target="subcontractorId" sort={{ field: 'expiresOn', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <DayField source="signedOn" />
            <DayField source="effectiveFrom" />
            <DayField source="expiresOn" />
            <TextField source="documentRef" />
            <FlagsField label="mamori.flags.title" flags={AGREEMENT_FLAGS} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Grid>
    <Grid size={12}>
      <Section title="resources.SupervisionReview.name" action={<AddFor resource="SupervisionReview" label="mamori.subcontractors.addReview" />} testId="reviews">
        <ReferenceManyField reference="SupervisionReview" target="subcontractorId" sort={{ field: 'reviewedOn', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <DayField source="reviewedOn" />
            <UserNameField source="reviewerId" label="resources.SupervisionReview.fields.reviewerId" />
            <EnumField source="result" enumName="ReviewResult" />
            <TextField source="findings" />
            <DayField source="nextReviewDue" />
            <FlagsField label="mamori.flags.title" flags={[{ source: 'overdue', label: 'mamori.flags.reviewOverdue', tone: 'warning' }]} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Grid>
    <Grid size={12}>
      <Section title="resources.Entrustment.name" action={<AddFor resource="Entrustment" label="mamori.subcontractors.addEntrustment" />} testId="entrustments">
        <ReferenceManyField reference="Entrustment" target="subcontractorId" sort={{ field: 'handedOverOn', order: 'DESC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <DayField source="handedOverOn" />
            <ChipsField source="dataCategories" enumName="SubjectCategory" />
            <TextField source="subjectCount" />
            <DayField source="endsOn" />
            <DayField source="closedOn" />
            <FlagsField label="mamori.flags.title" flags={ENTRUSTMENT_FLAGS} />
          </Datagrid>
        </ReferenceManyField>
      </Section>
    </Grid>
  </Grid>
);

export const AGREEMENT_FLAGS = [
  { source: 'inForce', label: 'mamori.flags.inForce', tone: 'success' as const },
  { source: 'expiringSoon', label: 'mamori.flags.expiringSoon', tone: 'warning' as const },
  { source: 'renewed', label: 'mamori.flags.renewed', tone: 'info' as const },
];

export const ENTRUSTMENT_FLAGS = [
  { source: 'open', label: 'mamori.flags.open', tone: 'info' as const },
  { source: 'pastEnd', label: 'mamori.flags.pastEnd', tone: 'error' as const },
];

export const SubcontractorShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SubcontractorDetail />
  </Show>
);

/** Deactivated, never deleted: save only. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const SubcontractorForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnly />} sx={{ maxWidth: 720 }}>
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="contact" validate={[required(), maxLength(300)]} fullWidth helperText="mamori.subcontractors.contactHint" />
    <CheckboxGroupInput source="entrustedCategories" choices={categoryChoices} />
    <ReferenceArrayInput source="entrustedPurposes" reference="PurposeOfUse" perPage={100}>
      <SelectArrayInput optionText="code" label="resources.Subcontractor.fields.entrustedPurposes" />
    </ReferenceArrayInput>
    <BooleanInput source="meetsStandards" />
    <DateInput source="lastAssessedOn" />
    {editing && <BooleanInput source="active" />}
  </SimpleForm>
);

export const SubcontractorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SubcontractorForm editing />
  </Edit>
);

export const SubcontractorCreate = () => (
  <Create redirect="show">
    <SubcontractorForm />
  </Create>
);
