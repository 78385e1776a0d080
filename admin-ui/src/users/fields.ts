import type { FieldSet } from '../common/fieldSets';

export const userFields: FieldSet = {
  list: ['id', 'email', 'displayName', 'role', 'department', 'active', 'lockedUntil', 'totpEnabled'],
  reference: ['id', 'displayName'],
  one: ['id', 'email', 'displayName', 'role', 'department', 'active', 'lockedUntil', 'totpEnabled', 'createdAt', 'updatedAt'],
};
