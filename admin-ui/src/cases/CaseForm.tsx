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
import { Stack } from '@mui/material';
import { caseTypeChoices, channelChoices, disclosureMethodChoices, identityDocumentChoices, requesterChoices } from './choices';
import type { RequestedItem } from './requestedItems';
import { RequestedItemsInput } from './RequestedItemsInput';

interface IntakeValues {
  requester?: string;
  requestedItems?: RequestedItem[];
  type?: string;
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
    requestedItems: (data.requestedItems ?? [])
      .map((i) => ({ item: i.item, description: i.item === 'OTHER' ? (i.description ?? '').trim() : null }))
      .filter((i) => i.item !== 'OTHER' || i.description),
    periodFrom: data.type === 'DISCLOSURE_OF_PROVISION_RECORDS' ? data.periodFrom || null : null,
    periodTo: data.type === 'DISCLOSURE_OF_PROVISION_RECORDS' ? data.periodTo || null : null,
    identityDocument: data.identityDocument || null,
    representativeName: self ? null : data.representativeName,
    hasProxyLetter: self ? false : Boolean(data.hasProxyLetter),
    sealCertificateIssuedOn: self ? null : data.sealCertificateIssuedOn || null,
  };
}

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
      <RequestedItemsInput />
      <SelectInput source="disclosureMethod" choices={disclosureMethodChoices} helperText={translate('mamori.cases.disclosureMethodHint')} />
      <FormDataConsumer<IntakeValues>>
        {({ formData }) =>
          formData.type === 'DISCLOSURE_OF_PROVISION_RECORDS' ? (
            <Stack direction="row" gap={2}>
              <DateInput source="periodFrom" />
              <DateInput source="periodTo" helperText={translate('mamori.cases.periodToHint')} />
            </Stack>
          ) : null
        }
      </FormDataConsumer>
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
