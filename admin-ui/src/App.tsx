import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import agreements from './agreements';
import audit from './audit';
import { authProvider, TWO_FACTOR_PAGE } from './authProvider';
import { BreakGlassQueue } from './break-glass/BreakGlassQueue';
import cases from './cases';
import { AssignmentQueue } from './cases/AssignmentQueue';
import consents from './consents';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import entrustments from './entrustments';
import { i18nProvider } from './i18n';
import incidents, { measures } from './incidents';
import { MamoriLayout } from './layout/Layout';
import { queryClient } from './queryClient';
import { LoginPage } from './layout/LoginPage';
import { TwoFactorPage } from './layout/TwoFactor';
import provisions from './provisions';
import purposes from './purposes';
import reviews from './reviews';
import subcontractors from './subcontractors';
import subjects from './subjects';
import { BreakGlassRead } from './subjects/BreakGlassRead';
import users from './users';

/** Wiring only: each resource's screens live in its own folder; menus follow each role's access (access.ts). */
export const App = () => (
  <Admin
    disableTelemetry
    requireAuth
    title="Mamori"
    dataProvider={dataProvider}
    queryClient={queryClient}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={MamoriLayout}
    loginPage={LoginPage}
  >
    <Resource name="Case" {...cases} />
    <Resource name="DataSubject" {...subjects} />
    <Resource name="Consent" {...consents} />
    <Resource name="ThirdPartyProvision" {...provisions} />
    <Resource name="AuditEntry" {...audit} />
    <Resource name="Subcontractor" {...subcontractors} />
    <Resource name="ConfidentialityAgreement" {...agreements} />
    <Resource name="SupervisionReview" {...reviews} />
    <Resource name="Entrustment" {...entrustments} />
    <Resource name="Incident" {...incidents} />
    <Resource name="IncidentMeasure" {...measures} />
    <Resource name="PurposeOfUse" {...purposes} />
    <Resource name="User" {...users} />
    <CustomRoutes>
      <Route path="/assignment-queue" element={<AssignmentQueue />} />
      <Route path="/break-glass" element={<BreakGlassQueue />} />
      <Route path="/break-glass-read" element={<BreakGlassRead />} />
      <Route path={TWO_FACTOR_PAGE} element={<TwoFactorPage />} />
    </CustomRoutes>
  </Admin>
);
