import { Create, DateInput, Edit, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, required, type RaRecord } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { japanToday } from '../format';
import { areaChoices, findingKindChoices } from './choices';

/** A finding of an audit; shown and added on the audit's page. Its description holds no personal data. */
const FindingForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={editing ? undefined : { foundOn: japanToday(), kind: 'CONFORMITY' }}>
    <ReferenceInput source="auditId" reference="InternalAudit" filter={editing ? {} : { status: 'PLANNED' }}>
      <SelectInput optionText="title" validate={required()} disabled={editing} />
    </ReferenceInput>
    <SelectInput source="kind" choices={findingKindChoices} validate={required()} />
    <SelectInput source="area" choices={areaChoices} validate={required()} />
    <TextInput source="description" multiline minRows={3} fullWidth validate={[required(), maxLength(2000)]} helperText="mamori.internalAudit.noPersonalData" />
    <DateInput source="foundOn" validate={required()} />
  </SimpleForm>
);

const backToAudit = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => `InternalAudit/${data?.auditId}/show`;
type FindingChange = { id?: string; auditId: string; kind: string; area: string; description: string; foundOn: string };

export const FindingEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToAudit} transform={({ id, kind, area, description, foundOn }: FindingChange) => ({ id, kind, area, description, foundOn })}>
    <FindingForm editing />
  </Edit>
);

export const FindingCreate = () => (
  <Create redirect={backToAudit}>
    <FindingForm />
  </Create>
);
