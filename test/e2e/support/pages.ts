import type { Role } from '@mamori/shared';
import { canAccess } from '../../../admin-ui/src/access';

/** One screen of the UI: the access.ts grant it needs and its route (records of the demo data set have id 1). */
export interface Screen {
  resource: string;
  action: string;
  route: string;
}

const crud = (resource: string, actions: readonly string[]): Screen[] =>
  actions.map((action) => ({
    resource,
    action,
    route: { list: `/${resource}`, show: `/${resource}/1/show`, edit: `/${resource}/1`, create: `/${resource}/create` }[action] ?? `/${resource}`,
  }));

/**
 * Every screen behind the sign-in, as App.tsx routes them. A new page joins
 * the accessibility check (axe.test.ts) by a line here; each role walks the
 * screens access.ts grants it.
 */
export const SCREENS: Screen[] = [
  { resource: 'dashboard', action: 'list', route: '/' },
  { resource: 'assignment-queue', action: 'list', route: '/assignment-queue' },
  { resource: 'break-glass', action: 'list', route: '/break-glass' },
  { resource: 'DataSubject', action: 'breakGlass', route: '/break-glass-read' },
  { resource: 'two-factor', action: 'show', route: '/two-factor' },
  { resource: 'reminders', action: 'show', route: '/reminders' },
  { resource: 'organisation', action: 'list', route: '/organisation' },
  ...crud('Case', ['list', 'show', 'edit', 'create']),
  ...crud('DataSubject', ['list', 'show', 'edit', 'create']),
  ...crud('Consent', ['create']),
  ...crud('AuditEntry', ['list', 'show']),
  ...crud('ThirdPartyProvision', ['list', 'show', 'create']),
  ...crud('Subcontractor', ['list', 'show', 'edit', 'create']),
  ...crud('ConfidentialityAgreement', ['list', 'show', 'edit', 'create']),
  ...crud('SupervisionReview', ['list', 'show', 'edit', 'create']),
  ...crud('Entrustment', ['list', 'show', 'edit', 'create']),
  ...crud('Incident', ['list', 'show', 'edit', 'create']),
  ...crud('IncidentMeasure', ['edit', 'create']),
  ...crud('PurposeOfUse', ['list', 'show', 'edit', 'create']),
  ...crud('User', ['list', 'show', 'edit', 'create']),
];

/** Screens every signed-in user has: the dashboard, two-factor enrolment and their reminder settings. */
const EVERYONE = new Set(['dashboard', 'two-factor', 'reminders']);

/** The screens a role may open. */
export const screensOf = (role: Role): Screen[] => SCREENS.filter((s) => EVERYONE.has(s.resource) || canAccess(role, s.resource, s.action));
