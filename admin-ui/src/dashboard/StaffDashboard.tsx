import DescriptionIcon from '@mui/icons-material/Description';
import EventIcon from '@mui/icons-material/Event';
import WarningIcon from '@mui/icons-material/Warning';
import WorkIcon from '@mui/icons-material/Work';
import { Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { caseListPath } from '../cases/paths';
import { CasesByStatusChart } from './Charts';
import { CountCard } from './CountCard';
import { Deadlines } from './Deadlines';
import { isOpen, isWaitingForReply } from './caseStats';

/** Staff: my cases and their deadlines first. */
export const StaffDashboard = () => {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const cases = useQuery({ queryKey: ['dashboard', 'staff', 'cases'], queryFn: () => dataProvider.casesForCharts({ mine: true }) });
  const counts = useQuery({
    queryKey: ['dashboard', 'staff', 'counts'],
    queryFn: () => dataProvider.caseCounts({ overdue: { mine: true, overdue: true }, awaitingDocuments: { mine: true, awaitingDocuments: true } }),
  });
  const mine = cases.data ?? [];
  const loaded = cases.data !== undefined;
  return (
    <Stack spacing={2}>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-mine" label="mamori.dashboard.myOpenCases" value={loaded ? mine.filter(isOpen).length : undefined} to={caseListPath({ mine: true })} icon={<WorkIcon color="primary" />} />
        <CountCard testId="count-overdue" label="mamori.dashboard.overdue" value={counts.data?.overdue} to={caseListPath({ mine: true, overdue: true })} icon={<WarningIcon color="error" />} tone="error" />
        <CountCard
          testId="count-due-soon"
          label="mamori.dashboard.dueThisWeek"
          value={loaded ? mine.filter((c) => isWaitingForReply(c) && c.daysLeft >= 0 && c.daysLeft <= 7).length : undefined}
          to={caseListPath({ mine: true })}
          icon={<EventIcon color="warning" />}
          tone="warning"
        />
        <CountCard testId="count-awaiting" label="mamori.dashboard.awaitingDocuments" value={counts.data?.awaitingDocuments} to={caseListPath({ mine: true, awaitingDocuments: true })} icon={<DescriptionIcon color="action" />} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <Deadlines cases={mine} />
        <CasesByStatusChart cases={mine} />
      </Stack>
    </Stack>
  );
};
