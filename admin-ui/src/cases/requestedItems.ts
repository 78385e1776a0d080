import type { DataItem } from '@mamori/shared';

/** A requested item as the case answers it: held / not held for the linked subject (null without one, and for OTHER). */
export interface RequestedItem {
  item: DataItem;
  description: string | null;
  held?: boolean | null;
  heldFields?: string[];
}

/** The chip text of an item: its label, or the description of OTHER. */
export const itemText = (i: RequestedItem, translate: (key: string, options?: Record<string, unknown>) => string) =>
  i.item === 'OTHER' ? translate('mamori.cases.otherItem', { description: i.description ?? '' }) : translate(`mamori.enums.DataItem.${i.item}`);

/** held → "held", false → "not held", null (no subject, or OTHER) → nothing. */
export const holdingKey = (held: boolean | null | undefined) => (held === true ? 'mamori.cases.held' : held === false ? 'mamori.cases.notHeld' : null);
