import ThumbUpIcon from '@mui/icons-material/ThumbUp';
import { lazyPage } from '../common/lazyPage';

/** Consents are listed on their subject's page; recorded here, withdrawn there, never deleted. */
export default { create: lazyPage(() => import('./Consents'), 'ConsentCreate'), icon: ThumbUpIcon };
