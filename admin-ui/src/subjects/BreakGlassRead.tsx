import { Alert, Button, Card, CardContent, Grid, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccess, useDataProvider, useNotify, useRequireAccess, useTranslate } from 'react-admin';
import { Item } from '../common/Section';
import type { MamoriDataProvider } from '../dataProvider';
import type { SubjectData } from './api';

const FIELDS = ['fullName', 'fullNameKana', 'postalCode', 'postalAddress', 'phone', 'email', 'company', 'division', 'title'] as const;

/**
 * Break-glass: staff read a data subject outside their cases when they must,
 * saying why. The read is audited as BREAK_GLASS and waits in the privacy
 * manager's review queue. The data is shown once and not kept.
 */
export const BreakGlassRead = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { isPending } = useRequireAccess({ resource: 'DataSubject', action: 'breakGlass' });
  const { canAccess } = useCanAccess({ resource: 'DataSubject', action: 'breakGlass' });
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [subjectId, setSubjectId] = useState('');
  const [reason, setReason] = useState('');
  const [subject, setSubject] = useState<SubjectData | null>(null);
  if (isPending || !canAccess) return null;
  const read = async () => {
    try {
      setSubject(await dataProvider.breakGlassRead(subjectId.trim(), reason.trim()));
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 900 }} data-testid="break-glass-read">
      <Title title="mamori.breakGlass.readTitle" />
      <CardContent>
        <Stack gap={2}>
          <Alert severity="warning">{translate('mamori.breakGlass.readWarning')}</Alert>
          <Stack direction="row" gap={2}>
            <TextField label={translate('resources.DataSubject.fields.id')} value={subjectId} onChange={(e) => setSubjectId(e.target.value)} sx={{ width: 160 }} />
            <TextField label={translate('mamori.breakGlass.reason')} helperText={translate('mamori.breakGlass.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} multiline fullWidth />
          </Stack>
          <div>
            <Button variant="contained" color="warning" disabled={!subjectId.trim() || reason.trim().length < 10} onClick={read}>
              {translate('mamori.breakGlass.read')}
            </Button>
          </div>
          {subject && (
            <Grid container spacing={1} data-testid="break-glass-data">
              <Grid size={6}>
                <Item label="resources.DataSubject.fields.category">{translate(`mamori.enums.SubjectCategory.${subject.category}`)}</Item>
              </Grid>
              {FIELDS.map((f) => (
                <Grid key={f} size={6}>
                  <Item label={`resources.DataSubject.fields.${f}`}>{subject[f] ?? '—'}</Item>
                </Grid>
              ))}
            </Grid>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
