import { Datagrid, List, TextField, useRequireAccess, useTranslate } from 'react-admin';
import { DayField, EnumField } from '../common/fields';
import { AssignControl } from './AssignControl';
import { DaysLeftField } from './DaysLeftField';

const Empty = () => {
  const translate = useTranslate();
  return <div style={{ padding: 24 }}>{translate('mamori.cases.assignmentQueueEmpty')}</div>;
};

/** The manager's assignment queue: open cases nobody works on yet, oldest first. */
export const AssignmentQueue = () => {
  const { isPending } = useRequireAccess({ resource: 'assignment-queue', action: 'list' });
  if (isPending) return null;
  return (
    <List
      resource="Case"
      title="mamori.cases.assignmentQueueTitle"
      filter={{ unassigned: true }}
      sort={{ field: 'receivedOn', order: 'ASC' }}
      storeKey="assignmentQueue"
      disableSyncWithLocation
      exporter={false}
      actions={false}
      empty={<Empty />}
    >
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="reference" />
        <EnumField source="type" enumName="CaseType" />
        <EnumField source="status" enumName="CaseStatus" />
        <DayField source="receivedOn" />
        <DayField source="dueOn" />
        <DaysLeftField label="resources.Case.fields.daysLeft" sortable={false} />
        <AssignControl label="mamori.cases.assignTo" />
      </Datagrid>
    </List>
  );
};
