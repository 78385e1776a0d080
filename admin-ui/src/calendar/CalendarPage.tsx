import { Box, Card, CardContent, Chip, Grid, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Title, useDataProvider, useLocaleState, usePermissions, useRequireAccess, useTranslate } from 'react-admin';
import { CALENDAR_ITEM_KINDS, type CalendarItemKind, type CalendarItemStatus, type Role } from '@mamori/shared';
import { canAccess } from '../access';
import type { MamoriDataProvider } from '../dataProvider';
import { session } from '../session';
import { asLocale, formatShortDay, japanToday } from '../format';
import { fiscalYearOf } from '../training/api';
import { monthsOf, type CalendarItem } from './api';

/** The years offered: two back, the current one and the next. */
const yearsAround = (current: number) => [current + 1, current, current - 1, current - 2];

const STATUS_COLOURS: Record<CalendarItemStatus, 'default' | 'warning' | 'error' | 'success'> = {
  UPCOMING: 'default',
  DUE_TODAY: 'warning',
  OVERDUE: 'error',
  DONE: 'success',
};

const monthFormats = {
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
};
const monthName = (month: string, locale: string) => monthFormats[asLocale(locale)].format(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));

const ItemRow = ({ item, role }: { item: CalendarItem; role: Role | undefined }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const title = canAccess(role, item.resource, 'show') ? <Link to={`/${item.resource}/${item.recordId}/show`}>{item.title}</Link> : item.title;
  return (
    <TableRow data-testid={`calendar-item-${item.key}`} data-status={item.status}>
      <TableCell sx={{ whiteSpace: 'nowrap', width: '6em', verticalAlign: 'top', ...(item.overdue ? { borderLeft: 4, borderLeftColor: 'error.main', fontWeight: 'bold' } : {}) }}>
        {formatShortDay(item.dueOn, locale)}
        {item.endsOn && item.endsOn !== item.dueOn && ` – ${formatShortDay(item.endsOn, locale)}`}
      </TableCell>
      <TableCell>
        <Stack direction="row" gap={1} alignItems="center" flexWrap="wrap">
          <Chip size="small" variant="outlined" label={translate(`mamori.enums.CalendarItemKind.${item.kind}`)} />
          <span>{title}</span>
        </Stack>
      </TableCell>
      <TableCell align="right" sx={{ verticalAlign: 'top' }}>
        {item.status !== 'UPCOMING' && (
          <Chip size="small" color={STATUS_COLOURS[item.status]} label={translate(`mamori.enums.CalendarItemStatus.${item.status}`)} data-testid={`status-${item.status}`} />
        )}
      </TableCell>
    </TableRow>
  );
};

/**
 * The yearly calendar of what is due (年間スケジュール): the fiscal year's twelve
 * months, April to March, each listing by day what falls due in it for the
 * records this role may read, overdue items flagged; a year switcher and a
 * filter by kind. Every role has one; the server narrows it.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions: role } = usePermissions<Role>();
  const dataProvider = useDataProvider<MamoriDataProvider>();
  const current = fiscalYearOf(japanToday());
  const [year, setYear] = useState(current);
  const [hidden, setHidden] = useState<ReadonlySet<CalendarItemKind>>(new Set());
  const { isPending: checking } = useRequireAccess({ resource: 'calendar', action: 'list' });
  // keyed by the user too: each role's calendar is its own, even within one tab
  const calendar = useQuery({ queryKey: ['complianceCalendar', session.user()?.id ?? null, year], queryFn: () => dataProvider.complianceCalendar(year), enabled: !checking });
  if (checking) return null;
  const all = calendar.data?.items ?? [];
  const kinds = CALENDAR_ITEM_KINDS.filter((k) => all.some((i) => i.kind === k));
  const shown = all.filter((i) => !hidden.has(i.kind));
  const toggle = (kind: CalendarItemKind) =>
    setHidden((before) => {
      const next = new Set(before);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  const overdue = shown.filter((i) => i.overdue).length;
  const dueToday = shown.filter((i) => i.status === 'DUE_TODAY').length;
  return (
    <Box sx={{ mt: 2 }} data-testid="compliance-calendar">
      <Title title="mamori.calendar.title" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" gap={2} alignItems="center" flexWrap="wrap">
            <TextField select size="small" label={translate('mamori.training.fiscalYear')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 160 }} data-testid="calendar-year">
              {yearsAround(current).map((y) => (
                <MenuItem key={y} value={y}>
                  {translate('mamori.training.fiscalYearOf', { year: y })}
                </MenuItem>
              ))}
            </TextField>
            {calendar.data && (
              <Typography variant="body2" data-testid="calendar-summary">
                {translate('mamori.calendar.summary', { items: shown.length, overdue, dueToday })}
              </Typography>
            )}
          </Stack>
          {kinds.length > 0 && (
            <Stack direction="row" gap={1} flexWrap="wrap" sx={{ mt: 2 }} role="group" aria-label={translate('mamori.calendar.kinds')}>
              {kinds.map((kind) => (
                <Chip
                  key={kind}
                  size="small"
                  clickable
                  color={hidden.has(kind) ? 'default' : 'primary'}
                  variant={hidden.has(kind) ? 'outlined' : 'filled'}
                  label={translate(`mamori.enums.CalendarItemKind.${kind}`)}
                  onClick={() => toggle(kind)}
                  aria-pressed={!hidden.has(kind)}
                  data-testid={`kind-${kind}`}
                />
              ))}
            </Stack>
          )}
        </CardContent>
      </Card>
      {calendar.isPending && <LinearProgress aria-label={translate('ra.page.loading')} />}
      {calendar.data && (
        <Grid container spacing={2}>
          {monthsOf(calendar.data.fiscalYear).map((month) => {
            const items = shown.filter((i) => i.dueOn.startsWith(month));
            return (
              <Grid key={month} size={{ xs: 12, md: 6, xl: 4 }}>
                <Card component="section" aria-labelledby={`month-${month}`} data-testid={`month-${month}`} sx={{ height: '100%' }}>
                  <CardContent>
                    <Typography variant="h6" component="h2" id={`month-${month}`} gutterBottom>
                      {monthName(month, locale)}
                    </Typography>
                    {items.length === 0 ? (
                      <Typography variant="body2" color="text.secondary">
                        {translate('mamori.calendar.nothingDue')}
                      </Typography>
                    ) : (
                      <Table size="small" aria-labelledby={`month-${month}`}>
                        <TableBody>
                          {items.map((item) => (
                            <ItemRow key={item.key} item={item} role={role} />
                          ))}
                        </TableBody>
                      </Table>
                    )}
                  </CardContent>
                </Card>
              </Grid>
            );
          })}
        </Grid>
      )}
    </Box>
  );
};
