import { Typography } from '@mui/material';
import { ReferenceField, TextField, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

/**
 * The assignee: the manager sees the staff member's name; staff cannot read
 * users (the server would refuse and log it), so they see "You" or a dash.
 */
export const AssigneeField = (_props: { label?: string; source?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<{ id: string; assigneeId?: string | null }>();
  // who may list users (the manager, the internal auditor) sees the name; staff cannot
  const { canAccess: seesUsers } = useCanAccess({ resource: 'User', action: 'list' });
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.assigneeId) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {translate('mamori.cases.unassigned')}
      </Typography>
    );
  }
  if (seesUsers) {
    return (
      <ReferenceField source="assigneeId" reference="User" link="show">
        <TextField source="displayName" />
      </ReferenceField>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {String(record.assigneeId) === String(identity?.id) ? translate('mamori.common.you') : '—'}
    </Typography>
  );
};
