import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';

/** One number people check every morning, linking to the list behind it. */
export const CountCard = ({ label, labelArgs, value, to, icon, tone = 'default', testId }: {
  label: string;
  labelArgs?: Record<string, unknown>;
  value: number | undefined;
  to?: string;
  icon?: ReactNode;
  tone?: 'default' | 'warning' | 'error';
  testId?: string;
}) => {
  const translate = useTranslate();
  const color = tone === 'error' && value ? 'error.main' : tone === 'warning' && value ? 'warning.main' : 'text.primary';
  const content = (
    <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      {icon}
      <div>
        <Typography variant="body2" color="text.secondary">
          {translate(label, labelArgs)}
        </Typography>
        <Typography variant="h4" sx={{ color }} data-testid={testId}>
          {value ?? '…'}
        </Typography>
      </div>
    </CardContent>
  );
  return <Card sx={{ minWidth: 170, flex: '1 1 170px' }}>{to ? <CardActionArea component={Link} to={to}>{content}</CardActionArea> : content}</Card>;
};
