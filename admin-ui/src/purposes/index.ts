import ListAltIcon from '@mui/icons-material/ListAlt';
import { PurposeCreate, PurposeEdit, PurposeList, PurposeShow } from './Purposes';

export default { list: PurposeList, show: PurposeShow, edit: PurposeEdit, create: PurposeCreate, icon: ListAltIcon };
