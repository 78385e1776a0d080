import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Entrustments');

export default {
  list: lazyPage(pages, 'EntrustmentList'),
  show: lazyPage(pages, 'EntrustmentShow'),
  edit: lazyPage(pages, 'EntrustmentEdit'),
  create: lazyPage(pages, 'EntrustmentCreate'),
  icon: LocalShippingIcon,
};
