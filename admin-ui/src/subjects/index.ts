import PersonIcon from '@mui/icons-material/Person';
import { SubjectCreate } from './SubjectCreate';
import { SubjectEdit } from './SubjectEdit';
import { SubjectList } from './SubjectList';
import { SubjectShow } from './SubjectShow';

export default { list: SubjectList, show: SubjectShow, edit: SubjectEdit, create: SubjectCreate, icon: PersonIcon };
