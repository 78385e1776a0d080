import {
  BooleanField,
  Create,
  Datagrid,
  Edit,
  EmailField,
  List,
  NullableBooleanInput,
  PasswordInput,
  SaveButton,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  Toolbar,
  email,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import { EnumField, InstantField } from '../common/fields';
import { DEPARTMENT_MAX, roleChoices } from './choices';
import { LockedField } from './LockedField';
import { UserActions } from './UserActions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <NullableBooleanInput key="active" source="active" />,
  <TextInput key="department" source="department" />,
];

/** Users and their roles (the privacy manager only). */
export const UserList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'displayName', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="displayName" />
      <EmailField source="email" />
      <EnumField source="role" enumName="Role" />
      <TextField source="department" />
      <BooleanField source="active" />
      <BooleanField source="totpEnabled" sortable={false} />
      <LockedField label="resources.User.fields.lockedUntil" sortable={false} />
    </Datagrid>
  </List>
);

export const UserShow = () => (
  <Show actions={<UserActions />}>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <EnumField source="role" enumName="Role" />
      <TextField source="department" emptyText="—" />
      <BooleanField source="active" />
      <LockedField label="resources.User.fields.lockedUntil" />
      <BooleanField source="totpEnabled" />
      <InstantField source="createdAt" />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

type UserChange = { id: string; displayName: string; role: string; department?: string | null };

/** Name, role and department; deactivation, unlocking and password resets are buttons on the user's page. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={({ id, displayName, role, department }: UserChange) => ({ id, displayName, role, department: department ?? '' })}>
    <SimpleForm toolbar={<SaveOnly />} sx={{ maxWidth: 600 }}>
      <TextInput source="email" disabled fullWidth />
      <TextInput source="displayName" validate={[required(), maxLength(100)]} fullWidth />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <TextInput source="department" validate={maxLength(DEPARTMENT_MAX)} fullWidth />
    </SimpleForm>
  </Edit>
);

export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm toolbar={<SaveOnly />} defaultValues={{ role: 'STAFF' }} sx={{ maxWidth: 600 }}>
      <TextInput source="email" validate={[required(), email(), maxLength(254)]} fullWidth />
      <TextInput source="displayName" validate={[required(), maxLength(100)]} fullWidth />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <TextInput source="department" validate={maxLength(DEPARTMENT_MAX)} fullWidth />
      <PasswordInput source="password" validate={[required(), minLength(12), maxLength(128)]} helperText="mamori.users.passwordHint" />
    </SimpleForm>
  </Create>
);
