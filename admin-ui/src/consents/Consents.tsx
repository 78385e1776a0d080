import { Create, DateInput, ReferenceInput, SelectInput, SimpleForm, TextInput, required, useLocaleState } from 'react-admin';
import { CONSENT_METHODS } from '@mamori/shared';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';

const methodChoices = enumChoices('ConsentMethod', CONSENT_METHODS);

/** Records a consent of a subject to a purpose of use (opened from the subject's page). */
export const ConsentCreate = () => {
  const [locale] = useLocaleState();
  return (
    <Create redirect={(_r, _id, data) => `DataSubject/${data?.subjectId}/show`}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 600 }} defaultValues={{ consentedOn: japanToday(), method: 'WEB_FORM' }}>
        <TextInput source="subjectId" validate={required()} disabled />
        <ReferenceInput source="purposeId" reference="PurposeOfUse" filter={{ active: true }} perPage={100}>
          <SelectInput optionText={locale === 'ja' ? 'titleJa' : 'title'} validate={required()} />
        </ReferenceInput>
        <DateInput source="consentedOn" validate={required()} />
        <SelectInput source="method" choices={methodChoices} validate={required()} />
      </SimpleForm>
    </Create>
  );
};
