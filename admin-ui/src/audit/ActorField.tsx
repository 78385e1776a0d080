import { Typography } from '@mui/material';
import { ReferenceField, TextField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

/** Who acted: the user's name for the manager; staff (who cannot read users) see only their own entries anyway. */
export const ActorField = (_props: { label?: string; source?: string; sortBy?: string; sortable?: boolean }) => {
  const record = useRecordContext<{ actorId?: string | null; actorRole?: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'AuditEntry', action: 'seeActors' });
  const translate = useTranslate();
  if (!record) return null;
  if (!record.actorId) return <Typography variant="body2" component="span" color="text.secondary">{translate('mamori.common.unknown')}</Typography>;
  if (!canAccess) return <Typography variant="body2" component="span">{translate('mamori.common.you')}</Typography>;
  return (
    <ReferenceField source="actorId" reference="User" link="show">
      <TextField source="displayName" />
    </ReferenceField>
  );
};
