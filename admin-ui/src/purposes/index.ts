import ListAltIcon from '@mui/icons-material/ListAlt';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Purposes');

export default {
  list: lazyPage(pages, 'PurposeList'),
  show: lazyPage(pages, 'PurposeShow'),
  edit: lazyPage(pages, 'PurposeEdit'),
  create: lazyPage(pages, 'PurposeCreate'),
  icon: ListAltIcon,
};
