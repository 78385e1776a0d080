import {
  ChipField,
  CheckboxGroupInput,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { SUBJECT_CATEGORIES } from '@mamori/shared';
import { ChipsField, DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { cleanLines, LinesInput } from '../common/LinesInput';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';
import { ENTRUSTMENT_FLAGS } from '../subcontractors/Subcontractors';
import { CloseEntrustmentButton } from './CloseButton';

const categoryChoices = enumChoices('SubjectCategory', SUBJECT_CATEGORIES);

const filters = [
  <ReferenceInput key="subcontractorId" source="subcontractorId" reference="Subcontractor" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="open" source="open" />,
  <NullableBooleanInput key="pastEnd" source="pastEnd" />,
];

/** Hand-overs of personal data to subcontractors; open ones past their end day are flagged. */
export const EntrustmentList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'handedOverOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show" sortable={false}>
        <TextField source="name" />
      </ReferenceField>
      <DayField source="handedOverOn" />
      <ChipsField source="dataCategories" enumName="SubjectCategory" sortable={false} />
      <NumberField source="subjectCount" sortable={false} />
      <DayField source="endsOn" />
      <DayField source="closedOn" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={ENTRUSTMENT_FLAGS} />
    </Datagrid>
  </List>
);

export const EntrustmentShow = () => (
  <Show actions={<TopToolbar><CloseEntrustmentButton /><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show">
        <TextField source="name" />
      </ReferenceField>
      <FlagsField label="mamori.flags.title" flags={ENTRUSTMENT_FLAGS} />
      <ChipsField source="dataCategories" enumName="SubjectCategory" />
      <ChipsField source="dataItems" />
      <NumberField source="subjectCount" />
      <ReferenceArrayField source="purposeIds" reference="PurposeOfUse">
        <SingleFieldList linkType={false}><ChipField source="code" size="small" /></SingleFieldList>
      </ReferenceArrayField>
      <DayField source="handedOverOn" />
      <DayField source="endsOn" />
      <NumberField source="daysToEnd" />
      <TextField source="note" />
      <DayField source="closedOn" />
      <EnumField source="certificateKind" enumName="CertificateKind" />
      <TextField source="certificateRef" />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

const clean = (data: { dataItems?: string[] }) => ({ ...data, dataItems: cleanLines(data.dataItems) });

const EntrustmentForm = ({ editing = false }: { editing?: boolean }) => {
  const translate = useTranslate();
  return (
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { handedOverOn: japanToday(), dataItems: [] }}>
      <ReferenceInput source="subcontractorId" reference="Subcontractor" filter={{ active: true }}>
        <SelectInput optionText="name" validate={required()} disabled={editing} />
      </ReferenceInput>
      <CheckboxGroupInput source="dataCategories" choices={categoryChoices} validate={required()} />
      <LinesInput source="dataItems" helperText={translate('mamori.entrustments.dataItemsHint')} />
      <NumberInput source="subjectCount" validate={[required(), minValue(1)]} />
      <ReferenceArrayInput source="purposeIds" reference="PurposeOfUse" perPage={100}>
        <SelectArrayInput optionText="code" label="resources.Entrustment.fields.purposeIds" validate={required()} />
      </ReferenceArrayInput>
      <DateInput source="handedOverOn" validate={required()} />
      <DateInput source="endsOn" validate={required()} />
      <TextInput source="note" multiline fullWidth validate={maxLength(2000)} />
    </SimpleForm>
  );
};

export const EntrustmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={clean}>
    <EntrustmentForm editing />
  </Edit>
);

/** A hand-over to a subcontractor that may not receive data is refused by the server, naming the rule. */
export const EntrustmentCreate = () => (
  <Create redirect="show" transform={clean}>
    <EntrustmentForm />
  </Create>
);
