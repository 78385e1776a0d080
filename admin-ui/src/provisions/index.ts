import ShareIcon from '@mui/icons-material/Share';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Provisions');

/** Provision records are never changed or deleted: list, show and create only. */
export default {
  list: lazyPage(pages, 'ProvisionList'),
  show: lazyPage(pages, 'ProvisionShow'),
  create: lazyPage(pages, 'ProvisionCreate'),
  icon: ShareIcon,
};
