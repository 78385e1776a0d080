import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import agreements from './agreements';
import audit from './audit';
import { authProvider, TWO_FACTOR_PAGE } from './authProvider';
import cases from './cases';
import consents from './consents';
import { lazyPage } from './common/lazyPage';
import { lazyDataProvider } from './lazyDataProvider';
import entrustments from './entrustments';
import { i18nProvider } from './i18n';
import incidents, { measures } from './incidents';
import ledger, { risks } from './ledger';
import internalAudits, { correctiveActions, findings } from './internal-audit';
import managementReviews, { reviewActions } from './management-reviews';
import { MamoriLayout } from './layout/Layout';
import { queryClient } from './queryClient';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import provisions from './provisions';
import purposes from './purposes';
import receivedData from './received-data';
import reviews from './reviews';
import subcontractors from './subcontractors';
import subjects from './subjects';
import training, { completions } from './training';
import users from './users';
import { REMINDERS_PAGE } from './reminders/ReminderSettingsMenuItem';

// Every screen behind the sign-in is its own chunk (see lazyPage); the sign-in page loads none of them.
const Dashboard = lazyPage(() => import('./dashboard/Dashboard'), 'Dashboard');
const AssignmentQueue = lazyPage(() => import('./cases/AssignmentQueue'), 'AssignmentQueue');
const BreakGlassQueue = lazyPage(() => import('./break-glass/BreakGlassQueue'), 'BreakGlassQueue');
const BreakGlassRead = lazyPage(() => import('./subjects/BreakGlassRead'), 'BreakGlassRead');
const TwoFactorPage = lazyPage(() => import('./layout/TwoFactor'), 'TwoFactorPage');
const OrganisationPage = lazyPage(() => import('./organisation/OrganisationPage'), 'OrganisationPage');
const ReminderSettingsPage = lazyPage(() => import('./reminders/ReminderSettingsPage'), 'ReminderSettingsPage');
const TrainingStatusPage = lazyPage(() => import('./training/TrainingStatusPage'), 'TrainingStatusPage');
const MyTrainingPage = lazyPage(() => import('./training/MyTrainingPage'), 'MyTrainingPage');
const CalendarPage = lazyPage(() => import('./calendar/CalendarPage'), 'CalendarPage');

/** Wiring only: each resource's screens live in its own folder; menus follow each role's access (access.ts). */
export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title="Mamori"
    dataProvider={lazyDataProvider}
    queryClient={queryClient}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={MamoriLayout}
    loginPage={LoginPage}
    theme={theme}
  >
    <Resource name="Case" {...cases} />
    <Resource name="DataSubject" {...subjects} />
    <Resource name="Consent" {...consents} />
    <Resource name="ThirdPartyProvision" {...provisions} />
    <Resource name="ReceivedDataRecord" {...receivedData} />
    <Resource name="AuditEntry" {...audit} />
    <Resource name="Subcontractor" {...subcontractors} />
    <Resource name="ConfidentialityAgreement" {...agreements} />
    <Resource name="SupervisionReview" {...reviews} />
    <Resource name="Entrustment" {...entrustments} />
    <Resource name="Incident" {...incidents} />
    <Resource name="IncidentMeasure" {...measures} />
    <Resource name="LedgerRecord" {...ledger} />
    <Resource name="RiskAssessment" {...risks} />
    <Resource name="InternalAudit" {...internalAudits} />
    <Resource name="AuditFinding" {...findings} />
    <Resource name="CorrectiveAction" {...correctiveActions} />
    <Resource name="ManagementReview" {...managementReviews} />
    <Resource name="ManagementReviewAction" {...reviewActions} />
    <Resource name="PurposeOfUse" {...purposes} />
    <Resource name="TrainingCourse" {...training} />
    <Resource name="TrainingCompletion" {...completions} />
    <Resource name="User" {...users} />
    <CustomRoutes>
      <Route path="/assignment-queue" element={<AssignmentQueue />} />
      <Route path="/break-glass" element={<BreakGlassQueue />} />
      <Route path="/break-glass-read" element={<BreakGlassRead />} />
      <Route path={TWO_FACTOR_PAGE} element={<TwoFactorPage />} />
      <Route path="/organisation" element={<OrganisationPage />} />
      <Route path={REMINDERS_PAGE} element={<ReminderSettingsPage />} />
      <Route path="/training-status" element={<TrainingStatusPage />} />
      <Route path="/my-training" element={<MyTrainingPage />} />
      <Route path="/calendar" element={<CalendarPage />} />
    </CustomRoutes>
  </Admin>
);
