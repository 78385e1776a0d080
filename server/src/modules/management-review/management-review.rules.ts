import type { ManagementReviewAction } from './management-review-action.entity';

/** Bounds of the texts and lists of the management review. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const PARTICIPANT_MAX = 100;
export const PARTICIPANTS_MAX = 30;
/** The longest period one review covers: two years. */
export const PERIOD_MAX_DAYS = 731;

/** Overdue: still open after its due day (Japan days); due exactly today is not overdue yet. */
export const isOverdue = (action: Pick<ManagementReviewAction, 'status' | 'dueOn'>, today: string) => action.status === 'OPEN' && action.dueOn < today;
