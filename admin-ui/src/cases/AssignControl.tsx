import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';

/** Active staff members, for the manager's assignment choices. */
export function useActiveStaff() {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  return useQuery({ queryKey: ['activeStaff'], queryFn: () => dataProvider.activeStaff(), staleTime: 60_000 });
}

/** The manager assigns a case to a staff member (assignCase). */
export const AssignControl = ({ label }: { label?: string }) => {
  const record = useRecordContext<{ id: string; assigneeId?: string | null; status: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const staff = useActiveStaff();
  const [assigneeId, setAssigneeId] = useState('');
  const [saving, setSaving] = useState(false);
  if (!record || record.status === 'CLOSED') return null;
  const assign = async () => {
    setSaving(true);
    try {
      await dataProvider.assignCase(String(record.id), assigneeId);
      notify('mamori.cases.assigned', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack direction="row" gap={1} alignItems="center" onClick={(e) => e.stopPropagation()} data-testid={`assign-${record.id}`}>
      <TextField
        select
        size="small"
        sx={{ minWidth: 160 }}
        label={translate(label ?? 'mamori.cases.assignTo')}
        value={assigneeId}
        onChange={(e) => setAssigneeId(e.target.value)}
      >
        {(staff.data ?? []).map((u) => (
          <MenuItem key={u.id} value={u.id} disabled={u.id === String(record.assigneeId ?? '')}>
            {u.displayName}
          </MenuItem>
        ))}
      </TextField>
      <Button variant="contained" size="small" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }} disabled={!assigneeId || saving} onClick={assign}>
        {translate('mamori.cases.assign')}
      </Button>
    </Stack>
  );
};
