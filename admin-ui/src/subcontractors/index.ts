import BusinessIcon from '@mui/icons-material/Business';
import { SubcontractorCreate, SubcontractorEdit, SubcontractorList, SubcontractorShow } from './Subcontractors';

export default { list: SubcontractorList, show: SubcontractorShow, edit: SubcontractorEdit, create: SubcontractorCreate, icon: BusinessIcon };
