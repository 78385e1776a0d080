import WorkIcon from '@mui/icons-material/Work';
import { lazyPage } from '../common/lazyPage';

/** Cases: edited only for intake corrections; a case otherwise changes through its workflow, on its own page. */
export default {
  list: lazyPage(() => import('./CaseList'), 'CaseList'),
  show: lazyPage(() => import('./CaseShow'), 'CaseShow'),
  edit: lazyPage(() => import('./CaseEdit'), 'CaseEdit'),
  create: lazyPage(() => import('./CaseCreate'), 'CaseCreate'),
  icon: WorkIcon,
};
