import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../format';
import { oldestSealCertificateDay, type CaseFacts } from './rules';

const Line = ({ ok, primary, secondary, testId }: { ok: boolean; primary: string; secondary?: string; testId: string }) => (
  <ListItem disableGutters dense data-testid={testId} data-ok={ok}>
    <ListItemIcon sx={{ minWidth: 32 }}>{ok ? <CheckCircleIcon color="success" fontSize="small" /> : <ErrorIcon color="error" fontSize="small" />}</ListItemIcon>
    <ListItemText primary={primary} secondary={secondary} />
  </ListItem>
);

/** What the policy asks to be enclosed, ticked off; a representative's seal certificate must be recent enough. */
export const DocumentsChecklist = ({ record }: { record: CaseFacts }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const representative = record.requester === 'REPRESENTATIVE';
  const oldest = oldestSealCertificateDay(record);
  const seal = record.sealCertificateIssuedOn;
  return (
    <List dense disablePadding>
      <Line testId="doc-request-form" ok={record.hasRequestForm} primary={translate('mamori.cases.requestForm')} />
      <Line
        testId="doc-identity"
        ok={Boolean(record.identityDocument)}
        primary={translate('mamori.cases.identityDocument')}
        secondary={record.identityDocument ? translate(`mamori.enums.IdentityDocument.${record.identityDocument}`) : translate('mamori.common.none')}
      />
      {representative && <Line testId="doc-proxy" ok={record.hasProxyLetter} primary={translate('mamori.cases.proxyLetter')} />}
      {representative && (
        <Line
          testId="doc-seal"
          ok={Boolean(seal && seal >= oldest)}
          primary={seal ? translate('mamori.cases.sealCertificate', { day: formatDay(oldest, locale) }) : translate('mamori.cases.sealCertificateMissing')}
          secondary={seal ? formatDay(seal, locale) : undefined}
        />
      )}
    </List>
  );
};
