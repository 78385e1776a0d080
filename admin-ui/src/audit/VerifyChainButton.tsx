import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import type { AuditVerification } from './api';

/** Recomputes the whole chain on the server and shows the result with the head to keep elsewhere. */
export const VerifyChainButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      setResult(await dataProvider.verifyAuditChain());
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const rows: Array<[string, string | number | null]> = result
    ? [
        ['mamori.audit.checked', result.checked],
        ['mamori.audit.headSeq', result.headSeq],
        ['mamori.audit.headHash', result.headHash],
        ['mamori.audit.problem', result.problem ? translate(`mamori.audit.problems.${result.problem}`) : '—'],
        ['mamori.audit.firstBrokenSeq', result.firstBrokenSeq ?? '—'],
        ['mamori.audit.witnessedSize', result.witnessedSize],
        ['mamori.audit.unlinked', result.unlinked],
      ]
    : [];
  return (
    <>
      <Button label={busy ? 'mamori.audit.verifying' : 'mamori.audit.verify'} onClick={verify} disabled={busy} data-testid="verify-chain">
        <VerifiedIcon />
      </Button>
      <Dialog open={result !== null} onClose={() => setResult(null)} maxWidth="md" data-testid="verify-result">
        <DialogTitle>{translate('mamori.audit.verifyTitle')}</DialogTitle>
        <DialogContent>
          {result && (
            <>
              <Alert severity={result.ok ? 'success' : 'error'} sx={{ mb: 2 }} data-testid={result.ok ? 'chain-ok' : 'chain-broken'}>
                {translate(result.ok ? 'mamori.audit.ok' : 'mamori.audit.broken')}
              </Alert>
              <Table size="small">
                <TableBody>
                  {rows.map(([label, value]) => (
                    <TableRow key={label}>
                      <TableCell component="th">{translate(label)}</TableCell>
                      <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} data-testid={label.replace('mamori.audit.', 'verify-')}>
                        {value}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setResult(null)}>{translate('mamori.audit.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
