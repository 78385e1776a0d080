import {
  BooleanInput,
  CanAccess,
  CreateButton,
  FilterButton,
  TopToolbar,
  Datagrid,
  List,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  usePermissions,
  type RaRecord,
} from 'react-admin';
import type { Role } from '@mamori/shared';
import { DayField, EnumField, YenField } from '../common/fields';
import { AssigneeField } from './AssigneeField';
import { caseStatusChoices, caseTypeChoices } from './choices';
import { DaysLeftField } from './DaysLeftField';
import { RetentionButton } from './RetentionButton';

const commonFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} />,
  <SelectInput key="type" source="type" choices={caseTypeChoices} />,
  <BooleanInput key="overdue" source="overdue" />,
  <BooleanInput key="awaitingDocuments" source="awaitingDocuments" />,
];

const managerFilters = [
  ...commonFilters,
  <BooleanInput key="unassigned" source="unassigned" />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="User" filter={{ role: 'STAFF' }}>
    <SelectInput optionText="displayName" />
  </ReferenceInput>,
];

const staffFilters = [...commonFilters, <BooleanInput key="mine" source="mine" alwaysOn />];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <CanAccess resource="retention" action="run">
      <RetentionButton />
    </CanAccess>
  </TopToolbar>
);

const overdueRow = (record: RaRecord) => (record.overdue ? { backgroundColor: 'rgba(211, 47, 47, 0.08)' } : {});

/**
 * Staff: "my cases" (assigned to me), nearest deadline first. The manager:
 * every case, with the assignment filters. No personal data is asked for here.
 */
export const CaseList = () => {
  const { permissions: role } = usePermissions<Role>();
  const isStaff = role === 'STAFF';
  return (
    <List
      title={isStaff ? 'mamori.cases.myCasesTitle' : 'mamori.cases.allCasesTitle'}
      filters={isStaff ? staffFilters : managerFilters}
      filterDefaultValues={isStaff ? { mine: true } : {}}
      sort={{ field: 'dueOn', order: 'ASC' }}
      exporter={false}
      actions={<Actions />}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} rowSx={overdueRow}>
        <TextField source="reference" />
        <EnumField source="type" enumName="CaseType" />
        <EnumField source="status" enumName="CaseStatus" />
        <DayField source="receivedOn" />
        <DayField source="dueOn" />
        <DaysLeftField label="resources.Case.fields.daysLeft" sortable={false} />
        <AssigneeField label="resources.Case.fields.assigneeId" sortBy="assigneeId" />
        <YenField source="feeYen" sortable={false} />
        <YenField source="feeOwedYen" sortable={false} />
      </Datagrid>
    </List>
  );
};
