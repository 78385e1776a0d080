import { AUDIT_AREAS, AUDIT_FINDING_KINDS, INTERNAL_AUDIT_STATUSES } from '@mamori/shared';
import { enumChoices } from '../i18n';

export const findingKindChoices = enumChoices('AuditFindingKind', AUDIT_FINDING_KINDS);
export const areaChoices = enumChoices('AuditArea', AUDIT_AREAS);
export const statusChoices = enumChoices('InternalAuditStatus', INTERNAL_AUDIT_STATUSES);

/** Departments typed one a line; cleaned (trimmed, blanks dropped) when the form is saved. */
export const textToDepartments = (text: string) => (text ? text.split('\n') : []);
export const departmentsToText = (list: string[] | undefined) => (Array.isArray(list) ? list.join('\n') : '');
export const cleanDepartments = <T extends { departments?: string[] }>(data: T): T => ({ ...data, departments: (data.departments ?? []).map((d) => d.trim()).filter(Boolean) });
