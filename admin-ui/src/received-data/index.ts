import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./ReceivedData');

/** Records of data received are never changed or deleted: list, show and create only. */
export default {
  list: lazyPage(pages, 'ReceivedDataList'),
  show: lazyPage(pages, 'ReceivedDataShow'),
  create: lazyPage(pages, 'ReceivedDataCreate'),
  icon: MoveToInboxIcon,
};
