import FactCheckIcon from '@mui/icons-material/FactCheck';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import WarningIcon from '@mui/icons-material/Warning';
import { Stack } from '@mui/material';
import type { DashboardData } from './api';
import { CountCard } from './CountCard';
import { listPath } from './useDashboard';

/** The internal audit at a glance (manager and auditor): corrective actions past their due day, those waiting for verification, audits still open. */
export const InternalAuditCards = ({ internalAudit }: { internalAudit: DashboardData['internalAudit'] | undefined }) => (
  <Stack direction="row" gap={2} flexWrap="wrap" data-testid="internal-audit-cards">
    <CountCard
      testId="count-actions-overdue"
      label="mamori.dashboard.correctiveActionsOverdue"
      value={internalAudit?.overdueCorrectiveActionCount}
      to={listPath('CorrectiveAction', { overdue: true })}
      icon={<WarningIcon color="error" />}
      tone="error"
    />
    <CountCard
      testId="count-actions-awaiting"
      label="mamori.dashboard.correctiveActionsAwaiting"
      value={internalAudit?.awaitingVerificationCount}
      to={listPath('CorrectiveAction', { awaitingVerification: true })}
      icon={<HourglassTopIcon color="warning" />}
      tone="warning"
    />
    <CountCard testId="count-audits-open" label="mamori.dashboard.internalAuditsOpen" value={internalAudit?.openAuditCount} to={listPath('InternalAudit', { status: 'PLANNED' })} icon={<FactCheckIcon color="action" />} />
  </Stack>
);
