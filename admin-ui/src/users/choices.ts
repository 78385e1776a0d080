import { ROLES } from '@mamori/shared';
import { enumChoices } from '../i18n';

export const roleChoices = enumChoices('Role', ROLES);

/** The server's bound on a department's name (user/department.ts). */
export const DEPARTMENT_MAX = 60;
