import { Alert, Button, Grid, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DATA_ITEM_FIELDS, type CaseType } from '@mamori/shared';
import type { MamoriDataProvider } from '../dataProvider';
import { formatInstant } from '../format';
import { PostalHint, usePostalFill } from '../common/postal';
import type { SubjectChanges } from './api';
import type { RequestedItem } from './requestedItems';

type SubjectField = keyof SubjectChanges;

/** An amendment changes only the fields of the items the request names (the server refuses others). */
const changeable = (items: RequestedItem[]): SubjectField[] => items.flatMap((i) => DATA_ITEM_FIELDS[i.item] as readonly SubjectField[]);

/**
 * Carrying the request out under the case: disclosure compiles the data,
 * amendment and addition apply the new values typed here, deletion erases,
 * cessation restricts or stops provision. The server audits it under the case.
 */
export const CarryOutPanel = ({ caseId, type, carriedOutAt, outcomeFields, requestedItems }: { caseId: string; type: CaseType; carriedOutAt?: string | null; outcomeFields: string[]; requestedItems: RequestedItem[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [changes, setChanges] = useState<SubjectChanges>({});
  const [busy, setBusy] = useState(false);
  const postal = usePostalFill(changes.postalCode, changes.postalAddress, (postalAddress) => setChanges((c) => ({ ...c, postalAddress })));
  const amending = type === 'AMENDMENT' || type === 'ADDITION';
  if (carriedOutAt) {
    return (
      <Alert severity="success" data-testid="carried-out">
        {translate('mamori.cases.carriedOut', { at: formatInstant(carriedOutAt, locale) })}
        {outcomeFields.length > 0 && ` (${outcomeFields.map((f) => translate(`resources.DataSubject.fields.${f}`)).join(', ')})`}
      </Alert>
    );
  }
  const carryOut = async () => {
    setBusy(true);
    try {
      const filled = Object.fromEntries(Object.entries(changes).filter(([, v]) => v && v.trim() !== '')) as SubjectChanges;
      await dataProvider.carryOutCase(caseId, amending ? filled : undefined);
      notify('mamori.cases.carriedOutNow', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={1.5}>
      <Typography variant="body2" color="text.secondary">
        {translate(`mamori.cases.carryOutHint.${type}`)}
      </Typography>
      {amending && (
        <Grid container spacing={1}>
          {changeable(requestedItems).map((f) => (
            <Grid key={f} size={{ xs: 12, sm: 6 }}>
              <TextField size="small" fullWidth label={translate(`resources.DataSubject.fields.${f}`)} value={changes[f] ?? ''} onChange={(e) => setChanges({ ...changes, [f]: e.target.value })} />
              {f === 'postalCode' && <PostalHint {...postal} />}
            </Grid>
          ))}
        </Grid>
      )}
      <div>
        <Button variant="contained" color="secondary" disabled={busy || (amending && Object.values(changes).every((v) => !v))} onClick={carryOut} data-testid="carry-out">
          {translate('mamori.cases.carryOut')}
        </Button>
      </div>
    </Stack>
  );
};
