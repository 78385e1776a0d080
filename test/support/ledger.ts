import type { GraphQLResponse, TestServer } from './server';

/** Helpers of the ledger suites: records and risk assessments over the real API. */

export const LEDGER_FIELDS = `id name department subjectCategory dataItems otherDataItems specialCare approximateRecords acquisitionMethod purposeIds
  storageSystem storageMedium storageLocation accessRoles accessDepartments retentionPeriod disposalMethod subcontractorIds
  thirdPartyProvision provisionBasis provisionRecipients foreignTransfer foreignCountry foreignTransferBasis note
  lastReviewedOn nextReviewDue retiredAt reviewOverdue riskAssessmentCount notAssessed riskAssessmentOverdue highRiskUnmitigated`;

export const RISK_FIELDS = `id ledgerRecordId stage riskKind likelihood impact inherentRisk measuresInPlace residualRisk plannedMeasure reviewerId
  reviewedOn nextAssessmentDue retiredAt overdue unmitigated`;

const RECORD_ARGS: Record<string, string> = {
  name: 'String', department: 'String', subjectCategory: 'SubjectCategory', dataItems: '[DataItem!]', otherDataItems: '[String!]',
  specialCare: 'Boolean', approximateRecords: 'Int', acquisitionMethod: 'AcquisitionMethod', purposeIds: '[ID!]', storageSystem: 'String',
  storageMedium: 'StorageMedium', storageLocation: 'String', accessRoles: '[Role!]', accessDepartments: '[String!]', retentionPeriod: 'String',
  disposalMethod: 'String', subcontractorIds: '[ID!]', thirdPartyProvision: 'Boolean', provisionBasis: 'LegalBasis', provisionRecipients: 'String',
  foreignTransfer: 'Boolean', foreignCountry: 'String', foreignTransferBasis: 'ForeignTransferBasis', note: 'String', lastReviewedOn: 'Date',
};
const RISK_ARGS: Record<string, string> = {
  ledgerRecordId: 'ID', stage: 'LifecycleStage', riskKind: 'RiskKind', likelihood: 'RiskLevel', impact: 'RiskLevel', measuresInPlace: 'String',
  residualRisk: 'RiskLevel', plannedMeasure: 'String', reviewerId: 'ID', reviewedOn: 'Date',
};

const RECORD_REQUIRED = ['name', 'department', 'subjectCategory', 'approximateRecords', 'acquisitionMethod', 'purposeIds', 'storageMedium', 'storageLocation', 'retentionPeriod', 'disposalMethod'];
const RISK_REQUIRED = ['ledgerRecordId', 'stage', 'riskKind', 'likelihood', 'impact', 'measuresInPlace', 'residualRisk'];

/** A mutation taking exactly the variables given (so a left-out argument is left out, not sent as null). */
function mutation(name: string, types: Record<string, string>, vars: Record<string, unknown>, selection: string, required: string[] = []): string {
  const id = !name.startsWith('create');
  const names = Object.keys(vars).filter((k) => k !== 'id');
  const declared = [...(id ? ['$id: ID!'] : []), ...names.map((k) => `$${k}: ${types[k] ?? 'String'}${required.includes(k) ? '!' : ''}`)];
  const passed = [...(id ? ['id: $id'] : []), ...names.map((k) => `${k}: $${k}`)];
  return `mutation(${declared.join(', ')}) { ${name}(${passed.join(', ')}) { ${selection} } }`;
}

/** A complete record of customer accounts (the arguments of createLedgerRecord); `vars` override or add. */
export function customerAccounts(purposeId: string, vars: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `ECサイト会員情報 ${Math.random().toString(36).slice(2, 8)}`,
    department: 'EC事業部',
    subjectCategory: 'CUSTOMER',
    dataItems: ['NAME', 'ADDRESS', 'EMAIL', 'OTHER'],
    otherDataItems: ['購入履歴'],
    specialCare: false,
    approximateRecords: 12000,
    acquisitionMethod: 'DIRECT_IN_WRITING',
    purposeIds: [purposeId],
    storageSystem: 'EC基幹システム',
    storageMedium: 'ELECTRONIC',
    storageLocation: '東京リージョンのクラウド',
    accessRoles: ['PRIVACY_MANAGER'],
    accessDepartments: ['EC事業部', 'カスタマーサポート部'],
    retentionPeriod: '退会後3年',
    disposalMethod: 'データベースから完全消去',
    ...vars,
  };
}

export const createRecord = (s: TestServer, token: string, vars: Record<string, unknown>) =>
  s.gql(mutation('createLedgerRecord', RECORD_ARGS, vars, LEDGER_FIELDS, RECORD_REQUIRED), vars, token);

export const updateRecord = (s: TestServer, token: string, id: string, vars: Record<string, unknown>) =>
  s.gql(mutation('updateLedgerRecord', RECORD_ARGS, vars, LEDGER_FIELDS), { id, ...vars }, token);

export const getRecord = async (s: TestServer, token: string, id: string): Promise<Record<string, any>> =>
  (await s.gql(`query($id: ID!) { LedgerRecord(id: $id) { ${LEDGER_FIELDS} } }`, { id }, token)).data?.LedgerRecord;

/** A risk of the record at a stage (the arguments of createRiskAssessment); `vars` override or add. */
export const createRisk = (s: TestServer, token: string, vars: Record<string, unknown>): Promise<GraphQLResponse> => {
  const all = { stage: 'STORAGE', riskKind: 'LEAK', likelihood: 'MEDIUM', impact: 'HIGH', measuresInPlace: 'アクセス権限を部署単位で付与し、操作ログを取得', residualRisk: 'MEDIUM', ...vars };
  return s.gql(mutation('createRiskAssessment', RISK_ARGS, all, RISK_FIELDS, RISK_REQUIRED), all, token);
};

export const updateRisk = (s: TestServer, token: string, id: string, vars: Record<string, unknown>) =>
  s.gql(mutation('updateRiskAssessment', RISK_ARGS, vars, RISK_FIELDS), { id, ...vars }, token);

/** The id of a purpose of use by its code. */
export async function purposeId(s: TestServer, token: string, code: string): Promise<string> {
  const res = await s.gql<{ allPurposeOfUses: Array<{ id: string; code: string }> }>('{ allPurposeOfUses(perPage: 100) { id code } }', {}, token);
  const found = res.data?.allPurposeOfUses.find((p) => p.code === code);
  if (!found) throw new Error(`no purpose of use ${code}: ${res.body}`);
  return found.id;
}

/** The ids of records a list filter matches. */
export async function recordIdsWhere(s: TestServer, token: string, filter: Record<string, unknown>): Promise<string[]> {
  const res = await s.gql<{ allLedgerRecords: Array<{ id: string }> }>('query($f: LedgerRecordFilter) { allLedgerRecords(filter: $f, perPage: 1000) { id } }', { f: filter }, token);
  if (!res.data) throw new Error(`allLedgerRecords failed: ${res.body}`);
  return res.data.allLedgerRecords.map((r) => r.id);
}
