import { addMonths } from '../../clock';
import type { ThirdPartyProvision } from './provision.entity';

/** Provision records are kept at least three years; after that they are reviewed, never silently deleted. */
export const PROVISION_RETENTION_MONTHS = 36;

export const retainUntil = (p: Pick<ThirdPartyProvision, 'providedOn'>) => addMonths(p.providedOn, PROVISION_RETENTION_MONTHS);
export const isPastRetention = (p: Pick<ThirdPartyProvision, 'providedOn'>, today: string) => retainUntil(p) < today;
/** SQL-side equivalent of isPastRetention: provided before this day. */
export const pastRetentionCutoff = (today: string) => addMonths(today, -PROVISION_RETENTION_MONTHS);
