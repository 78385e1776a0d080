import PeopleIcon from '@mui/icons-material/People';
import { UserCreate, UserEdit, UserList, UserShow } from './Users';

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: PeopleIcon };
