import ListAltIcon from '@mui/icons-material/ListAlt';
import { Alert, Stack } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { CountCard } from './CountCard';

/** Supervisors of subcontractors: no personal data of data subjects, ever. */
export const SupervisorDashboard = () => {
  const translate = useTranslate();
  const purposes = useGetList('PurposeOfUse', { pagination: { page: 1, perPage: 1 }, filter: { active: true } });
  return (
    <Stack spacing={2}>
      <Alert severity="info">{translate('mamori.dashboard.supervisorIntro')}</Alert>
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard testId="count-purposes" label="mamori.dashboard.purposes" value={purposes.total} to="/PurposeOfUse" icon={<ListAltIcon color="primary" />} />
      </Stack>
    </Stack>
  );
};
