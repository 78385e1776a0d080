import { Chip, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { holdingKey, itemText, type RequestedItem } from './requestedItems';

/** The requested items as chips, each marked held / not held for the linked subject. */
export const RequestedItemsField = ({ items }: { items: RequestedItem[] }) => {
  const translate = useTranslate();
  if (items.length === 0) return null;
  return (
    <Stack direction="row" gap={0.5} flexWrap="wrap" data-testid="requested-items">
      {items.map((i, n) => {
        const holding = holdingKey(i.held);
        return (
          <Chip
            key={`${i.item}-${n}`}
            size="small"
            label={itemText(i, translate) + (holding ? ` · ${translate(holding)}` : '')}
            color={i.held === true ? 'success' : i.held === false ? 'warning' : 'default'}
            variant="outlined"
            data-testid={`requested-item-${i.item}`}
            data-held={i.held === null || i.held === undefined ? 'unknown' : String(i.held)}
          />
        );
      })}
    </Stack>
  );
};
