import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDay, formatInstant, formatYen } from '../format';

/** Props every field of ours takes, so lists and show layouts can label and sort them. */
export interface FieldProps {
  source: string;
  label?: string;
  sortable?: boolean;
  sortBy?: string;
  emptyText?: string;
}

function useValue(source: string): unknown {
  const record = useRecordContext();
  return record ? source.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record) : undefined;
}

const Text = ({ children }: { children: string }) => (
  <Typography component="span" variant="body2">
    {children}
  </Typography>
);

/** A calendar day (`…On`), written the way the chosen language writes dates. */
export const DayField = ({ source, emptyText = '' }: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useValue(source);
  return <Text>{typeof value === 'string' ? formatDay(value, locale) : emptyText}</Text>;
};

/** An instant (`…At`), in Japan time. */
export const InstantField = ({ source, emptyText = '' }: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useValue(source);
  return <Text>{typeof value === 'string' ? formatInstant(value, locale) : emptyText}</Text>;
};

/** Yen: `3,000円` in Japanese, `¥3,000` in English. */
export const YenField = ({ source }: FieldProps) => {
  const [locale] = useLocaleState();
  const value = useValue(source);
  return <Text>{typeof value === 'number' ? formatYen(value, locale) : ''}</Text>;
};

/** One enum value, translated. */
export const EnumField = ({ source, enumName }: FieldProps & { enumName: string }) => {
  const translate = useTranslate();
  const value = useValue(source);
  return <Text>{typeof value === 'string' ? translate(`mamori.enums.${enumName}.${value}`, { _: value }) : ''}</Text>;
};

/** A list of values as chips; enum values translated when `enumName` is given. */
export const ChipsField = ({ source, enumName }: FieldProps & { enumName?: string }) => {
  const translate = useTranslate();
  const value = useValue(source);
  if (!Array.isArray(value) || value.length === 0) return null;
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap">
      {value.map((v: string) => (
        <Chip key={v} size="small" label={enumName ? translate(`mamori.enums.${enumName}.${v}`, { _: v }) : v} />
      ))}
    </Stack>
  );
};

/** A long hash, shortened in lists (the whole value on hover). */
export const HashField = ({ source, full = false }: FieldProps & { full?: boolean }) => {
  const value = useValue(source);
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }} title={value}>
      {full ? value : `${value.slice(0, 12)}…`}
    </Typography>
  );
};

/** The names of personal-data fields an audit entry covers, in the chosen language. */
export const FieldNamesField = ({ source }: FieldProps) => {
  const translate = useTranslate();
  const record = useRecordContext<{ entityType?: string | null }>();
  const value = useValue(source);
  if (!Array.isArray(value) || value.length === 0) return null;
  const type = record?.entityType === 'Case' ? 'Case' : 'DataSubject';
  return (
    <Typography component="span" variant="body2" sx={{ fontSize: '0.8rem' }}>
      {value.map((f: string) => translate(`resources.${type}.fields.${f}`, { _: f })).join('、')}
    </Typography>
  );
};

/** The entity an audit entry is about: its kind (translated where we have a name for it) and id. */
export const EntityField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const translate = useTranslate();
  const record = useRecordContext<{ entityType?: string | null; entityId?: string | null }>();
  if (!record?.entityType) return null;
  const name = translate(`resources.${record.entityType}.name`, { smart_count: 1, _: record.entityType });
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {name}
      {record.entityId ? ` #${record.entityId}` : ''}
    </Typography>
  );
};
