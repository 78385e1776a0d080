import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { saveBlob } from '../common/download';
import type { MamoriDataProvider } from '../dataProvider';
import { formatInstant } from '../format';

export interface CaseDocument {
  id: string;
  kind: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  destroyedAt: string | null;
}

const KINDS = ['REQUEST_FORM', 'IDENTITY_DOCUMENT', 'PROXY_LETTER', 'SEAL_CERTIFICATE', 'OTHER'];

/** The attached scans: stored encrypted on the server; each download is an audited DOWNLOAD. */
export const DocumentsPanel = ({ caseId, documents, canUpload }: { caseId: string; documents: CaseDocument[]; canUpload: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [kind, setKind] = useState('IDENTITY_DOCUMENT');
  const fileInput = useRef<HTMLInputElement>(null);
  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const upload = (file: File) =>
    run(async () => {
      await dataProvider.uploadCaseDocument(caseId, kind, file);
      notify('mamori.cases.uploaded', { type: 'success' });
      refresh();
    });
  const download = (id: string) =>
    run(async () => {
      const { blob, filename } = await dataProvider.downloadCaseDocument(caseId, id);
      saveBlob(blob, filename);
    });
  return (
    <Stack gap={1}>
      {documents.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('mamori.cases.noScans')}
        </Typography>
      ) : (
        <Table size="small" data-testid="scans">
          <TableBody>
            {documents.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{translate(`mamori.enums.CaseDocumentKind.${d.kind}`)}</TableCell>
                <TableCell>{Math.ceil(d.sizeBytes / 1024).toLocaleString()} KB</TableCell>
                <TableCell>{formatInstant(d.uploadedAt, locale)}</TableCell>
                <TableCell align="right">
                  {d.destroyedAt ? (
                    translate('mamori.cases.destroyed')
                  ) : (
                    <IconButton size="small" aria-label={translate('mamori.cases.download')} onClick={() => download(d.id)}>
                      <DownloadIcon fontSize="small" />
                    </IconButton>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canUpload && (
        <Stack direction="row" gap={1} alignItems="center">
          <TextField select size="small" label={translate('mamori.cases.scanKind')} value={kind} onChange={(e) => setKind(e.target.value)} fullWidth={false} sx={{ width: 260 }}>
            {KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {translate(`mamori.enums.CaseDocumentKind.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept="application/pdf,image/png,image/jpeg"
            data-testid="scan-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
              e.target.value = '';
            }}
          />
          <Button variant="outlined" size="small" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
            {translate('mamori.cases.upload')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};
