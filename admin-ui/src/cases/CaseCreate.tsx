import {
  BooleanInput,
  Create,
  DateInput,
  FormDataConsumer,
  NumberInput,
  RadioButtonGroupInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  minValue,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { japanToday } from '../format';
import { caseTypeChoices, channelChoices, identityDocumentChoices, requesterChoices } from './choices';

interface IntakeForm {
  dataItemsText?: string;
  requester?: string;
  representativeName?: string;
  hasProxyLetter?: boolean;
  sealCertificateIssuedOn?: string;
  identityDocument?: string;
  [key: string]: unknown;
}

/** One line per piece of personal data requested; the fee owed follows from their number. */
const toCreateArgs = ({ dataItemsText, ...data }: IntakeForm) => {
  const dataItems = (dataItemsText ?? '')
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const self = data.requester === 'SELF';
  return {
    ...data,
    dataItems,
    identityDocument: data.identityDocument || null,
    representativeName: self ? null : data.representativeName,
    hasProxyLetter: self ? false : Boolean(data.hasProxyLetter),
    sealCertificateIssuedOn: self ? null : data.sealCertificateIssuedOn || null,
  };
};

/** Intake: a request recorded as it arrives; it then waits in the manager's assignment queue. */
export const CaseCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="mamori.cases.intakeTitle"
      transform={toCreateArgs}
      mutationOptions={{
        onSuccess: (record: { id: string; reference: string }) => {
          notify('mamori.cases.intakeSaved', { type: 'success', messageArgs: { reference: record.reference } });
          redirect('show', 'Case', record.id);
        },
      }}
    >
      <SimpleForm
        defaultValues={{ requester: 'SELF', channel: 'REGISTERED_MAIL', receivedOn: japanToday(), feeYen: 0, hasRequestForm: true, type: 'DISCLOSURE' }}
        sx={{ maxWidth: 720 }}
      >
        <SelectInput source="type" choices={caseTypeChoices} validate={required()} />
        <RadioButtonGroupInput source="requester" choices={requesterChoices} validate={required()} />
        <TextInput source="requesterName" validate={[required(), maxLength(100)]} fullWidth />
        <FormDataConsumer<IntakeForm>>
          {({ formData }) =>
            formData.requester === 'REPRESENTATIVE' ? <TextInput source="representativeName" validate={[required(), maxLength(100)]} fullWidth /> : null
          }
        </FormDataConsumer>
        <TextInput source="replyAddress" validate={[required(), maxLength(300)]} fullWidth multiline />
        <SelectInput source="channel" choices={channelChoices} validate={required()} />
        <DateInput source="receivedOn" validate={required()} />
        <TextInput
          source="dataItemsText"
          label="resources.Case.fields.dataItems"
          helperText={translate('mamori.cases.dataItemsHint')}
          multiline
          minRows={3}
          fullWidth
        />
        <NumberInput source="feeYen" validate={minValue(0)} step={1000} helperText={translate('mamori.cases.feeNote')} />
        <BooleanInput source="hasRequestForm" />
        <SelectInput source="identityDocument" choices={identityDocumentChoices} emptyText="mamori.common.none" />
        <FormDataConsumer<IntakeForm>>
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
    </Create>
  );
};
