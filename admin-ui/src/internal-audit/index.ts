import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazyPage';

const auditPages = () => import('./InternalAudits');
const findingPages = () => import('./Findings');
const actionPages = () => import('./CorrectiveActions');

/** The year's internal audits: planned, carried out, closed; never deleted. */
export default {
  list: lazyPage(auditPages, 'InternalAuditList'),
  show: lazyPage(auditPages, 'InternalAuditShow'),
  edit: lazyPage(auditPages, 'InternalAuditEdit'),
  create: lazyPage(auditPages, 'InternalAuditCreate'),
  icon: FactCheckIcon,
};

/** Findings live on their audit's page: no list of their own. */
export const findings = { edit: lazyPage(findingPages, 'FindingEdit'), create: lazyPage(findingPages, 'FindingCreate') };

export const correctiveActions = {
  list: lazyPage(actionPages, 'CorrectiveActionList'),
  show: lazyPage(actionPages, 'CorrectiveActionShow'),
  edit: lazyPage(actionPages, 'CorrectiveActionEdit'),
  create: lazyPage(actionPages, 'CorrectiveActionCreate'),
  icon: AssignmentTurnedInIcon,
};
