import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GALERA_PROVIDER } from './galera';

/** Builds the server (MAMORI_SKIP_BUILD=1 skips that) and fails at once when the cluster's packages are missing. */
export default async function globalSetup(): Promise<void> {
  const missing = [
    ['/usr/sbin/mariadbd', 'mariadb-server'],
    [GALERA_PROVIDER, 'galera-4'],
    ['/usr/bin/rsync', 'rsync'],
  ].filter(([file]) => !existsSync(file!));
  if (missing.length) throw new Error(`The cluster suite needs the Debian packages ${missing.map(([, p]) => p).join(', ')}`);
  if (process.env.MAMORI_SKIP_BUILD === '1') return;
  execSync('npm run build:server', { cwd: join(__dirname, '../..'), stdio: ['ignore', 'ignore', 'inherit'] });
}
