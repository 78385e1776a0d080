import AddIcon from '@mui/icons-material/Add';
import { Alert, Grid } from '@mui/material';
import {
  BooleanField,
  Button,
  Link,
  useCanAccess,
  CanAccess,
  Datagrid,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActorField } from '../audit/ActorField';
import { CaseLinkField } from '../audit/CaseLinkField';
import { DayField, EnumField, FieldNamesField, InstantField } from '../common/fields';
import { Item, Section } from '../common/Section';
import { DaysLeftField } from '../cases/DaysLeftField';
import { PurposeTitleField } from '../purposes/PurposeTitleField';
import { WithdrawConsentButton } from '../consents/WithdrawButton';
import { SubjectActions } from './SubjectActions';

type SubjectRecord = { id: string; fullName: string; erasedAt?: string | null; restricted: boolean; category: string };

const SubjectTitle = () => {
  const record = useRecordContext<SubjectRecord>();
  const translate = useTranslate();
  return <span>{record ? `${translate('resources.DataSubject.name', { smart_count: 1 })} #${record.id}` : ''}</span>;
};

/** Records something about this subject (a consent, a provision to a third party) with the subject filled in. */
const AddFor = ({ resource, label }: { resource: string; label: string }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button component={Link} to={`/${resource}/create?source=${encodeURIComponent(JSON.stringify({ subjectId: record.id }))}`} label={label}>
      <AddIcon />
    </Button>
  );
};

const PERSONAL = ['fullName', 'fullNameKana', 'postalCode', 'postalAddress', 'phone', 'email', 'company', 'division', 'title'] as const;

/** The subject's access history: who read or changed what, when, under which case (manager only). */
const AccessHistory = () => {
  const translate = useTranslate();
  return (
    <Section title="mamori.subjects.accessHistory" testId="access-history">
      <Alert severity="info" sx={{ mb: 1 }}>{translate('mamori.subjects.accessHistoryHint')}</Alert>
      <ReferenceManyField reference="AuditEntry" target="subjectId" sort={{ field: 'id', order: 'DESC' }} perPage={10} pagination={<Pagination />}>
        <Datagrid bulkActionButtons={false} rowClick="show">
          <InstantField source="occurredAt" />
          <ActorField label="resources.AuditEntry.fields.actorId" />
          <EnumField source="action" enumName="AuditAction" />
          <FieldNamesField source="fields" />
          <CaseLinkField label="resources.AuditEntry.fields.caseId" />
          <TextField source="reason" />
          <EnumField source="outcome" enumName="AuditOutcome" />
        </Datagrid>
      </ReferenceManyField>
    </Section>
  );
};

const SubjectDetail = () => {
  const record = useRecordContext<SubjectRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Grid container spacing={2} sx={{ p: 2 }} data-testid="subject-detail">
      {record.erasedAt && (
        <Grid size={12}><Alert severity="warning">{translate('mamori.subjects.erased')}</Alert></Grid>
      )}
      {record.restricted && (
        <Grid size={12}><Alert severity="info">{translate('mamori.subjects.restricted')}</Alert></Grid>
      )}
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="resources.DataSubject.name">
          <Grid container spacing={1}>
            <Grid size={6}><Item label="resources.DataSubject.fields.category"><EnumField source="category" enumName="SubjectCategory" /></Item></Grid>
            <Grid size={6}><Item label="resources.DataSubject.fields.updatedAt"><InstantField source="updatedAt" /></Item></Grid>
            {PERSONAL.map((f) => (
              <Grid key={f} size={6}><Item label={`resources.DataSubject.fields.${f}`}><TextField source={f} emptyText="—" /></Item></Grid>
            ))}
            <Grid size={6}><Item label="resources.DataSubject.fields.restricted"><BooleanField source="restricted" /></Item></Grid>
            <Grid size={6}><Item label="resources.DataSubject.fields.provisionStopped"><BooleanField source="provisionStopped" /></Item></Grid>
          </Grid>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Section fill={false} title="mamori.subjects.consents" action={<AddFor resource="Consent" label="mamori.subjects.addConsent" />} testId="consents">
          <ReferenceManyField reference="Consent" target="subjectId" sort={{ field: 'consentedOn', order: 'DESC' }}>
            <Datagrid bulkActionButtons={false} rowClick={false}>
              <ReferenceField source="purposeId" reference="PurposeOfUse" link="show">
                <PurposeTitleField />
              </ReferenceField>
              <DayField source="consentedOn" />
              <EnumField source="method" enumName="ConsentMethod" />
              <InstantField source="withdrawnAt" />
              <CanAccess resource="Consent" action="withdraw">
                <WithdrawConsentButton label="mamori.subjects.withdraw" />
              </CanAccess>
            </Datagrid>
          </ReferenceManyField>
        </Section>
        <Section fill={false} title="mamori.subjects.provisions" action={<AddFor resource="ThirdPartyProvision" label="mamori.subjects.addProvision" />} testId="provisions">
          <ReferenceManyField reference="ThirdPartyProvision" target="subjectId" sort={{ field: 'providedOn', order: 'DESC' }}>
            <Datagrid bulkActionButtons={false} rowClick="show">
              <TextField source="recipient" />
              <DayField source="providedOn" />
              <EnumField source="legalBasis" enumName="LegalBasis" />
            </Datagrid>
          </ReferenceManyField>
        </Section>
        <Section fill={false} title="mamori.subjects.cases">
          <ReferenceManyField reference="Case" target="subjectId" sort={{ field: 'receivedOn', order: 'DESC' }}>
            <Datagrid bulkActionButtons={false} rowClick="show">
              <TextField source="reference" />
              <EnumField source="type" enumName="CaseType" />
              <EnumField source="status" enumName="CaseStatus" />
              <DayField source="receivedOn" />
              <DaysLeftField label="resources.Case.fields.daysLeft" sortable={false} />
            </Datagrid>
          </ReferenceManyField>
        </Section>
      </Grid>
      <CanAccess resource="DataSubject" action="accessHistory">
        <Grid size={12}>
          <AccessHistory />
        </Grid>
      </CanAccess>
    </Grid>
  );
};

/** A data subject's page: the data (an audited read), consents, cases, and for the manager its access history. */
export const SubjectShow = () => (
  <Show title={<SubjectTitle />} actions={<SubjectActions />}>
    <SubjectDetail />
  </Show>
);
