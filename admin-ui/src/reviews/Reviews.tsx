import {
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FormDataConsumer,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  required,
} from 'react-admin';
import { REVIEW_RESULTS } from '@mamori/shared';
import { DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserNameField } from '../common/UserNameField';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';
import { addMonths } from '../cases/rules';

const resultChoices = enumChoices('ReviewResult', REVIEW_RESULTS);
const REVIEW_FLAGS = [
  { source: 'overdue', label: 'mamori.flags.reviewOverdue', tone: 'warning' as const },
  { source: 'superseded', label: 'mamori.flags.superseded', tone: 'default' as const },
];

const filters = [
  <ReferenceInput key="subcontractorId" source="subcontractorId" reference="Subcontractor" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="result" source="result" choices={resultChoices} />,
  <NullableBooleanInput key="overdue" source="overdue" />,
];

/** Supervision reviews: the regular management and supervision the policy promises. */
export const ReviewList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'reviewedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show" sortable={false}>
        <TextField source="name" />
      </ReferenceField>
      <DayField source="reviewedOn" />
      <UserNameField source="reviewerId" label="resources.SupervisionReview.fields.reviewerId" sortable={false} />
      <EnumField source="result" enumName="ReviewResult" />
      <DayField source="nextReviewDue" />
      <FlagsField label="mamori.flags.title" flags={REVIEW_FLAGS} />
    </Datagrid>
  </List>
);

export const ReviewShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show">
        <TextField source="name" />
      </ReferenceField>
      <DayField source="reviewedOn" />
      <UserNameField source="reviewerId" label="resources.SupervisionReview.fields.reviewerId" />
      <EnumField source="result" enumName="ReviewResult" />
      <TextField source="findings" />
      <TextField source="correctiveActions" />
      <DayField source="nextReviewDue" />
      <FlagsField label="mamori.flags.title" flags={REVIEW_FLAGS} />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

/** Findings are required unless the result is COMPLIANT (the server says so too). */
const ReviewForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { reviewedOn: japanToday(), result: 'COMPLIANT', nextReviewDue: addMonths(japanToday(), 12) }}>
    <ReferenceInput source="subcontractorId" reference="Subcontractor">
      <SelectInput optionText="name" validate={required()} disabled={editing} />
    </ReferenceInput>
    <DateInput source="reviewedOn" validate={required()} />
    <SelectInput source="result" choices={resultChoices} validate={required()} />
    <FormDataConsumer<{ result?: string }>>
      {({ formData }) => (
        <TextInput source="findings" multiline minRows={2} fullWidth validate={formData.result && formData.result !== 'COMPLIANT' ? [required(), maxLength(4000)] : maxLength(4000)} />
      )}
    </FormDataConsumer>
    <TextInput source="correctiveActions" multiline minRows={2} fullWidth validate={maxLength(4000)} />
    <DateInput source="nextReviewDue" validate={required()} />
  </SimpleForm>
);

export const ReviewEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ReviewForm editing />
  </Edit>
);

export const ReviewCreate = () => (
  <Create redirect="show">
    <ReviewForm />
  </Create>
);
