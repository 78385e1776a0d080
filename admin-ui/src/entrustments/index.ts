import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { EntrustmentCreate, EntrustmentEdit, EntrustmentList, EntrustmentShow } from './Entrustments';

export default { list: EntrustmentList, show: EntrustmentShow, edit: EntrustmentEdit, create: EntrustmentCreate, icon: LocalShippingIcon };
