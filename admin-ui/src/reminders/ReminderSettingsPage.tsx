import { Alert, Card, CardContent, FormControl, FormControlLabel, InputLabel, MenuItem, Select, Stack, Switch, Typography } from '@mui/material';
import { gql } from '@apollo/client';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { request } from '../graphqlClient';

interface ReminderSettings {
  digest: boolean;
  language: 'ja' | 'en';
}

const SETTINGS = gql`
  query MyReminderSettings {
    myReminderSettings {
      digest
      language
    }
  }
`;

const UPDATE = gql`
  mutation UpdateMyReminderSettings($digest: Boolean, $language: MailLanguage) {
    updateMyReminderSettings(digest: $digest, language: $language) {
      digest
      language
    }
  }
`;

/** Each user's own e-mail reminders: the daily digest on or off, and the language of the mail. */
export const ReminderSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settings, setSettings] = useState<ReminderSettings | null>(null);
  useEffect(() => {
    request<{ myReminderSettings: ReminderSettings }>(SETTINGS).then(
      (data) => setSettings(data.myReminderSettings),
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [notify]);
  const change = async (patch: Partial<ReminderSettings>) => {
    try {
      const data = await request<{ updateMyReminderSettings: ReminderSettings }>(UPDATE, patch);
      setSettings(data.updateMyReminderSettings);
      notify('mamori.reminders.saved', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="reminder-settings">
      <Title title="mamori.reminders.title" />
      <CardContent>
        <Stack gap={2}>
          <Typography>{translate('mamori.reminders.intro')}</Typography>
          {settings && (
            <>
              <FormControlLabel
                control={<Switch checked={settings.digest} onChange={(e) => void change({ digest: e.target.checked })} inputProps={{ 'aria-label': translate('mamori.reminders.digest') }} />}
                label={translate('mamori.reminders.digest')}
              />
              <FormControl sx={{ maxWidth: 240 }}>
                <InputLabel id="reminder-language">{translate('mamori.reminders.language')}</InputLabel>
                <Select labelId="reminder-language" label={translate('mamori.reminders.language')} value={settings.language} onChange={(e) => void change({ language: e.target.value as ReminderSettings['language'] })}>
                  <MenuItem value="ja">日本語</MenuItem>
                  <MenuItem value="en">English</MenuItem>
                </Select>
              </FormControl>
              <Alert severity="info">{translate('mamori.reminders.incidents_note')}</Alert>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
