import HistoryIcon from '@mui/icons-material/History';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

/** Read-only: the audit trail exports only a list and a show page, so no edit or delete can be offered. */
export default { list: AuditList, show: AuditShow, icon: HistoryIcon };
