import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CaseStatus } from '@mamori/shared';

const WAITING_FOR_REPLY: CaseStatus[] = ['RECEIVED', 'VERIFYING', 'IN_PROGRESS'];

/** Days left until the reply is due, red once overdue; nothing once the case is answered. */
export const DaysLeftChip = ({ daysLeft, overdue, status }: { daysLeft: number; overdue: boolean; status: CaseStatus }) => {
  const translate = useTranslate();
  if (!WAITING_FOR_REPLY.includes(status)) return null;
  if (overdue || daysLeft < 0) {
    return <Chip size="small" color="error" data-testid="overdue" label={translate('mamori.cases.overdueBy', { smart_count: Math.abs(daysLeft) })} />;
  }
  if (daysLeft === 0) return <Chip size="small" color="warning" label={translate('mamori.cases.dueToday')} />;
  return (
    <Chip size="small" color={daysLeft <= 3 ? 'warning' : 'default'} variant={daysLeft <= 3 ? 'filled' : 'outlined'} label={translate('mamori.cases.daysLeft', { smart_count: daysLeft })} />
  );
};

/** The field form of DaysLeftChip, for lists and show pages. */
export const DaysLeftField = (_props: { label?: string; source?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext<{ id: string; daysLeft: number; overdue: boolean; status: CaseStatus }>();
  if (!record) return null;
  return <DaysLeftChip daysLeft={record.daysLeft} overdue={record.overdue} status={record.status} />;
};
