import WorkIcon from '@mui/icons-material/Work';
import { CaseCreate } from './CaseCreate';
import { CaseEdit } from './CaseEdit';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

/** Cases: edited only for intake corrections; a case otherwise changes through its workflow, on its own page. */
export default { list: CaseList, show: CaseShow, edit: CaseEdit, create: CaseCreate, icon: WorkIcon };
