import { Typography } from '@mui/material';
import { ReferenceField, TextField, useCanAccess, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';

/**
 * A user named by id on a record: who may list users (the manager, the
 * internal auditor) sees the name; everyone else cannot read users (the server
 * would refuse and log it), so they see "You" or a dash.
 */
export const UserNameField = ({ source, emptyText = '—' }: { source: string; emptyText?: string; label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<Record<string, unknown>>();
  const { canAccess: seesUsers } = useCanAccess({ resource: 'User', action: 'list' });
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const id = record?.[source];
  if (!record) return null;
  if (!id) {
    return (
      <Typography variant="body2" color="text.secondary" component="span">
        {translate(emptyText, { _: emptyText })}
      </Typography>
    );
  }
  if (seesUsers) {
    return (
      <ReferenceField source={source} reference="User" link="show">
        <TextField source="displayName" />
      </ReferenceField>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {String(id) === String(identity?.id) ? translate('mamori.common.you') : '—'}
    </Typography>
  );
};
