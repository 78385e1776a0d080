import { Alert, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { DATE_STYLES, type DateStyle } from '@mamori/shared';
import { organisationApi, PROFILE_TEXT_FIELDS, type OrganisationProfile } from './api';

type Draft = Omit<OrganisationProfile, 'missingFields'>;

/** The privacy manager keeps the organisation profile: every letter's sender block, the sign-in page's contact point. */
export const OrganisationPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: ['organisationProfile'], queryFn: organisationApi.organisationProfile });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (profile.data && !draft) {
      const { missingFields: _missing, ...rest } = profile.data;
      setDraft(rest);
    }
  }, [profile.data, draft]);
  if (!draft) return null;
  const missing = profile.data?.missingFields ?? [];
  const save = async () => {
    setBusy(true);
    try {
      const saved = await organisationApi.updateOrganisationProfile(draft);
      queryClient.setQueryData(['organisationProfile'], saved);
      queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      notify('mamori.organisation.saved', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 760 }} data-testid="organisation-page">
      <Title title="mamori.organisation.title" />
      <CardContent>
        <Stack gap={2}>
          <Typography variant="body2" color="text.secondary">{translate('mamori.organisation.hint')}</Typography>
          {missing.length > 0 && (
            <Alert severity="warning" data-testid="organisation-missing">
              {translate('mamori.organisation.missing', { fields: missing.map((f) => translate(`mamori.organisation.fields.${f}`)).join(', ') })}
            </Alert>
          )}
          {PROFILE_TEXT_FIELDS.map((field) => (
            <TextField
              key={field}
              name={field}
              label={translate(`mamori.organisation.fields.${field}`)}
              value={draft[field] ?? ''}
              onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              multiline={field === 'requestAddress'}
              fullWidth
            />
          ))}
          <TextField
            select
            name="dateStyle"
            label={translate('mamori.organisation.fields.dateStyle')}
            value={draft.dateStyle}
            onChange={(e) => setDraft({ ...draft, dateStyle: e.target.value as DateStyle })}
            data-testid="organisation-date-style"
          >
            {DATE_STYLES.map((style) => (
              <MenuItem key={style} value={style}>{translate(`mamori.enums.DateStyle.${style}`)}</MenuItem>
            ))}
          </TextField>
          <Stack direction="row">
            <Button variant="contained" onClick={save} disabled={busy} data-testid="organisation-save">
              {translate('ra.action.save')}
            </Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
