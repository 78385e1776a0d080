import ShareIcon from '@mui/icons-material/Share';
import { ProvisionCreate, ProvisionList, ProvisionShow } from './Provisions';

/** Provision records are never changed or deleted: list, show and create only. */
export default { list: ProvisionList, show: ProvisionShow, create: ProvisionCreate, icon: ShareIcon };
