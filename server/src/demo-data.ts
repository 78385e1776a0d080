import { addDays, japanDay } from './clock';
import type { Context } from './graphql/context';
import { NeedToKnow } from './permissions/need-to-know';
import { RequestAudit } from './modules/audit/request-audit';
import type { User } from './modules/user/user.entity';
import type { Services } from './services';

/** A context for seeding as the manager, so demo data is created (and audited) like real data. */
export function systemContext(services: Services, manager: User): Context {
  const user = { id: manager.id, role: manager.role, email: manager.email, displayName: manager.displayName };
  return {
    requestId: 'seed',
    clientIp: 'local',
    user,
    authError: null,
    services,
    audit: new RequestAudit({ actorId: user.id, actorRole: user.role, requestId: 'seed', clientIp: 'local' }, services.clock),
    access: new NeedToKnow(user, services.db),
    clock: services.clock,
  };
}

const DEMO_SUBJECTS = [
  { category: 'CUSTOMER', fullName: '山田 太郎', fullNameKana: 'ヤマダ タロウ', postalCode: '100-0001', postalAddress: '東京都千代田区千代田1-1', phone: '03-1234-5678', email: 'taro.yamada@example.jp' },
  { category: 'CUSTOMER', fullName: '佐々木 花子', fullNameKana: 'ササキ ハナコ', postalCode: '530-0001', postalAddress: '大阪府大阪市北区梅田1-2-3', phone: '090-1234-5678', email: 'hanako.sasaki@example.jp' },
  { category: 'BUSINESS_PARTNER_CONTACT', fullName: '伊藤 健', fullNameKana: 'イトウ ケン', company: '株式会社サンプル商事', division: '営業部', title: '課長', phone: '06-2345-6789', email: 'ken.ito@sample-shoji.example' },
  { category: 'JOB_APPLICANT', fullName: '中村 さくら', fullNameKana: 'ナカムラ サクラ', postalCode: '460-0008', postalAddress: '愛知県名古屋市中区栄3-4-5', phone: '080-3456-7890', email: 'sakura.nakamura@example.jp' },
  { category: 'SHAREHOLDER', fullName: '小林 誠', fullNameKana: 'コバヤシ マコト', postalCode: '812-0011', postalAddress: '福岡県福岡市博多区博多駅前2-2-2', phone: '092-456-7890' },
  { category: 'EMPLOYEE', fullName: '加藤 美咲', fullNameKana: 'カトウ ミサキ', postalCode: '060-0001', postalAddress: '北海道札幌市中央区北一条西1-1', phone: '011-567-8901', email: 'misaki.kato@mamori.example', company: 'Mamori', division: '人事部', title: '主任' },
] as const;

/** The demo data set: subjects with consents, and cases in several states. */
export async function seedDemoData(services: Services, users: Record<string, User>): Promise<void> {
  const ctx = systemContext(services, users['manager@mamori.example']!);
  const staff = users['staff@mamori.example']!;
  const today = japanDay(services.clock.now());
  const subjects = [];
  for (const s of DEMO_SUBJECTS) subjects.push(await services.subjects.create({ ...s }, ctx));
  const [purpose] = await services.purposes.list({ perPage: 1 });
  for (const s of subjects.slice(0, 3)) {
    await services.consents.create({ subjectId: String(s.id), purposeId: String(purpose!.id), consentedOn: addDays(today, -200), method: 'WEB_FORM' }, ctx);
  }
  const disclosure = await services.cases.create(
    {
      type: 'DISCLOSURE',
      requester: 'SELF',
      requesterName: '山田 太郎',
      replyAddress: '〒100-0001 東京都千代田区千代田1-1',
      channel: 'REGISTERED_MAIL',
      receivedOn: addDays(today, -3),
      dataItems: ['氏名', '住所', '電話番号'],
      feeYen: 3000,
      hasRequestForm: true,
      identityDocument: 'HEALTH_INSURANCE_CARD',
      subjectId: String(subjects[0]!.id),
    },
    ctx,
  );
  await services.cases.assign(String(disclosure.id), String(staff.id), ctx);
  await services.cases.create(
    {
      type: 'AMENDMENT',
      requester: 'REPRESENTATIVE',
      requesterName: '佐々木 花子',
      representativeName: '弁護士 木村 一郎',
      replyAddress: '〒530-0001 大阪府大阪市北区梅田1-2-3',
      channel: 'MAIL',
      receivedOn: addDays(today, -16),
      dataItems: ['住所'],
      feeYen: 1000,
      hasRequestForm: true,
      identityDocument: 'PASSPORT',
      hasProxyLetter: true,
    },
    ctx,
  );
  await services.auditWriter.write(ctx.audit.drain());
}
