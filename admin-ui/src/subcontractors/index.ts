import BusinessIcon from '@mui/icons-material/Business';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Subcontractors');

export default {
  list: lazyPage(pages, 'SubcontractorList'),
  show: lazyPage(pages, 'SubcontractorShow'),
  edit: lazyPage(pages, 'SubcontractorEdit'),
  create: lazyPage(pages, 'SubcontractorCreate'),
  icon: BusinessIcon,
};
