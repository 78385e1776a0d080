import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled card on a detail page. */
export const Section = ({ title, children, testId, action, fill = true }: { title: string; children: ReactNode; testId?: string; action?: ReactNode; fill?: boolean }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: fill ? '100%' : 'auto' }} data-testid={testId}>
      <CardContent>
        <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
          <Typography variant="subtitle1" fontWeight={600}>
            {translate(title, { smart_count: 1 })}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** A label above a value, as react-admin's show layouts write them. */
export const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Stack sx={{ mb: 1.5 }}>
      <Typography variant="caption" color="text.secondary">
        {translate(label)}
      </Typography>
      <div>{children}</div>
    </Stack>
  );
};
