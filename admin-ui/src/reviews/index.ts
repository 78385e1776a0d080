import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Reviews');

export default {
  list: lazyPage(pages, 'ReviewList'),
  show: lazyPage(pages, 'ReviewShow'),
  edit: lazyPage(pages, 'ReviewEdit'),
  create: lazyPage(pages, 'ReviewCreate'),
  icon: FactCheckIcon,
};
