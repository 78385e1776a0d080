import MenuBookIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./LedgerRecords');
const riskPages = () => import('./RiskAssessments');

export default {
  list: lazyPage(pages, 'LedgerRecordList'),
  show: lazyPage(pages, 'LedgerRecordShow'),
  edit: lazyPage(pages, 'LedgerRecordEdit'),
  create: lazyPage(pages, 'LedgerRecordCreate'),
  icon: MenuBookIcon,
};

/** Risk assessments live on their record's page: no list of their own. */
export const risks = { edit: lazyPage(riskPages, 'RiskAssessmentEdit'), create: lazyPage(riskPages, 'RiskAssessmentCreate') };
