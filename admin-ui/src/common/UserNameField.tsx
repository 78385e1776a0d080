import { Typography } from '@mui/material';
import { ReferenceField, TextField, useGetIdentity, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Role } from '@mamori/shared';

/**
 * A user by id: the manager sees the name; other roles may not read users
 * (the server would refuse and log it), so they see "You" or the id.
 */
export const UserNameField = ({ source }: { source: string; label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext();
  const { permissions: role } = usePermissions<Role>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const id = record?.[source];
  if (id === null || id === undefined || id === '') return null;
  if (role === 'PRIVACY_MANAGER') {
    return (
      <ReferenceField source={source} reference="User" link="show">
        <TextField source="displayName" />
      </ReferenceField>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {String(id) === String(identity?.id) ? translate('mamori.common.you') : `#${id}`}
    </Typography>
  );
};
