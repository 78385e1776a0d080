import WorkIcon from '@mui/icons-material/Work';
import { CaseCreate } from './CaseCreate';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

/** Cases: no edit page — a case changes through its workflow, on its own page. */
export default { list: CaseList, show: CaseShow, create: CaseCreate, icon: WorkIcon };
