import { Alert } from '@mui/material';
import {
  Create,
  DateInput,
  Edit,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  TopToolbar,
  maxLength,
  required,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { LIFECYCLE_STAGES, RISK_KINDS, RISK_LEVELS } from '@mamori/shared';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { enumChoices } from '../i18n';
import { japanToday } from '../format';
import { RetireRiskButton } from './LedgerActions';

const levelChoices = enumChoices('RiskLevel', RISK_LEVELS);

const EditActions = () => (
  <TopToolbar>
    <RetireRiskButton />
  </TopToolbar>
);

const Scale = () => {
  const translate = useTranslate();
  return <Alert severity="info" sx={{ mb: 2 }}>{translate('mamori.ledger.riskScale')}</Alert>;
};

/** One risk of a ledger record at one stage; a re-assessment is an edit with the new day. */
const RiskForm = ({ editing = false }: { editing?: boolean }) => (
  <SimpleForm
    toolbar={<SaveOnlyToolbar />}
    sx={{ maxWidth: 720 }}
    defaultValues={editing ? undefined : { reviewedOn: japanToday(), likelihood: 'MEDIUM', impact: 'MEDIUM', residualRisk: 'LOW' }}
  >
    <Scale />
    <ReferenceInput source="ledgerRecordId" reference="LedgerRecord" filter={{ retired: false }} perPage={100}>
      <SelectInput optionText="name" validate={required()} disabled={editing} />
    </ReferenceInput>
    <SelectInput source="stage" choices={enumChoices('LifecycleStage', LIFECYCLE_STAGES)} validate={required()} disabled={editing} />
    <SelectInput source="riskKind" choices={enumChoices('RiskKind', RISK_KINDS)} validate={required()} disabled={editing} />
    <SelectInput source="likelihood" choices={levelChoices} validate={required()} />
    <SelectInput source="impact" choices={levelChoices} validate={required()} />
    <TextInput source="measuresInPlace" multiline minRows={2} fullWidth validate={[required(), maxLength(2000)]} />
    <SelectInput source="residualRisk" choices={levelChoices} validate={required()} />
    <TextInput source="plannedMeasure" multiline minRows={2} fullWidth validate={maxLength(2000)} helperText="mamori.ledger.plannedMeasureHint" />
    <ReferenceInput source="reviewerId" reference="User" filter={{ active: true }} perPage={100}>
      <SelectInput optionText="displayName" helperText="mamori.ledger.reviewerHint" />
    </ReferenceInput>
    <DateInput source="reviewedOn" validate={required()} helperText={editing ? 'mamori.ledger.reassessHint' : undefined} />
  </SimpleForm>
);

const backToRecord = (_resource: string | undefined, _id: unknown, data: Partial<RaRecord> | undefined) => `LedgerRecord/${data?.ledgerRecordId}/show`;
/** A blank plan is no plan. */
const clean = (data: RaRecord) => ({ ...data, plannedMeasure: data.plannedMeasure?.trim() ? data.plannedMeasure : null });

export const RiskAssessmentEdit = () => (
  <Edit mutationMode="pessimistic" redirect={backToRecord} transform={clean} actions={<EditActions />}>
    <RiskForm editing />
  </Edit>
);

export const RiskAssessmentCreate = () => (
  <Create redirect={backToRecord} transform={clean}>
    <RiskForm />
  </Create>
);
