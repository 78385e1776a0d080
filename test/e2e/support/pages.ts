import type { Role } from '@mamori/shared';
import { canAccess } from '../../../admin-ui/src/access';
import { japanToday } from '../../../admin-ui/src/format';
import { MANAGER, STAFF, type TestServer } from '../../support/server';

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
  { resource: 'training-status', action: 'list', route: '/training-status' },
  { resource: 'my-training', action: 'list', route: '/my-training' },
  { resource: 'calendar', action: 'list', route: '/calendar' },
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
  ...crud('LedgerRecord', ['list', 'show', 'edit', 'create']),
  ...crud('RiskAssessment', ['edit', 'create']),
  ...crud('InternalAudit', ['list', 'show', 'edit', 'create']),
  ...crud('AuditFinding', ['edit', 'create']),
  ...crud('CorrectiveAction', ['list', 'show', 'edit', 'create']),
  ...crud('ManagementReview', ['list', 'show', 'edit', 'create']),
  ...crud('ManagementReviewAction', ['list', 'show', 'edit', 'create']),
  ...crud('PurposeOfUse', ['list', 'show', 'edit', 'create']),
  ...crud('User', ['list', 'show', 'edit', 'create']),
  ...crud('TrainingCourse', ['list', 'show', 'edit', 'create']),
  ...crud('TrainingCompletion', ['list', 'create']),
  ...crud('ReceivedDataRecord', ['list', 'show', 'create']),
];

/**
 * Records the demo data set does not hold, created as the manager so that every
 * screen above has a record to open: a training course with an attempt, a record of data received.
 */
export async function seedScreenRecords(s: TestServer): Promise<void> {
  const manager = await s.login(MANAGER);
  const today = japanToday();
  const year = Number(today.slice(5, 7)) >= 4 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  const staff = (await s.gql('{ allUsers(filter: { q: "staff@" }) { id email } }', {}, manager)).data?.allUsers.find((u: { email: string }) => u.email === STAFF).id;
  const steps: Array<[string, Record<string, unknown>]> = [
    ['mutation($y: Int!, $d: Date!) { createTrainingCourse(title: "個人情報保護研修", fiscalYear: $y, dueOn: $d) { id } }', { y: year, d: `${year + 1}-03-31` }],
    ['mutation($u: ID!, $d: Date!) { recordTrainingCompletion(courseId: "1", userId: $u, completedOn: $d, result: PASSED, score: 85) { id } }', { u: staff, d: today }],
    [
      `mutation($d: Date!) { createReceivedDataRecord(providerName: "株式会社名簿提供", providerAddress: "東京都港区芝公園1-1-1", providerRepresentative: "代表取締役 山本 一郎",
        acquisitionMethod: "第三者提供への同意を得た懸賞応募フォーム", receivedOn: $d, items: ["氏名", "住所"], subjectCategory: CUSTOMER) { id } }`,
      { d: today },
    ],
  ];
  for (const [query, variables] of steps) {
    const res = await s.gql(query, variables, manager);
    if (res.errors) throw new Error(`seeding a screen record failed: ${res.body}`);
  }
}

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
