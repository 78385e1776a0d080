import { Chip, FormHelperText, FormLabel, Stack, TextField } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { DATA_ITEMS, type DataItem } from '@mamori/shared';
import { holdingKey, type RequestedItem } from './requestedItems';

const LISTED = DATA_ITEMS.filter((i) => i !== 'OTHER');

/**
 * The pieces of personal data requested, as the policy lists them: a chip per
 * item to switch on or off (with held / not held once a subject is linked), and
 * "other" items, one description per line, which staff answer by hand.
 */
export const RequestedItemsInput = () => {
  const translate = useTranslate();
  const { field } = useInput<RequestedItem[]>({ source: 'requestedItems', defaultValue: [] });
  const items: RequestedItem[] = Array.isArray(field.value) ? field.value : [];
  const chosen = (item: DataItem) => items.find((i) => i.item === item);
  const toggle = (item: DataItem) =>
    field.onChange(chosen(item) ? items.filter((i) => i.item !== item) : [...items.filter((i) => i.item !== 'OTHER'), { item, description: null }, ...items.filter((i) => i.item === 'OTHER')]);
  const others = items.filter((i) => i.item === 'OTHER').map((i) => i.description ?? '').join('\n');
  const setOthers = (text: string) =>
    field.onChange([...items.filter((i) => i.item !== 'OTHER'), ...text.split('\n').map((description) => ({ item: 'OTHER' as const, description }))].filter((i) => i.item !== 'OTHER' || i.description !== null));
  return (
    <Stack gap={1} sx={{ mb: 2, width: '100%' }} data-testid="requested-items-input">
      <FormLabel>{translate('resources.Case.fields.requestedItems')}</FormLabel>
      <Stack direction="row" gap={1} flexWrap="wrap">
        {LISTED.map((item) => {
          const current = chosen(item);
          const holding = current ? holdingKey(current.held) : null;
          const label = translate(`mamori.enums.DataItem.${item}`) + (holding ? ` · ${translate(holding)}` : '');
          return (
            <Chip
              key={item}
              label={label}
              color={current ? 'primary' : 'default'}
              variant={current ? 'filled' : 'outlined'}
              onClick={() => toggle(item)}
              aria-pressed={Boolean(current)}
              data-testid={`item-choice-${item}`}
            />
          );
        })}
      </Stack>
      <TextField
        label={translate('mamori.cases.otherItems')}
        value={others}
        onChange={(e) => setOthers(e.target.value)}
        multiline
        minRows={2}
        fullWidth
        size="small"
        data-testid="item-others"
      />
      <FormHelperText>{translate('mamori.cases.requestedItemsHint')}</FormHelperText>
    </Stack>
  );
};
