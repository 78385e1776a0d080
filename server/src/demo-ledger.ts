import { addDays, japanDay } from './clock';
import { systemCaller } from './modules/common/caller';
import type { User } from './modules/user/user.entity';
import type { Services } from './services';

/**
 * A demo ledger in the states the dashboard is about: a record reviewed on
 * time with its risks assessed, one past its review with a HIGH risk left
 * unplanned and past its re-assessment, one not yet assessed, and one
 * transferred abroad.
 */
export async function seedLedgerDemo(services: Services, users: Record<string, User>): Promise<void> {
  const manager = users['manager@mamori.example']!;
  const caller = systemCaller(manager, 'seed', services.db, services.clock);
  const today = japanDay(services.clock.now());
  const purposes = await services.purposes.list({ perPage: 20 });
  const purpose = (code: string) => String(purposes.find((p) => p.code === code)!.id);
  const subcontractors = await services.subcontractors.list({ perPage: 20 });
  const subcontractor = (name: string) => String(subcontractors.find((s) => s.name === name)!.id);

  const accounts = await services.ledger.create(
    {
      name: 'ECサイト会員情報',
      department: 'EC事業部',
      subjectCategory: 'CUSTOMER',
      dataItems: ['NAME', 'ADDRESS', 'TELEPHONE', 'EMAIL', 'OTHER'],
      otherDataItems: ['購入履歴', '配送先'],
      approximateRecords: 12000,
      acquisitionMethod: 'DIRECT_IN_WRITING',
      purposeIds: [purpose('CUSTOMER_SERVICES'), purpose('CUSTOMER_CONTRACTS')],
      storageSystem: 'EC基幹システム',
      storageMedium: 'ELECTRONIC',
      storageLocation: 'クラウド（東京リージョン）',
      accessRoles: ['PRIVACY_MANAGER'],
      accessDepartments: ['EC事業部', 'お客様相談室'],
      retentionPeriod: '退会後3年',
      disposalMethod: 'データベースから消去し、消去記録を保管',
      subcontractorIds: [subcontractor('株式会社データ処理センター')],
      lastReviewedOn: addDays(today, -200),
    },
    caller,
  );
  for (const risk of [
    { stage: 'STORAGE', riskKind: 'UNAUTHORIZED_ACCESS', likelihood: 'MEDIUM', impact: 'HIGH', measuresInPlace: '部署単位のアクセス権限、二要素認証、操作ログの月次確認', residualRisk: 'MEDIUM', plannedMeasure: '管理者権限の棚卸しを四半期ごとに実施' },
    { stage: 'ENTRUSTMENT', riskKind: 'LEAK', likelihood: 'LOW', impact: 'HIGH', measuresInPlace: '秘密保持契約の締結と年1回の監督レビュー', residualRisk: 'LOW' },
    { stage: 'DISPOSAL', riskKind: 'USE_BEYOND_PURPOSE', likelihood: 'LOW', impact: 'MEDIUM', measuresInPlace: '退会後3年経過分を月次で自動消去', residualRisk: 'LOW' },
  ] as const) {
    await services.riskAssessments.create({ ledgerRecordId: String(accounts.id), reviewedOn: addDays(today, -60), ...risk }, caller);
  }

  const applicants = await services.ledger.create(
    {
      name: '採用応募者の履歴書',
      department: '人事部',
      subjectCategory: 'JOB_APPLICANT',
      dataItems: ['NAME', 'ADDRESS', 'TELEPHONE', 'EMAIL', 'OTHER'],
      otherDataItems: ['学歴・職歴', '顔写真'],
      approximateRecords: 300,
      acquisitionMethod: 'DIRECT_IN_WRITING',
      purposeIds: [purpose('RECRUITMENT')],
      storageSystem: '採用管理システム',
      storageMedium: 'ELECTRONIC_AND_PAPER',
      storageLocation: '本社4階 人事部の施錠キャビネット',
      accessDepartments: ['人事部'],
      retentionPeriod: '選考終了後1年',
      disposalMethod: '紙は溶解処理、電子データは消去',
      lastReviewedOn: addDays(today, -400),
    },
    caller,
  );
  await services.riskAssessments.create(
    {
      ledgerRecordId: String(applicants.id),
      stage: 'STORAGE',
      riskKind: 'LOSS',
      likelihood: 'HIGH',
      impact: 'HIGH',
      measuresInPlace: '紙の履歴書を施錠キャビネットで保管',
      residualRisk: 'HIGH',
      reviewedOn: addDays(today, -380),
    },
    caller,
  );

  await services.ledger.create(
    {
      name: '従業員の給与・人事情報',
      department: '人事部',
      subjectCategory: 'EMPLOYEE',
      dataItems: ['NAME', 'ADDRESS', 'TELEPHONE', 'OTHER'],
      otherDataItems: ['給与', '健康診断結果', 'マイナンバー'],
      specialCare: true,
      approximateRecords: 450,
      acquisitionMethod: 'DIRECT_IN_WRITING',
      purposeIds: [purpose('EMPLOYEE_ADMINISTRATION')],
      storageSystem: '人事給与システム',
      storageMedium: 'ELECTRONIC',
      storageLocation: '本社サーバールーム',
      accessDepartments: ['人事部'],
      retentionPeriod: '退職後7年',
      disposalMethod: 'データベースから消去し、消去記録を保管',
      thirdPartyProvision: true,
      provisionBasis: 'LAW',
      provisionRecipients: '年金事務所、税務署（法令に基づく届出）',
      lastReviewedOn: addDays(today, -30),
    },
    caller,
  );

  await services.ledger.create(
    {
      name: '取引先担当者名簿',
      department: '営業部',
      subjectCategory: 'BUSINESS_PARTNER_CONTACT',
      dataItems: ['NAME', 'TELEPHONE', 'PLACE_OF_WORK', 'EMAIL'],
      approximateRecords: 2500,
      acquisitionMethod: 'DIRECT_OTHER',
      purposeIds: [purpose('INQUIRIES'), purpose('PARTNER_RELATIONS')],
      storageSystem: '顧客管理クラウドサービス',
      storageMedium: 'ELECTRONIC',
      storageLocation: 'クラウド（米国リージョン）',
      accessRoles: ['PRIVACY_MANAGER'],
      accessDepartments: ['営業部'],
      retentionPeriod: '取引終了後5年',
      disposalMethod: 'クラウドサービスから削除',
      subcontractorIds: [subcontractor('システム保守株式会社')],
      foreignTransfer: true,
      foreignCountry: 'US',
      foreignTransferBasis: 'EQUIVALENT_MEASURES',
      lastReviewedOn: addDays(today, -100),
    },
    caller,
  );
}
