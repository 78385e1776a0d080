import {
  Create,
  Datagrid,
  DateInput,
  List,
  NullableBooleanInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  useTranslate,
} from 'react-admin';
import { SUBJECT_CATEGORIES } from '@mamori/shared';
import { ChipsField, DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField, PAST_RETENTION_FLAGS as FLAGS } from '../common/FlagField';
import { cleanLines, LinesInput } from '../common/LinesInput';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserNameField } from '../common/UserNameField';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';

const categoryChoices = enumChoices('SubjectCategory', SUBJECT_CATEGORIES);

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="subjectCategory" source="subjectCategory" choices={categoryChoices} />,
  <NullableBooleanInput key="pastRetention" source="pastRetention" />,
];

/** Personal data received from third parties, with the provider's confirmation (APPI art. 30); kept three years. */
export const ReceivedDataList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'receivedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="providerName" />
      <DayField source="receivedOn" />
      <EnumField source="subjectCategory" enumName="SubjectCategory" />
      <ChipsField source="items" sortable={false} />
      <DayField source="retainUntil" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={FLAGS} />
    </Datagrid>
  </List>
);

export const ReceivedDataShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <TextField source="providerName" />
      <TextField source="providerAddress" />
      <TextField source="providerRepresentative" />
      <TextField source="acquisitionMethod" />
      <DayField source="receivedOn" />
      <EnumField source="subjectCategory" enumName="SubjectCategory" />
      <ChipsField source="items" />
      <TextField source="note" />
      <UserNameField source="recordedById" label="resources.ReceivedDataRecord.fields.recordedById" />
      <InstantField source="createdAt" />
      <DayField source="retainUntil" />
      <FlagsField label="mamori.flags.title" flags={FLAGS} />
    </SimpleShowLayout>
  </Show>
);

const clean = (data: { items?: string[]; providerRepresentative?: string | null; note?: string | null }) => ({
  ...data,
  items: cleanLines(data.items),
  providerRepresentative: data.providerRepresentative?.trim() || null,
  note: data.note?.trim() || null,
});

/** The confirmation must be complete before the record is kept: who provided the data and how they acquired it. */
export const ReceivedDataCreate = () => {
  const translate = useTranslate();
  return (
    <Create redirect="show" transform={clean}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={{ receivedOn: japanToday(), items: [], subjectCategory: 'CUSTOMER' }}>
        <TextInput source="providerName" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="providerAddress" validate={[required(), maxLength(300)]} fullWidth />
        <TextInput source="providerRepresentative" validate={maxLength(100)} fullWidth helperText={translate('mamori.receivedData.representativeHint')} />
        <TextInput source="acquisitionMethod" validate={[required(), maxLength(1000)]} multiline minRows={2} fullWidth helperText={translate('mamori.receivedData.acquisitionHint')} />
        <DateInput source="receivedOn" validate={required()} />
        <SelectInput source="subjectCategory" choices={categoryChoices} validate={required()} />
        <LinesInput source="items" helperText={translate('mamori.receivedData.itemsHint')} validate={required()} />
        <TextInput source="note" multiline fullWidth validate={maxLength(1000)} />
      </SimpleForm>
    </Create>
  );
};
