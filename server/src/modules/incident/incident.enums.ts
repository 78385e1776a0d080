import { registerEnumType } from 'type-graphql';

export const MEASURE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;
export type MeasureStatusValue = (typeof MEASURE_STATUSES)[number];
export const MeasureStatus = Object.fromEntries(MEASURE_STATUSES.map((k) => [k, k])) as { [K in MeasureStatusValue]: K };
registerEnumType(MeasureStatus, { name: 'MeasureStatus', description: 'Progress of a measure taken after an incident' });
