import { Box, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Role } from '@mamori/shared';
import { TwoFactorPage } from '../layout/TwoFactor';
import { session } from '../session';
import { AuditorDashboard } from './AuditorDashboard';
import { ManagerDashboard } from './ManagerDashboard';
import { StaffDashboard } from './StaffDashboard';
import { SupervisorDashboard } from './SupervisorDashboard';

const BY_ROLE: Record<Role, () => React.ReactElement> = {
  PRIVACY_MANAGER: ManagerDashboard,
  STAFF: StaffDashboard,
  SUPERVISOR: SupervisorDashboard,
  AUDITOR: AuditorDashboard,
};

/** Each role lands here after signing in: its reminders first. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions: role, isPending } = usePermissions<Role>();
  if (isPending || !role) return null;
  if (session.user()?.twoFactorEnrollmentRequired) return <TwoFactorPage />;
  const RoleDashboard = BY_ROLE[role];
  return (
    <Box sx={{ mt: 2 }} data-testid={`dashboard-${role}`}>
      <Title title="mamori.dashboard.title" />
      <Stack spacing={2}>
        <Typography variant="h5">{translate('mamori.dashboard.welcome', { name: identity?.fullName ?? '' })}</Typography>
        <RoleDashboard />
      </Stack>
    </Box>
  );
};
