import type { EntityManager } from 'typeorm';
import type { SubjectCategory } from '@mamori/shared';
import { PurposeOfUse } from './purpose.entity';

/** The purposes of use named by the privacy policy. */
export const POLICY_PURPOSES: ReadonlyArray<{ code: string; title: string; titleJa: string; categories: SubjectCategory[] }> = [
  { code: 'CUSTOMER_SERVICES', title: 'Providing our services, contacting customers, e-mail magazines, product information, surveys, accounting-audit confirmations', titleJa: '当社サービスの提供、お客様へのご連絡、メールマガジン、商品・サービスのご案内、アンケート、会計監査上の確認', categories: ['CUSTOMER'] },
  { code: 'INQUIRIES', title: 'Answering inquiries and requests, sending requested materials', titleJa: 'お問い合わせ・ご依頼への対応、資料の送付', categories: ['CUSTOMER', 'BUSINESS_PARTNER_CONTACT'] },
  { code: 'SUBCONTRACTED_WORK', title: 'Executing subcontracted work (system development, operation, maintenance) within what the contract needs', titleJa: '受託業務（システム開発・運用・保守）の遂行（契約上必要な範囲に限る）', categories: ['CUSTOMER', 'BUSINESS_PARTNER_CONTACT'] },
  { code: 'CUSTOMER_CONTRACTS', title: 'Transaction screening, orders, invoices, information, surveys and audits under customer contracts', titleJa: 'お客様との契約に基づく取引審査、受発注、請求、ご案内、調査、監査', categories: ['CUSTOMER'] },
  { code: 'PARTNER_RELATIONS', title: 'Rights and obligations with partner companies and outsourcers', titleJa: '取引先・委託先との権利の行使・義務の履行', categories: ['BUSINESS_PARTNER_CONTACT'] },
  { code: 'SHAREHOLDERS', title: 'Stockholder and investor inquiries and stock management', titleJa: '株主・投資家からのお問い合わせへの対応、株式管理', categories: ['SHAREHOLDER'] },
  { code: 'RECRUITMENT', title: 'Recruitment and selection of new staff', titleJa: '採用選考', categories: ['JOB_APPLICANT'] },
  { code: 'EMPLOYEE_ADMINISTRATION', title: 'Employee administration: salaries, personnel and labour management, social insurance and welfare, accounting', titleJa: '従業員の給与・人事労務管理、社会保険・福利厚生、経理', categories: ['EMPLOYEE'] },
];

/** Seeds the policy's purposes of use (run on every empty database, production too). */
export async function seedPurposes(manager: EntityManager): Promise<void> {
  if ((await manager.count(PurposeOfUse)) > 0) return;
  for (const p of POLICY_PURPOSES) await manager.save(manager.create(PurposeOfUse, { ...p, description: null, active: true }));
}
