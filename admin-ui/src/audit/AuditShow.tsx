import { Alert } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { EnumField, FieldNamesField, HashField, InstantField } from '../common/fields';
import { ActorField } from './ActorField';
import { CaseLinkField, SubjectLinkField } from './CaseLinkField';

const ReadOnlyNote = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('mamori.audit.noEdit')}</Alert>;
};

/** One entry with its place in the chain; no edit or delete exists anywhere. */
export const AuditShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <ReadOnlyNote />
      <TextField source="seq" />
      <InstantField source="occurredAt" />
      <ActorField label="resources.AuditEntry.fields.actorId" />
      <EnumField source="actorRole" enumName="Role" />
      <EnumField source="action" enumName="AuditAction" />
      <TextField source="entityType" />
      <TextField source="entityId" />
      <SubjectLinkField label="resources.AuditEntry.fields.subjectId" />
      <CaseLinkField label="resources.AuditEntry.fields.caseId" />
      <FieldNamesField source="fields" />
      <TextField source="reason" />
      <EnumField source="outcome" enumName="AuditOutcome" />
      <TextField source="requestId" />
      <TextField source="clientIp" />
      <TextField source="changes" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} />
      <HashField source="prevHash" full />
      <HashField source="hash" full />
    </SimpleShowLayout>
  </Show>
);
