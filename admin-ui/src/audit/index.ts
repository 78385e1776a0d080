import HistoryIcon from '@mui/icons-material/History';
import { lazyPage } from '../common/lazyPage';

/** Read-only: the audit trail exports only a list and a show page, so no edit or delete can be offered. */
export default {
  list: lazyPage(() => import('./AuditList'), 'AuditList'),
  show: lazyPage(() => import('./AuditShow'), 'AuditShow'),
  icon: HistoryIcon,
};
