import PeopleIcon from '@mui/icons-material/People';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Users');

export default {
  list: lazyPage(pages, 'UserList'),
  show: lazyPage(pages, 'UserShow'),
  edit: lazyPage(pages, 'UserEdit'),
  create: lazyPage(pages, 'UserCreate'),
  icon: PeopleIcon,
};
