/** The four roles of the spec; every permission is stated in terms of these. */
export const ROLES = ['PRIVACY_MANAGER', 'STAFF', 'SUPERVISOR', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];
