import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import BlockIcon from '@mui/icons-material/Block';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import ReportIcon from '@mui/icons-material/Report';
import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DashboardData } from './api';
import { CountCard } from './CountCard';
import { listPath } from './useDashboard';

/** Subcontractor supervision at a glance: agreements, reviews, hand-overs. */
export const SupervisionCards = ({ supervision }: { supervision: NonNullable<DashboardData['supervision']> | undefined }) => {
  const translate = useTranslate();
  return (
    <Stack gap={1}>
      <Typography variant="subtitle1">{translate('mamori.dashboard.supervision')}</Typography>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-expiring" label="mamori.dashboard.expiringAgreements" value={supervision?.expiringAgreementCount} to={listPath('ConfidentialityAgreement', { expiringSoon: true })} icon={<EventBusyIcon color="warning" />} tone="warning" />
        <CountCard testId="count-review-overdue" label="mamori.dashboard.overdueReviews" value={supervision?.overdueReviewCount} to={listPath('Subcontractor', { reviewOverdue: true })} icon={<AssignmentLateIcon color="error" />} tone="error" />
        <CountCard testId="count-not-allowed" label="mamori.dashboard.notAllowed" value={supervision?.notAllowedCount} to={listPath('Subcontractor', { allowedToReceiveData: false, active: true })} icon={<BlockIcon color="error" />} tone="error" />
        <CountCard testId="count-open-entrustments" label="mamori.dashboard.openEntrustments" value={supervision?.openEntrustmentCount} to={listPath('Entrustment', { open: true })} icon={<LocalShippingIcon color="primary" />} />
        <CountCard testId="count-past-end" label="mamori.dashboard.pastEndEntrustments" value={supervision?.pastEndEntrustmentCount} to={listPath('Entrustment', { pastEnd: true })} icon={<ReportIcon color="error" />} tone="error" />
      </Stack>
    </Stack>
  );
};

/** The incident register's deadlines (every role reads the register). */
export const IncidentCards = ({ incidents }: { incidents: DashboardData['incidents'] | undefined }) => {
  const translate = useTranslate();
  return (
    <Stack gap={1}>
      <Typography variant="subtitle1">{translate('mamori.dashboard.incidents')}</Typography>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-report-pending" label="mamori.dashboard.reportPending" value={incidents?.reportPendingCount} to={listPath('Incident', { reportPending: true })} icon={<ReportIcon color="warning" />} tone="warning" />
        <CountCard testId="count-preliminary-overdue" label="mamori.dashboard.preliminaryOverdue" value={incidents?.preliminaryOverdueCount} to={listPath('Incident', { preliminaryReportOverdue: true })} icon={<ReportIcon color="error" />} tone="error" />
        <CountCard testId="count-final-overdue" label="mamori.dashboard.finalOverdue" value={incidents?.finalOverdueCount} to={listPath('Incident', { finalReportOverdue: true })} icon={<ReportIcon color="error" />} tone="error" />
      </Stack>
    </Stack>
  );
};
