import { Alert } from '@mui/material';
import { CreateButton, Datagrid, List, NullableBooleanInput, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { EnumField } from '../common/fields';
import { subjectCategoryChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="category" source="category" choices={subjectCategoryChoices} />,
  <NullableBooleanInput key="restricted" source="restricted" />,
];

const Actions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/**
 * Data subjects: id, category and name only (each name shown is an audited
 * read). Staff see only the subjects of their open cases.
 */
export const SubjectList = () => {
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<Actions />} exporter={false} sort={{ field: 'id', order: 'ASC' }}>
      <Alert severity="info" sx={{ m: 1 }}>
        {translate('mamori.subjects.listNote')}
      </Alert>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" />
        <EnumField source="category" enumName="SubjectCategory" />
        {/* sorted by reading, in 50-sound order */}
        <TextField source="fullName" sortBy="fullNameKana" />
      </Datagrid>
    </List>
  );
};
