/**
 * The personal-information ledger (個人情報管理台帳) and its risk assessment:
 * the enumerations both the server's schema and the UI use.
 */

/** How a kind of personal information is acquired (APPI art. 21: in writing directly from the individual needs the purpose stated first). */
export const ACQUISITION_METHODS = ['DIRECT_IN_WRITING', 'DIRECT_OTHER', 'FROM_THIRD_PARTY', 'PUBLIC_SOURCE'] as const;
export type AcquisitionMethod = (typeof ACQUISITION_METHODS)[number];

export const STORAGE_MEDIA = ['ELECTRONIC', 'PAPER', 'ELECTRONIC_AND_PAPER'] as const;
export type StorageMedium = (typeof STORAGE_MEDIA)[number];

/** The grounds for transferring personal data to a third party in a foreign country (APPI art. 28). */
export const FOREIGN_TRANSFER_BASES = ['CONSENT', 'EQUIVALENT_COUNTRY', 'EQUIVALENT_MEASURES', 'LEGAL_EXCEPTION'] as const;
export type ForeignTransferBasis = (typeof FOREIGN_TRANSFER_BASES)[number];

/** The stages of a kind of personal information's life, each assessed for its risks. */
export const LIFECYCLE_STAGES = ['ACQUISITION', 'USE', 'STORAGE', 'TRANSFER', 'ENTRUSTMENT', 'DISPOSAL'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const RISK_KINDS = ['LEAK', 'LOSS', 'DESTRUCTION', 'ALTERATION', 'UNAUTHORIZED_ACCESS', 'USE_BEYOND_PURPOSE'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** Likelihood, impact and risk, each on three levels (1 to 3). */
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The files the ledger is handed to an examiner as: one workbook with both sheets, or one CSV a sheet. */
export const LEDGER_EXPORT_FORMATS = ['XLSX', 'LEDGER_CSV', 'RISK_ASSESSMENT_CSV'] as const;
export type LedgerExportFormat = (typeof LEDGER_EXPORT_FORMATS)[number];

/** The languages of an export's headers and values: the user's language in the UI. */
export const EXPORT_LANGUAGES = ['ja', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];
