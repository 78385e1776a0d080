import { Button, Card, CardContent, Chip, FormControlLabel, LinearProgress, MenuItem, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Title, useCanAccess, useDataProvider, useLocaleState, useRequireAccess, useTranslate } from 'react-admin';
import type { MamoriDataProvider } from '../dataProvider';
import { formatDay, japanToday } from '../format';
import { fiscalYearOf, type TrainingStanding } from './api';

interface DepartmentStanding {
  department: string | null;
  users: number;
  complete: number;
  overdue: number;
}

/** The standing per department (users without one together, last). */
export function byDepartment(rows: TrainingStanding[]): DepartmentStanding[] {
  const groups = new Map<string | null, DepartmentStanding>();
  for (const row of rows) {
    const group = groups.get(row.department) ?? { department: row.department, users: 0, complete: 0, overdue: 0 };
    group.users += 1;
    if (row.complete) group.complete += 1;
    if (row.overdue) group.overdue += 1;
    groups.set(row.department, group);
  }
  return [...groups.values()].sort((a, b) => (a.department === null ? 1 : b.department === null ? -1 : a.department.localeCompare(b.department, 'ja')));
}

/** The years offered: two back, the current one and the next. */
const yearsAround = (current: number) => [current + 1, current, current - 1, current - 2];

/** The share of active users who passed every course of the year, as a whole percentage. */
export const completionRate = (complete: number, users: number) => (users ? Math.round((100 * complete) / users) : 100);

const Standing = ({ row }: { row: TrainingStanding }) => {
  const translate = useTranslate();
  if (row.complete) return <Chip size="small" color="success" label={translate('mamori.training.complete')} />;
  return (
    <Stack direction="row" gap={0.5}>
      <Chip size="small" color="warning" label={translate('mamori.training.incomplete')} data-testid="flag-incomplete" />
      {row.overdue && <Chip size="small" color="error" label={translate('mamori.training.overdue')} data-testid="flag-overdue" />}
    </Stack>
  );
};

/**
 * The view of a fiscal year for the privacy manager and the internal auditor:
 * the standing per department and of every active user, incomplete users
 * flagged (overdue once a course's due day has passed), and for the manager a
 * link to record the missing attempt.
 */
export const TrainingStatusPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const current = fiscalYearOf(japanToday());
  const [year, setYear] = useState(current);
  const [incompleteOnly, setIncompleteOnly] = useState(false);
  const { isPending: checking } = useRequireAccess({ resource: 'training-status', action: 'list' });
  const { canAccess } = useCanAccess({ resource: 'training-status', action: 'list' });
  // the internal auditor reads the standing; only the manager records attempts
  const { canAccess: canRecord } = useCanAccess({ resource: 'TrainingCompletion', action: 'create' });
  // Asked only once access is granted (a refused role never reaches the server).
  const status = useQuery({ queryKey: ['trainingStatus', year], queryFn: () => dataProvider.trainingStatus(year), enabled: canAccess === true });
  const all = status.data ?? [];
  const rows = incompleteOnly ? all.filter((r) => !r.complete) : all;
  const required = all[0]?.coursesRequired ?? 0;
  if (checking || !canAccess) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="training-status">
      <Title title="mamori.training.statusTitle" />
      <CardContent>
        <Stack direction="row" gap={2} alignItems="center" flexWrap="wrap" sx={{ mb: 2 }}>
          <TextField select size="small" label={translate('mamori.training.fiscalYear')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 160 }}>
            {yearsAround(current).map((y) => (
              <MenuItem key={y} value={y}>
                {translate('mamori.training.fiscalYearOf', { year: y })}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Switch checked={incompleteOnly} onChange={(e) => setIncompleteOnly(e.target.checked)} />} label={translate('mamori.training.incompleteOnly')} />
          {canRecord && (
            <Button component={Link} to="/TrainingCompletion/create?back=status" variant="outlined" size="small">
              {translate('mamori.training.record')}
            </Button>
          )}
        </Stack>
        {status.isPending && <LinearProgress />}
        {status.data && (
          <Typography variant="body2" sx={{ mb: 1 }} data-testid="training-summary">
            {required === 0
              ? translate('mamori.training.noCourses')
              : translate('mamori.training.summary', { complete: all.filter((r) => r.complete).length, users: all.length, rate: completionRate(all.filter((r) => r.complete).length, all.length), courses: required })}
          </Typography>
        )}
        {required > 0 && (
          <Table size="small" aria-label={translate('mamori.training.byDepartment')} sx={{ mb: 3, maxWidth: 720 }} data-testid="training-by-department">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.User.fields.department')}</TableCell>
                <TableCell align="right">{translate('mamori.training.users')}</TableCell>
                <TableCell align="right">{translate('mamori.training.complete')}</TableCell>
                <TableCell align="right">{translate('mamori.training.incomplete')}</TableCell>
                <TableCell align="right">{translate('mamori.training.overdue')}</TableCell>
                <TableCell align="right">{translate('mamori.training.rate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {byDepartment(all).map((d) => (
                <TableRow key={d.department ?? ''} data-testid={`department-${d.department ?? 'none'}`}>
                  <TableCell>{d.department ?? translate('mamori.training.noDepartment')}</TableCell>
                  <TableCell align="right">{d.users}</TableCell>
                  <TableCell align="right">{d.complete}</TableCell>
                  <TableCell align="right">{d.users - d.complete}</TableCell>
                  <TableCell align="right">{d.overdue}</TableCell>
                  <TableCell align="right">{completionRate(d.complete, d.users)}%</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Table size="small" aria-label={translate('mamori.training.statusTitle')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('mamori.training.user')}</TableCell>
              <TableCell>{translate('resources.User.fields.department')}</TableCell>
              <TableCell>{translate('resources.User.fields.role')}</TableCell>
              <TableCell>{translate('mamori.training.passed')}</TableCell>
              <TableCell>{translate('mamori.training.lastPassedOn')}</TableCell>
              <TableCell>{translate('mamori.flags.title')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.userId} data-testid={`training-row-${row.userId}`}>
                <TableCell>{row.displayName}</TableCell>
                <TableCell>{row.department ?? ''}</TableCell>
                <TableCell>{translate(`mamori.enums.Role.${row.role}`)}</TableCell>
                <TableCell>
                  {row.coursesPassed} / {row.coursesRequired}
                </TableCell>
                <TableCell>{formatDay(row.lastPassedOn, locale)}</TableCell>
                <TableCell>
                  <Standing row={row} />
                </TableCell>
                <TableCell>
                  {!row.complete && canRecord && (
                    <Button size="small" component={Link} to={`/TrainingCompletion/create?back=status&userId=${row.userId}&courseId=${row.missingCourseIds[0] ?? ''}`}>
                      {translate('mamori.training.record')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};
