import type { FieldSet } from '../common/fieldSets';

export const purposeFields: FieldSet = {
  list: ['id', 'code', 'title', 'titleJa', 'categories', 'active'],
  reference: ['id', 'code', 'title', 'titleJa'],
  one: ['id', 'code', 'title', 'titleJa', 'description', 'categories', 'active'],
};
