import type { DataSubjectPersonalField } from './personal-data';

/**
 * The pieces of personal data a request names, from the policy's list (name,
 * address, telephone number, place of work, e-mail address), each mapped to
 * the data subject's fields; OTHER carries a description and is handled by hand.
 */
export const DATA_ITEMS = ['NAME', 'ADDRESS', 'TELEPHONE', 'PLACE_OF_WORK', 'EMAIL', 'OTHER'] as const;
export type DataItem = (typeof DATA_ITEMS)[number];

export const DATA_ITEM_FIELDS: Record<DataItem, readonly DataSubjectPersonalField[]> = {
  NAME: ['fullName', 'fullNameKana'],
  ADDRESS: ['postalCode', 'postalAddress'],
  TELEPHONE: ['phone'],
  PLACE_OF_WORK: ['company', 'division', 'title'],
  EMAIL: ['email'],
  OTHER: [],
};

export const DATA_ITEM_LABELS: Record<'ja' | 'en', Record<DataItem, string>> = {
  ja: { NAME: '氏名', ADDRESS: '住所', TELEPHONE: '電話番号', PLACE_OF_WORK: '勤務先', EMAIL: 'メールアドレス', OTHER: 'その他' },
  en: { NAME: 'Name', ADDRESS: 'Address', TELEPHONE: 'Telephone number', PLACE_OF_WORK: 'Place of work', EMAIL: 'E-mail address', OTHER: 'Other' },
};

/** One requested item; `description` is set for OTHER only. */
export interface RequestedItemValue {
  item: DataItem;
  description: string | null;
}

/** The item of a subject's field (every personal field belongs to exactly one item). */
export function itemOfField(field: string): DataItem | null {
  return DATA_ITEMS.find((item) => (DATA_ITEM_FIELDS[item] as readonly string[]).includes(field)) ?? null;
}

/** How a requested item reads in a letter or on screen: the label, or the description of OTHER. */
export function itemLabel(item: RequestedItemValue, language: 'ja' | 'en'): string {
  if (item.item !== 'OTHER') return DATA_ITEM_LABELS[language][item.item];
  const description = item.description ?? '';
  return language === 'ja' ? `その他（${description}）` : `Other (${description})`;
}
