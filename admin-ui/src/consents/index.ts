import ThumbUpIcon from '@mui/icons-material/ThumbUp';
import { ConsentCreate } from './Consents';

/** Consents are listed on their subject's page; recorded here, withdrawn there, never deleted. */
export default { create: ConsentCreate, icon: ThumbUpIcon };
