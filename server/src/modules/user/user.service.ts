import { Brackets } from 'typeorm';
import type { Clock } from '../../clock';
import type { Database } from '../../db/data-source';
import { badInput, conflict, notFound, unauthenticated } from '../../errors';
import { auditedChange } from '../audit/audited-change';
import type { AuditWriter } from '../audit/audit-writer';
import type { Caller } from '../common/caller';
import { applyListArgs, toId, toIds } from '../common/list';
import type { Callers } from '../auth/callers';
import type { Passwords } from './passwords';
import { canonicalDepartment } from './department';
import { User } from './user.entity';
import type { CreateUserArgs, UpdateUserArgs, UserFilter, UserListArgs } from './user.inputs';

const SORTABLE = { id: 'u.id', email: 'u.email', displayName: 'u.display_name', role: 'u.role', active: 'u.active', department: 'u.department' };

/**
 * Users: created, changed and deactivated by the privacy manager; never
 * deleted. Every change is audited with the change (which fields, never a
 * password or its hash): who gave whom which role is what an examiner asks.
 */
export class UserService {
  constructor(
    private readonly db: Database,
    private readonly passwords: Passwords,
    private readonly clock: Clock,
    private readonly writer: AuditWriter,
    /** Told of every change that decides whether a session token still signs in, and as whom. */
    private readonly callers: Callers | null = null,
  ) {}

  async get(id: string | number): Promise<User> {
    const user = await this.db.manager.findOneBy(User, { id: toId(id) });
    if (!user) throw notFound('User', id);
    return user;
  }

  private query(filter: UserFilter | undefined) {
    const qb = this.db.manager.createQueryBuilder(User, 'u');
    const ids = toIds(filter?.ids, 'filter.ids');
    if (ids) qb.andWhere('u.id IN (:...ids)', { ids: ids.length ? ids : [0] });
    if (filter?.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter?.active !== undefined && filter.active !== null) qb.andWhere('u.active = :active', { active: filter.active });
    if (filter?.department) qb.andWhere('u.department = :department', { department: canonicalDepartment(filter.department) ?? '' });
    if (filter?.q) {
      const q = `%${filter.q.toLowerCase()}%`;
      qb.andWhere(new Brackets((b) => b.where('LOWER(u.email) LIKE :q', { q }).orWhere('LOWER(u.display_name) LIKE :q', { q })));
    }
    return qb;
  }

  list(args: UserListArgs): Promise<User[]> {
    return applyListArgs(this.query(args.filter), args, SORTABLE).getMany();
  }

  count(args: UserListArgs): Promise<number> {
    return this.query(args.filter).getCount();
  }

  /** `caller` null only for the demo accounts seeded into an empty development database. */
  async create(args: CreateUserArgs, caller: Caller | null): Promise<User> {
    const email = args.email.trim().toLowerCase();
    if (await this.db.manager.existsBy(User, { email })) throw conflict('EMAIL_TAKEN', 'A user with this e-mail already exists');
    const now = this.clock.now().toISOString();
    const user = this.db.manager.create(User, {
      email,
      displayName: args.displayName.trim(),
      role: args.role,
      department: canonicalDepartment(args.department),
      active: true,
      passwordHash: await this.passwords.hash(args.password),
      failedLogins: 0,
      lockedUntil: null,
      tokenVersion: 0,
      totpSecret: null,
      totpEnabled: false,
      totpLastStep: null,
      recoveryCodes: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!caller) return this.db.manager.save(user);
    return auditedChange(this.db, this.writer, caller, async (manager) => {
      const saved = await manager.save(user);
      return { saved, entry: ['CREATE', { entityType: 'User', entityId: saved.id, fields: ['email', 'displayName', 'role', 'department'], reason: `created as ${saved.role}` }] };
    });
  }

  async update(args: UpdateUserArgs, caller: Caller): Promise<User> {
    const user = await this.get(args.id);
    const actorId = caller.user!.id;
    if (args.active === false && user.id === actorId) {
      throw conflict('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account');
    }
    if (args.role && args.role !== user.role && user.id === actorId) {
      throw conflict('CANNOT_CHANGE_OWN_ROLE', 'You cannot change your own role');
    }
    const before = { displayName: user.displayName, role: user.role, department: user.department, active: user.active };
    if (args.displayName !== undefined) user.displayName = args.displayName.trim();
    if (args.role) user.role = args.role;
    if (args.department !== undefined) user.department = canonicalDepartment(args.department);
    if (args.active !== undefined && args.active !== null && args.active !== user.active) {
      user.active = args.active;
      user.tokenVersion += 1;
    }
    const fields = (Object.keys(before) as Array<keyof typeof before>).filter((f) => before[f] !== user[f]);
    if (fields.length === 0) return user;
    user.updatedAt = this.clock.now().toISOString();
    const reason = [
      fields.includes('role') ? `role ${before.role} → ${user.role}` : null,
      fields.includes('active') ? (user.active ? 'reactivated' : 'deactivated') : null,
    ].filter(Boolean).join('; ');
    return this.save(user, caller, fields, reason || null);
  }

  async unlock(id: string, caller: Caller): Promise<User> {
    const user = await this.get(id);
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.updatedAt = this.clock.now().toISOString();
    return this.save(user, caller, ['lockedUntil'], 'unlocked');
  }

  async resetPassword(id: string, newPassword: string, caller: Caller): Promise<User> {
    const user = await this.get(id);
    return this.setPassword(user, newPassword, caller, 'password reset by the privacy manager');
  }

  async changeOwnPassword(currentPassword: string, newPassword: string, caller: Caller): Promise<User> {
    const user = await this.get(caller.user!.id);
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw unauthenticated('The current password is wrong');
    }
    if (currentPassword === newPassword) throw badInput('newPassword', 'The new password must differ from the current one');
    return this.setPassword(user, newPassword, caller, 'own password changed');
  }

  private async setPassword(user: User, newPassword: string, caller: Caller, reason: string): Promise<User> {
    user.passwordHash = await this.passwords.hash(newPassword);
    user.tokenVersion += 1;
    user.failedLogins = 0;
    user.lockedUntil = null;
    user.updatedAt = this.clock.now().toISOString();
    return this.save(user, caller, ['password'], reason);
  }

  /** Saves the change with its UPDATE entry (field names only), then tells the sign-in cache. */
  private async save(user: User, caller: Caller, fields: string[], reason: string | null): Promise<User> {
    const saved = await auditedChange(this.db, this.writer, caller, async (manager) => ({
      saved: await manager.save(user),
      entry: ['UPDATE', { entityType: 'User', entityId: user.id, fields, reason }],
    }));
    this.callers?.changed(user.id);
    return saved;
  }
}
