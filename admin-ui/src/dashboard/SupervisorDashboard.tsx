import { Alert, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { IncidentCards, SupervisionCards } from './SupervisionCards';
import { useDashboard } from './useDashboard';
import { ManagementReviewCards } from './ManagementReviewCards';

/** Supervisors of subcontractors: agreements, reviews, hand-overs and incidents; no personal data of data subjects, ever. */
export const SupervisorDashboard = () => {
  const translate = useTranslate();
  const { data } = useDashboard();
  return (
    <Stack spacing={2}>
      <Alert severity="info">{translate('mamori.dashboard.supervisorIntro')}</Alert>
      <SupervisionCards supervision={data?.supervision ?? undefined} />
      <ManagementReviewCards review={data?.managementReview} />
      <IncidentCards incidents={data?.incidents} />
    </Stack>
  );
};
