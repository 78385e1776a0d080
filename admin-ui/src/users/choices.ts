import { ROLES } from '@mamori/shared';
import { enumChoices } from '../i18n';

export const roleChoices = enumChoices('Role', ROLES);
