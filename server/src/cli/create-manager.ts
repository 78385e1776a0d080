import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { migrations } from '../../../migrations';
import { loadConfig } from '../config';
import { openDatabase, runMigrations } from '../db/data-source';
import { entities } from '../modules';
import { Passwords } from '../modules/user/passwords';
import { PASSWORD_MIN } from '../modules/user/user.inputs';
import { User } from '../modules/user/user.entity';
import { SystemClock } from '../clock';
import { ChainLinker } from '../modules/audit/audit-chain';
import { AuditWriter } from '../modules/audit/audit-writer';
import { createCaller } from '../modules/common/caller';
import { UserService } from '../modules/user/user.service';

/**
 * Creates a privacy-manager account (the first one in production).
 * Usage: npm run create-manager -- --email a@b.example --name "Name"; the password is read from stdin.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.name) throw new Error('--email and --name are required');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password.length < PASSWORD_MIN) throw new Error(`the password (stdin) must be at least ${PASSWORD_MIN} characters`);
  const config = loadConfig();
  await runMigrations(config.migrationDatabaseUrl, entities, migrations);
  const db = await openDatabase(config.databaseUrl, entities);
  try {
    const clock = new SystemClock();
    // The server links the CREATE entry into the chain when it runs next.
    const users = new UserService(db, new Passwords(config.production), clock, new AuditWriter(db, new ChainLinker(db, clock)));
    const caller = createCaller(null, { requestId: 'create-manager', clientIp: 'local' }, db, clock);
    const user: User = await users.create({ email: values.email, displayName: values.name, role: 'PRIVACY_MANAGER', password }, caller);
    console.log(`created the privacy-manager account (user id ${user.id})`);
  } finally {
    await db.source.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`create-manager: ${error.message}`);
  process.exit(1);
});
