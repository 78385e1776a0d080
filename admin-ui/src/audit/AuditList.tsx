import { Box } from '@mui/material';
import { CanAccess, Datagrid, DateInput, FilterButton, List, ReferenceInput, SelectInput, TextField, TextInput, TopToolbar, useCanAccess } from 'react-admin';
import { AUDIT_ACTIONS } from '@mamori/shared';
import { EntityField, EnumField, FieldNamesField, InstantField } from '../common/fields';
import { enumChoices } from '../i18n';
import { ActorField } from './ActorField';
import { CaseLinkField, SubjectLinkField } from './CaseLinkField';
import { CheckHeadButton } from './CheckHeadButton';
import { LogStatePanel } from './LogStatePanel';
import { ExportButtons } from './ExportButtons';
import { VerifyChainButton } from './VerifyChainButton';

const ENTITY_TYPES = ['DataSubject', 'Case', 'Consent', 'User', 'AuditEntry', 'AuditChain', 'Operation'].map((id) => ({ id, name: id }));

/** A period bound typed as a Japan day, sent as the instant that day starts in Japan. */
const japanMidnight = (day: string | null) => (day ? new Date(`${day}T00:00:00+09:00`).toISOString() : null);
const japanDayOf = (iso: string | null | undefined) => (iso ? new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10) : '');

const managerFilters = [
  <ReferenceInput key="actorId" source="actorId" reference="User" alwaysOn>
    <SelectInput optionText="displayName" />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={enumChoices('AuditAction', AUDIT_ACTIONS)} alwaysOn />,
  <TextInput key="subjectId" source="subjectId" />,
  <SelectInput key="entityType" source="entityType" choices={ENTITY_TYPES} />,
  <TextInput key="caseId" source="caseId" />,
  <DateInput key="from" source="from" parse={japanMidnight} format={japanDayOf} alwaysOn />,
  <DateInput key="to" source="to" parse={japanMidnight} format={japanDayOf} alwaysOn />,
];

const staffFilters = [
  <SelectInput key="action" source="action" choices={enumChoices('AuditAction', AUDIT_ACTIONS)} alwaysOn />,
  <DateInput key="from" source="from" parse={japanMidnight} format={japanDayOf} />,
  <DateInput key="to" source="to" parse={japanMidnight} format={japanDayOf} />,
];

const LogStateAside = () => (
  <Box sx={{ width: 360, ml: 2, flexShrink: 0 }}>
    <LogStatePanel />
  </Box>
);

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CanAccess resource="AuditEntry" action="verify">
      <VerifyChainButton />
      <CheckHeadButton />
    </CanAccess>
    <CanAccess resource="AuditEntry" action="export">
      <ExportButtons />
    </CanAccess>
  </TopToolbar>
);

/** The audit trail, newest first: read-only, filterable as the contract says, verifiable by the manager and the internal auditor, exportable by the manager. */
export const AuditList = () => {
  // the manager and the internal auditor read everyone's entries and the log's witnessed state
  const { canAccess: wholeTrail } = useCanAccess({ resource: 'AuditEntry', action: 'seeActors' });
  return (
    <List
      aside={wholeTrail ? <LogStateAside /> : undefined}
      title={wholeTrail ? 'mamori.audit.trailTitle' : 'mamori.audit.myTrailTitle'}
      filters={wholeTrail ? managerFilters : staffFilters}
      actions={<Actions />}
      sort={{ field: 'id', order: 'DESC' }}
      exporter={false}
      perPage={25}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="seq" sortBy="id" />
        <InstantField source="occurredAt" />
        <ActorField label="resources.AuditEntry.fields.actorId" sortBy="actorId" />
        <EnumField source="action" enumName="AuditAction" />
        <EntityField label="resources.AuditEntry.fields.entityType" />
        <SubjectLinkField label="resources.AuditEntry.fields.subjectId" sortBy="subjectId" />
        <CaseLinkField label="resources.AuditEntry.fields.caseId" sortable={false} />
        <FieldNamesField source="fields" sortable={false} />
        <EnumField source="outcome" enumName="AuditOutcome" sortable={false} />
      </Datagrid>
    </List>
  );
};
