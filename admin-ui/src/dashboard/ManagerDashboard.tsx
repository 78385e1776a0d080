import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import DescriptionIcon from '@mui/icons-material/Description';
import PolicyIcon from '@mui/icons-material/Policy';
import WarningIcon from '@mui/icons-material/Warning';
import WorkIcon from '@mui/icons-material/Work';
import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { caseListPath } from '../cases/paths';
import { CasesByStatusChart, CasesByWeekChart } from './Charts';
import { CountCard } from './CountCard';
import { Deadlines } from './Deadlines';
import { isOpen } from './caseStats';

/** The privacy manager's morning: what waits for assignment or review, what is late, and the chain's head. */
export const ManagerDashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const counts = useQuery({
    queryKey: ['dashboard', 'manager', 'counts'],
    queryFn: () => dataProvider.caseCounts({ unassigned: { unassigned: true }, overdue: { overdue: true }, awaitingDocuments: { awaitingDocuments: true } }),
  });
  const breakGlass = useQuery({ queryKey: ['dashboard', 'manager', 'breakGlass'], queryFn: () => dataProvider.breakGlassCount() });
  const cases = useQuery({ queryKey: ['dashboard', 'manager', 'cases'], queryFn: () => dataProvider.casesForCharts({}) });
  const head = useQuery({ queryKey: ['dashboard', 'manager', 'head'], queryFn: () => dataProvider.auditHead() });
  const all = cases.data ?? [];
  return (
    <Stack spacing={2}>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-unassigned" label="mamori.dashboard.assignmentQueue" value={counts.data?.unassigned} to="/assignment-queue" icon={<AssignmentIndIcon color="primary" />} tone="warning" />
        <CountCard testId="count-overdue" label="mamori.dashboard.overdue" value={counts.data?.overdue} to={caseListPath({ overdue: true })} icon={<WarningIcon color="error" />} tone="error" />
        <CountCard testId="count-awaiting" label="mamori.dashboard.awaitingDocuments" value={counts.data?.awaitingDocuments} to={caseListPath({ awaitingDocuments: true })} icon={<DescriptionIcon color="action" />} />
        <CountCard testId="count-breakglass" label="mamori.dashboard.breakGlass" value={breakGlass.data} to="/break-glass" icon={<PolicyIcon color="secondary" />} tone="warning" />
        <CountCard testId="count-open" label="mamori.dashboard.openCases" value={cases.data ? all.filter(isOpen).length : undefined} to="/Case" icon={<WorkIcon color="action" />} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CasesByStatusChart cases={all} />
        <CasesByWeekChart cases={all} today={japanToday()} />
      </Stack>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <Deadlines cases={all} />
        <Card sx={{ flex: '1 1 380px', minWidth: 320 }} data-testid="chain-head">
          <CardContent>
            <Typography variant="subtitle1">{translate('mamori.dashboard.chainHead')}</Typography>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('mamori.dashboard.chainHeadHint')}
            </Typography>
            {head.data && (
              <>
                <Typography variant="body2">
                  {translate('mamori.audit.headSeq')}: <strong>{head.data.seq}</strong>
                </Typography>
                <Typography variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {head.data.hash}
                </Typography>
              </>
            )}
          </CardContent>
        </Card>
      </Stack>
    </Stack>
  );
};
