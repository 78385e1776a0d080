import type { Role } from '@mamori/shared';
import { seedDemoData, seedInternalAuditDemo, seedManagementReviewDemo } from './demo-data';
import { seedLedgerDemo } from './demo-ledger';
import { logger } from './logger';
import { seedPurposes } from './modules/purpose/purpose.seed';
import { User } from './modules/user/user.entity';
import type { Services } from './services';

export const DEMO_USERS: ReadonlyArray<{ email: string; displayName: string; role: Role; department: string }> = [
  { email: 'manager@mamori.example', displayName: '個人情報管理責任者 佐藤', role: 'PRIVACY_MANAGER', department: '個人情報保護管理室' },
  { email: 'staff@mamori.example', displayName: '窓口担当 鈴木', role: 'STAFF', department: 'お客様相談室' },
  { email: 'staff2@mamori.example', displayName: '窓口担当 高橋', role: 'STAFF', department: 'お客様相談室' },
  { email: 'supervisor@mamori.example', displayName: '委託先監督 田中', role: 'SUPERVISOR', department: '購買部' },
  { email: 'auditor@mamori.example', displayName: '内部監査 渡辺', role: 'AUDITOR', department: '内部監査室' },
];

/** Seeders of the modules, run in order on an empty database outside production. */
type Seeder = (services: Services, users: Record<string, User>) => Promise<void>;
export const seeders: Seeder[] = [seedDemoData, seedInternalAuditDemo, seedLedgerDemo, seedManagementReviewDemo];

/** On an empty database outside production: the demo accounts and a demo data set. */
export async function seedIfEmpty(services: Services): Promise<void> {
  await seedPurposes(services.db.manager);
  if ((await services.db.manager.count(User)) > 0) return;
  const users: Record<string, User> = {};
  for (const demo of DEMO_USERS) {
    users[demo.email] = await services.users.create({ ...demo, password: services.config.demoPassword }, null);
  }
  for (const seed of seeders) await seed(services, users);
  logger.info('seeded demo data', { users: DEMO_USERS.length });
}
