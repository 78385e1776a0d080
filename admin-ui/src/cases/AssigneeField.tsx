import { UserNameField } from '../common/UserNameField';

/** The assignee of a case, or "unassigned". */
export const AssigneeField = (_props: { label?: string; source?: string; sortable?: boolean; sortBy?: string }) => (
  <UserNameField source="assigneeId" emptyText="mamori.cases.unassigned" />
);
