import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { ExportFormat } from '@mamori/shared';
import { saveBlob } from '../common/download';
import type { MamoriDataProvider } from '../dataProvider';
import { cleanAuditFilter } from './api';

const TYPES: Record<ExportFormat, { mime: string; extension: string }> = {
  CSV: { mime: 'text/csv;charset=utf-8', extension: 'csv' },
  JSONL: { mime: 'application/x-ndjson;charset=utf-8', extension: 'jsonl' },
};

function download(content: string, format: ExportFormat): void {
  const { mime, extension } = TYPES[format];
  // A BOM lets spreadsheet programs read Japanese CSV correctly.
  const blob = new Blob([format === 'CSV' ? '\uFEFF' : '', content], { type: mime });
  saveBlob(blob, `audit-trail-${new Date().toISOString().replace(/[:.]/g, '-')}.${extension}`);
}

/** Exports the trail as filtered on screen (the export is itself audited on the server). */
export const ExportButtons = () => {
  const { filterValues } = useListContext();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      download(await dataProvider.exportAuditEntries(cleanAuditFilter(filterValues), format), format);
      notify('mamori.audit.exported', { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button label="mamori.audit.exportCsv" disabled={busy} onClick={() => run('CSV')} data-testid="export-csv">
        <DownloadIcon />
      </Button>
      <Button label="mamori.audit.exportJsonl" disabled={busy} onClick={() => run('JSONL')} data-testid="export-jsonl">
        <DownloadIcon />
      </Button>
    </>
  );
};
