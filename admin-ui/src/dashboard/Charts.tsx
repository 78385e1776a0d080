import { Card, CardContent, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatShortDay } from '../format';
import type { CaseForChart } from './api';
import { countByStatus, countByWeek } from './caseStats';

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

/** How many cases sit in each status (a glance shows where work piles up). */
export const CasesByStatusChart = ({ cases }: { cases: CaseForChart[] }) => {
  const translate = useTranslate();
  const data = countByStatus(cases).map((d) => ({ ...d, label: translate(`mamori.enums.CaseStatus.${d.status}`) }));
  return (
    <ChartCard title="mamori.dashboard.casesByStatus" testId="chart-status">
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={12} interval={0} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey="count" name={translate('mamori.dashboard.count')} fill="#1976d2" isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
};

/** Requests received per week over the last eight weeks, open and closed. */
export const CasesByWeekChart = ({ cases, today }: { cases: CaseForChart[]; today: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = countByWeek(cases, today).map((d) => ({ ...d, label: formatShortDay(d.week, locale) }));
  return (
    <ChartCard title="mamori.dashboard.casesByWeek" testId="chart-week">
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={11} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        <Bar dataKey="open" stackId="w" name={translate('mamori.dashboard.open')} fill="#ed6c02" isAnimationActive={false} />
        <Bar dataKey="closed" stackId="w" name={translate('mamori.enums.CaseStatus.CLOSED')} fill="#9e9e9e" isAnimationActive={false} />
      </BarChart>
    </ChartCard>
  );
};
