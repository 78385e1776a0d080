import EventNoteIcon from '@mui/icons-material/EventNote';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { lazyPage } from '../common/lazyPage';

const reviewPages = () => import('./ManagementReviews');
const actionPages = () => import('./ReviewActions');

/** Top management's reviews: planned, held (their inputs kept as presented), closed; never deleted. */
export default {
  list: lazyPage(reviewPages, 'ManagementReviewList'),
  show: lazyPage(reviewPages, 'ManagementReviewShow'),
  edit: lazyPage(reviewPages, 'ManagementReviewEdit'),
  create: lazyPage(reviewPages, 'ManagementReviewCreate'),
  icon: EventNoteIcon,
};

export const reviewActions = {
  list: lazyPage(actionPages, 'ReviewActionList'),
  show: lazyPage(actionPages, 'ReviewActionShow'),
  edit: lazyPage(actionPages, 'ReviewActionEdit'),
  create: lazyPage(actionPages, 'ReviewActionCreate'),
  icon: PlaylistAddCheckIcon,
};
