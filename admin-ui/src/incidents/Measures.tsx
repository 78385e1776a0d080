import { Create, DateInput, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, type RaRecord } from 'react-admin';
import { enumChoices } from '../i18n';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';

const statusChoices = enumChoices('MeasureStatus', ['PLANNED', 'IN_PROGRESS', 'DONE']);

/** A measure taken against an incident; shown and added on the incident's page. */
const MeasureForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 640 }} defaultValues={editing ? undefined : { status: 'PLANNED' }}>
    <ReferenceInput source="incidentId" reference="Incident">
      <SelectInput optionText="reference" validate={required()} disabled={editing} />
    </ReferenceInput>
    <TextInput source="description" multiline fullWidth validate={[required(), maxLength(2000)]} />
    <SelectInput source="status" choices={statusChoices} validate={required()} />
    <DateInput source="dueOn" />
  </SimpleForm>
);

const backToIncident = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => `Incident/${data?.incidentId}/show`;

export const MeasureEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToIncident}>
    <MeasureForm editing />
  </Edit>
);

export const MeasureCreate = () => (
  <Create redirect={backToIncident}>
    <MeasureForm />
  </Create>
);
