import type { CorrectiveAction } from './corrective-action.entity';

/** Bounds of the texts and lists of the internal audit. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 2000;
export const NOTE_MAX = 1000;
export const DEPARTMENTS_MAX = 20;

/** Overdue: not taken by its due day (Japan days); due exactly today is not overdue yet. */
export function isOverdue(action: Pick<CorrectiveAction, 'dueOn' | 'completedOn' | 'effective'>, today: string): boolean {
  return action.effective !== true && action.completedOn === null && action.dueOn < today;
}

/** Taken and waiting for the auditor to verify its effect. */
export const awaitsVerification = (action: Pick<CorrectiveAction, 'completedOn' | 'effective'>) => action.completedOn !== null && action.effective !== true;
