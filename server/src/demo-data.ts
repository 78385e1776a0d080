import { addDays, fiscalYearEnd, fiscalYearOf, fiscalYearStart, japanDay } from './clock';
import { systemCaller, type Caller } from './modules/common/caller';
import type { DataSubject } from './modules/data-subject/data-subject.entity';
import type { User } from './modules/user/user.entity';
import type { Services } from './services';

/** Seeding acts as a demo user, so demo data is created (and audited) like real data. */
const seedCaller = (services: Services, user: User): Caller => systemCaller(user, 'seed', services.db, services.clock);

const DEMO_SUBJECTS = [
  { category: 'CUSTOMER', fullName: '山田 太郎', fullNameKana: 'ヤマダ タロウ', postalCode: '100-0001', postalAddress: '東京都千代田区千代田1-1', phone: '03-1234-5678', email: 'taro.yamada@example.jp' },
  { category: 'CUSTOMER', fullName: '佐々木 花子', fullNameKana: 'ササキ ハナコ', postalCode: '530-0001', postalAddress: '大阪府大阪市北区梅田1-2-3', phone: '090-1234-5678', email: 'hanako.sasaki@example.jp' },
  { category: 'BUSINESS_PARTNER_CONTACT', fullName: '伊藤 健', fullNameKana: 'イトウ ケン', company: '株式会社サンプル商事', division: '営業部', title: '課長', phone: '06-2345-6789', email: 'ken.ito@sample-shoji.example' },
  { category: 'JOB_APPLICANT', fullName: '中村 さくら', fullNameKana: 'ナカムラ サクラ', postalCode: '460-0008', postalAddress: '愛知県名古屋市中区栄3-4-5', phone: '080-3456-7890', email: 'sakura.nakamura@example.jp' },
  { category: 'SHAREHOLDER', fullName: '小林 誠', fullNameKana: 'コバヤシ マコト', postalCode: '812-0011', postalAddress: '福岡県福岡市博多区博多駅前2-2-2', phone: '092-456-7890' },
  { category: 'EMPLOYEE', fullName: '加藤 美咲', fullNameKana: 'カトウ ミサキ', postalCode: '060-0001', postalAddress: '北海道札幌市中央区北一条西1-1', phone: '011-567-8901', email: 'misaki.kato@mamori.example', company: 'Mamori', division: '人事部', title: '主任' },
] as const;

/** The demo company that answers the requests (production starts with an empty profile). */
const DEMO_ORGANISATION = {
  nameJa: '株式会社まもり商事',
  nameEn: 'Mamori Shoji Co., Ltd.',
  postalCode: '100-0005',
  postalAddress: '東京都千代田区丸の内2-7-1 まもりビル8階',
  responsibleDepartment: '個人情報保護管理室',
  responsibleTitle: '個人情報管理責任者',
  responsibleDepartmentEn: 'Personal Information Protection Office',
  responsibleTitleEn: 'Personal Information Protection Manager',
  contactEmail: 'privacy@mamori.example',
  requestAddress: '〒100-0005 東京都千代田区丸の内2-7-1 まもりビル8階 株式会社まもり商事 個人情報保護管理室 開示等請求窓口',
  dateStyle: 'WESTERN',
} as const;

/** A request carried through the whole workflow (closed), and provision records on two legal bases. */
async function seedCaseWorkflowDemo(services: Services, caller: Caller, subjects: DataSubject[], staff: User, today: string): Promise<void> {
  const shareholder = subjects[4]!;
  const done = await services.cases.create(
    {
      type: 'DISCLOSURE',
      requester: 'SELF',
      requesterName: '小林 誠',
      replyAddress: '〒812-0011 福岡県福岡市博多区博多駅前2-2-2',
      channel: 'REGISTERED_MAIL',
      receivedOn: addDays(today, -12),
      requestedItems: [{ item: 'NAME' }, { item: 'ADDRESS' }],
      feeYen: 2000,
      hasRequestForm: true,
      identityDocument: 'RESIDENCE_CERTIFICATE',
      subjectId: String(shareholder.id),
    },
    caller,
  );
  const id = String(done.id);
  await services.cases.assign(id, String(staff.id), caller);
  for (const to of ['VERIFYING', 'IN_PROGRESS', 'RESPONDED'] as const) await services.caseWorkflow.transition({ id, to }, caller);
  await services.caseWorkflow.recordReplyMailed(id, today, caller);
  await services.caseWorkflow.transition({ id, to: 'CLOSED', note: '回答書を簡易書留で送付済み' }, caller);

  const partner = subjects[2]!;
  const [consent] = await services.consents.list({ filter: { subjectId: String(partner.id) } }, caller);
  await services.provisions.create(
    { subjectId: String(partner.id), recipient: '株式会社サンプル物流', items: ['氏名', '勤務先', '電話番号'], providedOn: addDays(today, -30), legalBasis: 'CONSENT', consentId: String(consent!.id) },
    caller,
  );
  await services.provisions.create(
    { subjectId: String(subjects[0]!.id), recipient: '所轄税務署', items: ['氏名', '住所'], providedOn: addDays(today, -100), legalBasis: 'LAW', note: '法令に基づく照会への回答' },
    caller,
  );
}

/** The demo data set: subjects with consents, and cases in several states. */
export async function seedDemoData(services: Services, users: Record<string, User>): Promise<void> {
  const caller = seedCaller(services, users['manager@mamori.example']!);
  const staff = users['staff@mamori.example']!;
  const today = japanDay(services.clock.now());
  await services.organisation.update(DEMO_ORGANISATION, caller);
  const subjects: DataSubject[] = [];
  for (const s of DEMO_SUBJECTS) subjects.push(await services.subjects.create({ ...s }, caller));
  const [purpose] = await services.purposes.list({ perPage: 1 });
  for (const s of subjects.slice(0, 3)) {
    await services.consents.create({ subjectId: String(s.id), purposeId: String(purpose!.id), consentedOn: addDays(today, -200), method: 'WEB_FORM' }, caller);
  }
  const disclosure = await services.cases.create(
    {
      type: 'DISCLOSURE',
      requester: 'SELF',
      requesterName: '山田 太郎',
      replyAddress: '〒100-0001 東京都千代田区千代田1-1',
      channel: 'REGISTERED_MAIL',
      receivedOn: addDays(today, -3),
      requestedItems: [{ item: 'NAME' }, { item: 'ADDRESS' }, { item: 'TELEPHONE' }],
      feeYen: 3000,
      hasRequestForm: true,
      identityDocument: 'HEALTH_INSURANCE_CARD',
      subjectId: String(subjects[0]!.id),
    },
    caller,
  );
  await services.cases.assign(String(disclosure.id), String(staff.id), caller);
  await services.cases.create(
    {
      type: 'AMENDMENT',
      requester: 'REPRESENTATIVE',
      requesterName: '佐々木 花子',
      representativeName: '弁護士 木村 一郎',
      replyAddress: '〒530-0001 大阪府大阪市北区梅田1-2-3',
      channel: 'MAIL',
      receivedOn: addDays(today, -16),
      requestedItems: [{ item: 'ADDRESS' }],
      feeYen: 1000,
      hasRequestForm: true,
      identityDocument: 'PASSPORT',
      hasProxyLetter: true,
    },
    caller,
  );
  await seedCaseWorkflowDemo(services, caller, subjects, staff, today);
  await services.auditWriter.write(caller.audit.drain());
  await seedSupervisionDemo(services, users);
}

/**
 * Subcontractors in the states the reminders are about (an agreement about to
 * expire, an expired one with a non-compliant review, an open hand-over past
 * its end) and the incident register with one reportable incident.
 */
export async function seedSupervisionDemo(services: Services, users: Record<string, User>): Promise<void> {
  const caller = seedCaller(services, users['supervisor@mamori.example']!);
  const managerCaller = seedCaller(services, users['manager@mamori.example']!);
  const today = japanDay(services.clock.now());
  const purposes = await services.purposes.list({ perPage: 20 });
  const purposeId = (code: string) => String(purposes.find((p) => p.code === code)!.id);

  const dataCenter = await services.subcontractors.create(
    {
      name: '株式会社データ処理センター',
      contact: '営業管理部 (03-0000-1111, privacy@dpc.example)',
      entrustedCategories: ['CUSTOMER'],
      entrustedPurposes: [purposeId('CUSTOMER_SERVICES'), purposeId('CUSTOMER_CONTRACTS')],
      meetsStandards: true,
      lastAssessedOn: addDays(today, -120),
    },
    caller,
  );
  await services.agreements.create(
    { subcontractorId: String(dataCenter.id), signedOn: addDays(today, -345), effectiveFrom: addDays(today, -340), expiresOn: addDays(today, 25), documentRef: 'NDA-2025-014' },
    caller,
  );
  await services.supervisionReviews.create(
    { subcontractorId: String(dataCenter.id), reviewedOn: addDays(today, -90), result: 'COMPLIANT', nextReviewDue: addDays(today, 90) },
    caller,
  );
  await services.entrustments.create(
    {
      subcontractorId: String(dataCenter.id),
      dataCategories: ['CUSTOMER'],
      dataItems: ['氏名', '住所', '電話番号'],
      subjectCount: 1200,
      purposeIds: [purposeId('CUSTOMER_SERVICES')],
      handedOverOn: addDays(today, -60),
      endsOn: addDays(today, 30),
      note: 'メールマガジン発送業務',
    },
    caller,
  );
  const pastEnd = await services.entrustments.create(
    {
      subcontractorId: String(dataCenter.id),
      dataCategories: ['CUSTOMER'],
      dataItems: ['氏名', 'メールアドレス'],
      subjectCount: 300,
      purposeIds: [purposeId('CUSTOMER_CONTRACTS')],
      handedOverOn: addDays(today, -50),
      endsOn: addDays(today, -5),
      note: '顧客アンケート集計',
    },
    caller,
  );

  const maintenance = await services.subcontractors.create(
    {
      name: 'システム保守株式会社',
      contact: '保守サービス部 (06-0000-2222)',
      entrustedCategories: ['CUSTOMER', 'BUSINESS_PARTNER_CONTACT'],
      entrustedPurposes: [purposeId('SUBCONTRACTED_WORK')],
      meetsStandards: true,
      lastAssessedOn: addDays(today, -400),
    },
    caller,
  );
  await services.agreements.create(
    { subcontractorId: String(maintenance.id), signedOn: addDays(today, -730), effectiveFrom: addDays(today, -730), expiresOn: addDays(today, -10), documentRef: 'NDA-2024-003' },
    caller,
  );
  await services.supervisionReviews.create(
    {
      subcontractorId: String(maintenance.id),
      reviewedOn: addDays(today, -30),
      result: 'NON_COMPLIANT',
      findings: 'アクセスログの保管期間が契約上の要件を満たしていない',
      correctiveActions: '保管期間を1年に延長し、次回監査で確認する',
      nextReviewDue: addDays(today, -1),
    },
    caller,
  );

  const incident = await services.incidents.create(
    {
      kind: 'LEAK',
      detectedAt: new Date(services.clock.now().getTime() - 4 * 24 * 60 * 60 * 1000).toISOString(),
      description: 'メールマガジンの誤送信により、宛先が他の受信者に表示された',
      peopleAffected: 1200,
      subcontractorId: String(dataCenter.id),
    },
    managerCaller,
  );
  await services.incidents.createMeasure({ incidentId: String(incident.id), description: '配信手順の二重確認を導入', status: 'IN_PROGRESS', dueOn: addDays(today, 14) }, managerCaller);
  await services.incidents.create(
    {
      kind: 'LOSS',
      detectedAt: new Date(services.clock.now().getTime() - 20 * 24 * 60 * 60 * 1000).toISOString(),
      description: '社内で書類1枚の所在が一時不明（翌日発見、外部流出なし）',
      peopleAffected: 1,
    },
    managerCaller,
  );
  void pastEnd;
}

/** This fiscal year's internal audit of the customer desk and of purchasing: a conformity, and two nonconformities with their corrective actions under way. */
export async function seedInternalAuditDemo(services: Services, users: Record<string, User>): Promise<void> {
  const auditor = users['auditor@mamori.example']!;
  const caller = seedCaller(services, auditor);
  const managerCaller = seedCaller(services, users['manager@mamori.example']!);
  const today = japanDay(services.clock.now());
  const lastDay = fiscalYearEnd(fiscalYearOf(today));
  // begun up to three weeks ago (within this fiscal year), so a corrective action can already be past its due day
  const begun = addDays(today, -20) < fiscalYearStart(fiscalYearOf(today)) ? fiscalYearStart(fiscalYearOf(today)) : addDays(today, -20);
  const audit = await services.internalAudits.create(
    {
      title: '開示等請求対応・委託先管理の内部監査',
      scope: '開示等の請求の受付から回答までの手順と期限遵守、委託先の秘密保持契約と監督、今年度の個人情報保護教育の受講状況',
      departments: ['お客様相談室', '購買部'],
      plannedFrom: begun,
      plannedTo: addDays(today, 14) < lastDay ? addDays(today, 14) : lastDay,
      auditorId: String(auditor.id),
    },
    caller,
  );
  await services.internalAudits.createFinding(
    { auditId: String(audit.id), kind: 'CONFORMITY', area: 'TRAINING', description: '今年度の教育は受講対象者全員に案内され、受講記録が保管されている', foundOn: today },
    caller,
  );
  const nonconformity = await services.internalAudits.createFinding(
    { auditId: String(audit.id), kind: 'NONCONFORMITY', area: 'CASES', description: '請求 REQ-2026-0002 で本人確認書類の確認記録が残されていない', foundOn: today },
    caller,
  );
  await services.correctiveActions.create(
    { findingId: String(nonconformity.id), ownerId: String(users['staff@mamori.example']!.id), dueOn: addDays(today, 30), cause: '受付チェックリストに確認記録の欄がない' },
    managerCaller,
  );
  const supervisionGap = await services.internalAudits.createFinding(
    { auditId: String(audit.id), kind: 'NONCONFORMITY', area: 'SUPERVISION', description: '委託先「システム保守株式会社」の秘密保持契約が期限切れのまま更新されていない', foundOn: begun },
    caller,
  );
  await services.correctiveActions.create(
    { findingId: String(supervisionGap.id), ownerId: String(users['supervisor@mamori.example']!.id), dueOn: addDays(begun, 10), cause: '契約期限の管理担当が決められていない' },
    managerCaller,
  );
}

/** Last fiscal year's management review, held near its end: what was concluded, one action done and one still open (due next month). */
export async function seedManagementReviewDemo(services: Services, users: Record<string, User>): Promise<void> {
  const caller = seedCaller(services, users['manager@mamori.example']!);
  const lastYear = fiscalYearOf(japanDay(services.clock.now())) - 1;
  const heldOn = addDays(fiscalYearEnd(lastYear), -20);
  const review = await services.managementReviews.create(
    {
      title: `${lastYear}年度 マネジメントレビュー`,
      periodFrom: fiscalYearStart(lastYear),
      periodTo: addDays(fiscalYearEnd(lastYear), -31),
      plannedOn: heldOn,
      participants: ['代表取締役社長 山本', '個人情報保護管理者 佐藤', '内部監査責任者 渡辺'],
      lawChanges: '個人情報保護委員会のガイドライン（通則編）の一部改正: 漏えい等報告の対象の明確化',
      otherInputs: '取引先から委託先管理の状況について問い合わせがあった',
    },
    caller,
  );
  await services.managementReviews.hold(
    {
      id: String(review.id),
      heldOn,
      conclusions: '個人情報保護マネジメントシステムは適切に運用されている。開示等請求の期限管理と委託先の監督を強化する。',
    },
    caller,
  );
  const done = await services.managementReviews.createAction(
    { reviewId: String(review.id), description: '開示等請求の受付チェックリストを改訂し、回答期限を明記する', ownerId: String(users['staff@mamori.example']!.id), dueOn: addDays(heldOn, 14) },
    caller,
  );
  await services.managementReviews.recordResult({ id: String(done.id), result: 'チェックリストを改訂し、窓口担当へ周知した', doneOn: addDays(heldOn, 10) }, caller);
  await services.managementReviews.createAction(
    { reviewId: String(review.id), description: '全委託先の秘密保持契約の期限を一覧にし、更新の担当者を決める', ownerId: String(users['supervisor@mamori.example']!.id), dueOn: addDays(japanDay(services.clock.now()), 30) },
    caller,
  );
}
