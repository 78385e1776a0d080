import DescriptionIcon from '@mui/icons-material/Description';
import EventIcon from '@mui/icons-material/Event';
import WarningIcon from '@mui/icons-material/Warning';
import WorkIcon from '@mui/icons-material/Work';
import { Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { CasesByStatusChart, CasesByWeekChart } from './Charts';
import { CountCard } from './CountCard';
import { Deadlines } from './Deadlines';
import { IncidentCards } from './SupervisionCards';
import { listPath, useDashboard } from './useDashboard';
import { ManagementReviewCards } from './ManagementReviewCards';

/** Staff: my cases and their deadlines first. */
export const StaffDashboard = () => {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { data } = useDashboard();
  const awaiting = useQuery({ queryKey: ['dashboard', 'awaiting', 'mine'], queryFn: () => dataProvider.caseCounts({ awaitingDocuments: { mine: true, awaitingDocuments: true } }) });
  const cases = data?.cases;
  const open = cases?.byStatus.filter((s) => s.status !== 'CLOSED').reduce((n, s) => n + s.count, 0);
  return (
    <Stack spacing={2}>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-mine" label="mamori.dashboard.myOpenCases" value={open} to={listPath('Case', { mine: true })} icon={<WorkIcon color="primary" />} />
        <CountCard testId="count-overdue" label="mamori.dashboard.overdue" value={cases?.overdueCount} to={listPath('Case', { mine: true, overdue: true })} icon={<WarningIcon color="error" />} tone="error" />
        <CountCard testId="count-due-soon" label="mamori.dashboard.dueSoon" value={cases?.dueSoonCount} to={listPath('Case', { mine: true })} icon={<EventIcon color="warning" />} tone="warning" />
        <CountCard testId="count-awaiting" label="mamori.dashboard.awaitingDocuments" value={awaiting.data?.awaitingDocuments} to={listPath('Case', { mine: true, awaitingDocuments: true })} icon={<DescriptionIcon color="action" />} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <Deadlines overdue={cases?.overdue ?? []} dueSoon={cases?.dueSoon ?? []} />
        <CasesByStatusChart byStatus={cases?.byStatus ?? []} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CasesByWeekChart weeks={cases?.receivedPerWeek ?? []} />
      </Stack>
      <ManagementReviewCards review={data?.managementReview} />
      <IncidentCards incidents={data?.incidents} />
    </Stack>
  );
};
