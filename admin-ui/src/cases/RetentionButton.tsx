import AutoDeleteIcon from '@mui/icons-material/AutoDelete';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { formatInstant } from '../format';
import type { RetentionResult } from './api';

/** Runs the retention now (it also runs daily): documents past their year are destroyed, each destruction audited. */
export const RetentionButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [result, setResult] = useState<RetentionResult | null>(null);
  const run = async () => {
    try {
      setResult(await dataProvider.runRetention());
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="mamori.cases.runRetention" onClick={run}>
        <AutoDeleteIcon />
      </Button>
      <Dialog open={result !== null} onClose={() => setResult(null)}>
        <DialogTitle>{translate('mamori.cases.runRetention')}</DialogTitle>
        <DialogContent>
          {result && (
            <Table size="small">
              <TableBody>
                <TableRow><TableCell>{translate('mamori.cases.casesPurged')}</TableCell><TableCell>{result.casesPurged}</TableCell></TableRow>
                <TableRow><TableCell>{translate('mamori.cases.documentsDestroyed')}</TableCell><TableCell>{result.documentsDestroyed}</TableCell></TableRow>
                <TableRow><TableCell>{translate('mamori.cases.provisionsPastRetention')}</TableCell><TableCell>{result.provisionsPastRetention}</TableCell></TableRow>
                <TableRow><TableCell>{translate('mamori.cases.ranAt')}</TableCell><TableCell>{formatInstant(result.ranAt, locale)}</TableCell></TableRow>
              </TableBody>
            </Table>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setResult(null)}>{translate('mamori.audit.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
