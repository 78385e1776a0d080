import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../common/lazyPage';

export default {
  list: lazyPage(() => import('./SubjectList'), 'SubjectList'),
  show: lazyPage(() => import('./SubjectShow'), 'SubjectShow'),
  edit: lazyPage(() => import('./SubjectEdit'), 'SubjectEdit'),
  create: lazyPage(() => import('./SubjectCreate'), 'SubjectCreate'),
  icon: PersonIcon,
};
