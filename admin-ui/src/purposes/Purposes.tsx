import {
  BooleanField,
  BooleanInput,
  CheckboxGroupInput,
  Create,
  Datagrid,
  Edit,
  EditButton,
  List,
  SaveButton,
  SearchInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  Toolbar,
  TopToolbar,
  maxLength,
  required,
} from 'react-admin';
import { SUBJECT_CATEGORIES } from '@mamori/shared';
import { ChipsField } from '../common/fields';
import { enumChoices } from '../i18n';
import { PurposeTitleField } from './PurposeTitleField';

const categoryChoices = enumChoices('SubjectCategory', SUBJECT_CATEGORIES);

/** The policy's purposes of use: every role may read them; the manager keeps them. */
export const PurposeList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} exporter={false} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <PurposeTitleField label="resources.PurposeOfUse.fields.title" sortBy="title" />
      <ChipsField source="categories" enumName="SubjectCategory" sortable={false} />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);

export const PurposeShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="titleJa" />
      <TextField source="title" />
      <TextField source="description" />
      <ChipsField source="categories" enumName="SubjectCategory" />
      <BooleanField source="active" />
    </SimpleShowLayout>
  </Show>
);

/** Purposes are deactivated, never deleted. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const PurposeForm = ({ creating = false }: { creating?: boolean }) => (
  <SimpleForm toolbar={<SaveOnly />} sx={{ maxWidth: 720 }}>
    <TextInput source="code" validate={[required(), maxLength(40)]} disabled={!creating} />
    <TextInput source="titleJa" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="description" multiline fullWidth validate={maxLength(2000)} />
    <CheckboxGroupInput source="categories" choices={categoryChoices} />
    <BooleanInput source="active" />
  </SimpleForm>
);

export const PurposeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <PurposeForm />
  </Edit>
);

export const PurposeCreate = () => (
  <Create redirect="show">
    <PurposeForm creating />
  </Create>
);
