import type { Role } from '@mamori/shared';
import { canAccess } from '../../../admin-ui/src/access';

/** One screen of the UI: the access.ts grant it needs and its route (`:id` is a record the role can see, see recordRoute). */
export interface Screen {
  resource: string;
  action: string;
  route: string;
}

const crud = (resource: string, actions: readonly string[]): Screen[] =>
  actions.map((action) => ({
    resource,
    action,
    route: { list: `/${resource}`, show: `/${resource}/:id/show`, edit: `/${resource}/:id`, create: `/${resource}/create` }[action] ?? `/${resource}`,
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

/** The list query of a resource, as the schema names it (AuditEntry → allAuditEntries). */
const listQueryOf = (resource: string): string => `all${/[^aeiou]y$/.test(resource) ? `${resource.slice(0, -1)}ies` : `${resource}s`}`;

/**
 * A screen's route with `:id` replaced by the first record the role can see:
 * need-to-know hides some demo records from staff (an audit entry of someone
 * else, a provision of a subject they do not handle), and opening one would
 * show the not-found notice instead of the page.
 */
export async function recordRoute(
  screen: Screen,
  gql: (query: string) => Promise<{ data?: Record<string, Array<{ id: string }> | null> | null }>,
): Promise<string> {
  if (!screen.route.includes(':id')) return screen.route;
  const query = listQueryOf(screen.resource);
  const res = await gql(`{ ${query}(perPage: 1, sortField: "id", sortOrder: "ASC") { id } }`);
  const id = res.data?.[query]?.[0]?.id;
  if (!id) throw new Error(`no ${screen.resource} record for this role: the demo data should hold one`);
  return screen.route.replace(':id', id);
}
