import FactCheckIcon from '@mui/icons-material/FactCheck';
import { ReviewCreate, ReviewEdit, ReviewList, ReviewShow } from './Reviews';

export default { list: ReviewList, show: ReviewShow, edit: ReviewEdit, create: ReviewCreate, icon: FactCheckIcon };
