import {
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  List,
  NullableBooleanInput,
  NumberField,
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
import { DayField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { AGREEMENT_FLAGS } from '../subcontractors/Subcontractors';

const filters = [
  <ReferenceInput key="subcontractorId" source="subcontractorId" reference="Subcontractor" alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="inForce" source="inForce" />,
  <NullableBooleanInput key="expiringSoon" source="expiringSoon" />,
  <NullableBooleanInput key="needsRenewal" source="needsRenewal" />,
];

/** Confidentiality agreements; those expiring within 30 days are flagged. */
export const AgreementList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'expiresOn', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show" sortable={false}>
        <TextField source="name" />
      </ReferenceField>
      <DayField source="signedOn" />
      <DayField source="effectiveFrom" />
      <DayField source="expiresOn" />
      <NumberField source="daysToExpiry" sortable={false} />
      <TextField source="documentRef" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={AGREEMENT_FLAGS} />
    </Datagrid>
  </List>
);

export const AgreementShow = () => (
  <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
    <SimpleShowLayout>
      <ReferenceField source="subcontractorId" reference="Subcontractor" link="show">
        <TextField source="name" />
      </ReferenceField>
      <DayField source="signedOn" />
      <DayField source="effectiveFrom" />
      <DayField source="expiresOn" />
      <NumberField source="daysToExpiry" />
      <TextField source="documentRef" />
      <FlagsField label="mamori.flags.title" flags={AGREEMENT_FLAGS} />
      <InstantField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);

const AgreementForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 600 }}>
    <ReferenceInput source="subcontractorId" reference="Subcontractor">
      <SelectInput optionText="name" validate={required()} disabled={editing} />
    </ReferenceInput>
    <DateInput source="signedOn" validate={required()} />
    <DateInput source="effectiveFrom" validate={required()} />
    <DateInput source="expiresOn" validate={required()} />
    <TextInput source="documentRef" validate={[required(), maxLength(200)]} fullWidth />
  </SimpleForm>
);

export const AgreementEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <AgreementForm editing />
  </Edit>
);

export const AgreementCreate = () => (
  <Create redirect="show">
    <AgreementForm />
  </Create>
);
