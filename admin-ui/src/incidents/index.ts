import ReportIcon from '@mui/icons-material/Report';
import { IncidentCreate, IncidentEdit, IncidentList, IncidentShow } from './Incidents';
import { MeasureCreate, MeasureEdit } from './Measures';

export default { list: IncidentList, show: IncidentShow, edit: IncidentEdit, create: IncidentCreate, icon: ReportIcon };

/** Measures live on their incident's page: no list of their own. */
export const measures = { edit: MeasureEdit, create: MeasureCreate };
