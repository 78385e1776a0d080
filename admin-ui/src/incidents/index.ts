import ReportIcon from '@mui/icons-material/Report';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Incidents');
const measurePages = () => import('./Measures');

export default {
  list: lazyPage(pages, 'IncidentList'),
  show: lazyPage(pages, 'IncidentShow'),
  edit: lazyPage(pages, 'IncidentEdit'),
  create: lazyPage(pages, 'IncidentCreate'),
  icon: ReportIcon,
};

/** Measures live on their incident's page: no list of their own. */
export const measures = { edit: lazyPage(measurePages, 'MeasureEdit'), create: lazyPage(measurePages, 'MeasureCreate') };
