import PrintIcon from '@mui/icons-material/Print';
import { Button, Dialog, DialogActions, DialogContent, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import type { CaseType } from '@mamori/shared';
import { formatDay, japanToday } from '../format';
import type { RequestedItem } from './requestedItems';
import { ReplyPreview } from './ReplyPreview';

/**
 * The written reply: the server composes the letter (an audited read of the
 * data it discloses); it is shown here to print, and its mailing day recorded.
 */
interface ReplyCase {
  id: string;
  type: CaseType;
  repliedOn?: string | null;
  requestedItems: RequestedItem[];
  nonDisclosureReasons: string[];
  disclosureMethod?: string;
}

export const ReplyLetterPanel = ({ record, open }: { record: ReplyCase; open: boolean }) => {
  const caseId = String(record.id);
  const repliedOn = record.repliedOn;
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const [letter, setLetter] = useState<string | null>(null);
  const [mailedOn, setMailedOn] = useState(japanToday());
  const frame = useRef<HTMLIFrameElement>(null);
  const show = async (language: 'ja' | 'en') => {
    try {
      setLetter(await dataProvider.caseReplyLetter(caseId, language));
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const recordMailed = async () => {
    try {
      await dataProvider.recordReplyMailed(caseId, mailedOn);
      notify('mamori.cases.replyMailed', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const saveElectronic = async () => {
    try {
      await dataProvider.saveElectronicReply(caseId, locale === 'en' ? 'en' : 'ja');
      notify('mamori.cases.electronicSaved', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack gap={1.5}>
      <ReplyPreview type={record.type} items={record.requestedItems ?? []} rejected={record.nonDisclosureReasons.length > 0} />
      <Stack direction="row" gap={1} flexWrap="wrap">
        <Button variant="outlined" onClick={() => show('ja')} data-testid="letter-ja">
          {translate('mamori.cases.letterJa')}
        </Button>
        <Button variant="outlined" onClick={() => show('en')} data-testid="letter-en">
          {translate('mamori.cases.letterEn')}
        </Button>
        {record.disclosureMethod === 'ELECTRONIC_RECORD' && open && (
          <Button variant="outlined" onClick={saveElectronic} data-testid="save-electronic">
            {translate('mamori.cases.saveElectronic')}
          </Button>
        )}
      </Stack>
      {repliedOn ? (
        <Typography variant="body2">
          {translate('resources.Case.fields.repliedOn')}: {formatDay(repliedOn, locale)}
        </Typography>
      ) : (
        open && (
          <Stack direction="row" gap={1} alignItems="center">
            <TextField type="date" size="small" label={translate('mamori.cases.mailedOn')} value={mailedOn} onChange={(e) => setMailedOn(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
            <Button variant="contained" size="small" disabled={!mailedOn} onClick={recordMailed}>
              {translate('mamori.cases.recordMailed')}
            </Button>
          </Stack>
        )
      )}
      <Dialog open={letter !== null} onClose={() => setLetter(null)} maxWidth="md" fullWidth>
        <DialogContent sx={{ p: 0, height: '75vh' }}>
          {letter && <iframe ref={frame} title="reply-letter" srcDoc={letter} sandbox="allow-same-origin allow-modals" style={{ border: 0, width: '100%', height: '100%' }} data-testid="letter-frame" />}
        </DialogContent>
        <DialogActions>
          <Button startIcon={<PrintIcon />} onClick={() => frame.current?.contentWindow?.print()}>
            {translate('mamori.cases.print')}
          </Button>
          <Button onClick={() => setLetter(null)}>{translate('mamori.audit.close')}</Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};
