import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import DescriptionIcon from '@mui/icons-material/Description';
import EventIcon from '@mui/icons-material/Event';
import PolicyIcon from '@mui/icons-material/Policy';
import SchoolIcon from '@mui/icons-material/School';
import WarningIcon from '@mui/icons-material/Warning';
import WorkIcon from '@mui/icons-material/Work';
import { Alert, Button, Stack } from '@mui/material';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { LogStatePanel } from '../audit/LogStatePanel';
import { useDataProvider, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { CasesByStatusChart, CasesByWeekChart } from './Charts';
import { CountCard } from './CountCard';
import { Deadlines } from './Deadlines';
import { LedgerCards } from './LedgerCards';
import { InternalAuditCards } from './InternalAuditCards';
import { IncidentCards, SupervisionCards } from './SupervisionCards';
import { listPath, useDashboard } from './useDashboard';
import { fiscalYearOf } from '../training/api';
import { japanToday } from '../format';
import { ManagementReviewCards } from './ManagementReviewCards';

/** The privacy manager's morning: what waits for assignment or review, what is late, supervision, incidents and the witnessed state of the audit log. */
export const ManagerDashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { data } = useDashboard();
  const awaiting = useQuery({ queryKey: ['dashboard', 'awaiting'], queryFn: () => dataProvider.caseCounts({ awaitingDocuments: { awaitingDocuments: true } }) });
  const fiscalYear = fiscalYearOf(japanToday());
  const untrained = useQuery({ queryKey: ['dashboard', 'training', fiscalYear], queryFn: () => dataProvider.trainingStatus(fiscalYear, true) });
  const cases = data?.cases;
  const open = cases?.byStatus.filter((s) => s.status !== 'CLOSED').reduce((n, s) => n + s.count, 0);
  return (
    <Stack spacing={2}>
      {data?.organisationProfileMissing && data.organisationProfileMissing.length > 0 && (
        <Alert
          severity="warning"
          data-testid="organisation-profile-missing"
          action={<Button component={Link} to="/organisation" size="small">{translate('mamori.organisation.fill')}</Button>}
        >
          {translate('mamori.organisation.dashboardAsk')}
        </Alert>
      )}
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-unassigned" label="mamori.dashboard.assignmentQueue" value={data?.assignmentQueue ?? undefined} to="/assignment-queue" icon={<AssignmentIndIcon color="primary" />} tone="warning" />
        <CountCard testId="count-overdue" label="mamori.dashboard.overdue" value={cases?.overdueCount} to={listPath('Case', { overdue: true })} icon={<WarningIcon color="error" />} tone="error" />
        <CountCard testId="count-due-soon" label="mamori.dashboard.dueSoon" value={cases?.dueSoonCount} to="/Case" icon={<EventIcon color="warning" />} tone="warning" />
        <CountCard testId="count-awaiting" label="mamori.dashboard.awaitingDocuments" value={awaiting.data?.awaitingDocuments} to={listPath('Case', { awaitingDocuments: true })} icon={<DescriptionIcon color="action" />} />
        <CountCard testId="count-breakglass" label="mamori.dashboard.breakGlass" value={data?.pendingBreakGlassReviews ?? undefined} to="/break-glass" icon={<PolicyIcon color="secondary" />} tone="warning" />
        <CountCard testId="count-open" label="mamori.dashboard.openCases" value={open} to="/Case" icon={<WorkIcon color="action" />} />
        <CountCard
          testId="count-training-incomplete"
          label="mamori.dashboard.trainingIncomplete"
          labelArgs={{ year: fiscalYear }}
          value={untrained.data?.length}
          to="/training-status"
          icon={<SchoolIcon color="warning" />}
          tone="warning"
        />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CasesByStatusChart byStatus={cases?.byStatus ?? []} />
        <CasesByWeekChart weeks={cases?.receivedPerWeek ?? []} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <Deadlines overdue={cases?.overdue ?? []} dueSoon={cases?.dueSoon ?? []} />
        <LogStatePanel compact />
      </Stack>
      <LedgerCards ledger={data?.ledger} />
      <SupervisionCards supervision={data?.supervision ?? undefined} />
      <IncidentCards incidents={data?.incidents} />
      <InternalAuditCards internalAudit={data?.internalAudit} />
      <ManagementReviewCards review={data?.managementReview} />
    </Stack>
  );
};
