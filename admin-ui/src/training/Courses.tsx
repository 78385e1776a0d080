import ArchiveIcon from '@mui/icons-material/Archive';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Button,
  Create,
  Datagrid,
  DateInput,
  Edit,
  EditButton,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  maxLength,
  maxValue,
  minValue,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DayField, EnumField, InstantField } from '../common/fields';
import { FlagsField } from '../common/FlagField';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { fiscalYearOf } from './api';
import { EmptyAttempts } from './EmptyAttempts';

const COURSE_FLAGS = [{ source: 'retiredAt', label: 'mamori.training.retired', tone: 'default' as const }];

const filters = [
  <NumberInput key="fiscalYear" source="fiscalYear" alwaysOn />,
  <NullableBooleanInput key="retired" source="retired" />,
  <TextInput key="q" source="q" />,
];

/** The yearly courses every active user must pass; retired ones stay listed with their completions. */
export const CourseList = () => (
  <List filters={filters} exporter={false} sort={{ field: 'dueOn', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="title" />
      <NumberField source="fiscalYear" options={{ useGrouping: false }} />
      <DayField source="dueOn" />
      <FlagsField label="mamori.flags.title" flags={COURSE_FLAGS} />
    </Datagrid>
  </List>
);

/** Retiring keeps the course and its completions; it is no longer required of anyone. */
const RetireButton = () => {
  const record = useRecordContext<{ id: string; retiredAt: string | null }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'TrainingCourse', action: 'retire' });
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  if (!record || record.retiredAt || !canAccess) return null;
  const retire = async () => {
    try {
      await dataProvider.retireTrainingCourse(String(record.id));
      notify('mamori.training.retiredNow', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      setAsking(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="mamori.training.retire" onClick={() => setAsking(true)} data-testid="retire-course">
        <ArchiveIcon />
      </Button>
      <Dialog open={asking} onClose={() => setAsking(false)}>
        <DialogTitle>{translate('mamori.training.retire')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('mamori.training.retireWarning')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setAsking(false)}>{translate('mamori.common.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={retire} data-testid="retire-confirm">
            {translate('mamori.training.retire')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

const CourseActions = () => {
  const record = useRecordContext<{ retiredAt: string | null }>();
  return (
    <TopToolbar>
      {record && !record.retiredAt && <EditButton />}
      <RetireButton />
    </TopToolbar>
  );
};

/** The attempts at this course: the manager's view (others only ever see their own). */
const CourseCompletions = () => {
  const { canAccess } = useCanAccess({ resource: 'training-status', action: 'list' });
  if (!canAccess) return null;
  return (
    <ReferenceManyField reference="TrainingCompletion" target="courseId" label="mamori.training.attempts" sort={{ field: 'completedOn', order: 'DESC' }} perPage={25} pagination={<Pagination />}>
      <Datagrid bulkActionButtons={false} empty={<EmptyAttempts />}>
        <UserNameField source="userId" label="resources.TrainingCompletion.fields.userId" />
        <DayField source="completedOn" />
        <EnumField source="result" enumName="TrainingResult" />
        <NumberField source="score" />
      </Datagrid>
    </ReferenceManyField>
  );
};

export const CourseShow = () => (
  <Show actions={<CourseActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <NumberField source="fiscalYear" options={{ useGrouping: false }} />
      <DayField source="dueOn" />
      <FunctionField source="retiredAt" render={(r: { retiredAt: string | null }) => (r.retiredAt ? <InstantField source="retiredAt" /> : null)} />
      <UserNameField source="recordedById" label="resources.TrainingCourse.fields.recordedById" />
      <InstantField source="updatedAt" />
      <CourseCompletions />
    </SimpleShowLayout>
  </Show>
);

/** The due day must lie within the fiscal year (1 April to 31 March); the server says so too. */
const withinFiscalYear = (dueOn: string, values: { fiscalYear?: number }) => {
  if (!dueOn || !values.fiscalYear) return undefined;
  return fiscalYearOf(dueOn) === Number(values.fiscalYear) ? undefined : 'mamori.training.dueOutsideYear';
};

export const CourseCreate = () => {
  const today = japanToday();
  return (
    <Create redirect="show">
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }} defaultValues={{ fiscalYear: fiscalYearOf(today), dueOn: `${fiscalYearOf(today) + 1}-03-31` }}>
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <NumberInput source="fiscalYear" validate={[required(), minValue(2000), maxValue(2999)]} />
        <DateInput source="dueOn" validate={[required(), withinFiscalYear]} />
      </SimpleForm>
    </Create>
  );
};

/** Only the title and the due day change; the fiscal year is the course's identity. */
export const CourseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={({ title, dueOn }: { title: string; dueOn: string }) => ({ title, dueOn })}>
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 720 }}>
      <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
      <NumberInput source="fiscalYear" disabled />
      <DateInput source="dueOn" validate={[required(), withinFiscalYear]} />
    </SimpleForm>
  </Edit>
);
