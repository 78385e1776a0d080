import { addMonths } from '../../clock';
import { PROVISION_RETENTION_MONTHS } from '../provision/provision.rules';
import type { ReceivedDataRecord } from './received-data.entity';

/** Records of data received are kept as long as provision records (three years), then reviewed, never silently deleted. */
export const retainUntil = (r: Pick<ReceivedDataRecord, 'receivedOn'>) => addMonths(r.receivedOn, PROVISION_RETENTION_MONTHS);
export const isPastRetention = (r: Pick<ReceivedDataRecord, 'receivedOn'>, today: string) => retainUntil(r) < today;
/** The same cutoff as provision records: received before it means past retention. */
export { pastRetentionCutoff } from '../provision/provision.rules';
