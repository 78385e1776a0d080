import type { AcquisitionMethod, ForeignTransferBasis, LedgerExportFormat, LifecycleStage, RiskKind, RiskLevel, StorageMedium } from './ledger';
import type { LegalBasis, SubjectCategory } from './enums';

/**
 * The words of the ledger and its risk assessment, in Japanese and English:
 * the UI's field labels and the headers of the exported workbook are the
 * same, so what the manager sees on screen is what the examiner reads.
 */
type Language = 'ja' | 'en';

export const LEDGER_FIELD_LABELS = {
  ja: {
    id: 'ID',
    name: '個人情報の名称',
    department: '管理部署',
    subjectCategory: '本人の区分',
    dataItems: '項目',
    otherDataItems: 'その他の項目',
    specialCare: '要配慮個人情報を含む',
    approximateRecords: '件数（概数）',
    acquisitionMethod: '取得方法',
    purposeIds: '利用目的',
    storageSystem: '保管システム',
    storageMedium: '保管媒体',
    storageLocation: '保管場所',
    accessRoles: 'アクセスできる役割',
    accessDepartments: 'アクセスできる部署',
    retentionPeriod: '保存期間',
    disposalMethod: '廃棄方法',
    subcontractorIds: '委託先',
    thirdPartyProvision: '第三者提供',
    provisionBasis: '第三者提供の根拠',
    provisionRecipients: '提供先',
    foreignTransfer: '外国にある第三者への提供',
    foreignCountry: '提供先の国',
    foreignTransferBasis: '外国への提供の根拠',
    note: '備考',
    lastReviewedOn: '最終見直し日',
    nextReviewDue: '次回見直し期限',
    reviewOverdue: '見直し期限超過',
    riskAssessmentCount: 'リスク評価の件数',
    notAssessed: 'リスク未評価',
    riskAssessmentOverdue: '再評価期限超過',
    highRiskUnmitigated: '高リスク・対策未計画',
    retiredAt: '廃止日時',
    retired: '廃止済み',
    createdAt: '作成日時',
    updatedAt: '更新日時',
    q: '検索',
  },
  en: {
    id: 'ID',
    name: 'Personal information',
    department: 'Owning department',
    subjectCategory: 'Data subjects',
    dataItems: 'Data items',
    otherDataItems: 'Other items',
    specialCare: 'Special-care-required information',
    approximateRecords: 'Records (approx.)',
    acquisitionMethod: 'Acquired',
    purposeIds: 'Purposes of use',
    storageSystem: 'Storage system',
    storageMedium: 'Medium',
    storageLocation: 'Storage location',
    accessRoles: 'Roles with access',
    accessDepartments: 'Departments with access',
    retentionPeriod: 'Retention period',
    disposalMethod: 'Disposal method',
    subcontractorIds: 'Subcontractors entrusted',
    thirdPartyProvision: 'Provided to third parties',
    provisionBasis: 'Basis of provision',
    provisionRecipients: 'Recipients',
    foreignTransfer: 'Transferred abroad',
    foreignCountry: 'Country',
    foreignTransferBasis: 'Basis of foreign transfer',
    note: 'Note',
    lastReviewedOn: 'Last reviewed on',
    nextReviewDue: 'Next review due',
    reviewOverdue: 'Review overdue',
    riskAssessmentCount: 'Risk assessments',
    notAssessed: 'Not assessed',
    riskAssessmentOverdue: 'Re-assessment overdue',
    highRiskUnmitigated: 'High risk, no planned measure',
    retiredAt: 'Retired at',
    retired: 'Retired',
    createdAt: 'Created at',
    updatedAt: 'Updated at',
    q: 'Search',
  },
} as const satisfies Record<Language, Record<string, string>>;

export const RISK_FIELD_LABELS = {
  ja: {
    id: 'ID',
    ledgerRecordId: '個人情報',
    stage: '段階',
    riskKind: 'リスク',
    likelihood: '発生可能性',
    impact: '影響度',
    inherentRisk: '対策前のリスク',
    measuresInPlace: '実施している対策',
    residualRisk: '残留リスク',
    plannedMeasure: '計画している対策',
    reviewerId: '評価者',
    reviewedOn: '評価日',
    nextAssessmentDue: '次回評価期限',
    overdue: '再評価期限超過',
    unmitigated: '高リスク・対策未計画',
    retiredAt: '廃止日時',
    retired: '廃止済み',
    q: '検索',
  },
  en: {
    id: 'ID',
    ledgerRecordId: 'Personal information',
    stage: 'Stage',
    riskKind: 'Risk',
    likelihood: 'Likelihood',
    impact: 'Impact',
    inherentRisk: 'Risk before measures',
    measuresInPlace: 'Measures in place',
    residualRisk: 'Residual risk',
    plannedMeasure: 'Planned measure',
    reviewerId: 'Reviewer',
    reviewedOn: 'Reviewed on',
    nextAssessmentDue: 'Next assessment due',
    overdue: 'Re-assessment overdue',
    unmitigated: 'High risk, no planned measure',
    retiredAt: 'Retired at',
    retired: 'Retired',
    q: 'Search',
  },
} as const satisfies Record<Language, Record<string, string>>;

interface LedgerEnumLabels {
  AcquisitionMethod: Record<AcquisitionMethod, string>;
  StorageMedium: Record<StorageMedium, string>;
  ForeignTransferBasis: Record<ForeignTransferBasis, string>;
  LifecycleStage: Record<LifecycleStage, string>;
  RiskKind: Record<RiskKind, string>;
  RiskLevel: Record<RiskLevel, string>;
  LedgerExportFormat: Record<LedgerExportFormat, string>;
}

export const LEDGER_ENUM_LABELS: Record<Language, LedgerEnumLabels> = {
  ja: {
    AcquisitionMethod: {
      DIRECT_IN_WRITING: '本人から書面で直接取得',
      DIRECT_OTHER: '本人から書面以外で取得',
      FROM_THIRD_PARTY: '第三者から取得',
      PUBLIC_SOURCE: '公開情報から取得',
    },
    StorageMedium: { ELECTRONIC: '電子', PAPER: '紙', ELECTRONIC_AND_PAPER: '電子と紙' },
    ForeignTransferBasis: {
      CONSENT: '本人の同意（情報提供のうえ）',
      EQUIVALENT_COUNTRY: '同等の水準にある国（EU・英国）',
      EQUIVALENT_MEASURES: '相当措置を継続的に講じる体制',
      LEGAL_EXCEPTION: '法令に基づく場合等の例外',
    },
    LifecycleStage: { ACQUISITION: '取得', USE: '利用', STORAGE: '保管', TRANSFER: '移送・送信', ENTRUSTMENT: '委託', DISPOSAL: '廃棄' },
    RiskKind: { LEAK: '漏えい', LOSS: '滅失', DESTRUCTION: '毀損', ALTERATION: '改ざん', UNAUTHORIZED_ACCESS: '不正アクセス', USE_BEYOND_PURPOSE: '目的外利用' },
    RiskLevel: { LOW: '低', MEDIUM: '中', HIGH: '高' },
    LedgerExportFormat: { XLSX: 'Excel（台帳とリスク評価）', LEDGER_CSV: 'CSV（台帳）', RISK_ASSESSMENT_CSV: 'CSV（リスク評価）' },
  },
  en: {
    AcquisitionMethod: {
      DIRECT_IN_WRITING: 'Directly from the individual, in writing',
      DIRECT_OTHER: 'Directly from the individual, otherwise',
      FROM_THIRD_PARTY: 'From a third party',
      PUBLIC_SOURCE: 'From public sources',
    },
    StorageMedium: { ELECTRONIC: 'Electronic', PAPER: 'Paper', ELECTRONIC_AND_PAPER: 'Electronic and paper' },
    ForeignTransferBasis: {
      CONSENT: 'Consent (after being informed)',
      EQUIVALENT_COUNTRY: 'Country with an equivalent system (EU, UK)',
      EQUIVALENT_MEASURES: 'Recipient keeps equivalent measures',
      LEGAL_EXCEPTION: 'Exception (e.g. required by law)',
    },
    LifecycleStage: { ACQUISITION: 'Acquisition', USE: 'Use', STORAGE: 'Storage', TRANSFER: 'Transfer', ENTRUSTMENT: 'Entrustment', DISPOSAL: 'Disposal' },
    RiskKind: { LEAK: 'Leak', LOSS: 'Loss', DESTRUCTION: 'Destruction', ALTERATION: 'Alteration', UNAUTHORIZED_ACCESS: 'Unauthorized access', USE_BEYOND_PURPOSE: 'Use beyond purpose' },
    RiskLevel: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' },
    LedgerExportFormat: { XLSX: 'Excel (ledger and risks)', LEDGER_CSV: 'CSV (ledger)', RISK_ASSESSMENT_CSV: 'CSV (risk assessment)' },
  },
};

/** The words an export needs for values the UI words elsewhere (its i18n files). */
interface ExportValueLabels {
  SubjectCategory: Record<SubjectCategory, string>;
  LegalBasis: Record<LegalBasis, string>;
  /** By role name: a role added later reads as its name until it is worded here. */
  Role: Record<string, string>;
  yes: string;
  no: string;
}

export const EXPORT_VALUE_LABELS: Record<Language, ExportValueLabels> = {
  ja: {
    SubjectCategory: { CUSTOMER: 'お客様', BUSINESS_PARTNER_CONTACT: '取引先担当者', SHAREHOLDER: '株主', JOB_APPLICANT: '採用応募者', EMPLOYEE: '従業員' },
    LegalBasis: { CONSENT: '本人の同意', LAW: '法令に基づく場合', PROTECT_LIFE_HEALTH_PROPERTY: '人の生命・身体・財産の保護のため', GOVERNMENT_COOPERATION: '国の機関等への協力' },
    Role: { PRIVACY_MANAGER: '個人情報保護管理者', STAFF: '担当者', SUPERVISOR: '委託先監督者', AUDITOR: '内部監査責任者' },
    yes: 'はい',
    no: 'いいえ',
  },
  en: {
    SubjectCategory: { CUSTOMER: 'Customer', BUSINESS_PARTNER_CONTACT: 'Business partner contact', SHAREHOLDER: 'Shareholder', JOB_APPLICANT: 'Job applicant', EMPLOYEE: 'Employee' },
    LegalBasis: { CONSENT: 'Consent of the individual', LAW: 'Required by law', PROTECT_LIFE_HEALTH_PROPERTY: 'To protect life, health or property', GOVERNMENT_COOPERATION: 'Cooperation with public authorities' },
    Role: { PRIVACY_MANAGER: 'Privacy manager', STAFF: 'Staff', SUPERVISOR: 'Subcontractor supervisor', AUDITOR: 'Internal auditor' },
    yes: 'Yes',
    no: 'No',
  },
};
