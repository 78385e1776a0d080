import * as shared from '@mamori/shared';
import { graphqlEnum } from '../common/enums';

export const AcquisitionMethod = graphqlEnum(shared.ACQUISITION_METHODS, 'AcquisitionMethod');
export const StorageMedium = graphqlEnum(shared.STORAGE_MEDIA, 'StorageMedium');
export const ForeignTransferBasis = graphqlEnum(shared.FOREIGN_TRANSFER_BASES, 'ForeignTransferBasis');
export const LifecycleStage = graphqlEnum(shared.LIFECYCLE_STAGES, 'LifecycleStage');
export const RiskKind = graphqlEnum(shared.RISK_KINDS, 'RiskKind');
export const RiskLevel = graphqlEnum(shared.RISK_LEVELS, 'RiskLevel');
export const LedgerExportFormat = graphqlEnum(shared.LEDGER_EXPORT_FORMATS, 'LedgerExportFormat');
export const ExportLanguage = graphqlEnum(shared.EXPORT_LANGUAGES, 'ExportLanguage');
