import {
  Create,
  Datagrid,
  DateInput,
  FormDataConsumer,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxLength,
  required,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import { LEGAL_BASES } from '@mamori/shared';
import { SubjectLinkField } from '../audit/CaseLinkField';
import { ChipsField, DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField, PAST_RETENTION_FLAGS as FLAGS } from '../common/FlagField';
import { cleanLines, LinesInput } from '../common/LinesInput';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserNameField } from '../common/UserNameField';
import { formatDay, japanToday } from '../format';
import { enumChoices } from '../i18n';

const basisChoices = enumChoices('LegalBasis', LEGAL_BASES);

const filters = [
  <TextInput key="subjectId" source="subjectId" alwaysOn />,
  <SelectInput key="legalBasis" source="legalBasis" choices={basisChoices} />,
  <NullableBooleanInput key="pastRetention" source="pastRetention" />,
];

/** Records of provision to third parties: kept at least three years, never deleted. */
export const ProvisionList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'providedOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <SubjectLinkField label="resources.ThirdPartyProvision.fields.subjectId" />
      <TextField source="recipient" />
      <ChipsField source="items" sortable={false} />
      <DayField source="providedOn" />
      <EnumField source="legalBasis" enumName="LegalBasis" />
      <DayField source="retainUntil" sortable={false} />
      <FlagsField label="mamori.flags.title" flags={FLAGS} />
    </Datagrid>
  </List>
);

export const ProvisionShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <SubjectLinkField label="resources.ThirdPartyProvision.fields.subjectId" />
      <TextField source="recipient" />
      <ChipsField source="items" />
      <DayField source="providedOn" />
      <EnumField source="legalBasis" enumName="LegalBasis" />
      <TextField source="consentId" />
      <TextField source="note" />
      <UserNameField source="recordedById" label="resources.ThirdPartyProvision.fields.recordedById" />
      <InstantField source="createdAt" />
      <DayField source="retainUntil" />
      <FlagsField label="mamori.flags.title" flags={FLAGS} />
    </SimpleShowLayout>
  </Show>
);

const ConsentOption = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (record: { id: string; consentedOn: string; purposeId: string }) =>
    `${translate('resources.Consent.fields.consentedOn')} ${formatDay(record.consentedOn, locale)} (#${record.id})`;
};

const clean = (data: { items?: string[]; legalBasis?: string; consentId?: string | null }) => ({
  ...data,
  items: cleanLines(data.items),
  consentId: data.legalBasis === 'CONSENT' ? data.consentId : null,
});

/** A provision rests on a legal basis; with CONSENT, on an unwithdrawn consent of that subject (the server checks). */
export const ProvisionCreate = () => {
  const translate = useTranslate();
  const consentLabel = ConsentOption();
  return (
    <Create redirect="show" transform={clean}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={{ providedOn: japanToday(), legalBasis: 'CONSENT', items: [] }}>
        <TextInput source="subjectId" validate={required()} />
        <TextInput source="recipient" validate={[required(), maxLength(200)]} fullWidth />
        <LinesInput source="items" helperText={translate('mamori.provisions.itemsHint')} validate={required()} />
        <DateInput source="providedOn" validate={required()} />
        <SelectInput source="legalBasis" choices={basisChoices} validate={required()} />
        <FormDataConsumer<{ legalBasis?: string; subjectId?: string }>>
          {({ formData }) =>
            formData.legalBasis === 'CONSENT' && formData.subjectId ? (
              <ReferenceInput source="consentId" reference="Consent" filter={{ subjectId: formData.subjectId, withdrawn: false }}>
                <SelectInput optionText={consentLabel} validate={required()} />
              </ReferenceInput>
            ) : null
          }
        </FormDataConsumer>
        <TextInput source="note" multiline fullWidth validate={maxLength(2000)} />
      </SimpleForm>
    </Create>
  );
};
