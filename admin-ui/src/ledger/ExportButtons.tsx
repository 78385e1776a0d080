import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useCanAccess, useDataProvider, useLocaleState, useNotify } from 'react-admin';
import type { LedgerExportFormat } from '@mamori/shared';
import { saveBlob } from '../common/download';
import type { MamoriDataProvider } from '../dataProvider';

const BUTTONS: Array<{ format: LedgerExportFormat; label: string; testId: string }> = [
  { format: 'XLSX', label: 'mamori.ledger.exportXlsx', testId: 'export-xlsx' },
  { format: 'LEDGER_CSV', label: 'mamori.ledger.exportLedgerCsv', testId: 'export-ledger-csv' },
  { format: 'RISK_ASSESSMENT_CSV', label: 'mamori.ledger.exportRiskCsv', testId: 'export-risk-csv' },
];

/** The ledger and its risks for an examiner, headed in the language on screen; each export is audited on the server. */
export const LedgerExportButtons = () => {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { canAccess } = useCanAccess({ resource: 'LedgerRecord', action: 'export' });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const run = async (format: LedgerExportFormat) => {
    setBusy(true);
    try {
      const file = await dataProvider.exportLedger(format, locale === 'en' ? 'en' : 'ja');
      const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
      saveBlob(new Blob([bytes], { type: file.contentType }), file.filename);
      notify('mamori.ledger.exported', { type: 'success', messageArgs: { records: file.records, assessments: file.assessments } });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {BUTTONS.map((b) => (
        <Button key={b.format} label={b.label} disabled={busy} onClick={() => run(b.format)} data-testid={b.testId}>
          <DownloadIcon />
        </Button>
      ))}
    </>
  );
};
