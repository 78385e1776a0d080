import HandshakeIcon from '@mui/icons-material/Handshake';
import { lazyPage } from '../common/lazyPage';

const pages = () => import('./Agreements');

export default {
  list: lazyPage(pages, 'AgreementList'),
  show: lazyPage(pages, 'AgreementShow'),
  edit: lazyPage(pages, 'AgreementEdit'),
  create: lazyPage(pages, 'AgreementCreate'),
  icon: HandshakeIcon,
};
