import EventIcon from '@mui/icons-material/Event';
import WarningIcon from '@mui/icons-material/Warning';
import WorkIcon from '@mui/icons-material/Work';
import { Alert, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { LogStatePanel } from '../audit/LogStatePanel';
import { CasesByStatusChart } from './Charts';
import { CountCard } from './CountCard';
import { Deadlines } from './Deadlines';
import { LedgerCards } from './LedgerCards';
import { InternalAuditCards } from './InternalAuditCards';
import { IncidentCards, SupervisionCards } from './SupervisionCards';
import { listPath, useDashboard } from './useDashboard';
import { ManagementReviewCards } from './ManagementReviewCards';

/** The internal auditor: how the records it audits stand — timeliness of requests, the witnessed log, supervision, incidents. */
export const AuditorDashboard = () => {
  const translate = useTranslate();
  const { data } = useDashboard();
  const cases = data?.cases;
  const open = cases?.byStatus.filter((s) => s.status !== 'CLOSED').reduce((n, s) => n + s.count, 0);
  return (
    <Stack spacing={2}>
      <Alert severity="info">{translate('mamori.dashboard.auditorIntro')}</Alert>
      <InternalAuditCards internalAudit={data?.internalAudit} />
      <ManagementReviewCards review={data?.managementReview} />
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-overdue" label="mamori.dashboard.overdue" value={cases?.overdueCount} to={listPath('Case', { overdue: true })} icon={<WarningIcon color="error" />} tone="error" />
        <CountCard testId="count-due-soon" label="mamori.dashboard.dueSoon" value={cases?.dueSoonCount} to="/Case" icon={<EventIcon color="warning" />} tone="warning" />
        <CountCard testId="count-open" label="mamori.dashboard.openCases" value={open} to="/Case" icon={<WorkIcon color="action" />} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <Deadlines overdue={cases?.overdue ?? []} dueSoon={cases?.dueSoon ?? []} />
        <CasesByStatusChart byStatus={cases?.byStatus ?? []} />
        <LogStatePanel compact />
      </Stack>
      <LedgerCards ledger={data?.ledger} />
      <SupervisionCards supervision={data?.supervision ?? undefined} />
      <IncidentCards incidents={data?.incidents} />
    </Stack>
  );
};
