import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's const enum cannot be read under isolatedModules.
const ARGON2ID = 2;

/** argon2id; production uses OWASP's parameters, elsewhere cheap ones keep tests fast. */
export class Passwords {
  private readonly options;
  private dummy: Promise<string> | null = null;

  constructor(production: boolean) {
    this.options = production
      ? { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }
      : { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1, parallelism: 1 };
  }

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    // Unknown accounts still cost one verification, so timing does not reveal them.
    this.dummy ??= this.hash('mamori-dummy-password');
    const target = passwordHash ?? (await this.dummy);
    const ok = await verify(target, password).catch(() => false);
    return ok && passwordHash !== null;
  }
}
