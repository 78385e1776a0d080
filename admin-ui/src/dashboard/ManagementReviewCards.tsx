import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { Alert, Stack } from '@mui/material';
import { Link, useLocale, useTranslate } from 'react-admin';
import { formatDay } from '../format';
import type { DashboardData } from './api';
import { CountCard } from './CountCard';
import { listPath } from './useDashboard';

/**
 * The management review at a glance. The manager and the auditor: whether this
 * fiscal year's review was held (and when the next is planned), and every
 * overdue action; an owner: their own actions, shown only when they have any.
 */
export const ManagementReviewCards = ({ review }: { review: DashboardData['managementReview'] | undefined }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (!review) return null;
  if (review.scope === 'MINE') {
    if (!review.openActionCount) return null;
    return (
      <Stack direction="row" gap={2} flexWrap="wrap" data-testid="management-review-cards">
        <CountCard
          testId="count-review-actions-overdue"
          label="mamori.dashboard.myReviewActionsOverdue"
          value={review.overdueActionCount}
          to={listPath('ManagementReviewAction', { overdue: true })}
          icon={<AssignmentLateIcon color="error" />}
          tone="error"
        />
        <CountCard
          testId="count-review-actions-open"
          label="mamori.dashboard.myReviewActionsOpen"
          value={review.openActionCount}
          to={listPath('ManagementReviewAction', { status: 'OPEN' })}
          icon={<PlaylistAddCheckIcon color="action" />}
        />
      </Stack>
    );
  }
  return (
    <Stack spacing={2} data-testid="management-review-cards">
      {review.heldThisFiscalYear === false && (
        <Alert severity="warning" data-testid="review-not-held">
          {translate('mamori.dashboard.reviewNotHeld', { year: review.fiscalYear })}{' '}
          {review.nextReviewId && review.nextPlannedOn ? (
            <Link to={`/ManagementReview/${review.nextReviewId}/show`}>{translate('mamori.dashboard.reviewNextPlanned', { day: formatDay(review.nextPlannedOn, locale) })}</Link>
          ) : (
            <Link to="/ManagementReview/create">{translate('mamori.dashboard.reviewNonePlanned')}</Link>
          )}
        </Alert>
      )}
      <Stack direction="row" gap={2} flexWrap="wrap">
        <CountCard
          testId="count-review-actions-overdue"
          label="mamori.dashboard.reviewActionsOverdue"
          value={review.overdueActionCount}
          to={listPath('ManagementReviewAction', { overdue: true })}
          icon={<AssignmentLateIcon color="error" />}
          tone="error"
        />
      </Stack>
    </Stack>
  );
};
