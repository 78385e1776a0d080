import { Alert, Card, CardContent, Chip, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { formatDay, japanToday } from '../format';
import { EmptyAttempts } from './EmptyAttempts';

interface Course {
  id: string;
  title: string;
  dueOn: string;
}
interface Attempt {
  id: string;
  courseId: string;
  completedOn: string;
  result: string;
  score: number | null;
}

/** Every user's own training: the courses of the current fiscal year, which are passed, and their attempts. */
export const MyTrainingPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const mine = useQuery({ queryKey: ['myTrainingStatus'], queryFn: () => dataProvider.myTrainingStatus() });
  const year = mine.data?.fiscalYear;
  const courses = useQuery({
    queryKey: ['myTrainingCourses', year],
    enabled: year !== undefined,
    queryFn: () =>
      dataProvider
        .getList<Course & { id: string }>('TrainingCourse', { filter: { fiscalYear: year, retired: false }, pagination: { page: 1, perPage: 100 }, sort: { field: 'dueOn', order: 'ASC' } })
        .then((r) => r.data),
  });
  const attempts = useQuery({
    queryKey: ['myTrainingAttempts'],
    queryFn: () =>
      dataProvider.getList<Attempt>('TrainingCompletion', { filter: {}, pagination: { page: 1, perPage: 100 }, sort: { field: 'completedOn', order: 'DESC' } }).then((r) => r.data),
  });
  const attemptedIds = [...new Set((attempts.data ?? []).map((a) => String(a.courseId)))];
  const attempted = useQuery({
    queryKey: ['myTrainingAttemptedCourses', attemptedIds.join(',')],
    enabled: attemptedIds.length > 0,
    queryFn: () => dataProvider.getMany<Course>('TrainingCourse', { ids: attemptedIds }).then((r) => r.data),
  });
  const today = japanToday();
  const missing = new Set((mine.data?.missingCourseIds ?? []).map(String));
  const titleOf = (courseId: string) => attempted.data?.find((c) => String(c.id) === String(courseId))?.title ?? `#${courseId}`;
  return (
    <Card sx={{ mt: 2, maxWidth: 960 }} data-testid="my-training">
      <Title title="mamori.training.myTitle" />
      <CardContent>
        {(mine.isPending || courses.isPending) && <LinearProgress />}
        {mine.data && (
          <Alert severity={mine.data.complete ? 'success' : mine.data.overdue ? 'error' : 'warning'} sx={{ mb: 2 }} data-testid="my-training-standing">
            {mine.data.coursesRequired === 0
              ? translate('mamori.training.myNoCourses', { year: mine.data.fiscalYear })
              : translate(mine.data.complete ? 'mamori.training.myComplete' : mine.data.overdue ? 'mamori.training.myOverdue' : 'mamori.training.myIncomplete', {
                  year: mine.data.fiscalYear,
                  passed: mine.data.coursesPassed,
                  required: mine.data.coursesRequired,
                })}
          </Alert>
        )}
        {courses.data && courses.data.length > 0 && (
          <Table size="small" aria-label={translate('mamori.training.coursesOfYear')} sx={{ mb: 3 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.TrainingCourse.fields.title')}</TableCell>
                <TableCell>{translate('resources.TrainingCourse.fields.dueOn')}</TableCell>
                <TableCell>{translate('mamori.flags.title')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {courses.data.map((c) => (
                <TableRow key={c.id} data-testid={`my-course-${c.id}`}>
                  <TableCell>{c.title}</TableCell>
                  <TableCell>{formatDay(c.dueOn, locale)}</TableCell>
                  <TableCell>
                    {missing.has(String(c.id)) ? (
                      <Chip size="small" color={c.dueOn < today ? 'error' : 'warning'} label={translate(c.dueOn < today ? 'mamori.training.overdue' : 'mamori.training.notYet')} />
                    ) : (
                      <Chip size="small" color="success" label={translate('mamori.training.complete')} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography variant="subtitle1" fontWeight={600} gutterBottom>
          {translate('mamori.training.myAttempts')}
        </Typography>
        {attempts.data && attempts.data.length === 0 ? (
          <EmptyAttempts />
        ) : (
          <Table size="small" aria-label={translate('mamori.training.myAttempts')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.TrainingCompletion.fields.courseId')}</TableCell>
                <TableCell>{translate('resources.TrainingCompletion.fields.completedOn')}</TableCell>
                <TableCell>{translate('resources.TrainingCompletion.fields.result')}</TableCell>
                <TableCell>{translate('resources.TrainingCompletion.fields.score')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(attempts.data ?? []).map((a) => (
                <TableRow key={a.id}>
                  <TableCell>{titleOf(a.courseId)}</TableCell>
                  <TableCell>{formatDay(a.completedOn, locale)}</TableCell>
                  <TableCell>{translate(`mamori.enums.TrainingResult.${a.result}`)}</TableCell>
                  <TableCell>{a.score ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
