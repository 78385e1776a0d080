import SchoolIcon from '@mui/icons-material/School';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { lazyPage } from '../common/lazyPage';

const courses = () => import('./Courses');
const completionPages = () => import('./Completions');

/** Courses are retired, never deleted: no delete anywhere. */
export default {
  list: lazyPage(courses, 'CourseList'),
  show: lazyPage(courses, 'CourseShow'),
  edit: lazyPage(courses, 'CourseEdit'),
  create: lazyPage(courses, 'CourseCreate'),
  icon: SchoolIcon,
};

/** Attempts are recorded once and never changed: list and record only. */
export const completions = {
  list: lazyPage(completionPages, 'CompletionList'),
  create: lazyPage(completionPages, 'RecordCompletion'),
  icon: TaskAltIcon,
};
