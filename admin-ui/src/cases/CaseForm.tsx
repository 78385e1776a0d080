import {
  BooleanInput,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  minValue,
  required,
  useTranslate,
} from 'react-admin';
import { caseTypeChoices, channelChoices, identityDocumentChoices, requesterChoices } from './choices';

interface IntakeValues {
  requester?: string;
  dataItems?: string[];
  identityDocument?: string | null;
  representativeName?: string | null;
  hasProxyLetter?: boolean;
  sealCertificateIssuedOn?: string | null;
  [key: string]: unknown;
}

/** What createCase / updateCase take: pieces of data without blank lines, nothing of a representative for the individual's own request. */
export function toCaseArgs(data: IntakeValues): IntakeValues {
  const self = data.requester === 'SELF';
  return {
    ...data,
    dataItems: (data.dataItems ?? []).map((s) => s.trim()).filter(Boolean),
    identityDocument: data.identityDocument || null,
    representativeName: self ? null : data.representativeName,
    hasProxyLetter: self ? false : Boolean(data.hasProxyLetter),
    sealCertificateIssuedOn: self ? null : data.sealCertificateIssuedOn || null,
  };
}

// One line per piece of personal data; blank lines are kept while typing and dropped on save.
const linesToText = (items: string[] | undefined) => (Array.isArray(items) ? items.join('\n') : '');
const textToLines = (text: string) => (text ? text.split('\n') : []);

/** Cases are never deleted: save only. */
const SaveOnly = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/** The intake form: used to record a request, and to correct it or tick off documents arriving later. */
export const CaseForm = ({ defaultValues }: { defaultValues?: Record<string, unknown> }) => {
  const translate = useTranslate();
  return (
    <SimpleForm defaultValues={defaultValues} toolbar={<SaveOnly />} sx={{ maxWidth: 720 }}>
      <SelectInput source="type" choices={caseTypeChoices} validate={required()} />
      <RadioButtonGroupInput source="requester" choices={requesterChoices} validate={required()} />
      <TextInput source="requesterName" validate={[required(), maxLength(100)]} fullWidth />
      <FormDataConsumer<IntakeValues>>
        {({ formData }) =>
          formData.requester === 'REPRESENTATIVE' ? <TextInput source="representativeName" validate={[required(), maxLength(100)]} fullWidth /> : null
        }
      </FormDataConsumer>
      <TextInput source="replyAddress" validate={[required(), maxLength(300)]} fullWidth multiline />
      <SelectInput source="channel" choices={channelChoices} validate={required()} />
      <DateInput source="receivedOn" validate={required()} />
      <TextInput source="dataItems" format={linesToText} parse={textToLines} helperText={translate('mamori.cases.dataItemsHint')} multiline minRows={3} fullWidth />
      <NumberInput source="feeYen" validate={minValue(0)} step={1000} helperText={translate('mamori.cases.feeNote')} />
      <BooleanInput source="hasRequestForm" />
      <SelectInput source="identityDocument" choices={identityDocumentChoices} emptyText="mamori.common.none" />
      <FormDataConsumer<IntakeValues>>
        {({ formData }) =>
          formData.requester === 'REPRESENTATIVE' ? (
            <>
              <BooleanInput source="hasProxyLetter" />
              <DateInput source="sealCertificateIssuedOn" />
            </>
          ) : null
        }
      </FormDataConsumer>
    </SimpleForm>
  );
};
