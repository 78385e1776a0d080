import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import GppMaybeIcon from '@mui/icons-material/GppMaybe';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import UpdateIcon from '@mui/icons-material/Update';
import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DashboardData } from './api';
import { CountCard } from './CountCard';
import { listPath } from './useDashboard';

/** The ledger's reviews and risks due, each card opening the records behind it. */
export const LedgerCards = ({ ledger }: { ledger: DashboardData['ledger'] | undefined }) => {
  const translate = useTranslate();
  if (ledger === null) return null;
  return (
    <Stack gap={1} data-testid="ledger-cards">
      <Typography variant="subtitle1">{translate('mamori.dashboard.ledger')}</Typography>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-ledger-review-overdue" label="mamori.dashboard.ledgerReviewOverdue" value={ledger?.reviewOverdueCount} to={listPath('LedgerRecord', { reviewOverdue: true })} icon={<AssignmentLateIcon color="error" />} tone="error" />
        <CountCard testId="count-risk-overdue" label="mamori.dashboard.riskAssessmentOverdue" value={ledger?.riskAssessmentOverdueCount} to={listPath('LedgerRecord', { riskAssessmentOverdue: true })} icon={<UpdateIcon color="warning" />} tone="warning" />
        <CountCard testId="count-risk-unmitigated" label="mamori.dashboard.highRiskUnmitigated" value={ledger?.highRiskUnmitigatedCount} to={listPath('LedgerRecord', { highRiskUnmitigated: true })} icon={<GppMaybeIcon color="error" />} tone="error" />
        <CountCard testId="count-not-assessed" label="mamori.dashboard.notAssessed" value={ledger?.notAssessedCount} to={listPath('LedgerRecord', { notAssessed: true })} icon={<HelpOutlineIcon color="warning" />} tone="warning" />
      </Stack>
    </Stack>
  );
};
