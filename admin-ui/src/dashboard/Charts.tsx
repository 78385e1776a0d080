import { Card, CardContent, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseStatus } from '@mamori/shared';
import { formatShortDay } from '../format';

const ChartCard = ({ title, children, testId }: { title: string; children: React.ReactElement; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ flex: '1 1 380px', minWidth: 320 }} data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate(title)}
        </Typography>
        <ResponsiveContainer width="100%" height={240}>
          {children}
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
};

const COLORS: Record<CaseStatus, string> = {
  RECEIVED: '#1976d2',
  VERIFYING: '#0288d1',
  IN_PROGRESS: '#ed6c02',
  RESPONDED: '#2e7d32',
  REJECTED: '#d32f2f',
  CLOSED: '#9e9e9e',
};

/** How many cases sit in each status (a glance shows where work piles up). */
export const CasesByStatusChart = ({ byStatus }: { byStatus: Array<{ status: CaseStatus; count: number }> }) => {
  const translate = useTranslate();
  const data = byStatus.map((d) => ({ ...d, label: translate(`mamori.enums.CaseStatus.${d.status}`), fill: COLORS[d.status] }));
  return (
    <ChartCard title="mamori.dashboard.casesByStatus" testId="chart-status">
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={12} interval={0} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Bar dataKey="count" name={translate('mamori.dashboard.count')} isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
};

/** Requests received per week over the last eight weeks (this week last). */
export const CasesByWeekChart = ({ weeks }: { weeks: Array<{ weekStart: string; count: number }> }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = weeks.map((w) => ({ ...w, label: formatShortDay(w.weekStart, locale) }));
  return (
    <ChartCard title="mamori.dashboard.casesByWeek" testId="chart-week">
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
        <Bar dataKey="count" name={translate('mamori.dashboard.count')} fill="#1976d2" isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
};
