import { Card, CardContent } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router-dom';
import {
  Datagrid,
  DateInput,
  Form,
  List,
  NumberField,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceField,
  ReferenceInput,
  ResourceContextProvider,
  SaveButton,
  SelectInput,
  TextField,
  Title,
  maxValue,
  minValue,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRedirect,
  useRequireAccess,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { TRAINING_RESULTS, type TrainingResult } from '@mamori/shared';
import { DayField, EnumField } from '../common/fields';
import { UserNameField } from '../common/UserNameField';
import type { MamoriDataProvider } from '../dataProvider';
import { japanToday } from '../format';
import { enumChoices } from '../i18n';
import { EmptyAttempts } from './EmptyAttempts';

const resultChoices = enumChoices('TrainingResult', TRAINING_RESULTS);

const courseTitle = (c: { title: string; fiscalYear: number }) => `${c.title} (${c.fiscalYear})`;

/** Attempts, newest first: every user's for the manager, one's own for everyone else (the server narrows it). */
export const CompletionList = () => {
  const { canAccess: seesEveryone } = useCanAccess({ resource: 'training-status', action: 'list' });
  const filters = [
    <ReferenceInput key="courseId" source="courseId" reference="TrainingCourse" alwaysOn>
      <SelectInput optionText={courseTitle} />
    </ReferenceInput>,
    ...(seesEveryone
      ? [
          <ReferenceInput key="userId" source="userId" reference="User">
            <SelectInput optionText="displayName" />
          </ReferenceInput>,
        ]
      : []),
  ];
  return (
    <List filters={filters} exporter={false} sort={{ field: 'completedOn', order: 'DESC' }} empty={<EmptyAttempts />}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <ReferenceField source="courseId" reference="TrainingCourse" link="show" sortable={false}>
          <TextField source="title" />
        </ReferenceField>
        <UserNameField source="userId" label="resources.TrainingCompletion.fields.userId" />
        <DayField source="completedOn" />
        <EnumField source="result" enumName="TrainingResult" />
        <NumberField source="score" />
      </Datagrid>
    </List>
  );
};

/**
 * Recording one attempt (recordTrainingCompletion: attempts are never changed
 * afterwards). The status page links here with the user and course filled in.
 */
export const RecordCompletion = () => {
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();
  const { isPending: checking } = useRequireAccess({ resource: 'TrainingCompletion', action: 'create' });
  const query = new URLSearchParams(useLocation().search);
  const defaults = { courseId: query.get('courseId') ?? undefined, userId: query.get('userId') ?? undefined, completedOn: japanToday(), result: 'PASSED' };
  const submit = async (values: FieldValues) => {
    try {
      await dataProvider.recordTrainingCompletion({
        courseId: String(values.courseId),
        userId: String(values.userId),
        completedOn: values.completedOn,
        result: values.result as TrainingResult,
        score: values.score === '' || values.score === undefined ? null : Number(values.score),
      });
      notify('mamori.training.recorded', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
      await queryClient.invalidateQueries({ queryKey: ['trainingStatus'] });
      redirect(query.get('back') === 'status' ? '/training-status' : '/TrainingCompletion');
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  if (checking) return null;
  return (
    <ResourceContextProvider value="TrainingCompletion">
      <Title title="mamori.training.recordTitle" />
      <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="record-completion">
        <CardContent>
          <Form defaultValues={defaults} onSubmit={submit}>
            <ReferenceInput source="courseId" reference="TrainingCourse" filter={{ retired: false }} sort={{ field: 'dueOn', order: 'DESC' }}>
              <SelectInput optionText={courseTitle} validate={required()} fullWidth />
            </ReferenceInput>
            <ReferenceInput source="userId" reference="User" filter={{ active: true }} sort={{ field: 'displayName', order: 'ASC' }} perPage={1000}>
              <SelectInput optionText="displayName" validate={required()} fullWidth />
            </ReferenceInput>
            <DateInput source="completedOn" validate={required()} />
            <RadioButtonGroupInput source="result" choices={resultChoices} validate={required()} />
            <NumberInput source="score" validate={[minValue(0), maxValue(100)]} />
            <SaveButton alwaysEnable />
          </Form>
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};
