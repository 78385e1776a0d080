import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { DaysLeftChip } from '../cases/DaysLeftField';
import { formatDay } from '../format';
import type { CaseReminder } from './api';

/** The reply deadlines that need attention: overdue ones first, then those due within three days. */
export const Deadlines = ({ overdue, dueSoon }: { overdue: CaseReminder[]; dueSoon: CaseReminder[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const rows = [...overdue, ...dueSoon].slice(0, 10);
  return (
    <Card sx={{ flex: '1 1 380px', minWidth: 320 }} data-testid="deadlines">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate('mamori.dashboard.deadlines')}
        </Typography>
        {rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('mamori.dashboard.noDeadlines')}
          </Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.Case.fields.reference')}</TableCell>
                <TableCell>{translate('resources.Case.fields.status')}</TableCell>
                <TableCell>{translate('resources.Case.fields.dueOn')}</TableCell>
                <TableCell>{translate('resources.Case.fields.daysLeft')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link to={`/Case/${c.id}/show`}>{c.reference}</Link>
                  </TableCell>
                  <TableCell>{translate(`mamori.enums.CaseStatus.${c.status}`)}</TableCell>
                  <TableCell>{formatDay(c.dueOn, locale)}</TableCell>
                  <TableCell>
                    <DaysLeftChip daysLeft={c.daysLeft} overdue={c.daysLeft < 0} status={c.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
